import { Module } from '@nestjs/common';

import { EnrolmentsHandler } from './enrolments.handler';
import { EnrolmentsService } from './enrolments.service';
import { BanksModule } from '../banks/banks.module';

@Module({
  imports: [BanksModule],
  controllers: [EnrolmentsHandler],
  providers: [EnrolmentsService],
})
export class EnrolmentsModule {}
