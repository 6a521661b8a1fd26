import { randomUUID } from 'node:crypto';

import { makeIdNumber } from '@test/support/factories/application.factory';
import { call, type Json, purpose, tokenOf } from '@test/support/http-client';

/** A caseworker drafts, edits, submits and withdraws an application, and registers and finds a household, over HTTP. */
describe('application lifecycle and household registry (running stack)', () => {
  let token: string;

  beforeAll(async () => {
    token = await tokenOf('community1');
  });

  it('drafts, edits, submits once, and withdraws', async () => {
    const head = makeIdNumber();
    const draft = await call('POST', '/api/v1/applications', {
      token,
      headers: { 'Idempotency-Key': `e2e-draft-${randomUUID()}` },
      body: {
        divisionCode: '220102001001',
        applicantName: '周草稿',
        applicantIdNumber: head,
        householdSize: 1,
        reason: '草稿测试',
        draft: true,
      },
    });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'DRAFT', submittedAt: null });

    const edited = await call('PATCH', `/api/v1/applications/${draft.body.id}`, {
      token,
      body: {
        details: {
          incomes: [{ memberIdNumber: head, category: 'TRANSFER', amountFen: 45_000, period: 'MONTH' }],
          paymentAccount: { bankName: '中国邮政储蓄银行', accountNo: '6221881234567890', holderIdNumber: head },
          dataCheckConsent: true,
        },
      },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.details.paymentAccount.accountNoMasked).toBe('************7890');

    const submitted = await call('POST', `/api/v1/applications/${draft.body.id}/submit`, { token });
    const again = await call('POST', `/api/v1/applications/${draft.body.id}/submit`, { token });
    expect(submitted.body.status).toBe('SUBMITTED');
    expect(again.body.submittedAt).toBe(submitted.body.submittedAt);

    const refusedEdit = await call('PATCH', `/api/v1/applications/${draft.body.id}`, {
      token,
      body: { reason: '再改' },
    });
    expect(refusedEdit.status).toBe(400);

    const withdrawn = await call('POST', `/api/v1/applications/${draft.body.id}/withdraw`, {
      token,
      body: { reason: '申请人撤回' },
    });
    expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', withdrawnReason: '申请人撤回' });

    // The register finds it by number and status, masked; the listing is in the access log.
    const register = await call(
      'GET',
      `/api/v1/applications?applicationNo=${String(draft.body.applicationNo)}&status=WITHDRAWN`,
      { token, headers: purpose('核对撤回申请') },
    );
    expect(register.status).toBe(200);
    expect(register.body).toMatchObject({
      total: 1,
      items: [
        {
          id: draft.body.id,
          status: 'WITHDRAWN',
          applicantIdNumberMasked: `${head.slice(0, 6)}********${head.slice(-4)}`,
        },
      ],
    });
    expect(JSON.stringify(register.body)).not.toContain(head);
    const logged = await call('GET', `/api/v1/access-log?recordId=${String(draft.body.id)}`, {
      token: await tokenOf('auditor1'),
    });
    expect(logged.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'SEARCH', recordType: 'application', purpose: '核对撤回申请' }),
      ]),
    );
    // The same selection as a spreadsheet: Chinese headings, masked, each application logged as downloaded.
    const exported = await call(
      'GET',
      `/api/v1/applications?applicationNo=${String(draft.body.applicationNo)}&format=csv`,
      { token, headers: purpose('报送撤回申请台账') },
    );
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toContain('text/csv');
    const sheet = exported.bytes.toString('utf8').split('\r\n');
    expect(sheet[0]).toBe('\ufeff申请编号,申请人,公民身份号码,家庭人口,所在社区（村）,状态,提交时间,最后更新,申请理由');
    expect(sheet[1]).toMatch(
      new RegExp(
        `^${String(draft.body.applicationNo)},周草稿,${head.slice(0, 6)}\\*{8}${head.slice(-4)},1,220102001001,已撤回,`,
      ),
    );
    expect(sheet).toHaveLength(3);
    const downloads = await call('GET', `/api/v1/access-log?recordId=${String(draft.body.id)}`, {
      token: await tokenOf('auditor1'),
    });
    expect(downloads.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'DOWNLOAD', purpose: '报送撤回申请台账' })]),
    );
    const badFilter = await call('GET', '/api/v1/applications?status=OPEN&limit=0', { token });
    expect(badFilter.status).toBe(400);
    expect((badFilter.body.details as Json[]).map((detail) => detail.field).sort()).toEqual(['limit', 'status']);
  });

  it('gives the one-time notice of missing materials on a draft: filed, once, never for shared data', async () => {
    const draft = await call('POST', '/api/v1/applications', {
      token,
      headers: { 'Idempotency-Key': `e2e-draft-${randomUUID()}` },
      body: {
        divisionCode: '220102001001',
        applicantName: '郑补齐',
        applicantIdNumber: makeIdNumber(),
        householdSize: 1,
        reason: '材料不齐',
        draft: true,
      },
    });
    expect(draft.status).toBe(201);
    const notice = (missing: string[], key = randomUUID()) =>
      call('POST', `/api/v1/applications/${draft.body.id}/materials-notice`, {
        token,
        headers: { 'Idempotency-Key': key },
        body: { missing, note: '请到社区低保窗口提交' },
      });
    const shared = await notice(['户口簿复印件']);
    expect(shared.status).toBe(400);
    expect(shared.body.details).toEqual([
      { field: 'missing[0]', messages: ['「户口簿复印件」可通过户籍信息核对获取，不得要求申请人提供'] },
    ]);
    const given = await notice(['医院出具的诊断证明']);
    expect(given.status).toBe(200);
    expect(given.body.materialsNotice).toMatchObject({ missing: ['医院出具的诊断证明'], notifiedBy: 'community1' });
    expect((await notice(['残疾人证'])).status).toBe(409);
    const view = await call('GET', `/api/v1/applications/${draft.body.id}`, {
      token,
      headers: purpose('核对一次性告知书'),
    });
    expect((view.body.documents as Json[]).map((document) => document.documentType)).toEqual(['MATERIALS_NOTICE']);
  });

  it('registers a household and finds it by name and by ID number, masked', async () => {
    const idNumber = makeIdNumber();
    // Three random characters from a pool of 40: a name this run's household does not share with earlier runs'.
    const pool = '琮琰琨瑾瑜璇珩璟瑄瑭珏琦琪璐瑶翊彧昀晗暄曦朗煜炜烨焘熠灏澍沅泓渊淳湛溪潇澜濡骞';
    const pick = () => pool[Math.floor(Math.random() * pool.length)];
    const name = `阚${pick()}${pick()}${pick()}`;
    const created = await call('POST', '/api/v1/households', {
      token,
      headers: { 'Idempotency-Key': `e2e-hh-${randomUUID()}` },
      body: {
        divisionCode: '220102001001',
        members: [{ name, idNumber, relationship: '02', health: 'HEALTHY', workCapacity: 'NONE', schooling: 'NONE' }],
      },
    });
    expect(created.status).toBe(201);

    for (const q of [name, name.slice(1), idNumber]) {
      const found = await call('GET', `/api/v1/households?q=${encodeURIComponent(q)}&limit=100`, { token });
      expect(found.body.items.map((item: { householdId: string }) => item.householdId)).toContain(created.body.id);
      expect(JSON.stringify(found.body)).not.toContain(idNumber);
    }
    // A search with a stated purpose, in the query as elsewhere; a purpose too short is refused, not logged.
    const withPurpose = await call(
      'GET',
      `/api/v1/households?q=${encodeURIComponent(name)}&purpose=${encodeURIComponent('核对重复申请')}`,
      { token },
    );
    expect(withPurpose.status).toBe(200);
    const tooShort = await call('GET', `/api/v1/households?q=${encodeURIComponent(name)}&purpose=x`, { token });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.details).toEqual([expect.objectContaining({ field: 'X-Access-Purpose' })]);
    // Every household a search showed is in the access log: three searches without a purpose, one with.
    const logged = await call('GET', `/api/v1/access-log?recordId=${String(created.body.id)}`, {
      token: await tokenOf('auditor1'),
    });
    const searches = (logged.body as Json[]).filter((entry) => entry.action === 'SEARCH');
    expect(searches.map((entry) => entry.purpose).sort()).toEqual(
      ['核对重复申请', '检索家庭（未说明目的）', '检索家庭（未说明目的）', '检索家庭（未说明目的）'].sort(),
    );
    expect(searches[0]).toMatchObject({ actorUsername: 'community1', recordType: 'household' });
    const read = await call('GET', `/api/v1/households/${created.body.id}`, {
      token,
      headers: purpose('入户调查准备'),
    });
    expect(read.body.members[0]).toMatchObject({
      name,
      isHead: true,
      idNumberMasked: `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`,
    });
  });
});
