import { Module } from '@nestjs/common';

import { TemporalClientModule } from '@app/platform';

import { TasksHandler } from './tasks.handler';
import { TasksService } from './tasks.service';
import { CalendarModule } from '../calendar/calendar.module';
import { PoliciesModule } from '../policies/policies.module';

/** The staff inbox and decisions. */
@Module({
  imports: [CalendarModule, PoliciesModule, TemporalClientModule],
  controllers: [TasksHandler],
  providers: [TasksService],
})
export class TasksModule {}
