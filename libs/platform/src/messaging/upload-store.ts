import { Injectable } from '@nestjs/common';
import { type ObjectStore, StorageType } from 'nats';

import { MessagingClient } from './messaging.client';

/** JetStream object-store bucket that carries uploads from the gateway to the archive (larger than a NATS message). */
export const UPLOAD_BUCKET = 'dibao-uploads';
/** Uploads not picked up within a day are dropped by JetStream. */
const UPLOAD_TTL_NANOS = 24 * 3600 * 1_000_000_000;

/**
 * Hands bytes between processes through JetStream's object store: chunked, acknowledged, and kept until read,
 * so an upload of several megabytes never rides in one NATS message.
 */
@Injectable()
export class UploadStore {
  private bucket?: Promise<ObjectStore>;

  constructor(private readonly messaging: MessagingClient) {}

  async put(name: string, bytes: Uint8Array): Promise<void> {
    await (await this.store()).putBlob({ name }, bytes);
  }

  async take(name: string): Promise<Uint8Array | undefined> {
    const store = await this.store();
    const bytes = await store.getBlob(name);
    if (bytes) {
      await store.delete(name);
    }
    return bytes ?? undefined;
  }

  private store(): Promise<ObjectStore> {
    this.bucket ??= this.messaging
      .connection()
      .then((connection) =>
        connection.jetstream().views.os(UPLOAD_BUCKET, { ttl: UPLOAD_TTL_NANOS, storage: StorageType.File }),
      );
    return this.bucket;
  }
}
