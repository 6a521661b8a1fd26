import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';

import {
  type CalendarReply,
  LoadCalendarRequest,
  SUBJECTS,
  type WorkingDaysDueReply,
  WorkingDaysDueRequest,
} from '@app/contracts';

import { CalendarService } from './calendar.service';

@Controller()
export class CalendarHandler {
  constructor(private readonly calendars: CalendarService) {}

  @MessagePattern(SUBJECTS.approval.calendarLoad)
  load(@Payload() request: LoadCalendarRequest): Promise<CalendarReply> {
    return this.calendars.load(request);
  }

  @MessagePattern(SUBJECTS.approval.calendarDueDate)
  dueDate(@Payload() request: WorkingDaysDueRequest): Promise<WorkingDaysDueReply> {
    return this.calendars.dueDate(request.from, request.workingDays, request.excluding);
  }

  @MessagePattern(SUBJECTS.approval.calendarList)
  list(): Promise<CalendarReply> {
    return this.calendars.list();
  }
}
