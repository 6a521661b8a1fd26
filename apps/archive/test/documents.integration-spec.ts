import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { INestMicroservice } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { headers as natsHeaders, JSONCodec, StringCodec } from 'nats';

import { ErrorCode, type FileDocumentRequest, QUEUE_GROUPS, SUBJECTS } from '@app/contracts';
import { callerToHeaders, MessagingClient, RemoteError, SYSTEM_CALLER } from '@app/platform';
import { as, CALLERS } from '@test/support/callers';
import { rawNats, startService } from '@test/support/services';

import { AppModule as ArchiveAppModule } from '../src/app.module';
import { BlobStore } from '../src/blobs/blob-store';
import { FilesystemBlobStore } from '../src/blobs/filesystem-blob-store';
import { DocumentsService } from '../src/documents/documents.service';

function systemHeaders() {
  const headers = natsHeaders();
  for (const [name, value] of Object.entries(callerToHeaders(SYSTEM_CALLER))) {
    headers.set(name, value);
  }
  return headers;
}

function fileRequest(overrides: Partial<FileDocumentRequest> = {}): FileDocumentRequest {
  return {
    idempotencyKey: `test:${randomUUID()}`,
    householdId: randomUUID(),
    divisionCode: '220102001001',
    applicationId: randomUUID(),
    workflowId: `approval-chain-${randomUUID()}`,
    step: 'application-received',
    documentType: 'APPLICATION_RECEIVED',
    createdBy: 'system',
    data: {
      applicationNo: 'SQ-220102-2026-000042',
      applicantName: '李四',
      applicantIdNumberMasked: '220102********0012',
      householdSize: 2,
      reason: '失业且无其他收入',
      submittedAt: '2026-11-26T08:00:00.000Z',
    },
    ...overrides,
  };
}

