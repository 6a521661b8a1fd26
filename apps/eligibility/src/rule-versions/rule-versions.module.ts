import { Module } from '@nestjs/common';

import { KnownDivisions } from './known-divisions';
import { RuleVersionsHandler } from './rule-versions.handler';
import { RuleVersionsService } from './rule-versions.service';

/** Local standards and calculation policies: versions, their audit trail, and which is in force when. */
@Module({
  controllers: [RuleVersionsHandler],
  providers: [RuleVersionsService, KnownDivisions],
  exports: [RuleVersionsService, KnownDivisions],
})
export class RuleVersionsModule {}
