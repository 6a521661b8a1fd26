import { Module } from '@nestjs/common';

import { SUBJECTS } from '@app/contracts';
import {
  DatabaseModule,
  HealthModule,
  LoggingModule,
  MessagingModule,
  PlatformConfigModule,
  PlatformEnv,
} from '@app/platform';

import { paymentOrmSettings } from './mikro-orm.config';

/** The payment service: its schema, migrations and health so far; capabilities arrive with their issues. */
@Module({
  imports: [
    PlatformConfigModule.forRoot(PlatformEnv),
    LoggingModule.forService('payment'),
    MessagingModule,
    DatabaseModule.forService(paymentOrmSettings),
    HealthModule.forService({
      service: 'payment',
      subject: SUBJECTS.payment.healthCheck,
      database: true,
      temporal: false,
    }),
  ],
})
export class AppModule {}