describe('archive documents (real PostgreSQL and NATS)', () => {
  let app: INestMicroservice;
  let messaging: MessagingClient;

  beforeAll(async () => {
    app = await startService(ArchiveAppModule, QUEUE_GROUPS.archive);
    const client = app.get(MessagingClient);
    // Filing is the worker's job: these tests speak as the system unless they say otherwise.
    messaging = {
      request: (...args: Parameters<MessagingClient['request']>) => as(CALLERS.system, () => client.request(...args)),
    } as MessagingClient;
  });

  afterAll(async () => {
    await app.close();
  });

  it('files a rendered PDF whose bytes are stored under their sha256 and can be read back', async () => {
    const document = await messaging.request(SUBJECTS.archive.documentFile, fileRequest());

    expect(document).toMatchObject({ itemNo: 1, documentType: 'APPLICATION_RECEIVED', mediaType: 'application/pdf' });
    const store = new FilesystemBlobStore(process.env.ARCHIVE_BLOB_DIR ?? '');
    const onDisk = readFileSync(store.pathOf(document.sha256));
    expect(createHash('sha256').update(onDisk).digest('hex')).toBe(document.sha256);
    expect(onDisk.subarray(0, 5).toString()).toBe('%PDF-');

    const content = await messaging.request(SUBJECTS.archive.documentGetContent, { documentId: document.id });
    expect(Buffer.from(content.contentBase64, 'base64').equals(onDisk)).toBe(true);
  });

  it('yields one document when the same request is filed twice with one key', async () => {
    const request = fileRequest();
    const first = await messaging.request(SUBJECTS.archive.documentFile, request);
    const second = await messaging.request(SUBJECTS.archive.documentFile, request);

    expect(second.id).toBe(first.id);
    const list = await messaging.request(SUBJECTS.archive.documentList, { applicationId: request.applicationId });
    expect(list.items).toHaveLength(1);
  });

  it('yields one document when the same key is filed concurrently', async () => {
    const request = fileRequest();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => messaging.request(SUBJECTS.archive.documentFile, request)),
    );

    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    const list = await messaging.request(SUBJECTS.archive.documentList, { applicationId: request.applicationId });
    expect(list.items).toHaveLength(1);
  });

  it('refuses a reused key with different content with IDEMPOTENCY_CONFLICT', async () => {
    const request = fileRequest();
    await messaging.request(SUBJECTS.archive.documentFile, request);

    const reused = {
      ...request,
      data: { ...(request.data as NonNullable<FileDocumentRequest['data']>), householdSize: 5 },
    };
    await expect(messaging.request(SUBJECTS.archive.documentFile, reused)).rejects.toMatchObject({
      code: ErrorCode.IDEMPOTENCY_CONFLICT,
    });
  });

  it("answers a step filed again, re-rendered later, with the step's first filing — only for that workflow and step", async () => {
    const request = fileRequest({ firstFilingStands: true });
    const first = await messaging.request(SUBJECTS.archive.documentFile, request);
    const later = { ...request, data: { ...request.data!, submittedAt: '2026-11-26T08:00:01.000Z' } };

    const again = await messaging.request(SUBJECTS.archive.documentFile, later);

    expect(again.id).toBe(first.id);
    expect(again.sha256).toBe(first.sha256);
    const list = await messaging.request(SUBJECTS.archive.documentList, { applicationId: request.applicationId });
    expect(list.items).toHaveLength(1);
    // The key names another step (or another workflow): refused, as any reused key.
    for (const other of [{ step: 'publicity:1' }, { workflowId: `approval-chain-${randomUUID()}` }]) {
      await expect(messaging.request(SUBJECTS.archive.documentFile, { ...later, ...other })).rejects.toMatchObject({
        code: ErrorCode.IDEMPOTENCY_CONFLICT,
      });
    }
  });

  it('numbers the items of one household file 1..n without gaps under concurrent filing', async () => {
    const householdId = randomUUID();
    const applicationId = randomUUID();
    const replies = await Promise.all(
      Array.from({ length: 8 }, () =>
        messaging.request(SUBJECTS.archive.documentFile, fileRequest({ householdId, applicationId })),
      ),
    );

    expect(replies.map((reply) => reply.itemNo).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(replies.map((reply) => reply.fileId)).size).toBe(1);
  });

  it('answers an invalid payload with VALIDATION_FAILED naming the fields, and writes nothing', async () => {
    const nats = await rawNats();
    try {
      const bad = { ...fileRequest(), householdId: 'not-a-uuid', divisionCode: '2201', data: { applicationNo: '' } };
      const reply = await nats.request(SUBJECTS.archive.documentFile, JSONCodec().encode(bad), {
        timeout: 5000,
        headers: systemHeaders(),
      });
      const body = JSONCodec<{ err: { code: string; details: Array<{ field: string }> } }>().decode(reply.data);

      expect(body.err.code).toBe(ErrorCode.VALIDATION_FAILED);
      const fields = body.err.details.map((detail) => detail.field);
      expect(fields).toEqual(
        expect.arrayContaining(['householdId', 'divisionCode', 'data.applicationNo', 'data.applicantName']),
      );
      const list = await messaging.request(SUBJECTS.archive.documentList, { applicationId: bad.applicationId });
      expect(list.items).toHaveLength(0);
    } finally {
      await nats.close();
    }
  });

  it('answers a body that is not JSON with MALFORMED_MESSAGE instead of leaving the caller waiting', async () => {
    const nats = await rawNats();
    try {
      const reply = await nats.request(SUBJECTS.archive.documentFile, StringCodec().encode('{definitely not json'), {
        timeout: 5000,
      });
      const body = JSONCodec<{ err: { code: string; message: string } }>().decode(reply.data);

      expect(body.err.code).toBe(ErrorCode.MALFORMED_MESSAGE);
      expect(body.err.message).toContain('消息格式错误');
    } finally {
      await nats.close();
    }
  });

  it('refuses an invalid payload on the sending side before it reaches the wire', async () => {
    const bad = { ...fileRequest(), documentType: 'SOMETHING_ELSE' } as unknown as FileDocumentRequest;
    await expect(messaging.request(SUBJECTS.archive.documentFile, bad)).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [expect.objectContaining({ field: 'documentType' })],
    });
  });

  it('answers NOT_FOUND to the system and a typed FORBIDDEN to staff for a document that does not exist', async () => {
    const documentId = randomUUID();
    await expect(messaging.request(SUBJECTS.archive.documentGetContent, { documentId })).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
    });
    const asStaff = as(CALLERS.county1, () =>
      app.get(MessagingClient).request(SUBJECTS.archive.documentGetContent, { documentId }),
    );
    await expect(asStaff).rejects.toBeInstanceOf(RemoteError);
    await expect(asStaff).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
  });

  it('reports its database and NATS as up', async () => {
    const health = await messaging.request(SUBJECTS.archive.healthCheck, {});
    expect(health).toEqual({
      service: 'archive',
      status: 'up',
      details: { nats: { status: 'up' }, database: { status: 'up' } },
    });
  });

  it('never stores an item whose blob write failed', async () => {
    const request = fileRequest();
    // Fault injection: the disk refuses the bytes. The item must not be written without them.
    const store = app.get(BlobStore);
    const original = store.put.bind(store);
    store.put = () => Promise.reject(new Error('disk full'));
    try {
      await expect(messaging.request(SUBJECTS.archive.documentFile, request)).rejects.toMatchObject({
        code: ErrorCode.INTERNAL,
      });
    } finally {
      store.put = original;
    }
    const em = app.get(EntityManager).fork();
    const count = await em
      .getConnection()
      .execute<Array<{ n: string }>>('select count(*) as n from archive.document where idempotency_key = ?', [
        request.idempotencyKey,
      ]);
    expect(Number(count[0].n)).toBe(0);
  });
});

