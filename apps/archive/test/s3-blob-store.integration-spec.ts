import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import type { INestMicroservice } from '@nestjs/common';
import { Client } from 'minio';

import { QUEUE_GROUPS, SUBJECTS } from '@app/contracts';
import { sha256Hex } from '@app/domain';
import { MessagingClient } from '@app/platform';
import { as, CALLERS } from '@test/support/callers';
import { receiptFiling } from '@test/support/factories/archive.factory';
import { startService } from '@test/support/services';

import { BlobStore } from '../src/blobs/blob-store';
import { keyOf, S3BlobStore } from '../src/blobs/s3-blob-store';

const GOFAKES3 = join(__dirname, '../../../.tools/bin/gofakes3');
const BUCKET = 'dibao-archive-test';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The archive on an S3-compatible store: a real S3 server (gofakes3, built by deploy/local/fake-s3.sh). */
describe('archive blobs on an S3-compatible store (gofakes3 over HTTP)', () => {
  let server: ChildProcess;
  let endpoint: string;
  let s3: Client;
  const settings = () => ({
    endpoint,
    bucket: BUCKET,
    accessKey: 'dibao',
    secretKey: 'dibao-secret',
    region: 'cn-north-1',
  });

  beforeAll(async () => {
    if (!existsSync(GOFAKES3)) {
      throw new Error(`${GOFAKES3} is missing: run bash deploy/local/fake-s3.sh (npm test does)`);
    }
    const port = await freePort();
    endpoint = `http://127.0.0.1:${port}`;
    server = spawn(GOFAKES3, ['-backend', 'memory', '-host', `127.0.0.1:${port}`, '-initialbucket', BUCKET, '-quiet'], {
      stdio: 'ignore',
    });
    s3 = new Client({
      endPoint: '127.0.0.1',
      port,
      useSSL: false,
      accessKey: 'dibao',
      secretKey: 'dibao-secret',
      pathStyle: true,
      region: 'cn-north-1',
    });
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        if (await s3.bucketExists(BUCKET)) {
          break;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        throw new Error('gofakes3 did not start');
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(() => {
    server?.kill();
  });

  it('stores bytes once under their sha256, reads them back, refuses a wrong hash and destroys on request', async () => {
    const store = new S3BlobStore(settings());
    const content = Buffer.from(`%PDF-1.4 ${randomUUID()}`);
    const sha256 = sha256Hex(content);
    expect(await store.get(sha256)).toBeUndefined();
    await store.put(sha256, content);
    await store.put(sha256, content);
    expect((await store.get(sha256))?.equals(content)).toBe(true);
    expect((await s3.statObject(BUCKET, keyOf(sha256))).size).toBe(content.length);
    await expect(store.put('0'.repeat(64), content)).rejects.toThrow('does not match');
    await store.destroy(sha256);
    expect(await store.get(sha256)).toBeUndefined();
  });

  describe('the archive service with ARCHIVE_BLOB_BACKEND=s3', () => {
    let app: INestMicroservice;

    beforeAll(async () => {
      Object.assign(process.env, {
        ARCHIVE_BLOB_BACKEND: 's3',
        ARCHIVE_S3_ENDPOINT: endpoint,
        ARCHIVE_S3_BUCKET: BUCKET,
        ARCHIVE_S3_ACCESS_KEY: 'dibao',
        ARCHIVE_S3_SECRET_KEY: 'dibao-secret',
      });
      // Loaded only now: the service's config is read (and validated) when its module is first imported.
      const { AppModule } = await import('../src/app.module');
      app = await startService(AppModule, QUEUE_GROUPS.archive);
    });

    afterAll(async () => {
      await app.close();
      process.env.ARCHIVE_BLOB_BACKEND = 'filesystem';
    });

    it('files into the bucket, and its fixity check finds an object removed behind its back', async () => {
      expect(app.get(BlobStore)).toBeInstanceOf(S3BlobStore);
      const client = app.get(MessagingClient);
      const householdId = randomUUID();
      const item = await as(CALLERS.system, () =>
        client.request(SUBJECTS.archive.documentFile, receiptFiling({ householdId })),
      );
      expect((await s3.statObject(BUCKET, keyOf(item.sha256))).size).toBe(item.sizeBytes);
      const check = () =>
        as(CALLERS.archivist1, () => client.request(SUBJECTS.archive.fixityVerifyFile, { householdId }));
      expect((await check()).ok).toBe(true);
      await s3.removeObject(BUCKET, keyOf(item.sha256));
      expect((await check()).problems).toEqual([expect.objectContaining({ code: 'CONTENT_MISSING', itemNo: 1 })]);
    });
  });
});
