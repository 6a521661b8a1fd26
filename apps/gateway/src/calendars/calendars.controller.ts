import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, OmitType } from '@nestjs/swagger';

import { type CalendarReply, LoadCalendarRequest, PERMISSIONS, SUBJECTS } from '@app/contracts';
import { IntParam, MessagingClient } from '@app/platform';

import { RequirePermission } from '../identity/auth/auth.decorators';

class CalendarYearDto extends OmitType(LoadCalendarRequest, ['year'] as const) {}

/** The official holiday calendar every working-day limit is counted on; a new year is loaded as data. */
@ApiTags('calendars')
@ApiBearerAuth()
@Controller('v1/calendars')
export class CalendarsController {
  constructor(private readonly messaging: MessagingClient) {}

  @Get()
  @ApiOperation({
    summary:
      'The years whose holiday arrangement is loaded (a due date in another year is not computed), and the years open tasks wait for',
  })
  list(): Promise<CalendarReply> {
    return this.messaging.request(SUBJECTS.approval.calendarList, {});
  }

  @Put(':year')
  @RequirePermission(PERMISSIONS.calendarManage)
  @ApiOperation({
    summary:
      "Load a year's official arrangement (holidays on weekdays isOffDay=true, make-up working days isOffDay=false), replacing that year",
  })
  load(@IntParam('year') year: number, @Body() body: CalendarYearDto): Promise<CalendarReply> {
    return this.messaging.request(SUBJECTS.approval.calendarLoad, { ...body, year });
  }
}
