import { Module } from '@nestjs/common';

import { PlatformEnv, ServicePlatformModule } from '@app/platform';

import { AppealsModule } from './appeals/appeals.module';
import { CalendarModule } from './calendar/calendar.module';
import { ChainsModule } from './chains/chains.module';
import { approvalOrmSettings } from './mikro-orm.config';
import { TasksModule } from './tasks/tasks.module';

/**
 * The approval service: the staff inbox, decisions into the chain, approval policies, the holiday calendar, and the
 * reconsideration and court cases against the county's decisions.
 */
@Module({
  imports: [
    ServicePlatformModule.forService({
      service: 'approval',
      env: PlatformEnv,
      orm: approvalOrmSettings,
      temporal: true,
    }),
    AppealsModule,
    CalendarModule,
    ChainsModule,
    TasksModule,
  ],
})
export class AppModule {}
