import { randomUUID } from 'node:crypto';

import { Client as Pg } from 'pg';

import { beijingDate } from '@app/domain';
import { makeIdNumber } from '@test/support/factories/application.factory';
import { call, type Json, purpose, tokenOf, until } from '@test/support/http-client';

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/dibao';

/** 公平社区 in 东盛街道, 二道区: staff of its own and a drill policy (labelled) with a 4-second publicity. */
const ERDAO = { county: '220105', street: '220105001', community: '220105001002' };
/** 爱民社区 in 正阳街道, 绿园区: a drill policy whose stages run out after one second (escalation). */
const LVYUAN = { county: '220106', community: '220106001001' };
const PASSWORD = 'approval-paths-e2e-password';

/**
 * The chain's branches through the gateway (running stack), as staff meet them: a refusal at the street and at the
 * county, each served by the township with its proof of delivery filed; a return to the previous stage; an
 * objection during publicity (appraisal and the county's home visit then required); an overdue step escalated and
 * a withdrawal while it waits.
 */
describe('approval chain branches through the gateway (running stack)', () => {
  const run6 = randomUUID().slice(0, 6);
  const tokens = { community: '', street: '', county: '', lvyuan: '' };

  beforeAll(async () => {
    const db = new Pg({ connectionString: DATABASE_URL });
    await db.connect();
    try {
      for (const [county, drill, note] of [
        [ERDAO.county, { publicityMs: 4000 }, '演练：公示期缩短为4秒（测试）'],
        [LVYUAN.county, { publicityMs: 1000, stageTimeoutMs: 1000 }, '演练：办理时限缩短为1秒（测试）'],
      ] as const) {
        await db.query(
          `insert into approval.approval_policy (id, created_at, updated_at, division_code, effective_from, rules, note)
           select gen_random_uuid(), now(), now(), $1::varchar, '2021-07-01', rules || jsonb_build_object('drill', $2::jsonb), $3
             from approval.approval_policy where division_code = '22'
              and not exists (select 1 from approval.approval_policy where division_code = $1::varchar)`,
          [county, JSON.stringify(drill), note],
        );
      }
    } finally {
      await db.end();
    }
    const admin = await tokenOf('admin');
    const accounts: Array<[keyof typeof tokens, string, string]> = [
      ['community', ERDAO.community, 'COMMUNITY_CASEWORKER'],
      ['street', ERDAO.street, 'STREET_REVIEWER'],
      ['county', ERDAO.county, 'COUNTY_APPROVER'],
      ['lvyuan', LVYUAN.community, 'COMMUNITY_CASEWORKER'],
    ];
    // Four logins (the gateway throttles logins per address; the whole e2e tier shares the allowance).
    for (const [who, divisionCode, role] of accounts) {
      const username = `e2e-ap-${who}-${run6}`;
      const created = await call('POST', '/api/v1/accounts', {
        token: admin,
        body: { username, displayName: `测试${who}`, divisionCode, roles: [role], password: PASSWORD },
      });
      expect([200, 201]).toContain(created.status);
      tokens[who] = await tokenOf(username, PASSWORD);
    }
  });

  const submit = async (token: string, divisionCode: string, applicantName: string) => {
    const created = await call('POST', '/api/v1/applications', {
      token,
      headers: { 'Idempotency-Key': `e2e-${randomUUID()}` },
      body: {
        divisionCode,
        applicantName,
        applicantIdNumber: makeIdNumber(),
        householdSize: 2,
        reason: '家庭主要劳动力患病，无固定收入',
        details: { dataCheckConsent: true },
      },
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  /** The caller's open task of the application (waiting for the chain to open it). */
  const taskOf = (token: string, applicationId: string, query = '') =>
    until(async () => {
      const inbox = await call('GET', `/api/v1/tasks?applicationId=${applicationId}${query}`, { token });
      expect(inbox.status).toBe(200);
      return (inbox.body.items as Json[])[0];
    }, 60_000);
  /** A decision on a task, as staff post it (a fresh key each time); the answer as it came. */
  const post = (token: string, taskId: unknown, body: Json) =>
    call('POST', `/api/v1/tasks/${taskId as string}/decision`, {
      token,
      headers: { 'Idempotency-Key': randomUUID() },
      body,
    });
  const decide = async (token: string, applicationId: string, body: Json, query = '') => {
    const decided = await post(token, (await taskOf(token, applicationId, query)).id, body);
    expect(decided.status).toBe(200);
    return decided.body;
  };
  const view = (token: string, applicationId: string) =>
    call('GET', `/api/v1/applications/${applicationId}`, { token, headers: purpose('核对审批进度（测试）') });
  /** Polls the application's progress (from the chain) until it reaches `stage`. */
  const untilStage = (token: string, applicationId: string, stage: string) =>
    until(async () => {
      const body = (await view(token, applicationId)).body;
      return body.progress?.stage === stage ? body : undefined;
    }, 60_000);
  const documentTypes = async (token: string, applicationId: string) =>
    ((await view(token, applicationId)).body.documents as Json[]).map((document) => document.documentType);
  const serve = (applicationId: string, delivery: Json) =>
    decide(
      tokens.street,
      applicationId,
      { decision: 'DELIVER', opinion: '通知书已送达', delivery: { deliveredOn: beijingDate(new Date()), ...delivery } },
      '&purpose=DELIVERY',
    );

  it('a birth while the community has the case has the household assessed again, shown in its progress', async () => {
    const applicationId = await submit(tokens.community, ERDAO.community, '孙新生');
    const waiting = await untilStage(tokens.community, applicationId, 'COMMUNITY');
    const born = await call(
      'POST',
      `/api/v1/households/${(waiting.application as Json).householdId as string}/member-changes`,
      {
        token: tokens.community,
        headers: { 'Idempotency-Key': randomUUID() },
        body: {
          kind: 'JOIN',
          reason: 'BIRTH',
          occurredOn: beijingDate(new Date()),
          member: {
            name: '孙小宝',
            idNumber: makeIdNumber(),
            relationship: '20',
            health: 'HEALTHY',
            workCapacity: 'NONE',
            schooling: 'PRESCHOOL',
          },
        },
      },
    );
    expect(born.status).toBe(200);
    const reassessed = await until(async () => {
      const history = (await view(tokens.community, applicationId)).body.progress?.history as Json[] | undefined;
      return history?.find((entry) => entry.stage === 'ASSESSMENT' && entry.attempt === 2);
    }, 30_000);
    expect(reassessed).toMatchObject({ note: expect.stringContaining('增员：出生') });
    expect(
      (await documentTypes(tokens.community, applicationId)).filter((t) => t === 'ASSESSMENT_REPORT'),
    ).toHaveLength(2);
    // The community decides on the new figures as usual.
    expect(await decide(tokens.community, applicationId, { decision: 'APPROVE', opinion: '同意上报' })).toMatchObject({
      next: 'PUBLICITY',
    });
  });

  it('a data check the applicant disputes is re-checked by the township: new figures, assessed again, filed', async () => {
    const applicantIdNumber = makeIdNumber();
    const wages = { memberIdNumber: applicantIdNumber, category: 'WAGES', amountFen: 600_000, period: 'MONTH' };
    const created = await call('POST', '/api/v1/applications', {
      token: tokens.community,
      headers: { 'Idempotency-Key': `e2e-${randomUUID()}` },
      body: {
        divisionCode: ERDAO.community,
        applicantName: '冯复查',
        applicantIdNumber,
        householdSize: 1,
        reason: '失业后无固定收入',
        details: { dataCheckConsent: true, incomes: [wages] },
      },
    });
    expect(created.status).toBe(201);
    const applicationId = created.body.id as string;
    const waiting = await untilStage(tokens.community, applicationId, 'COMMUNITY');
    expect((waiting.progress.history as Json[]).find((entry) => entry.stage === 'ASSESSMENT')).toMatchObject({
      event: 'NOT_ELIGIBLE',
    });
    const recheck = (token: string, body: Json) =>
      call('POST', `/api/v1/applications/${applicationId}/rechecks`, {
        token,
        headers: { 'Idempotency-Key': randomUUID() },
        body,
      });
    const corrected = {
      objection: '申请人称核对到的工资为原单位收入，已离职，现仅有零工收入',
      means: { incomes: [{ ...wages, amountFen: 20_000 }] },
    };
    // Without the re-checked means: 400 naming the field; the county does not re-check: 403.
    const incomplete = await recheck(tokens.street, { objection: corrected.objection });
    expect(incomplete.status).toBe(400);
    expect(JSON.stringify(incomplete.body)).toContain('请填写复查后的家庭收入、支出和财产');
    expect((await recheck(tokens.county, corrected)).status).toBe(403);

    const rechecked = await recheck(tokens.street, corrected);
    expect(rechecked.status).toBe(200);
    expect(rechecked.body.rechecks).toEqual([
      expect.objectContaining({
        recheckedBy: expect.stringContaining('e2e-ap-street'),
        documentId: expect.any(String),
      }),
    ]);
    const reassessed = await until(async () => {
      const history = (await view(tokens.community, applicationId)).body.progress?.history as Json[] | undefined;
      return history?.find((entry) => entry.stage === 'ASSESSMENT' && entry.attempt === 2);
    }, 30_000);
    expect(reassessed).toMatchObject({ event: 'ELIGIBLE', note: expect.stringContaining('核对结果复查后重新核算') });
    expect(await documentTypes(tokens.community, applicationId)).toContain('DATA_CHECK_RECHECK_RECORD');
    // Eligible now: nothing left to re-check.
    expect((await recheck(tokens.street, corrected)).status).toBe(409);
  }, 90_000);

  it('a refusal at the street is served by the township (left at the residence, witnessed) and filed', async () => {
    const applicationId = await submit(tokens.community, ERDAO.community, '钱街道');
    await decide(tokens.community, applicationId, { decision: 'APPROVE', opinion: '同意上报' });
    const refused = await decide(tokens.street, applicationId, {
      decision: 'REJECT',
      opinion: '经核对，家庭成员名下有非营运机动车辆。',
      reasons: ['家庭成员名下登记有非营运机动车辆'],
    });
    expect(refused).toMatchObject({ decision: 'REJECT', next: 'REJECTED' });
    const waiting = await untilStage(tokens.community, applicationId, 'DELIVERY');
    expect(waiting.application.status).toBe('REJECTED');
    expect(
      await serve(applicationId, { method: 'LEFT_AT_RESIDENCE', recipient: '钱街道', witnesses: ['社区主任'] }),
    ).toMatchObject({ decision: 'DELIVER', next: 'REJECTED' });
    await untilStage(tokens.community, applicationId, 'REJECTED');
    expect((await documentTypes(tokens.community, applicationId)).slice(-3)).toEqual([
      'STREET_REVIEW',
      'REFUSAL_NOTICE',
      'DELIVERY_RECEIPT',
    ]);
  }, 90_000);

  it('a refusal at the county is served by the township by post; a delivery without its number is a 400', async () => {
    const applicationId = await submit(tokens.community, ERDAO.community, '孙县级');
    await decide(tokens.community, applicationId, { decision: 'APPROVE', opinion: '同意上报' });
    await decide(tokens.street, applicationId, { decision: 'APPROVE', opinion: '审核同意' });
    await decide(tokens.county, applicationId, {
      decision: 'REJECT',
      opinion: '家庭财产超过规定标准，不予确认。',
      reasons: ['家庭存款超过当地规定的财产标准'],
    });
    const task = await taskOf(tokens.street, applicationId, '&purpose=DELIVERY');
    expect(task).toMatchObject({ stage: 'STREET', purpose: 'DELIVERY', status: 'OPEN' });
    const noNumber = await post(tokens.street, task.id, {
      decision: 'DELIVER',
      opinion: '已邮寄',
      delivery: { deliveredOn: beijingDate(new Date()), method: 'BY_POST', recipient: '孙县级' },
    });
    expect(noNumber.status).toBe(400);
    expect(JSON.stringify(noNumber.body.details)).toContain('邮寄送达须填写邮件号码');
    await serve(applicationId, { method: 'BY_POST', recipient: '孙县级', trackingNo: 'EMS9876543210CN' });
    await untilStage(tokens.county, applicationId, 'REJECTED');
    expect((await documentTypes(tokens.county, applicationId)).slice(-3)).toEqual([
      'COUNTY_CONFIRMATION',
      'REFUSAL_NOTICE',
      'DELIVERY_RECEIPT',
    ]);

    // The applicant applies for reconsideration: the county registers the case against the refusal it was served,
    // the household file is held, and the outcome is recorded when the reconsideration body decides.
    const documents = (await view(tokens.county, applicationId)).body.documents as Json[];
    const refusal = documents.find((document) => document.documentType === 'REFUSAL_NOTICE')!;
    const appeal = (token: string, body: Json) =>
      call('POST', '/api/v1/appeals', { token, headers: { 'Idempotency-Key': randomUUID() }, body });
    const caseBody = {
      applicationId,
      contestedDocumentId: refusal.id,
      kind: 'APPEAL',
      body: '长春市二道区人民政府',
      caseNo: `二府复〔2026〕${run6}号`,
      receivedOn: beijingDate(new Date()),
      claim: '请求撤销不予确认决定',
    };
    const badKind = await appeal(tokens.county, { ...caseBody, kind: 'COMPLAINT', receivedOn: '2026-02-30' });
    expect(badKind.status).toBe(400);
    expect((badKind.body.details as Json[]).map((detail) => detail.field).sort()).toEqual(['kind', 'receivedOn']);
    expect((await appeal(tokens.street, caseBody)).status).toBe(403);
    const registered = await appeal(tokens.county, caseBody);
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({
      status: 'OPEN',
      contestedDocumentType: 'REFUSAL_NOTICE',
      holdId: expect.any(String),
    });
    const decided = await call('POST', `/api/v1/appeals/${String(registered.body.id)}/outcome`, {
      token: tokens.county,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { outcome: 'REVOKED', decidedOn: beijingDate(new Date()), decisionNo: `二府复决〔2026〕${run6}号` },
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'CLOSED', outcome: 'REVOKED', toActOn: true });
    const open = await call('GET', `/api/v1/appeals?status=OPEN&divisionCode=${ERDAO.community}`, {
      token: tokens.county,
    });
    expect(open.status).toBe(200);
    expect((open.body.items as Json[]).map((item) => item.id)).not.toContain(registered.body.id);
    expect((await documentTypes(tokens.county, applicationId)).slice(-2)).toEqual(['APPEAL_RECORD', 'APPEAL_RECORD']);

    // The refusal revoked, the county decides again (重新作出决定): a new application of the household, copied from
    // the refused one, goes straight to the county's confirmation on a fresh assessment. Once per case.
    const redecide = (token: string) =>
      call('POST', `/api/v1/appeals/${String(registered.body.id)}/redecision`, { token });
    expect((await redecide(tokens.street)).status).toBe(403);
    const again = await redecide(tokens.county);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ redecidedBy: expect.any(String), redecidedAt: expect.any(String) });
    const redecided = again.body.redecisionApplicationId as string;
    expect((await redecide(tokens.county)).body.redecisionApplicationId).toBe(redecided);
    expect(await taskOf(tokens.county, redecided)).toMatchObject({ stage: 'COUNTY', status: 'OPEN', attempt: 1 });
    const made = (await view(tokens.county, redecided)).body.application as Json;
    const refused = (await view(tokens.county, applicationId)).body.application as Json;
    expect(made).toMatchObject({
      householdId: refused.householdId,
      applicantName: '孙县级',
      status: 'IN_REVIEW',
      redecision: { appealId: registered.body.id, previousApplicationId: applicationId },
      reason: expect.stringContaining(`依长春市二道区人民政府二府复决〔2026〕${run6}号（撤销原决定），重新作出决定`),
    });
    await decide(tokens.county, redecided, { decision: 'APPROVE', opinion: '依复议决定重新审核，予以确认' });
    await untilStage(tokens.county, redecided, 'APPROVED');
    expect(await documentTypes(tokens.county, redecided)).toEqual(
      expect.arrayContaining(['APPLICATION_RECEIVED', 'ASSESSMENT_REPORT', 'COUNTY_CONFIRMATION', 'APPROVAL_NOTICE']),
    );
    expect(await documentTypes(tokens.county, redecided)).not.toContain('COMMUNITY_OPINION');
    expect(refused.status).toBe('REJECTED');
  }, 150_000);

  it('a return to the previous stage reopens the community step as a second attempt; both records stay', async () => {
    const applicationId = await submit(tokens.community, ERDAO.community, '李退回');
    await decide(tokens.community, applicationId, { decision: 'APPROVE', opinion: '同意上报' });
    const returned = await decide(tokens.street, applicationId, {
      decision: 'RETURN',
      returnTo: 'PREVIOUS',
      opinion: '入户调查记录不完整，退回社区重新调查。',
    });
    expect(returned).toMatchObject({ decision: 'RETURN', next: 'COMMUNITY' });
    const again = await taskOf(tokens.community, applicationId);
    expect(again).toMatchObject({ stage: 'COMMUNITY', attempt: 2 });
    await decide(tokens.community, applicationId, { decision: 'APPROVE', opinion: '重新调查后同意上报' });
    await untilStage(tokens.community, applicationId, 'PUBLICITY');
    const types = await documentTypes(tokens.community, applicationId);
    expect(types.filter((type) => type === 'COMMUNITY_OPINION')).toHaveLength(2);
    expect(types).toContain('RETURN_NOTICE');
  }, 90_000);

  it('an objection during publicity sends the case back: appraisal minutes, then the county’s home visit', async () => {
    const applicationId = await submit(tokens.community, ERDAO.community, '周异议');
    await taskOf(tokens.community, applicationId);
    const outside = await call('POST', `/api/v1/applications/${applicationId}/objections`, {
      token: tokens.community,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { summary: '公示前的异议' },
    });
    expect(outside.status).toBe(409);
    await decide(tokens.community, applicationId, { decision: 'APPROVE', opinion: '同意上报' });
    await untilStage(tokens.community, applicationId, 'PUBLICITY');
    const objection = await call('POST', `/api/v1/applications/${applicationId}/objections`, {
      token: tokens.community,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { summary: '邻居反映申请人家庭有经营性收入未申报' },
    });
    expect(objection.status).toBe(200);
    const second = await taskOf(tokens.community, applicationId);
    // The inbox says what the new opinion needs, and why, before anyone tries.
    expect(second).toMatchObject({
      stage: 'COMMUNITY',
      attempt: 2,
      requirements: [{ kind: 'APPRAISAL', reason: '公示期间有异议' }],
    });
    const withoutMinutes = await post(tokens.community, second.id, { decision: 'APPROVE', opinion: '复核后同意' });
    expect(withoutMinutes.status).toBe(409);
    expect(withoutMinutes.body.message).toContain('民主评议');
    await decide(tokens.community, applicationId, {
      decision: 'APPROVE',
      opinion: '经民主评议，同意上报',
      appraisal: {
        heldOn: beijingDate(new Date()),
        participants: 9,
        votesFor: 8,
        votesAgainst: 1,
        minutes: '评议记录',
      },
    });
    await decide(tokens.street, applicationId, { decision: 'APPROVE', opinion: '审核同意' });
    const county = await taskOf(tokens.county, applicationId);
    expect(county.requirements).toEqual([{ kind: 'HOME_VISIT', reason: '公示期间有异议' }]);
    const withoutVisit = await post(tokens.county, county.id, { decision: 'APPROVE', opinion: '同意' });
    expect(withoutVisit.status).toBe(409);
    expect(withoutVisit.body.message).toContain('入户核查');
    await decide(tokens.county, applicationId, {
      decision: 'APPROVE',
      opinion: '经入户核查，同意纳入低保',
      homeVisit: { visitedOn: beijingDate(new Date()), visitors: ['王五', '赵六'], findings: '家庭情况与申报一致' },
    });
    await untilStage(tokens.county, applicationId, 'APPROVED');
    expect(await documentTypes(tokens.county, applicationId)).toEqual(
      expect.arrayContaining(['OBJECTION_RECORD', 'APPRAISAL_MINUTES', 'APPROVAL_NOTICE']),
    );
  }, 120_000);

  it('escalates an overdue step (recorded, filed, never decided for staff); a withdrawal then ends the chain', async () => {
    const applicationId = await submit(tokens.lvyuan, LVYUAN.community, '吴超期');
    const escalated = await until(async () => {
      const task = await taskOf(tokens.lvyuan, applicationId);
      return task.escalatedAt ? task : undefined;
    }, 60_000);
    expect(escalated).toMatchObject({ stage: 'COMMUNITY', status: 'OPEN' });
    // The inbox is marked first, then the supervision record is filed.
    await until(async () =>
      (await documentTypes(tokens.lvyuan, applicationId)).includes('ESCALATION_RECORD') ? true : undefined,
    );
    const withdrawn = await call('POST', `/api/v1/applications/${applicationId}/withdraw`, {
      token: tokens.lvyuan,
      body: { reason: '申请人家庭情况好转，主动撤回' },
    });
    expect(withdrawn.status).toBe(200);
    await untilStage(tokens.lvyuan, applicationId, 'WITHDRAWN');
    const inbox = await call('GET', `/api/v1/tasks?applicationId=${applicationId}`, { token: tokens.lvyuan });
    expect(inbox.body).toEqual({ items: [], total: 0 });
  }, 90_000);
});
