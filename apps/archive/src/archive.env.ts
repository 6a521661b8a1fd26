import { IsNotEmpty, IsString } from 'class-validator';

import { PlatformEnv } from '@app/platform';

export class ArchiveEnv extends PlatformEnv {
  /** Root folder of the filesystem blob store (content stored once by sha256). */
  @IsString()
  @IsNotEmpty()
  ARCHIVE_BLOB_DIR = 'var/blobs';
}
