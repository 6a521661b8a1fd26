import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import type { INestApplication, INestMicroservice } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import request from 'supertest';

import { type DocumentReply, QUEUE_GROUPS, SUBJECTS, type TransferFileEntry } from '@app/contracts';
import { DEFAULT_DEMO_PASSWORD, fileGenesisHash, itemEntryHash, sha256Hex } from '@app/domain';
import { MessagingClient } from '@app/platform';
import { AppModule as ArchiveAppModule } from '@apps/archive/src/app.module';
import { BlobStore } from '@apps/archive/src/blobs/blob-store';
import { FilesystemBlobStore } from '@apps/archive/src/blobs/filesystem-blob-store';
import { as, CALLERS } from '@test/support/callers';
import { receiptFiling } from '@test/support/factories/archive.factory';
import { startService } from '@test/support/services';

import { createGateway } from '../src/gateway.bootstrap';

/** A box of its own: no other test files into it. */
const BOX = '220102001777';

/** Reads every file under `dir` as bag-relative paths. */
function filesUnder(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path, root) : [relative(root, path)];
  });
}

/**
 * An independent BagIt 1.0 check (RFC 8493 §3): the declaration, every payload file listed with its sha256 and
 * nothing else, Payload-Oxum, the tag manifest. Returns the problems found.
 */
function validateBag(bag: string): string[] {
  const problems: string[] = [];
  const read = (path: string) => readFileSync(join(bag, path), 'utf8');
  if (read('bagit.txt') !== 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') {
    problems.push('bagit.txt');
  }
  const manifest = new Map(
    read('manifest-sha256.txt')
      .trimEnd()
      .split('\n')
      .map((line) => {
        const [hash, ...path] = line.split(/\s+/);
        return [path.join(' '), hash] as const;
      }),
  );
  const payload = filesUnder(join(bag, 'data')).map((path) => `data/${path}`);
  let octets = 0;
  for (const path of payload) {
    const bytes = readFileSync(join(bag, path));
    octets += bytes.length;
    if (manifest.get(path) !== sha256Hex(bytes)) {
      problems.push(`payload ${path}`);
    }
  }
  if (manifest.size !== payload.length) {
    problems.push('manifest lists files not in data/');
  }
  const oxum = /^Payload-Oxum: (\d+)\.(\d+)$/m.exec(read('bag-info.txt'));
  if (!oxum || Number(oxum[1]) !== octets || Number(oxum[2]) !== payload.length) {
    problems.push('Payload-Oxum');
  }
  for (const line of read('tagmanifest-sha256.txt').trimEnd().split('\n')) {
    const [hash, path] = line.split(/\s+/);
    if (sha256Hex(readFileSync(join(bag, path))) !== hash) {
      problems.push(`tag ${path}`);
    }
  }
  return problems;
}

