import { Module } from '@nestjs/common';

import { ServicePlatformModule } from '@app/platform';

import { AccountingRecordsModule } from './accounting/accounting-records.module';
import { ArchiveEnv } from './archive.env';
import { BorrowingModule } from './borrowing/borrowing.module';
import { DocumentsModule } from './documents/documents.module';
import { ArchiveFilesModule } from './files/archive-files.module';
import { FixityModule } from './fixity/fixity.module';
import { archiveOrmSettings } from './mikro-orm.config';
import { RetentionModule } from './retention/retention.module';
import { ArchiveStatisticsModule } from './statistics/archive-statistics.module';
import { TransferModule } from './transfer/transfer.module';
import { UploadsModule } from './uploads/uploads.module';

@Module({
  imports: [
    ServicePlatformModule.forService({ service: 'archive', env: ArchiveEnv, orm: archiveOrmSettings }),
    DocumentsModule,
    UploadsModule,
    AccountingRecordsModule,
    ArchiveFilesModule,
    FixityModule,
    ArchiveStatisticsModule,
    BorrowingModule,
    RetentionModule,
    TransferModule,
  ],
})
export class AppModule {}
