import { Module } from '@nestjs/common';

import { PlatformEnv, ServicePlatformModule } from '@app/platform';

import { AssessmentsModule } from './assessments/assessments.module';
import { eligibilityOrmSettings } from './mikro-orm.config';
import { RuleVersionsModule } from './rule-versions/rule-versions.module';

/** The eligibility service: local standards, calculation policies and the means test. */
@Module({
  imports: [
    ServicePlatformModule.forService({ service: 'eligibility', env: PlatformEnv, orm: eligibilityOrmSettings }),
    RuleVersionsModule,
    AssessmentsModule,
  ],
})
export class AppModule {}
