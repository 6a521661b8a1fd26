import { createHash } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';

import { ErrorCode, type IngestUploadReply, PERMISSIONS } from '@app/contracts';
import { sniffEvidenceType } from '@app/domain';
import { assertPermission, DomainError, isSystemCaller, requireCaller, UploadStore } from '@app/platform';

import { BlobStore } from '../blobs/blob-store';

/** Takes uploaded evidence out of the JetStream object store into the blob store, stored once by sha256. */
@Injectable()
export class UploadsService {
  private readonly logger = new Logger(UploadsService.name);

  constructor(
    private readonly uploads: UploadStore,
    private readonly blobs: BlobStore,
  ) {}

  async ingest(uploadName: string, sha256: string): Promise<IngestUploadReply> {
    const caller = requireCaller();
    if (!isSystemCaller(caller)) {
      assertPermission(caller, PERMISSIONS.applicationCreate);
    }
    const bytes = await this.uploads.take(uploadName);
    if (!bytes) {
      // Already taken by an earlier try of the same request: the content may be stored under its hash.
      const stored = await this.blobs.get(sha256);
      if (stored) {
        return {
          sha256,
          sizeBytes: stored.length,
          mediaType: sniffEvidenceType(stored).mediaType ?? 'application/octet-stream',
        };
      }
      throw new DomainError(
        ErrorCode.NOT_FOUND,
        `upload ${uploadName} not found`,
        '上传的文件已过期或不存在，请重新上传',
      );
    }
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== sha256) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'upload hash mismatch', '上传的文件在传输中损坏，请重新上传', [
        { field: 'file', messages: ['文件校验值不一致'] },
      ]);
    }
    const sniffed = sniffEvidenceType(bytes);
    if (!sniffed.mediaType) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'upload type refused', sniffed.reason ?? '文件类型不受支持', [
        { field: 'file', messages: [sniffed.reason ?? '文件类型不受支持'] },
      ]);
    }
    await this.blobs.put(sha256, Buffer.from(bytes));
    this.logger.log({ sha256, sizeBytes: bytes.length, mediaType: sniffed.mediaType }, 'upload stored');
    return { sha256, sizeBytes: bytes.length, mediaType: sniffed.mediaType };
  }
}
