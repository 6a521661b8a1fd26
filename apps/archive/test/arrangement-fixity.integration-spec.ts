import { randomUUID } from 'node:crypto';
import { unlinkSync, writeFileSync } from 'node:fs';

import type { INestMicroservice } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import { type DocumentReply, ErrorCode, type FileDocumentRequest, QUEUE_GROUPS, SUBJECTS } from '@app/contracts';
import { parseHouseholdFileCode, sha256Hex } from '@app/domain';
import { MessagingClient } from '@app/platform';
import { as, CALLERS } from '@test/support/callers';
import { receiptFiling } from '@test/support/factories/archive.factory';
import { startService } from '@test/support/services';

import { AppModule as ArchiveAppModule } from '../src/app.module';
import { BlobStore } from '../src/blobs/blob-store';
import { FilesystemBlobStore } from '../src/blobs/filesystem-blob-store';
import { FixitySchedule } from '../src/fixity/fixity-schedule';

const COMMUNITY = '220102001001';

function receipt(householdId: string, overrides: Partial<FileDocumentRequest> = {}): FileDocumentRequest {
  return receiptFiling({ householdId, divisionCode: COMMUNITY, ...overrides });
}

describe('archive arrangement, hash chain and fixity (real PostgreSQL, NATS and blob store)', () => {
  let app: INestMicroservice;
  let client: MessagingClient;
  let store: FilesystemBlobStore;
  const system = <T>(fn: () => Promise<T>) => as(CALLERS.system, fn);
  const archivist = <T>(fn: () => Promise<T>) => as(CALLERS.archivist1, fn);

  async function fileItems(count: number, householdId = randomUUID()): Promise<DocumentReply[]> {
    const items: DocumentReply[] = [];
    for (let i = 0; i < count; i += 1) {
      items.push(await system(() => client.request(SUBJECTS.archive.documentFile, receipt(householdId))));
    }
    return items;
  }

  /** Runs SQL with the append-only triggers off, as someone with database access could. */
  async function tamper(sql: string, params: unknown[]): Promise<void> {
    await app
      .get(EntityManager)
      .fork()
      .transactional(async (em) => {
        await em.execute('set local session_replication_role = replica');
        await em.execute(sql, params);
      });
  }

  const verify = (householdId: string) =>
    archivist(() => client.request(SUBJECTS.archive.fixityVerifyFile, { householdId }));

  beforeAll(async () => {
    app = await startService(ArchiveAppModule, QUEUE_GROUPS.archive);
    client = app.get(MessagingClient);
    store = app.get<BlobStore, FilesystemBlobStore>(BlobStore);
  });

  afterAll(async () => {
    await app.close();
  });

  it('gives a new file the next number in its community box and each item its 档号', async () => {
    const [a] = await fileItems(1);
    const [b1, b2] = await fileItems(2);
    const fileA = await archivist(() => client.request(SUBJECTS.archive.fileGet, { householdId: a.householdId }));
    const fileB = await archivist(() => client.request(SUBJECTS.archive.fileGet, { householdId: b1.householdId }));

    const partsA = parseHouseholdFileCode(fileA.referenceCode)!;
    const partsB = parseHouseholdFileCode(fileB.referenceCode)!;
    expect(partsA).toMatchObject({ fondsCode: '220102', cabinetCode: '220102001', communityCode: COMMUNITY });
    expect(partsA.year).toBe(Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)));
    expect(partsB.seq).toBe(partsA.seq + 1);
    expect(fileB).toMatchObject({ cabinetCode: '220102001', boxCode: COMMUNITY, itemCount: 2, pageCount: 2 });
    expect(b1.referenceCode).toBe(`${fileB.referenceCode}-0001`);
    expect(b2.referenceCode).toBe(`${fileB.referenceCode}-0002`);
    expect(fileB.items.map((item) => [item.itemNo, item.archiveClass, item.pageCount])).toEqual([
      [1, 'APPROVAL', 1],
      [2, 'APPROVAL', 1],
    ]);
    expect(fileB.headHash).toBe(b2.entryHash);
  });

  it('opens one file per household and numbers boxes without gaps when households file at once', async () => {
    const households = Array.from({ length: 6 }, () => randomUUID());
    await Promise.all(households.flatMap((id) => [0, 1].map(() => fileItems(1, id))));
    const files = await Promise.all(
      households.map((householdId) => archivist(() => client.request(SUBJECTS.archive.fileGet, { householdId }))),
    );
    const seqs = files.map((file) => parseHouseholdFileCode(file.referenceCode)!.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 6 }, (_, i) => seqs[0] + i));
    expect(files.every((file) => file.itemCount === 2)).toBe(true);
  });

  it('keeps a corrected item and its correction, and refuses to correct twice or across files', async () => {
    const [first] = await fileItems(1);
    const correction = await system(() =>
      client.request(SUBJECTS.archive.documentFile, receipt(first.householdId, { supersedesDocumentId: first.id })),
    );
    const file = await archivist(() => client.request(SUBJECTS.archive.fileGet, { householdId: first.householdId }));
    expect(file.items).toHaveLength(2);
    expect(file.items[0]).toMatchObject({ id: first.id, supersededByDocumentId: correction.id });
    expect(file.items[1]).toMatchObject({ id: correction.id, supersedesDocumentId: first.id });

    await expect(
      system(() =>
        client.request(SUBJECTS.archive.documentFile, receipt(first.householdId, { supersedesDocumentId: first.id })),
      ),
    ).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'supersedesDocumentId', messages: ['该件已被更正过，请更正最新的一件'] }],
    });
    await expect(
      system(() =>
        client.request(SUBJECTS.archive.documentFile, receipt(randomUUID(), { supersedesDocumentId: correction.id })),
      ),
    ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
    expect((await verify(first.householdId)).ok).toBe(true);
  });

  it('refuses in the database to change or delete an item, to delete a file or to renumber it', async () => {
    const [item] = await fileItems(1);
    const sql = app.get(EntityManager).fork().getConnection();
    await expect(sql.execute(`update archive.document set title = 'x' where id = ?`, [item.id])).rejects.toThrow(
      'append-only',
    );
    await expect(sql.execute(`delete from archive.document where id = ?`, [item.id])).rejects.toThrow('append-only');
    await expect(sql.execute(`delete from archive.archive_file where id = ?`, [item.fileId])).rejects.toThrow(
      'never deleted',
    );
    await expect(
      sql.execute(`update archive.archive_file set reference_code = 'x' where id = ?`, [item.fileId]),
    ).rejects.toThrow('keeps its code');
  });

  it('gives a download a watermarked copy and the workflow the archived bytes', async () => {
    const [item] = await fileItems(1);
    const asArchived = await archivist(() =>
      client.request(SUBJECTS.archive.documentGetContent, { documentId: item.id }),
    );
    const marked = await archivist(() =>
      client.request(SUBJECTS.archive.documentGetContent, {
        documentId: item.id,
        watermark: 'archivist1 查阅于 2026-11-27 09:00 仅限低保业务使用',
      }),
    );
    expect(asArchived.watermarked).toBe(false);
    expect(sha256Hex(Buffer.from(asArchived.contentBase64, 'base64'))).toBe(item.sha256);
    expect(marked.watermarked).toBe(true);
    expect(sha256Hex(Buffer.from(marked.contentBase64, 'base64'))).not.toBe(item.sha256);
    expect((await verify(item.householdId)).ok).toBe(true);
  });

  it('finds nothing wrong with a file as filed', async () => {
    const [item] = await fileItems(3);
    const check = await verify(item.householdId);
    expect(check).toMatchObject({ ok: true, itemsChecked: 3, problems: [], trigger: 'ON_DEMAND' });
  });

  it('catches changed bytes (authenticity)', async () => {
    const [, second] = await fileItems(2);
    writeFileSync(store.pathOf(second.sha256), Buffer.from('%PDF-1.7 tampered'));
    const check = await verify(second.householdId);
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      expect.objectContaining({ property: 'AUTHENTICITY', code: 'CONTENT_CHANGED', itemNo: 2 }),
    ]);
  });

  it('catches a missing blob (integrity)', async () => {
    const [first] = await fileItems(2);
    unlinkSync(store.pathOf(first.sha256));
    const check = await verify(first.householdId);
    expect(check.problems).toEqual([
      expect.objectContaining({ property: 'INTEGRITY', code: 'CONTENT_MISSING', itemNo: 1 }),
    ]);
  });

  it('catches an edited metadata row (authenticity, hash chain)', async () => {
    const [, second] = await fileItems(3);
    await tamper(`update archive.document set created_by = 'someone-else' where id = ?`, [second.id]);
    const check = await verify(second.householdId);
    expect(check.problems).toEqual([
      expect.objectContaining({ property: 'AUTHENTICITY', code: 'METADATA_CHANGED', itemNo: 2 }),
    ]);
  });

  it('catches a gap in item numbers (integrity) where an item was removed', async () => {
    const [, second] = await fileItems(3);
    await tamper(`delete from archive.document where id = ?`, [second.id]);
    const check = await verify(second.householdId);
    expect(check.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ property: 'INTEGRITY', code: 'ITEM_NUMBER_GAP', itemNo: 2 }),
        expect.objectContaining({ property: 'AUTHENTICITY', code: 'METADATA_CHANGED', itemNo: 3 }),
      ]),
    );
  });

  it('catches a removed last item through the file’s head and count', async () => {
    const [, second] = await fileItems(2);
    await tamper(`delete from archive.document where id = ?`, [second.id]);
    const check = await verify(second.householdId);
    expect(check.problems).toEqual([
      expect.objectContaining({ property: 'INTEGRITY', code: 'ITEM_NUMBER_GAP', itemNo: 2 }),
      expect.objectContaining({ property: 'AUTHENTICITY', code: 'HEAD_MISMATCH' }),
    ]);
    // Even with the count put back to match, the head still names the item that is gone.
    await tamper(`update archive.archive_file set item_count = 1 where id = ?`, [second.fileId]);
    expect((await verify(second.householdId)).problems).toEqual([
      expect.objectContaining({ property: 'AUTHENTICITY', code: 'HEAD_MISMATCH' }),
    ]);
  });

  /** Files stored content as a household's PDF evidence. */
  const fileEvidence = (householdId: string, sha256: string) =>
    system(() =>
      client.request(SUBJECTS.archive.documentFile, {
        ...receipt(householdId),
        documentType: 'EVIDENCE',
        data: undefined,
        evidence: { sha256, mediaType: 'application/pdf', evidenceType: 'INCOME_PROOF', originalName: '收入证明.pdf' },
      }),
    );
  const hasFile = async (householdId: string) =>
    (
      await app
        .get(EntityManager)
        .fork()
        .getConnection()
        .execute('select 1 from archive.archive_file where household_id = ?', [householdId])
    ).length > 0;

  it('refuses evidence whose stored bytes no longer match their hash, or are not the declared type; opens no file', async () => {
    const altered = randomUUID();
    const bytes = Buffer.from(`%PDF-1.4\n${randomUUID()}\n%%EOF\n`);
    await store.put(sha256Hex(bytes), bytes);
    writeFileSync(store.pathOf(sha256Hex(bytes)), Buffer.from('%PDF-1.4 altered'));
    await expect(fileEvidence(altered, sha256Hex(bytes))).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'evidence.sha256', messages: ['档案库中该文件的内容与校验值不符'] }],
    });

    const mislabelled = randomUUID();
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      Buffer.from(randomUUID()),
      Buffer.from([0xff, 0xd9]),
    ]);
    await store.put(sha256Hex(jpeg), jpeg);
    await expect(fileEvidence(mislabelled, sha256Hex(jpeg))).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'evidence.mediaType', messages: ['文件内容实际为image/jpeg'] }],
    });
    expect([await hasFile(altered), await hasFile(mislabelled)]).toEqual([false, false]);
  });

  it('catches a PDF that does not open (usability), filed as it came, on demand and in a sweep', async () => {
    const householdId = randomUUID();
    const bytes = Buffer.from(`%PDF-1.4\n${randomUUID()} this is no PDF body\n%%EOF\n`);
    await store.put(sha256Hex(bytes), bytes);
    const filed = await fileEvidence(householdId, sha256Hex(bytes));
    expect(filed.pageCount).toBeNull();
    const check = await verify(householdId);
    expect(check.problems).toEqual([
      expect.objectContaining({ property: 'USABILITY', code: 'CONTENT_UNREADABLE', itemNo: 1 }),
    ]);
    expect(check.problems[0].message).toContain('第1件无法打开');
    // The sweep re-opens what did not open at filing (content unchanged since is trusted to read as it did).
    await archivist(() => client.request(SUBJECTS.archive.fixitySweep, {}));
    const swept = await archivist(() =>
      client.request(SUBJECTS.archive.fixityList, { householdId, problemsOnly: true }),
    );
    expect(swept.items.find((item) => item.trigger === 'SWEEP')?.problems).toEqual([
      expect.objectContaining({ code: 'CONTENT_UNREADABLE', itemNo: 1 }),
    ]);
  });

  it('sweeps the archivist’s division, recording every check, and lists the files with problems', async () => {
    const [broken] = await fileItems(1);
    unlinkSync(store.pathOf(broken.sha256));
    const sweep = await archivist(() => client.request(SUBJECTS.archive.fixitySweep, {}));
    expect(sweep.filesChecked).toBeGreaterThanOrEqual(10);
    expect(sweep.filesWithProblems).toBeGreaterThanOrEqual(7);

    const problems = await archivist(() =>
      client.request(SUBJECTS.archive.fixityList, { householdId: broken.householdId, problemsOnly: true }),
    );
    expect(problems.items[0]).toMatchObject({ sweepId: sweep.sweepId, trigger: 'SWEEP', ok: false });
    const outOfScope = await as({ ...CALLERS.archivist1, divisionCode: '220104' }, () =>
      client.request(SUBJECTS.archive.fixityList, { householdId: broken.householdId }),
    );
    expect(outOfScope.items).toEqual([]);
  });

  it('lets only archivists run checks and keeps the file out of reach of other divisions', async () => {
    const [item] = await fileItems(1);
    await expect(
      as(CALLERS.community1, () =>
        client.request(SUBJECTS.archive.fixityVerifyFile, { householdId: item.householdId }),
      ),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(
      as(CALLERS.otherCounty, () => client.request(SUBJECTS.archive.fileGet, { householdId: item.householdId })),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(
      archivist(() => client.request(SUBJECTS.archive.fileGet, { householdId: randomUUID() })),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
  });

  it('counts files, items and pages by cabinet, box, class, type and year, with corrections and fixity', async () => {
    const before = await archivist(() => client.request(SUBJECTS.archive.statisticsGet, { divisionCode: COMMUNITY }));
    const [item] = await fileItems(2);
    await verify(item.householdId);
    const after = await archivist(() => client.request(SUBJECTS.archive.statisticsGet, { divisionCode: COMMUNITY }));

    expect(after.totals.files).toBe(before.totals.files + 1);
    expect(after.totals.items).toBe(before.totals.items + 2);
    expect(after.totals.pages).toBe(before.totals.pages + 2);
    expect(after.totals.correctedItems).toBeGreaterThanOrEqual(1);
    expect(after.byBox).toEqual([expect.objectContaining({ key: COMMUNITY, files: after.totals.files })]);
    expect(after.byCabinet).toEqual([expect.objectContaining({ key: '220102001', items: after.totals.items })]);
    // Every item is of a class; the two this test filed are approval items (benefit decisions filed by other tests
    // of the same run are daily-management ones).
    const byClass = (key: string, of = after) => of.byClass.find((count) => count.key === key)?.items ?? 0;
    expect(byClass('APPROVAL') + byClass('DAILY_MANAGEMENT')).toBe(after.totals.items);
    expect(byClass('APPROVAL')).toBe(byClass('APPROVAL', before) + 2);
    expect(after.byType.find((count) => count.key === 'EVIDENCE')?.items).toBeGreaterThanOrEqual(1);
    expect(after.fixity.filesChecked).toBe(before.fixity.filesChecked + 1);
    expect(after.fixity.filesWithProblems).toBeGreaterThanOrEqual(6);
    await expect(
      as(CALLERS.archivist1, () => client.request(SUBJECTS.archive.statisticsGet, { divisionCode: '220104' })),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(
      as(CALLERS.community1, () => client.request(SUBJECTS.archive.statisticsGet, {})),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
  });

  it('lends a file to staff of another division for the days an archivist approves, and not before', async () => {
    const [item] = await fileItems(1);
    const outsider = CALLERS.otherCounty;
    const read = () => as(outsider, () => client.request(SUBJECTS.archive.fileGet, { householdId: item.householdId }));
    const content = () =>
      as(outsider, () => client.request(SUBJECTS.archive.documentGetContent, { documentId: item.id }));
    await expect(read()).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });

    const ask = { idempotencyKey: randomUUID(), householdId: item.householdId, purpose: '信访复核调阅', days: 3 };
    const asked = await as(outsider, () => client.request(SUBJECTS.archive.borrowRequest, ask));
    expect(asked).toMatchObject({ status: 'PENDING', requestedBy: outsider.username, expiresAt: null });
    expect((await as(outsider, () => client.request(SUBJECTS.archive.borrowRequest, ask))).id).toBe(asked.id);
    await expect(read()).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    // Only an archivist of the file's division decides.
    await expect(
      as(outsider, () => client.request(SUBJECTS.archive.borrowDecide, { requestId: asked.id, approve: true })),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    const pending = await archivist(() => client.request(SUBJECTS.archive.borrowList, { status: 'PENDING' }));
    expect(pending.items.map((request) => request.id)).toContain(asked.id);

    const approved = await archivist(() =>
      client.request(SUBJECTS.archive.borrowDecide, { requestId: asked.id, approve: true, note: '同意调阅三天' }),
    );
    expect(approved).toMatchObject({ status: 'APPROVED', decidedBy: 'archivist1' });
    const days = (Date.parse(approved.expiresAt!) - Date.parse(approved.decidedAt!)) / 86_400_000;
    expect(days).toBeCloseTo(3, 5);
    expect((await read()).referenceCode).toBe(item.referenceCode.slice(0, -5));
    expect((await content()).document.id).toBe(item.id);
    await expect(
      archivist(() => client.request(SUBJECTS.archive.borrowDecide, { requestId: asked.id, approve: false })),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });

    // An expired loan no longer opens the file.
    await tamper(`update archive.borrow_request set expires_at = now() - interval '1 second' where id = ?`, [asked.id]);
    await expect(read()).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    // Staff of the division itself need no loan.
    await expect(
      as(CALLERS.county1, () =>
        client.request(SUBJECTS.archive.borrowRequest, { ...ask, idempotencyKey: randomUUID() }),
      ),
    ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
    const figures = await archivist(() => client.request(SUBJECTS.archive.statisticsGet, {}));
    expect(figures.borrowing.approved).toBeGreaterThanOrEqual(1);
  });

  it('runs the scheduled sweep once per period, whichever replica asks', async () => {
    const schedule = app.get(FixitySchedule);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await schedule.tick(1e-5)).toBe(true);
    expect(await schedule.tick(1)).toBe(false);
    const [row] = await app
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute<Array<{ finished: boolean; files: number }>>(
        `select finished_at is not null as finished, files_checked as files from archive.fixity_sweep
          where scope = '*' order by started_at desc limit 1`,
      );
    expect(row).toMatchObject({ finished: true });
    expect(row.files).toBeGreaterThanOrEqual(10);
  });
});
