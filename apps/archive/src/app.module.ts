import { Module } from '@nestjs/common';

import { ServicePlatformModule } from '@app/platform';

import { AccountingRecordsModule } from './accounting/accounting-records.module';
import { ArchiveEnv } from './archive.env';
import { DocumentsModule } from './documents/documents.module';
import { archiveOrmSettings } from './mikro-orm.config';
import { UploadsModule } from './uploads/uploads.module';

@Module({
  imports: [
    ServicePlatformModule.forService({ service: 'archive', env: ArchiveEnv, orm: archiveOrmSettings }),
    DocumentsModule,
    UploadsModule,
    AccountingRecordsModule,
  ],
})
export class AppModule {}
