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

import { ApplicationsModule } from './applications/applications.module';
import { intakeOrmSettings } from './mikro-orm.config';

@Module({
  imports: [
    PlatformConfigModule.forRoot(PlatformEnv),
    LoggingModule.forService('intake'),
    MessagingModule,
    DatabaseModule.forService(intakeOrmSettings),
    HealthModule.forService({
      service: 'intake',
      subject: SUBJECTS.intake.healthCheck,
      database: true,
      temporal: true,
    }),
    ApplicationsModule,
  ],
})
export class AppModule {}
