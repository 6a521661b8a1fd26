import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';

import type { INestApplication, INestMicroservice } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import request from 'supertest';

import { QUEUE_GROUPS } from '@app/contracts';
import { DEFAULT_DEMO_PASSWORD } from '@app/domain';
import { AppModule as ArchiveAppModule } from '@apps/archive/src/app.module';
import { FilesystemBlobStore } from '@apps/archive/src/blobs/filesystem-blob-store';
import { AppModule as IntakeAppModule } from '@apps/intake/src/app.module';
import { makeApplication } from '@test/support/factories/application.factory';
import { startService } from '@test/support/services';

import { createGateway } from '../src/gateway.bootstrap';

/** A PDF of about `size` bytes (a valid header and trailer around filler). */
function pdf(size: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n% evidence\n');
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length - tail.length), 0x20), tail]);
}

describe('evidence uploads (gateway → JetStream object store → archive blob store → intake)', () => {
  let gateway: INestApplication;
  let services: INestMicroservice[];
  let http: ReturnType<typeof request>;
  let token: string;
  let applicationId: string;

  beforeAll(async () => {
    services = await Promise.all([
      startService(IntakeAppModule, QUEUE_GROUPS.intake),
      startService(ArchiveAppModule, QUEUE_GROUPS.archive),
    ]);
    gateway = await createGateway();
    await gateway.init();
    http = request(gateway.getHttpServer());
    token = (await http.post('/api/v1/auth/login').send({ username: 'community1', password: DEFAULT_DEMO_PASSWORD }))
      .body.accessToken as string;
    const { idempotencyKey, ...body } = makeApplication({ draft: true });
    const created = await http
      .post('/api/v1/applications')
      .set('authorization', `Bearer ${token}`)
      .set('Idempotency-Key', idempotencyKey)
      .send(body);
    expect(created.status).toBe(201);
    applicationId = created.body.id as string;
  });

  afterAll(async () => {
    await gateway.close();
    await Promise.all(services.map((service) => service.close()));
  });

  const upload = (content: Buffer, filename: string, evidenceType?: string, bearer = token) => {
    const call = http
      .post(`/api/v1/applications/${applicationId}/attachments`)
      .set('authorization', `Bearer ${bearer}`)
      .attach('file', content, filename);
    return evidenceType ? call.field('evidenceType', evidenceType) : call;
  };

  it('stores a PDF larger than one NATS message once by sha256 and links it to the application, idempotently', async () => {
    const content = pdf(1_500_000);
    const sha256 = createHash('sha256').update(content).digest('hex');

    const first = await upload(content, '收入证明.pdf', 'INCOME_PROOF');
    const again = await upload(content, '收入证明.pdf', 'INCOME_PROOF');

    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      applicationId,
      evidenceType: 'INCOME_PROOF',
      sha256,
      sizeBytes: content.length,
      mediaType: 'application/pdf',
      uploadedBy: 'community1',
    });
    expect(again.body.id).toBe(first.body.id);
    expect(existsSync(new FilesystemBlobStore(process.env.ARCHIVE_BLOB_DIR ?? '').pathOf(sha256))).toBe(true);
  });

  it('decides the type by content: an executable renamed .pdf is refused and nothing is linked', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(2000, 0x90)]);
    const response = await upload(exe, '申请书.pdf', 'APPLICATION_FORM');

    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { field: 'file', messages: ['文件内容是可执行程序，不能作为证明材料上传'] },
    ]);
    const rows = await services[0]
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute(
        `select 1 from intake.application_attachment where application_id = ? and evidence_type = 'APPLICATION_FORM'`,
        [applicationId],
      );
    expect(rows).toHaveLength(0);
  });

  it('accepts a PNG photo and names a missing evidence type', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]);
    expect((await upload(png, 'photo.png', 'PHOTO')).body.mediaType).toBe('image/png');
    const missing = await upload(png, 'photo.png');
    expect(missing.status).toBe(400);
    expect(missing.body.details[0].field).toBe('evidenceType');
  });

  it('answers 413 for a file over the size limit', async () => {
    const response = await upload(pdf(3 * 1024 * 1024), 'big.pdf', 'OTHER');
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: '上传文件超过大小限制' });
  });

  it('refuses a caseworker of another community', async () => {
    const other = (
      await http.post('/api/v1/auth/login').send({ username: 'community2', password: DEFAULT_DEMO_PASSWORD })
    ).body.accessToken as string;
    const response = await upload(pdf(2000), 'x.pdf', 'OTHER', other);
    expect(response.status).toBe(403);
  });
});
