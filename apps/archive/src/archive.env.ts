import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsNumber, IsString, Min, ValidateIf } from 'class-validator';

import { PlatformEnv } from '@app/platform';

export class ArchiveEnv extends PlatformEnv {
  /** Root folder of the filesystem blob store (content stored once by sha256). */
  @IsString()
  @IsNotEmpty()
  ARCHIVE_BLOB_DIR = 'var/blobs';

  /** Hours between scheduled fixity sweeps over every file; 0 turns the schedule off. */
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  ARCHIVE_FIXITY_SWEEP_HOURS = 24;

  /** Where content lives: `filesystem` (ARCHIVE_BLOB_DIR, the default) or `s3` (an S3-compatible store). */
  @IsIn(['filesystem', 's3'])
  ARCHIVE_BLOB_BACKEND: 'filesystem' | 's3' = 'filesystem';

  @ValidateIf((env: ArchiveEnv) => env.ARCHIVE_BLOB_BACKEND === 's3')
  @IsString()
  @IsNotEmpty()
  ARCHIVE_S3_ENDPOINT = '';

  @ValidateIf((env: ArchiveEnv) => env.ARCHIVE_BLOB_BACKEND === 's3')
  @IsString()
  @IsNotEmpty()
  ARCHIVE_S3_BUCKET = '';

  @ValidateIf((env: ArchiveEnv) => env.ARCHIVE_BLOB_BACKEND === 's3')
  @IsString()
  @IsNotEmpty()
  ARCHIVE_S3_ACCESS_KEY = '';

  @ValidateIf((env: ArchiveEnv) => env.ARCHIVE_BLOB_BACKEND === 's3')
  @IsString()
  @IsNotEmpty()
  ARCHIVE_S3_SECRET_KEY = '';

  @IsString()
  ARCHIVE_S3_REGION = 'cn-north-1';
}
