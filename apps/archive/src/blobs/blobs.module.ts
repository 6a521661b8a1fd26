import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { BlobStore } from './blob-store';
import { FilesystemBlobStore } from './filesystem-blob-store';

/** The blob store; the filesystem backend by default (ARCHIVE_BLOB_DIR). */
@Module({
  providers: [
    {
      provide: BlobStore,
      inject: [ConfigService],
      useFactory: (config: ConfigService) => new FilesystemBlobStore(config.getOrThrow<string>('ARCHIVE_BLOB_DIR')),
    },
  ],
  exports: [BlobStore],
})
export class BlobsModule {}
