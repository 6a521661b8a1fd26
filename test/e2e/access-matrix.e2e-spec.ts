import { randomUUID } from 'node:crypto';

import { makeIdNumber } from '@test/support/factories/application.factory';
import { call, type Json, purpose, tokenOf, until } from '@test/support/http-client';

/**
 * Every protected route, called as every seeded role, against a record inside and a record outside the
 * caller's division. One table: later issues add their routes to ROUTES. Statuses are compared as '2xx' or
 * the exact 4xx code.
 */
type User = 'admin' | 'county1' | 'finance1' | 'archivist1' | 'auditor1' | 'street1' | 'community1' | 'community2';
type Scope = 'in' | 'out';
type Expected = '2xx' | 400 | 401 | 403 | 409;
type Sample = 'A' | 'B' | 'C';

const USERS: User[] = ['admin', 'county1', 'finance1', 'archivist1', 'auditor1', 'street1', 'community1', 'community2'];

/** A: 华阳社区 (street A), B: 北安社区 (street B), C: 东田社区 in 朝阳区, outside the demo district. */
const COMMUNITY: { [R in Sample]: string } = { A: '220102001001', B: '220102002001', C: '220104001001' };

/** Which record is inside / outside each user's division. (Nothing in Jilin is outside the province admin's.) */
const RECORD_FOR: { [U in User]: { in: Sample; out: Sample } } = {
  admin: { in: 'A', out: 'C' },
  county1: { in: 'A', out: 'C' },
  finance1: { in: 'A', out: 'C' },
  archivist1: { in: 'A', out: 'C' },
  auditor1: { in: 'B', out: 'C' },
  street1: { in: 'A', out: 'B' },
  community1: { in: 'A', out: 'B' },
  community2: { in: 'B', out: 'A' },
};

interface Fixture {
  applications: { [R in Sample]: string };
  documents: { [R in Sample]: string };
  households: { [R in Sample]: string };
}

interface Route {
  name: string;
  call: (token: string | undefined, record: Sample, scope: Scope, fixture: Fixture) => Promise<number>;
  /** [in scope, out of scope] per user; anyone without a token gets 401. */
  expected: { [U in User]: [Expected, Expected] };
}

const DENIED: [Expected, Expected] = [403, 403];
const SCOPED: [Expected, Expected] = ['2xx', 403];
const ANYWHERE: [Expected, Expected] = ['2xx', '2xx'];

/** Every role with application:read (all but the administrator) — they may read households and applications. */
const READERS: User[] = ['county1', 'finance1', 'archivist1', 'auditor1', 'street1', 'community1', 'community2'];

function readers(cell: [Expected, Expected]): { [U in User]: [Expected, Expected] } {
  return only(Object.fromEntries(READERS.map((user) => [user, cell])));
}

function only(users: Partial<{ [U in User]: [Expected, Expected] }>): { [U in User]: [Expected, Expected] } {
  return Object.fromEntries(USERS.map((user) => [user, users[user] ?? DENIED])) as {
    [U in User]: [Expected, Expected];
  };
}

const status = async (promise: Promise<{ status: number }>) => (await promise).status;

