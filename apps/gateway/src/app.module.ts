import { Module } from '@nestjs/common';

import { LoggingModule, MessagingModule, PlatformConfigModule } from '@app/platform';

import { ApplicationsController } from './applications/applications.controller';
import { DocumentsController } from './documents/documents.controller';
import { GatewayEnv } from './gateway.env';
import { HealthController } from './health/health.controller';

@Module({
  imports: [PlatformConfigModule.forRoot(GatewayEnv), LoggingModule.forService('gateway'), MessagingModule],
  controllers: [ApplicationsController, DocumentsController, HealthController],
})
export class AppModule {}
