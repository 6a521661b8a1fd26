import { Module } from '@nestjs/common';

import { PlatformEnv, ServicePlatformModule } from '@app/platform';

import { ApplicationsModule } from './applications/applications.module';
import { AttachmentsModule } from './attachments/attachments.module';
import { DivisionsModule } from './divisions/divisions.module';
import { HouseholdsModule } from './households/households.module';
import { intakeOrmSettings } from './mikro-orm.config';

@Module({
  imports: [
    ServicePlatformModule.forService({ service: 'intake', env: PlatformEnv, orm: intakeOrmSettings, temporal: true }),
    DivisionsModule,
    HouseholdsModule,
    ApplicationsModule,
    AttachmentsModule,
  ],
})
export class AppModule {}
