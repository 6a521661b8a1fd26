import { Module } from '@nestjs/common';

import { TemporalClientModule } from '@app/platform';

import { CalendarHandler } from './calendar.handler';
import { CalendarService } from './calendar.service';

/** The official holiday calendar, per year, as data. */
@Module({
  imports: [TemporalClientModule],
  controllers: [CalendarHandler],
  providers: [CalendarService],
  exports: [CalendarService],
})
export class CalendarModule {}
