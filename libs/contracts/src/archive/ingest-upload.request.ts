import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** Take an upload from the JetStream object store into the blob store (by sha256). Idempotent by content. */
export class IngestUploadRequest {
  /** Object name in the upload bucket. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  uploadName: string;

  /** The sha256 the sender computed; the archive recomputes it and refuses a mismatch. */
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 须为64位十六进制' })
  sha256: string;
}

export interface IngestUploadReply {
  sha256: string;
  sizeBytes: number;
  mediaType: string;
}
