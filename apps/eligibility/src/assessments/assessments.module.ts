import { Module } from '@nestjs/common';

import { AssessmentsHandler } from './assessments.handler';
import { AssessmentsService } from './assessments.service';
import { RuleVersionsModule } from '../rule-versions/rule-versions.module';

@Module({
  imports: [RuleVersionsModule],
  controllers: [AssessmentsHandler],
  providers: [AssessmentsService],
})
export class AssessmentsModule {}
