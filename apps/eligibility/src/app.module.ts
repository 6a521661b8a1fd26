import { Module } from '@nestjs/common';

import { PlatformEnv, ServicePlatformModule } from '@app/platform';

import { eligibilityOrmSettings } from './mikro-orm.config';

/** The eligibility service: its schema, migrations and health so far; capabilities arrive with their issues. */
@Module({
  imports: [
    ServicePlatformModule.forService({ service: 'eligibility', env: PlatformEnv, orm: eligibilityOrmSettings }),
  ],
})
export class AppModule {}
