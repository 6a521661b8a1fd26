import { Module } from '@nestjs/common';

import { DatabaseModule, LoggingModule, MessagingModule, PlatformConfigModule } from '@app/platform';

import { AccessLogModule } from './access-log/access-log.module';
import { ApplicationsController } from './applications/applications.controller';
import { DocumentsController } from './documents/documents.controller';
import { GatewayEnv } from './gateway.env';
import { HealthController } from './health/health.controller';
import { HouseholdsController } from './households/households.controller';
import { IdentityModule } from './identity/identity.module';
import { gatewayOrmSettings } from './mikro-orm.config';

@Module({
  imports: [
    PlatformConfigModule.forRoot(GatewayEnv),
    LoggingModule.forService('gateway'),
    MessagingModule,
    DatabaseModule.forService(gatewayOrmSettings),
    IdentityModule,
    AccessLogModule,
  ],
  controllers: [ApplicationsController, DocumentsController, HouseholdsController, HealthController],
})
export class AppModule {}
