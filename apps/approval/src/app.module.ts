import { Module } from '@nestjs/common';

import { PlatformEnv, ServicePlatformModule } from '@app/platform';

import { approvalOrmSettings } from './mikro-orm.config';

/** The approval service: its schema, migrations and health so far; capabilities arrive with their issues. */
@Module({
  imports: [ServicePlatformModule.forService({ service: 'approval', env: PlatformEnv, orm: approvalOrmSettings })],
})
export class AppModule {}
