import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client, Connection } from '@temporalio/client';

import { payloadEncryptionCodec } from './payload-encryption.codec';

/** Owns the connection to the Temporal frontend (payloads encrypted); connects lazily and closes on shutdown. */
@Injectable()
export class TemporalClientService implements OnApplicationShutdown {
  private readonly logger = new Logger(TemporalClientService.name);
  readonly connection: Connection;
  readonly client: Client;

  constructor(config: ConfigService) {
    this.connection = Connection.lazy({ address: config.getOrThrow<string>('TEMPORAL_ADDRESS') });
    this.client = new Client({
      connection: this.connection,
      namespace: config.getOrThrow<string>('TEMPORAL_NAMESPACE'),
      dataConverter: {
        payloadCodecs: [
          payloadEncryptionCodec(config.getOrThrow<string>('TEMPORAL_PAYLOAD_KEYS'), config.get<string>('NODE_ENV')),
        ],
      },
    });
  }

  /** Throws when the frontend does not answer within `timeoutMs`. */
  async ping(timeoutMs = 2000): Promise<void> {
    await this.connection.ensureConnected();
    await this.connection.withDeadline(Date.now() + timeoutMs, () => this.connection.workflowService.getSystemInfo({}));
  }

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.connection.close();
    } catch (error) {
      this.logger.warn({ err: error }, 'closing the Temporal connection failed');
    }
  }
}
