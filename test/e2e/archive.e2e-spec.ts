import { createHash, randomUUID } from 'node:crypto';

import { makeIdNumber } from '@test/support/factories/application.factory';
import { call, type Json, purpose, tokenOf, until } from '@test/support/http-client';

/**
 * The household archive file through the gateway (running stack): the application's receipt is filed as the
 * first item with its 档号; reading the file needs a purpose and is logged; an archivist checks its fixity.
 */
describe('the household archive file through the gateway (running stack)', () => {
  let community1: string;
  let archivist1: string;
  let auditor1: string;

  beforeAll(async () => {
    [community1, archivist1, auditor1] = await Promise.all([
      tokenOf('community1'),
      tokenOf('archivist1'),
      tokenOf('auditor1'),
    ]);
  });

  it('file with reference codes → read needs a purpose and is logged → an archivist’s fixity check passes', async () => {
    const created = await call('POST', '/api/v1/applications', {
      token: community1,
      headers: { 'Idempotency-Key': `e2e-${randomUUID()}` },
      body: {
        divisionCode: '220102001001',
        applicantName: '吴档案',
        applicantIdNumber: makeIdNumber(),
        householdSize: 2,
        reason: '残疾，无劳动能力',
        details: { dataCheckConsent: true },
      },
    });
    expect(created.status).toBe(201);
    const householdId = created.body.householdId as string;

    const file = await until(async () => {
      const current = await call('GET', `/api/v1/archive/files/${householdId}`, {
        token: community1,
        headers: purpose('核对申请材料归档情况'),
      });
      return current.status === 200 && (current.body.items as Json[]).length > 0 ? current.body : undefined;
    }, 45_000);
    expect(String(file.referenceCode)).toMatch(/^220102-DB·\d{4}-D5-220102001·001-\d{4}$/);
    expect(file).toMatchObject({ cabinetCode: '220102001', boxCode: '220102001001', divisionCode: '220102001001' });
    const [first] = file.items as Json[];
    expect(first).toMatchObject({
      itemNo: 1,
      referenceCode: `${String(file.referenceCode)}-0001`,
      documentType: 'APPLICATION_RECEIVED',
      archiveClass: 'APPROVAL',
      pageCount: 1,
      supersededByDocumentId: null,
    });
    expect(String(first.entryHash)).toMatch(/^[0-9a-f]{64}$/);

    // A download is a marked copy: it opens, but it is not the archived bytes.
    const download = await call('GET', `/api/v1/documents/${String(first.id)}/content`, {
      token: community1,
      headers: purpose('打印回执'),
    });
    expect(download.status).toBe(200);
    expect(download.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(download.bytes).digest('hex')).not.toBe(first.sha256);

    const noPurpose = await call('GET', `/api/v1/archive/files/${householdId}`, { token: community1 });
    expect(noPurpose.status).toBe(400);
    expect(noPurpose.body.details).toEqual([expect.objectContaining({ field: 'X-Access-Purpose' })]);

    const logged = await call('GET', `/api/v1/access-log?recordId=${String(file.id)}`, { token: auditor1 });
    expect(logged.status).toBe(200);
    expect(logged.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actorUsername: 'community1',
          recordType: 'archive-file',
          purpose: '核对申请材料归档情况',
        }),
      ]),
    );

    const check = await call('POST', `/api/v1/archive/files/${householdId}/fixity-checks`, { token: archivist1 });
    expect(check.status).toBe(201);
    expect(check.body).toMatchObject({ ok: true, problems: [], referenceCode: file.referenceCode });
    const checks = await call('GET', `/api/v1/archive/fixity-checks?householdId=${householdId}`, {
      token: archivist1,
    });
    expect((checks.body.items as Json[])[0]).toMatchObject({ id: check.body.id, ok: true, checkedBy: 'archivist1' });
    const figures = await call('GET', '/api/v1/archive/statistics?divisionCode=220102001001', { token: archivist1 });
    expect(figures.status).toBe(200);
    expect(figures.body.totals.files).toBeGreaterThanOrEqual(1);
    expect(figures.body.accessByMonth).toEqual(
      expect.arrayContaining([expect.objectContaining({ reads: expect.any(Number) })]),
    );
    const csv = await call('GET', '/api/v1/archive/statistics?format=csv', { token: archivist1 });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.bytes.toString('utf8')).toMatch(/^\ufeff统计项,项目,案卷数,件数,页数,数值\r\n合计,/);
    const badFlag = await call('GET', '/api/v1/archive/fixity-checks?problemsOnly=maybe', { token: archivist1 });
    expect(badFlag.status).toBe(400);
    expect(badFlag.body.details).toEqual([expect.objectContaining({ field: 'problemsOnly' })]);

    // A hold (保全) while an audit is open: placed once per key, listed, lifted on a stated basis.
    const holdKey = `e2e-${randomUUID()}`;
    const placeHold = (body: Json, key = holdKey) =>
      call('POST', `/api/v1/archive/files/${householdId}/holds`, {
        token: archivist1,
        headers: { 'Idempotency-Key': key },
        body,
      });
    const badKind = await placeHold({ kind: 'GRUDGE', basis: '无' }, `e2e-${randomUUID()}`);
    expect(badKind.status).toBe(400);
    expect(badKind.body.details).toEqual([expect.objectContaining({ field: 'kind' })]);
    const noBasis = await placeHold({ kind: 'AUDIT' }, `e2e-${randomUUID()}`);
    expect(noBasis.status).toBe(400);
    expect(noBasis.body.details).toEqual([expect.objectContaining({ field: 'basis' })]);
    const hold = await placeHold({ kind: 'AUDIT', basis: '南关区审计局审计通知书〔2026〕9号' });
    expect(hold.status).toBe(201);
    expect(hold.body).toMatchObject({ householdId, referenceCode: file.referenceCode, kind: 'AUDIT', liftedAt: null });
    expect((await placeHold({ kind: 'AUDIT', basis: '南关区审计局审计通知书〔2026〕9号' })).body.id).toBe(hold.body.id);
    expect((await placeHold({ kind: 'APPEAL', basis: '另案' })).status).toBe(409);
    const inForce = await call('GET', `/api/v1/archive/holds?householdId=${householdId}`, { token: archivist1 });
    expect((inForce.body.items as Json[]).map((item) => item.id)).toEqual([hold.body.id]);
    const badActive = await call('GET', '/api/v1/archive/holds?active=maybe', { token: archivist1 });
    expect(badActive.status).toBe(400);
    expect(badActive.body.details).toEqual([expect.objectContaining({ field: 'active' })]);
    const lifted = await call('POST', `/api/v1/archive/holds/${String(hold.body.id)}/lift`, {
      token: archivist1,
      body: { basis: '审计结束' },
    });
    expect(lifted.status).toBe(200);
    expect(lifted.body).toMatchObject({ liftedBy: 'archivist1', liftBasis: '审计结束' });
    const afterLift = await call('GET', `/api/v1/archive/holds?householdId=${householdId}`, { token: archivist1 });
    expect(afterLift.body.items).toEqual([]);
    const every = await call('GET', `/api/v1/archive/holds?householdId=${householdId}&active=false`, {
      token: archivist1,
    });
    expect((every.body.items as Json[]).map((item) => item.id)).toEqual([hold.body.id]);

    // A roster or statistics report is held the same way; its body is checked before anything is looked up.
    const recordHold = (body: Json) =>
      call('POST', `/api/v1/accounting-records/${randomUUID()}/holds`, {
        token: archivist1,
        headers: { 'Idempotency-Key': `e2e-${randomUUID()}` },
        body,
      });
    const badRecordHold = await recordHold({ kind: 'AUDIT' });
    expect(badRecordHold.status).toBe(400);
    expect(badRecordHold.body.details).toEqual([expect.objectContaining({ field: 'basis' })]);
    // No such record in the archivist's area.
    expect((await recordHold({ kind: 'AUDIT', basis: '审计通知书' })).status).toBe(403);
  });
});
