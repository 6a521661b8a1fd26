import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import { BlobStore } from './blob-store';
import { FilesystemBlobStore } from './filesystem-blob-store';
import { S3BlobStore } from './s3-blob-store';

/** The blob store: the filesystem backend by default (ARCHIVE_BLOB_DIR), an S3-compatible store with ARCHIVE_BLOB_BACKEND=s3. */
@Module({
  providers: [
    {
      provide: BlobStore,
      inject: [ConfigService],
      useFactory: (config: ConfigService): BlobStore =>
        config.get<string>('ARCHIVE_BLOB_BACKEND') === 's3'
          ? new S3BlobStore({
              endpoint: config.getOrThrow<string>('ARCHIVE_S3_ENDPOINT'),
              bucket: config.getOrThrow<string>('ARCHIVE_S3_BUCKET'),
              accessKey: config.getOrThrow<string>('ARCHIVE_S3_ACCESS_KEY'),
              secretKey: config.getOrThrow<string>('ARCHIVE_S3_SECRET_KEY'),
              region: config.get<string>('ARCHIVE_S3_REGION') ?? 'cn-north-1',
            })
          : new FilesystemBlobStore(config.getOrThrow<string>('ARCHIVE_BLOB_DIR')),
    },
  ],
  exports: [BlobStore],
})
export class BlobsModule {}