describe('archive scope (caller identity from the NATS headers)', () => {
  let app: INestMicroservice;
  let client: MessagingClient;
  let filed: { id: string; applicationId: string };

  beforeAll(async () => {
    app = await startService(ArchiveAppModule, QUEUE_GROUPS.archive);
    client = app.get(MessagingClient);
    const request = fileRequest({ divisionCode: '220102001001' });
    const document = await as(CALLERS.system, () => client.request(SUBJECTS.archive.documentFile, request));
    filed = { id: document.id, applicationId: request.applicationId };
  });

  afterAll(async () => {
    await app.close();
  });

  it('lets callers of the division and above read the item', async () => {
    for (const who of [CALLERS.street1, CALLERS.county1, CALLERS.archivist1]) {
      const content = await as(who, () =>
        client.request(SUBJECTS.archive.documentGetContent, { documentId: filed.id }),
      );
      expect(content.document.id).toBe(filed.id);
    }
  });

  it('answers FORBIDDEN out of scope, exactly as for an item that does not exist', async () => {
    const outOfScope = as(CALLERS.community2, () =>
      client.request(SUBJECTS.archive.documentGetContent, { documentId: filed.id }),
    );
    const missing = as(CALLERS.county1, () =>
      client.request(SUBJECTS.archive.documentGetContent, { documentId: randomUUID() }),
    );
    const [a, b] = await Promise.all([
      outOfScope.catch((error: unknown) => error),
      missing.catch((error: unknown) => error),
    ]);
    expect(a).toMatchObject({ code: ErrorCode.FORBIDDEN, staffMessage: '无权访问该记录或记录不存在' });
    expect(b).toMatchObject({ code: ErrorCode.FORBIDDEN, staffMessage: '无权访问该记录或记录不存在' });
  });

  it('lists no items of another community', async () => {
    const list = await as(CALLERS.community2, () =>
      client.request(SUBJECTS.archive.documentList, { applicationId: filed.applicationId }),
    );
    expect(list.items).toEqual([]);
  });

  it('refuses a role without document:read and a message without a caller', async () => {
    await expect(
      as(CALLERS.finance1, () => client.request(SUBJECTS.archive.documentGetContent, { documentId: filed.id })),
    ).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    await expect(client.request(SUBJECTS.archive.documentGetContent, { documentId: filed.id })).rejects.toMatchObject({
      code: ErrorCode.UNAUTHENTICATED,
    });
  });

  it('lets only the system file documents', async () => {
    await expect(
      as(CALLERS.county1, () => client.request(SUBJECTS.archive.documentFile, fileRequest())),
    ).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
  });
});

describe('archive replicas in one queue group', () => {
  let replicas: INestMicroservice[];

  beforeAll(async () => {
    replicas = await Promise.all([
      startService(ArchiveAppModule, QUEUE_GROUPS.archive),
      startService(ArchiveAppModule, QUEUE_GROUPS.archive),
    ]);
  });

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
  });

  it('handles each message once, spread over the replicas', async () => {
    const spies = replicas.map((replica) => jest.spyOn(replica.get(DocumentsService), 'listByApplication'));
    const messaging = replicas[0].get(MessagingClient);

    await as(CALLERS.county1, () =>
      Promise.all(
        Array.from({ length: 30 }, () =>
          messaging.request(SUBJECTS.archive.documentList, { applicationId: randomUUID() }),
        ),
      ),
    );

    const calls = spies.map((spy) => spy.mock.calls.length);
    expect(calls[0] + calls[1]).toBe(30);
    expect(Math.min(...calls)).toBeGreaterThan(0);
  });
});
