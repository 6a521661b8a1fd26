import { Module } from '@nestjs/common';

import { AssessmentWriter } from './assessment-writer';
import { AssessmentsHandler } from './assessments.handler';
import { AssessmentsService } from './assessments.service';
import { RuleVersionsModule } from '../rule-versions/rule-versions.module';

@Module({
  imports: [RuleVersionsModule],
  controllers: [AssessmentsHandler],
  providers: [AssessmentsService, AssessmentWriter],
})
export class AssessmentsModule {}
