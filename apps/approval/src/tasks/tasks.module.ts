import { Module } from '@nestjs/common';

import { TemporalClientModule } from '@app/platform';

import { TaskClaimsService } from './task-claims.service';
import { TaskStatisticsService } from './task-statistics.service';
import { TasksHandler } from './tasks.handler';
import { TasksService } from './tasks.service';
import { CalendarModule } from '../calendar/calendar.module';
import { PoliciesModule } from '../policies/policies.module';

/** The staff inbox, signing for tasks, decisions and the supervision figures of both. */
@Module({
  imports: [CalendarModule, PoliciesModule, TemporalClientModule],
  controllers: [TasksHandler],
  providers: [TasksService, TaskStatisticsService, TaskClaimsService],
})
export class TasksModule {}
