import { Module } from '@nestjs/common';

import { RecoveriesHandler } from './recoveries.handler';
import { RecoveriesService } from './recoveries.service';
import { EnrolmentsModule } from '../enrolments/enrolments.module';

/** Money paid that was not owed, ordered back (追回), and what is repaid. */
@Module({
  imports: [EnrolmentsModule],
  controllers: [RecoveriesHandler],
  providers: [RecoveriesService],
})
export class RecoveriesModule {}
