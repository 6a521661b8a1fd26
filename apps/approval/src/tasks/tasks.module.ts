import { Module } from '@nestjs/common';

import { TemporalClientModule } from '@app/platform';

import { TasksHandler } from './tasks.handler';
import { TasksService } from './tasks.service';
import { CalendarModule } from '../calendar/calendar.module';
import { PoliciesService } from '../policies/policies.service';

/** The staff inbox and decisions; the approval policy of a county. */
@Module({
  imports: [CalendarModule, TemporalClientModule],
  controllers: [TasksHandler],
  providers: [TasksService, PoliciesService],
})
export class TasksModule {}
