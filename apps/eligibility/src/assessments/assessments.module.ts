import { Module } from '@nestjs/common';

import { AssessmentsHandler } from './assessments.handler';
import { AssessmentsService } from './assessments.service';

@Module({
  controllers: [AssessmentsHandler],
  providers: [AssessmentsService],
})
export class AssessmentsModule {}