export const ROUTES: Route[] = [
  {
    name: 'POST /api/v1/applications',
    call: (token, record) =>
      status(
        call('POST', '/api/v1/applications', {
          token,
          headers: { 'Idempotency-Key': `matrix-${randomUUID()}` },
          body: {
            divisionCode: COMMUNITY[record],
            applicantName: '矩阵测试',
            applicantIdNumber: makeIdNumber(),
            householdSize: 1,
            reason: '权限矩阵测试',
            details: { dataCheckConsent: true },
          },
        }),
      ),
    expected: only({ community1: SCOPED, community2: SCOPED }),
  },
  {
    // The samples were found eligible, so whoever passes the role and scope checks meets the business rule (409).
    name: 'POST /api/v1/applications/:id/rechecks',
    call: (token, record, _scope, fixture) =>
      status(
        call('POST', `/api/v1/applications/${fixture.applications[record]}/rechecks`, {
          token,
          headers: { 'Idempotency-Key': `matrix-${randomUUID()}` },
          body: { objection: '权限矩阵测试', means: {} },
        }),
      ),
    expected: only({ community1: [409, 403], community2: [409, 403], street1: [409, 403] }),
  },
  {
    // The samples were found eligible and have no data-check notice: past the role and scope checks, 400 on it.
    name: 'POST /api/v1/applications/:id/data-check-notices/:documentId/delivery',
    call: (token, record, _scope, fixture) =>
      status(
        call(
          'POST',
          `/api/v1/applications/${fixture.applications[record]}/data-check-notices/${randomUUID()}/delivery`,
          {
            token,
            body: { deliveredOn: '2026-01-05', method: 'IN_PERSON', recipient: '申请人本人' },
          },
        ),
      ),
    expected: only({ community1: [400, 403], community2: [400, 403], street1: [400, 403] }),
  },
  {
    name: 'GET /api/v1/applications/:id',
    call: (token, record, _scope, fixture) =>
      status(call('GET', `/api/v1/applications/${fixture.applications[record]}`, { token, headers: purpose() })),
    expected: readers(SCOPED),
  },
  {
    name: 'GET /api/v1/applications/:id?reveal=true',
    call: (token, record, _scope, fixture) =>
      status(
        call('GET', `/api/v1/applications/${fixture.applications[record]}?reveal=true`, {
          token,
          headers: purpose('核对身份'),
        }),
      ),
    expected: only({ county1: SCOPED }),
  },
  {
    name: 'GET /api/v1/documents/:id/content',
    call: (token, record, _scope, fixture) =>
      status(call('GET', `/api/v1/documents/${fixture.documents[record]}/content`, { token, headers: purpose() })),
    expected: only({
      county1: SCOPED,
      archivist1: SCOPED,
      auditor1: SCOPED,
      street1: SCOPED,
      community1: SCOPED,
      community2: SCOPED,
    }),
  },
  {
    name: 'GET /api/v1/archive/files/:householdId',
    call: (token, record, _scope, fixture) =>
      status(call('GET', `/api/v1/archive/files/${fixture.households[record]}`, { token, headers: purpose() })),
    expected: only({
      county1: SCOPED,
      archivist1: SCOPED,
      auditor1: SCOPED,
      street1: SCOPED,
      community1: SCOPED,
      community2: SCOPED,
    }),
  },
  {
    name: 'GET /api/v1/households/:id/dossier',
    call: (token, record, _scope, fixture) =>
      status(call('GET', `/api/v1/households/${fixture.households[record]}/dossier`, { token, headers: purpose() })),
    expected: readers(SCOPED),
  },
  {
    name: 'GET /api/v1/archive/borrow-requests',
    call: (token) => status(call('GET', '/api/v1/archive/borrow-requests', { token })),
    expected: only({
      county1: ANYWHERE,
      archivist1: ANYWHERE,
      auditor1: ANYWHERE,
      street1: ANYWHERE,
      community1: ANYWHERE,
      community2: ANYWHERE,
    }),
  },
  {
    name: 'GET /api/v1/archive/appraisal',
    call: (token) => status(call('GET', '/api/v1/archive/appraisal', { token })),
    expected: only({ archivist1: ANYWHERE }),
  },
  {
    name: 'GET /api/v1/archive/disposals',
    call: (token) => status(call('GET', '/api/v1/archive/disposals', { token })),
    expected: only({ archivist1: ANYWHERE }),
  },
  {
    name: 'GET /api/v1/archive/holds',
    call: (token) => status(call('GET', '/api/v1/archive/holds', { token })),
    expected: only({ archivist1: ANYWHERE }),
  },
  {
    // A hold placed in scope and lifted at once, so the household's file is left as it was.
    name: 'POST /api/v1/archive/files/:householdId/holds, POST /api/v1/archive/holds/:id/lift',
    call: async (token, record, _scope, fixture) => {
      const placed = await call('POST', `/api/v1/archive/files/${fixture.households[record]}/holds`, {
        token,
        headers: { 'Idempotency-Key': randomUUID() },
        body: { kind: 'AUDIT', basis: '审计通知书（访问矩阵测试）' },
      });
      if (placed.status !== 201) {
        return placed.status;
      }
      return status(
        call('POST', `/api/v1/archive/holds/${placed.body.id as string}/lift`, {
          token,
          body: { basis: '审计结束（访问矩阵测试）' },
        }),
      );
    },
    expected: only({ archivist1: SCOPED }),
  },
  {
    name: 'POST /api/v1/archive/transfer-packages',
    call: (token, record, _scope, fixture) =>
      status(
        call('POST', '/api/v1/archive/transfer-packages', {
          token,
          body: { householdId: fixture.households[record], purpose: '移交县档案馆' },
          headers: { 'Idempotency-Key': `matrix-${randomUUID()}` },
        }),
      ),
    expected: only({ archivist1: SCOPED }),
  },
  {
    name: 'GET /api/v1/archive/transfer-packages',
    call: (token) => status(call('GET', '/api/v1/archive/transfer-packages', { token })),
    expected: only({ archivist1: ANYWHERE }),
  },
  {
    name: 'GET /api/v1/archive/statistics',
    call: (token, record) =>
      status(call('GET', `/api/v1/archive/statistics?divisionCode=${COMMUNITY[record]}`, { token })),
    expected: only({ archivist1: SCOPED }),
  },
  {
    name: 'POST /api/v1/archive/files/:householdId/fixity-checks',
    call: (token, record, _scope, fixture) =>
      status(call('POST', `/api/v1/archive/files/${fixture.households[record]}/fixity-checks`, { token })),
    expected: only({ archivist1: SCOPED }),
  },
  {
    name: 'GET /api/v1/archive/fixity-checks',
    call: (token, record, _scope, fixture) =>
      status(call('GET', `/api/v1/archive/fixity-checks?householdId=${fixture.households[record]}`, { token })),
    expected: only({ archivist1: ANYWHERE }),
  },
  {
    name: 'POST /api/v1/households',
    call: (token, record) =>
      status(
        call('POST', '/api/v1/households', {
          token,
          headers: { 'Idempotency-Key': `matrix-hh-${randomUUID()}` },
          body: {
            divisionCode: COMMUNITY[record],
            members: [
              {
                name: '矩阵户主',
                idNumber: makeIdNumber(),
                relationship: '02',
                health: 'HEALTHY',
                workCapacity: 'FULL',
                schooling: 'NONE',
              },
            ],
          },
        }),
      ),
    expected: only({ community1: SCOPED, community2: SCOPED }),
  },
  {
    name: 'GET /api/v1/households/:id',
    call: (token, record, _scope, fixture) =>
      status(call('GET', `/api/v1/households/${fixture.households[record]}`, { token, headers: purpose() })),
    expected: readers(SCOPED),
  },
  {
    name: 'GET /api/v1/applications?divisionCode=',
    call: (token, record) =>
      status(call('GET', `/api/v1/applications?divisionCode=${COMMUNITY[record]}&limit=1`, { token })),
    expected: readers(SCOPED),
  },
  {
    name: 'GET /api/v1/tasks/statistics?divisionCode=',
    call: (token, record) =>
      status(call('GET', `/api/v1/tasks/statistics?divisionCode=${COMMUNITY[record]}`, { token })),
    expected: readers(SCOPED),
  },
  {
    name: 'GET /api/v1/households?q=',
    call: (token) => status(call('GET', `/api/v1/households?q=${encodeURIComponent('矩阵样本')}`, { token })),
    expected: readers(ANYWHERE),
  },
  {
    name: 'POST /api/v1/eligibility/preview',
    call: (token, record) =>
      status(
        call('POST', '/api/v1/eligibility/preview', {
          token,
          body: {
            divisionCode: COMMUNITY[record],
            urbanRural: 'URBAN',
            at: '2026-11-26',
            members: [{ idNumber: '220102198001010012', birthDate: '1980-01-01', health: 'HEALTHY' }],
          },
        }),
      ),
    expected: readers(SCOPED),
  },
  {
    name: 'GET /api/v1/eligibility/standards',
    call: (token, record) =>
      status(call('GET', `/api/v1/eligibility/standards?divisionCode=${COMMUNITY[record]}`, { token })),
    // Standards are public figures: every staff member reads those governing their own division.
    expected: { ...readers(SCOPED), admin: ANYWHERE },
  },
  {
    name: 'POST /api/v1/eligibility/standards',
    call: (token, record, scope) => {
      // A one-day version in a far-future year, so repeated runs never overlap each other.
      const day = new Date(Date.UTC(2200 + Math.floor(Math.random() * 700), 0, 1 + Math.floor(Math.random() * 365)));
      const date = day.toISOString().slice(0, 10);
      return status(
        call('POST', '/api/v1/eligibility/standards', {
          token,
          headers: { 'Idempotency-Key': `matrix-${randomUUID()}` },
          body: {
            divisionCode: scope === 'in' ? COMMUNITY[record].slice(0, 6) : '110101',
            urbanRural: 'URBAN',
            effectiveFrom: date,
            effectiveTo: date,
            amountFen: 100_000,
            period: 'MONTH',
            reason: '权限矩阵测试',
          },
        }),
      );
    },
    expected: only({ admin: SCOPED }),
  },
  {
    name: 'GET /api/v1/eligibility/rule-changes',
    call: (token, record, scope) =>
      status(
        call(
          'GET',
          `/api/v1/eligibility/rule-changes?divisionCode=${scope === 'in' ? COMMUNITY[record].slice(0, 6) : '1101'}`,
          {
            token,
          },
        ),
      ),
    expected: only({ admin: SCOPED }),
  },
  {
    name: 'GET /api/v1/tasks',
    call: (token) => status(call('GET', '/api/v1/tasks?limit=5', { token })),
    // Each reader gets their own inbox (scoped by the service); the administrator decides nothing.
    expected: readers(ANYWHERE),
  },
  {
    name: 'GET /api/v1/calendars',
    call: (token) => status(call('GET', '/api/v1/calendars', { token })),
    expected: Object.fromEntries(USERS.map((user) => [user, ANYWHERE])) as Route['expected'],
  },
  {
    name: 'PUT /api/v1/calendars/:year',
    call: (token) =>
      status(
        call('PUT', '/api/v1/calendars/2099', {
          token,
          body: { days: [{ date: '2099-01-01', isOffDay: true, name: '元旦（权限矩阵测试）' }] },
        }),
      ),
    expected: only({ admin: ANYWHERE }),
  },
  {
    name: 'POST /api/v1/enrolments',
    call: (token, record) =>
      status(
        call('POST', '/api/v1/enrolments', {
          token,
          headers: { 'Idempotency-Key': `matrix-${randomUUID()}` },
          body: {
            householdId: randomUUID(),
            divisionCode: COMMUNITY[record],
            headName: '矩阵测试',
            headIdNumber: makeIdNumber(),
            bankCode: 'JLRCB',
            accountNo: '6217000099990001',
            baseFen: 10_000,
            supplementFen: 0,
            firstMonth: '2099-01',
            decision: '权限矩阵测试',
          },
        }),
      ),
    expected: only({ county1: SCOPED }),
  },
  {
    name: 'GET /api/v1/payment-lines',
    call: (token, record) =>
      status(call('GET', `/api/v1/payment-lines?divisionCode=${COMMUNITY[record]}&limit=5`, { token })),
    expected: only({ county1: SCOPED, finance1: SCOPED, auditor1: SCOPED }),
  },
  {
    name: 'GET /api/v1/recoveries',
    call: (token, record) => status(call('GET', `/api/v1/recoveries?divisionCode=${COMMUNITY[record]}`, { token })),
    expected: only({ county1: SCOPED, finance1: SCOPED, auditor1: SCOPED }),
  },
  {
    name: 'GET /api/v1/publicity/recipients',
    call: (token, record) =>
      status(call('GET', `/api/v1/publicity/recipients?divisionCode=${COMMUNITY[record]}&month=2026-11`, { token })),
    expected: readers(SCOPED),
  },
  {
    name: 'GET /api/v1/appeals',
    call: (token, record) => status(call('GET', `/api/v1/appeals?divisionCode=${COMMUNITY[record]}`, { token })),
    expected: readers(SCOPED),
  },
  {
    name: 'GET /api/v1/enrolments?reviewDueBy=',
    call: (token, record) =>
      status(call('GET', `/api/v1/enrolments?reviewDueBy=2026-12-31&divisionCode=${COMMUNITY[record]}`, { token })),
    expected: only({ county1: SCOPED, finance1: SCOPED, auditor1: SCOPED }),
  },
  {
    name: 'GET /api/v1/payroll/:month/statement',
    // Each caller gets the totals of their own division (scoped by the service).
    call: (token) => status(call('GET', '/api/v1/payroll/2099-01/statement', { token })),
    expected: only({ county1: ANYWHERE, finance1: ANYWHERE, auditor1: ANYWHERE }),
  },
  {
    name: 'GET /api/v1/accounting-records',
    call: (token, record) =>
      status(call('GET', `/api/v1/accounting-records?divisionCode=${COMMUNITY[record]}`, { token })),
    expected: only({
      county1: SCOPED,
      archivist1: SCOPED,
      auditor1: SCOPED,
      street1: SCOPED,
      community1: SCOPED,
      community2: SCOPED,
    }),
  },
  {
    name: 'GET /api/v1/accounts',
    call: (token) => status(call('GET', '/api/v1/accounts', { token })),
    expected: only({ admin: ANYWHERE }),
  },
  {
    name: 'POST /api/v1/accounts',
    call: (token, _record, scope) =>
      status(
        call('POST', '/api/v1/accounts', {
          token,
          body: {
            username: scope === 'in' ? 'matrix-account' : 'matrix-account-beijing',
            displayName: '矩阵测试账户',
            divisionCode: scope === 'in' ? '220102001002' : '11',
            roles: ['COMMUNITY_CASEWORKER'],
            password: 'matrix-account-pass',
          },
        }),
      ),
    expected: only({ admin: SCOPED }),
  },
  {
    name: 'GET /api/v1/access-log',
    call: (token) => status(call('GET', '/api/v1/access-log?limit=5', { token })),
    expected: only({ admin: ANYWHERE, auditor1: ANYWHERE }),
  },
  {
    name: 'POST /api/v1/access-log/verify',
    call: (token) => status(call('POST', '/api/v1/access-log/verify', { token })),
    expected: only({ admin: ANYWHERE, auditor1: ANYWHERE }),
  },
];

