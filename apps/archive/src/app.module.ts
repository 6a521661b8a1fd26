import { Module } from '@nestjs/common';

import { ServicePlatformModule } from '@app/platform';

import { ArchiveEnv } from './archive.env';
import { DocumentsModule } from './documents/documents.module';
import { archiveOrmSettings } from './mikro-orm.config';

@Module({
  imports: [
    ServicePlatformModule.forService({ service: 'archive', env: ArchiveEnv, orm: archiveOrmSettings }),
    DocumentsModule,
  ],
})
export class AppModule {}
