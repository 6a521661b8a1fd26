import { Module } from '@nestjs/common';

import { PlatformEnv, ServicePlatformModule } from '@app/platform';

import { ApplicationsModule } from './applications/applications.module';
import { intakeOrmSettings } from './mikro-orm.config';

@Module({
  imports: [
    ServicePlatformModule.forService({ service: 'intake', env: PlatformEnv, orm: intakeOrmSettings, temporal: true }),
    ApplicationsModule,
  ],
})
export class AppModule {}
