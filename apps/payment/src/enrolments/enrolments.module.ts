import { Module } from '@nestjs/common';

import { EnrolmentPayeesService } from './enrolment-payees.service';
import { EnrolmentReviewsService } from './enrolment-reviews.service';
import { EnrolmentsHandler } from './enrolments.handler';
import { EnrolmentsService } from './enrolments.service';
import { HouseholdFilingService } from './household-filing.service';
import { BanksModule } from '../banks/banks.module';

@Module({
  imports: [BanksModule],
  controllers: [EnrolmentsHandler],
  providers: [EnrolmentsService, EnrolmentReviewsService, EnrolmentPayeesService, HouseholdFilingService],
  exports: [HouseholdFilingService],
})
export class EnrolmentsModule {}
