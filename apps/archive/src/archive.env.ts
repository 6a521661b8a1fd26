import { Type } from 'class-transformer';
import { IsNotEmpty, IsNumber, IsString, Min } from 'class-validator';

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
}