function category(code: number): string {
  return code >= 200 && code < 300 ? '2xx' : String(code);
}

async function fileApplication(
  token: string,
  record: Sample,
): Promise<{ application: string; document: string; household: string }> {
  const created = await call('POST', '/api/v1/applications', {
    token,
    headers: { 'Idempotency-Key': `matrix-fixture-${randomUUID()}` },
    body: {
      divisionCode: COMMUNITY[record],
      applicantName: '矩阵样本',
      applicantIdNumber: makeIdNumber(),
      householdSize: 2,
      reason: '权限矩阵样本',
      details: { dataCheckConsent: true },
    },
  });
  expect(created.status).toBe(201);
  const view = await until(async () => {
    const current = await call('GET', `/api/v1/applications/${created.body.id}`, {
      token,
      headers: purpose('准备测试数据'),
    });
    return (current.body.documents as Json[] | undefined)?.length ? current.body : undefined;
  });
  return {
    application: created.body.id as string,
    document: (view.documents as Json[])[0].id as string,
    household: created.body.householdId as string,
  };
}

describe('access matrix: every protected route × every role × in and out of scope', () => {
  let fixture: Fixture;
  const tokens = new Map<User, string>();

  beforeAll(async () => {
    for (const user of USERS) {
      tokens.set(user, await tokenOf(user));
    }
    // A caseworker outside the demo district, made by the province administrator (idempotent by username).
    const outsider = {
      username: 'e2e-dongtian',
      displayName: '东田社区经办',
      divisionCode: COMMUNITY.C,
      roles: ['COMMUNITY_CASEWORKER'],
      password: 'e2e-dongtian-pass',
    };
    const made = await call('POST', '/api/v1/accounts', { token: tokens.get('admin'), body: outsider });
    expect([200, 201]).toContain(made.status);
    const [a, b, c] = await Promise.all([
      fileApplication(tokens.get('community1') as string, 'A'),
      fileApplication(tokens.get('community2') as string, 'B'),
      fileApplication(await tokenOf('e2e-dongtian', outsider.password), 'C'),
    ]);
    fixture = {
      applications: { A: a.application, B: b.application, C: c.application },
      documents: { A: a.document, B: b.document, C: c.document },
      households: { A: a.household, B: b.household, C: c.household },
    };
  }, 90_000);

  it.each(ROUTES.map((route) => [route.name, route] as const))('%s', async (_name, route) => {
    const actual: string[] = [];
    const wanted: string[] = [];
    for (const user of USERS) {
      for (const [index, scope] of (['in', 'out'] as const).entries()) {
        const record = RECORD_FOR[user][scope];
        actual.push(`${user}/${scope}: ${category(await route.call(tokens.get(user), record, scope, fixture))}`);
        wanted.push(`${user}/${scope}: ${route.expected[user][index]}`);
      }
    }
    actual.push(`anonymous: ${category(await route.call(undefined, 'A', 'in', fixture))}`);
    wanted.push('anonymous: 401');
    expect(actual).toEqual(wanted);
  });

  it('answers an out-of-scope record exactly as a missing one, so existence is not revealed', async () => {
    const token = tokens.get('community1');
    const outOfScope = await call('GET', `/api/v1/applications/${fixture.applications.B}`, {
      token,
      headers: purpose(),
    });
    const missing = await call('GET', `/api/v1/applications/${randomUUID()}`, { token, headers: purpose() });
    expect(outOfScope.status).toBe(missing.status);
    expect(outOfScope.body).toEqual(missing.body);
  });
});
