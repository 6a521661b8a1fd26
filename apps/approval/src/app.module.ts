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

import { approvalOrmSettings } from './mikro-orm.config';

/** The approval service: its schema, migrations and health so far; capabilities arrive with their issues. */
@Module({
  imports: [
    PlatformConfigModule.forRoot(PlatformEnv),
    LoggingModule.forService('approval'),
    MessagingModule,
    DatabaseModule.forService(approvalOrmSettings),
    HealthModule.forService({
      service: 'approval',
      subject: SUBJECTS.approval.healthCheck,
      database: true,
      temporal: false,
    }),
  ],
})
export class AppModule {}
