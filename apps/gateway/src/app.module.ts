import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { MulterModule } from '@nestjs/platform-express';

import { DatabaseModule, LoggingModule, MessagingModule, MetricsModule, PlatformConfigModule } from '@app/platform';

import { AccessLogModule } from './access-log/access-log.module';
import { AppealsController } from './appeals/appeals.controller';
import { ApplicationRegisterService } from './applications/application-register.service';
import { ApplicationsController } from './applications/applications.controller';
import { EvidenceUploadService } from './applications/evidence-upload.service';
import { ApprovalPoliciesController } from './approval-policies/approval-policies.controller';
import { ArchiveTransfersController } from './archive-transfer/archive-transfers.controller';
import { BankController } from './bank/bank.controller';
import { CalendarsController } from './calendars/calendars.controller';
import { AccountingRecordsController } from './documents/accounting-records.controller';
import { ArchiveFilesController } from './documents/archive-files.controller';
import { DocumentsController } from './documents/documents.controller';
import { DossierController } from './dossier/dossier.controller';
import { DossierService } from './dossier/dossier.service';
import { EligibilityController } from './eligibility/eligibility.controller';
import { GatewayEnv } from './gateway.env';
import { HealthController } from './health/health.controller';
import { HouseholdsController } from './households/households.controller';
import { IdentityModule } from './identity/identity.module';
import { gatewayOrmSettings } from './mikro-orm.config';
import { PaymentsController } from './payments/payments.controller';
import { RecoveriesController } from './payments/recoveries.controller';
import { RecipientsPublicityController } from './publicity/recipients-publicity.controller';
import { RecipientsPublicityService } from './publicity/recipients-publicity.service';
import { InboxService } from './tasks/inbox.service';
import { TasksController } from './tasks/tasks.controller';

@Module({
  imports: [
    PlatformConfigModule.forRoot(GatewayEnv),
    LoggingModule.forService('gateway'),
    MessagingModule,
    MetricsModule.forService('gateway'),
    DatabaseModule.forService(gatewayOrmSettings),
    IdentityModule,
    MulterModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        limits: { fileSize: config.getOrThrow<number>('UPLOAD_MAX_BYTES'), files: 1 },
        // Browsers send a file's name as UTF-8 bytes without a charset (RFC 7578); multer would read them as latin1.
        defParamCharset: 'utf8',
      }),
    }),
    AccessLogModule,
  ],
  providers: [
    EvidenceUploadService,
    DossierService,
    ApplicationRegisterService,
    InboxService,
    RecipientsPublicityService,
  ],
  controllers: [
    ApplicationsController,
    DocumentsController,
    AccountingRecordsController,
    ArchiveFilesController,
    ArchiveTransfersController,
    HouseholdsController,
    DossierController,
    EligibilityController,
    TasksController,
    CalendarsController,
    AppealsController,
    ApprovalPoliciesController,
    PaymentsController,
    RecoveriesController,
    RecipientsPublicityController,
    BankController,
    HealthController,
  ],
})
export class AppModule {}
