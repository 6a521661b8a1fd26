import { Module } from '@nestjs/common';

import { TemporalClientModule } from '@app/platform';

import { PayrollScheduleService } from './payroll-schedule.service';
import { PayrollHandler } from './payroll.handler';
import { PayrollService } from './payroll.service';

@Module({
  imports: [TemporalClientModule],
  controllers: [PayrollHandler],
  providers: [PayrollService, PayrollScheduleService],
})
export class PayrollModule {}
