import { Module } from '@nestjs/common';

import { SUBJECTS } from '@app/contracts';
import { DatabaseModule, HealthModule, LoggingModule, MessagingModule, PlatformConfigModule } from '@app/platform';

import { ArchiveEnv } from './archive.env';
import { DocumentsModule } from './documents/documents.module';
import { archiveOrmSettings } from './mikro-orm.config';

@Module({
  imports: [
    PlatformConfigModule.forRoot(ArchiveEnv),
    LoggingModule.forService('archive'),
    MessagingModule,
    DatabaseModule.forService(archiveOrmSettings),
    HealthModule.forService({
      service: 'archive',
      subject: SUBJECTS.archive.healthCheck,
      database: true,
      temporal: false,
    }),
    DocumentsModule,
  ],
})
export class AppModule {}
