import { randomUUID } from 'node:crypto';

import { Client as Pg } from 'pg';

import { addMonths, DEMO_BANKS } from '@app/domain';
import { runBankSimulator } from '@test/support/bank-simulator-process';
import { APPROVED_CHAIN_DOCUMENTS } from '@test/support/chains';
import { makeIdNumber } from '@test/support/factories/application.factory';
import { call, type Json, purpose, tokenOf, until } from '@test/support/http-client';

const [JLRCB] = DEMO_BANKS;
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/dibao';

/**
 * 长江路社区 in 站前街道, 宽城区: staff of its own, and a drill policy (labelled): a 1-second publicity, payment from
 * a month of the run's own.
 */
const COMMUNITY = '220103002001';
const STREET = '220103002';
const COUNTY = '220103';
const PASSWORD = 'dossier-e2e-password';

/**
 * The dossier after everything a household goes through, on the running stack: an application approved by
 * community, street and county through the gateway (every step filed), the enrolment the approval makes, and two
 * payroll months paid by the bank simulator. Every section is there and says what the owning service says.
 */
describe('the household dossier after a full chain and two payroll months (running stack)', () => {
  const run6 = randomUUID().slice(0, 6);
  const users = {
    community: `e2e-dc-${run6}`,
    street: `e2e-ds-${run6}`,
    county: `e2e-dk-${run6}`,
  };
  const tokens: Record<keyof typeof users, string> = { community: '', street: '', county: '' };

  beforeAll(async () => {
    const db = new Pg({ connectionString: DATABASE_URL });
    await db.connect();
    try {
      await db.query(
        `insert into approval.approval_policy (id, created_at, updated_at, division_code, effective_from, rules, note)
         select gen_random_uuid(), now(), now(), $1::varchar, '2021-07-01', rules || '{"drill": {"publicityMs": 1000}}'::jsonb,
                '演练：公示期缩短为1秒（测试与基准）'
           from approval.approval_policy where division_code = '22'
            and not exists (select 1 from approval.approval_policy where division_code = $1::varchar)`,
        [COUNTY],
      );
      // Payment from a month of this run's own (far ahead, clear of the payment test's 2100–2899): a month's
      // payroll runs once, so a month another run has paid would not pay this household.
      await db.query(
        `update approval.approval_policy set rules = jsonb_set(rules, '{firstPaymentMonthOffset}', to_jsonb($2::int))
          where division_code = $1::varchar`,
        [COUNTY, 48 + Math.floor(Math.random() * 800)],
      );
    } finally {
      await db.end();
    }
    const admin = await tokenOf('admin');
    const accounts: Array<[keyof typeof users, string, string[]]> = [
      ['community', COMMUNITY, ['COMMUNITY_CASEWORKER']],
      ['street', STREET, ['STREET_REVIEWER']],
      ['county', COUNTY, ['COUNTY_APPROVER', 'COUNTY_FINANCE']],
    ];
    // Three logins (the gateway throttles logins per address; the whole e2e tier shares the allowance).
    for (const [who, divisionCode, roles] of accounts) {
      const created = await call('POST', '/api/v1/accounts', {
        token: admin,
        body: { username: users[who], displayName: `测试${who}`, divisionCode, roles, password: PASSWORD },
      });
      expect([200, 201]).toContain(created.status);
      tokens[who] = await tokenOf(users[who], PASSWORD);
    }
  });

  it('composes every section, consistent with each service, after approval and two paid months', async () => {
    const headIdNumber = makeIdNumber();
    const created = await call('POST', '/api/v1/applications', {
      token: tokens.community,
      headers: { 'Idempotency-Key': `e2e-${randomUUID()}` },
      body: {
        divisionCode: COMMUNITY,
        applicantName: '吴档案',
        applicantIdNumber: headIdNumber,
        householdSize: 2,
        reason: '家庭主要劳动力因病丧失劳动能力',
        details: {
          dataCheckConsent: true,
          paymentAccount: {
            bankName: '吉林农村商业银行',
            bankCode: JLRCB.code,
            accountNo: '6217000077770001',
            holderIdNumber: headIdNumber,
          },
        },
      },
    });
    expect(created.status).toBe(201);
    const applicationId = created.body.id as string;
    const householdId = created.body.householdId as string;

    const decideAt = async (who: 'community' | 'street' | 'county', stage: string, opinion: string) => {
      const task = await until(async () => {
        const inbox = await call('GET', `/api/v1/tasks?stage=${stage}&applicationId=${applicationId}`, {
          token: tokens[who],
        });
        return (inbox.body.items as Json[] | undefined)?.find((item) => item.applicationId === applicationId);
      }, 60_000);
      const decided = await call('POST', `/api/v1/tasks/${task.id as string}/decision`, {
        token: tokens[who],
        headers: { 'Idempotency-Key': randomUUID() },
        body: { decision: 'APPROVE', opinion },
      });
      expect(decided.status).toBe(200);
    };
    await decideAt('community', 'COMMUNITY', '经入户调查，家庭人均收入低于当地低保标准，同意上报。');
    await decideAt('street', 'STREET', '材料齐全，审核同意。');
    await decideAt('county', 'COUNTY', '审核确认，同意纳入低保。');

    const dossier = () =>
      call('GET', `/api/v1/households/${householdId}/dossier`, {
        token: tokens.county,
        headers: purpose('答复申请人查询（全流程测试）'),
      });
    // The approval enrols the household from the month policy says.
    const benefit = await until(async () => {
      const body = (await dossier()).body;
      return body.benefit?.status === 'OK' && body.benefit.data ? (body.benefit.data as Json) : undefined;
    }, 60_000);
    const months = [benefit.firstMonth as string, addMonths(benefit.firstMonth as string, 1)];

    for (const month of months) {
      const started = await call('POST', `/api/v1/payroll/${month}/run`, { token: tokens.county });
      expect([200, 201, 202]).toContain(started.status);
      await until(async () => {
        const lines = await call('GET', `/api/v1/payment-lines?month=${month}&householdId=${householdId}`, {
          token: tokens.county,
        });
        const line = (lines.body.items as Json[] | undefined)?.[0];
        return line?.batchId ? line : undefined;
      }, 60_000);
    }
    expect(await runBankSimulator(JLRCB.code)).toMatchObject({ bankCode: JLRCB.code });
    const payments = await until(async () => {
      const history = await call('GET', `/api/v1/households/${householdId}/payments`, {
        token: tokens.county,
        headers: purpose('核对发放记录'),
      });
      const items = history.body.items as Json[];
      return items?.filter((item) => item.status === 'PAID').length === 2 ? items : undefined;
    }, 60_000);

    const response = await dossier();
    expect(response.status).toBe(200);
    const body = response.body;
    for (const name of ['household', 'applications', 'steps', 'assessments', 'benefit', 'payments', 'archive']) {
      expect([name, (body[name] as Json).status]).toEqual([name, 'OK']);
    }
    expect(body.status).toMatchObject({ code: 'ENROLLED' });
    expect((body.applications.data as Json[]).map((item) => [item.id, item.status])).toEqual([
      [applicationId, 'APPROVED'],
    ]);
    expect((body.steps.data as Json[]).map((step) => [step.stage, step.outcome, step.status])).toEqual([
      ['COMMUNITY', 'APPROVE', 'DONE'],
      ['STREET', 'APPROVE', 'DONE'],
      ['COUNTY', 'APPROVE', 'DONE'],
    ]);
    // Payments as the payment service has them; the amount is the benefit's.
    expect(body.payments.data).toEqual(payments);
    expect(payments.map((item) => item.month).sort()).toEqual(months);
    for (const payment of payments) {
      expect(payment.amountFen).toBe((body.benefit.data as Json).currentTerm.totalFen);
    }
    // The archive file as the archive has it: every step's record, each filed as the step completed, and the
    // post-approval publication.
    const file = await call('GET', `/api/v1/archive/files/${householdId}`, {
      token: tokens.county,
      headers: purpose('核对档案'),
    });
    expect(body.archive.data).toEqual(file.body);
    expect((file.body.items as Json[]).map((item) => item.documentType)).toEqual(APPROVED_CHAIN_DOCUMENTS);
    // Each step points at the record it filed.
    const filedIds = new Set((file.body.items as Json[]).map((item) => item.id));
    for (const step of body.steps.data as Json[]) {
      expect(filedIds.has(step.documentId)).toBe(true);
    }
  }, 300_000);
});
