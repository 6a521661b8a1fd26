import { Module } from '@nestjs/common';

import { PlatformEnv, ServicePlatformModule } from '@app/platform';

import { paymentOrmSettings } from './mikro-orm.config';

/** The payment service: its schema, migrations and health so far; capabilities arrive with their issues. */
@Module({
  imports: [ServicePlatformModule.forService({ service: 'payment', env: PlatformEnv, orm: paymentOrmSettings })],
})
export class AppModule {}