describe('archive transfer packages as BagIt bags (gateway + archive, real PostgreSQL, NATS and blob store)', () => {
  let gateway: INestApplication;
  let archive: INestMicroservice;
  let http: ReturnType<typeof request>;
  let work: string;
  const tokens: Record<string, string> = {};
  const households = [randomUUID(), randomUUID()];
  const filed: DocumentReply[] = [];

  const file = (householdId: string, divisionCode = BOX) =>
    as(CALLERS.system, () =>
      archive.get(MessagingClient).request(SUBJECTS.archive.documentFile, receiptFiling({ householdId, divisionCode })),
    );
  const createPackage = (body: object, token = tokens.archivist1, key = randomUUID()) =>
    http
      .post('/api/v1/archive/transfer-packages')
      .set('authorization', `Bearer ${token}`)
      .set('Idempotency-Key', key)
      .send(body);
  const download = (id: string) =>
    http
      .get(`/api/v1/archive/transfer-packages/${id}/bag.tar`)
      .set('authorization', `Bearer ${tokens.archivist1}`)
      .set('X-Access-Purpose', encodeURIComponent('移交县档案馆'))
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        let settled = false;
        const settle = (error: Error | null) => {
          if (!settled) {
            settled = true;
            done(error, Buffer.concat(chunks));
          }
        };
        response.on('end', () => settle(null));
        response.on('error', settle);
        response.on('aborted', () => settle(new Error('aborted')));
      });
  /** Untars into a fresh folder and returns the bag's folder. */
  const untar = (tar: Buffer): string => {
    const dir = mkdtempSync(join(work, 'bag-'));
    writeFileSync(join(dir, 'bag.tar'), tar);
    execFileSync('tar', ['-xf', 'bag.tar'], { cwd: dir });
    rmSync(join(dir, 'bag.tar'));
    const [root] = readdirSync(dir);
    return join(dir, root);
  };

  beforeAll(async () => {
    archive = await startService(ArchiveAppModule, QUEUE_GROUPS.archive);
    gateway = await createGateway();
    await gateway.init();
    http = request(gateway.getHttpServer());
    for (const username of ['archivist1', 'community1']) {
      tokens[username] = (await http.post('/api/v1/auth/login').send({ username, password: DEFAULT_DEMO_PASSWORD }))
        .body.accessToken as string;
    }
    work = mkdtempSync(join(tmpdir(), 'dibao-transfer-'));
    for (const householdId of households) {
      for (let i = 0; i < 3; i += 1) {
        filed.push(await file(householdId));
      }
    }
    await file(randomUUID(), '220102001001'); // another box: not in the package
  }, 60_000);

  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await gateway.close();
    await archive.close();
  });

  it('packages a box as a valid BagIt bag whose manifests sha256sum accepts and whose chains recompute', async () => {
    const created = await createPackage({ boxCode: BOX, purpose: '移交县档案馆（2026年度）' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ scope: 'BOX', divisionCode: BOX, fondsCode: '220102', fileCount: 2 });
    expect(created.body.itemCount).toBe(6);
    expect(created.body.packageNo).toMatch(/^YJ-220102-\d{6}$/);

    const response = await download(created.body.id as string);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/x-tar');
    const bag = untar(response.body as Buffer);
    expect(bag.endsWith(created.body.packageNo as string)).toBe(true);
    expect(validateBag(bag)).toEqual([]);
    // A standard tool agrees with both manifests.
    execFileSync('sha256sum', ['--quiet', '-c', 'manifest-sha256.txt'], { cwd: bag });
    execFileSync('sha256sum', ['--quiet', '-c', 'tagmanifest-sha256.txt'], { cwd: bag });
    expect(readFileSync(join(bag, 'bag-info.txt'), 'utf8')).toContain(
      `External-Identifier: ${created.body.packageNo as string}`,
    );

    // Every filed item is in the bag, byte for byte; each file's chain recomputes from its metadata to its head.
    const folders = readdirSync(join(bag, 'data'));
    expect(folders).toHaveLength(2);
    for (const folder of folders) {
      const entry = JSON.parse(readFileSync(join(bag, 'data', folder, 'file.json'), 'utf8')) as TransferFileEntry;
      expect(entry.file.referenceCode).toBe(folder);
      let previous = fileGenesisHash(entry.file.referenceCode);
      expect(entry.file.genesisHash).toBe(previous);
      for (const item of entry.items) {
        previous = itemEntryHash(previous, item.chainFields);
        expect(item.entryHash).toBe(previous);
        const bytes = readFileSync(
          join(bag, 'data', folder, `${String(item.itemNo).padStart(4, '0')}-${item.documentType}.pdf`),
        );
        expect(sha256Hex(bytes)).toBe(filed.find((document) => document.id === item.id)!.sha256);
      }
      expect(entry.file.headHash).toBe(previous);
      expect(entry.items).toHaveLength(3);
    }
  });

  it('packages one household file, keeps items filed later out, and logs the download with its purpose', async () => {
    const created = await createPackage({ householdId: households[0], purpose: '移交县档案馆' });
    expect(created.body).toMatchObject({ scope: 'FILE', fileCount: 1, itemCount: 3 });
    await file(households[0]); // after registration: not in this package
    const bag = untar((await download(created.body.id as string)).body as Buffer);
    expect(validateBag(bag)).toEqual([]);
    expect(filesUnder(join(bag, 'data'))).toHaveLength(4); // file.json + 3 items

    const rows = await archive
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute<Array<{ actor_username: string; purpose: string; action: string }>>(
        `select actor_username, purpose, action from identity.access_log
          where record_id = ? and record_type = 'archive-transfer'`,
        [created.body.id],
      );
    expect(rows).toEqual([{ actor_username: 'archivist1', purpose: '移交县档案馆', action: 'DOWNLOAD' }]);
    const register = await http
      .get('/api/v1/archive/transfer-packages')
      .set('authorization', `Bearer ${tokens.archivist1}`);
    expect(register.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);
  });

  it('returns the first package for a repeated key and refuses the key for another scope', async () => {
    const key = randomUUID();
    const first = await createPackage({ householdId: households[1], purpose: '移交' }, tokens.archivist1, key);
    const again = await createPackage({ householdId: households[1], purpose: '移交' }, tokens.archivist1, key);
    expect(again.body.id).toBe(first.body.id);
    const other = await createPackage({ boxCode: BOX, purpose: '移交' }, tokens.archivist1, key);
    expect(other.status).toBe(409);
  });

  it('refuses bad requests with field-level errors and writes nothing', async () => {
    const before = await createPackage({ boxCode: BOX, purpose: '计数' });
    const both = await createPackage({ householdId: households[0], boxCode: BOX, purpose: '移交' });
    expect(both.status).toBe(400);
    expect(both.body.details[0].field).toBe('householdId');
    const neither = await createPackage({ purpose: '移交' });
    expect(neither.status).toBe(400);
    const noPurpose = await createPackage({ boxCode: BOX });
    expect(noPurpose.status).toBe(400);
    expect(JSON.stringify(noPurpose.body.details)).toContain('请填写移交事由');
    const badBox = await createPackage({ boxCode: '2201', purpose: '移交' });
    expect(badBox.status).toBe(400);
    const emptyYear = await createPackage({ boxCode: BOX, year: 2001, purpose: '移交' });
    expect(emptyYear.status).toBe(404);
    expect(emptyYear.body.message).toBe('该档案盒2001年度没有档案');
    const otherCounty = await createPackage({ boxCode: '220104001001', purpose: '移交' });
    expect(otherCounty.status).toBe(403);
    const caseworker = await createPackage({ boxCode: BOX, purpose: '移交' }, tokens.community1);
    expect(caseworker.status).toBe(403);
    const unknown = await download(randomUUID());
    expect(unknown.status).toBe(403);
    const after = await createPackage({ boxCode: BOX, purpose: '计数' });
    const registerNo = (body: { packageNo: string }) => Number(body.packageNo.slice(-6));
    expect(registerNo(after.body)).toBe(registerNo(before.body) + 1);
  });

  it('aborts the bag rather than ship content that no longer matches its archived hash', async () => {
    const householdId = randomUUID();
    const document = await file(householdId);
    const store = archive.get<BlobStore, FilesystemBlobStore>(BlobStore);
    const created = await createPackage({ householdId, purpose: '移交' });
    // Whole and valid before the damage, so what follows is the damage's doing.
    expect(validateBag(untar((await download(created.body.id as string)).body as Buffer))).toEqual([]);
    writeFileSync(store.pathOf(document.sha256), Buffer.from('%PDF-1.7 tampered'));
    const outcome = await download(created.body.id as string).then(
      (response) => ({ complete: true, size: (response.body as Buffer).length }),
      () => ({ complete: false, size: 0 }),
    );
    expect(outcome.complete).toBe(false);
  });
});
