import { Module } from '@nestjs/common';

import { PlatformEnv, ServicePlatformModule } from '@app/platform';

import { AssessmentsModule } from './assessments/assessments.module';
import { eligibilityOrmSettings } from './mikro-orm.config';

/** The eligibility service: local standards, calculation policies and the means test. */
@Module({
  imports: [
    ServicePlatformModule.forService({ service: 'eligibility', env: PlatformEnv, orm: eligibilityOrmSettings }),
    AssessmentsModule,
  ],
})
export class AppModule {}
