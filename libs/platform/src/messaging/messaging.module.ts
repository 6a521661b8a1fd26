import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ClientsModule, Transport } from '@nestjs/microservices';

import { MessagingClient } from './messaging.client';
import { NATS_CLIENT } from './messaging.constants';
import { UploadStore } from './upload-store';

/** The NATS client every process uses to send requests (MessagingClient). */
@Global()
@Module({
  imports: [
    ClientsModule.registerAsync([
      {
        name: NATS_CLIENT,
        inject: [ConfigService],
        useFactory: (config: ConfigService) => ({
          transport: Transport.NATS,
          options: {
            servers: config.getOrThrow<string>('NATS_SERVERS').split(','),
            // No Error (and its stack trace) made up front for every request, in case it times out: MessagingClient
            // names the subject in every failure it reports.
            noAsyncTraces: true,
          },
        }),
      },
    ]),
  ],
  providers: [MessagingClient, UploadStore],
  exports: [MessagingClient, UploadStore],
})
export class MessagingModule {}
