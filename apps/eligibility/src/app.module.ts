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

import { eligibilityOrmSettings } from './mikro-orm.config';

/** The eligibility service: its schema, migrations and health so far; capabilities arrive with their issues. */
@Module({
  imports: [
    PlatformConfigModule.forRoot(PlatformEnv),
    LoggingModule.forService('eligibility'),
    MessagingModule,
    DatabaseModule.forService(eligibilityOrmSettings),
    HealthModule.forService({
      service: 'eligibility',
      subject: SUBJECTS.eligibility.healthCheck,
      database: true,
      temporal: false,
    }),
  ],
})
export class AppModule {}
