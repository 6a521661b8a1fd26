import { randomUUID } from 'node:crypto';

import type { INestMicroservice } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import {
  type CreateHouseholdRequest,
  ErrorCode,
  type HouseholdMemberInput,
  QUEUE_GROUPS,
  SUBJECTS,
} from '@app/contracts';
import { maskIdNumber, queryGrams } from '@app/domain';
import { MessagingClient } from '@app/platform';
import { as, CALLERS } from '@test/support/callers';
import { makeApplication, makeIdNumber } from '@test/support/factories/application.factory';
import { startService } from '@test/support/services';

import { AppModule as IntakeAppModule } from '../src/app.module';

/** Two rare characters, so each test's names are its own. */
function rareName(surname = '谭'): string {
  const pool = '翊琰琮珩璟琨瑾瑜瑄瑭珏琦琪璇璐瑶';
  return surname + pool[Math.floor(Math.random() * pool.length)] + pool[Math.floor(Math.random() * pool.length)];
}

function member(overrides: Partial<HouseholdMemberInput> = {}): HouseholdMemberInput {
  return {
    name: rareName(),
    idNumber: makeIdNumber(),
    relationship: '02',
    health: 'HEALTHY',
    workCapacity: 'FULL',
    schooling: 'NONE',
    ...overrides,
  };
}

function household(
  members: HouseholdMemberInput[],
  overrides: Partial<CreateHouseholdRequest> = {},
): CreateHouseholdRequest {
  return {
    idempotencyKey: `hh-${randomUUID()}`,
    divisionCode: '220102001001',
    address: '华阳社区1栋',
    members,
    ...overrides,
  };
}

describe('household registry (real PostgreSQL, NATS)', () => {
  let app: INestMicroservice;
  let client: MessagingClient;
  const asCaseworker = <T>(fn: (c: MessagingClient) => Promise<T>) => as(CALLERS.community1, () => fn(client));

  beforeAll(async () => {
    app = await startService(IntakeAppModule, QUEUE_GROUPS.intake);
    client = app.get(MessagingClient);
  });

  afterAll(async () => {
    await app.close();
  });

  it("registers a household with both households kept: assessment membership and each member's hukou", async () => {
    const head = member({ hukouHouseholdNo: '220102123456', hukouType: 'NON_AGRICULTURAL' });
    const spouse = member({ relationship: '10', health: 'SERIOUS_ILLNESS', workCapacity: 'NONE' });
    const child = member({
      relationship: '30',
      schooling: 'PRIMARY',
      disabilityGrade: 2,
      health: 'DISABLED',
      hukouHouseholdNo: '220102999999',
    });
    const request = household([spouse, child, head]);

    const reply = await asCaseworker((c) => c.request(SUBJECTS.intake.householdCreate, request));
    const again = await asCaseworker((c) => c.request(SUBJECTS.intake.householdCreate, request));

    expect(again.id).toBe(reply.id);
    expect(reply.householdNo).toMatch(/^HH-220102001001-\d{7}$/);
    expect(reply.members.map((m) => m.relationship)).toEqual(['02', '10', '30']);
    expect(reply.members[0]).toMatchObject({
      isHead: true,
      idNumberMasked: maskIdNumber(head.idNumber),
      hukouHouseholdNo: '220102123456',
    });
    expect(reply.members[2]).toMatchObject({
      disabilityGrade: 2,
      schooling: 'PRIMARY',
      hukouHouseholdNo: '220102999999',
    });
    expect(JSON.stringify(reply)).not.toContain(head.idNumber);
  });

  it('answers what a publication may say: active members, confidential or not, only for households the caller sees', async () => {
    const family = await asCaseworker((c) =>
      c.request(SUBJECTS.intake.householdCreate, household([member(), member({ relationship: '20' })])),
    );
    const confidential = await asCaseworker((c) =>
      c.request(
        SUBJECTS.intake.applicationSubmit,
        makeApplication({ draft: true, householdSize: 1, details: { confidential: true, dataCheckConsent: true } }),
      ),
    );
    const ids = [family.id, confidential.householdId, randomUUID()];
    const answer = await asCaseworker((c) => c.request(SUBJECTS.intake.householdPublicity, { householdIds: ids }));
    expect(answer.items).toHaveLength(2);
    expect(answer.items).toEqual(
      expect.arrayContaining([
        { householdId: family.id, memberCount: 2, confidential: false },
        { householdId: confidential.householdId, memberCount: 1, confidential: true },
      ]),
    );
    // Another community's caseworker learns nothing of them; a bad id is refused by field.
    const elsewhere = await as(CALLERS.community2, () =>
      client.request(SUBJECTS.intake.householdPublicity, { householdIds: ids }),
    );
    expect(elsewhere.items).toEqual([]);
    await expect(
      asCaseworker((c) => c.request(SUBJECTS.intake.householdPublicity, { householdIds: ['x'] })),
    ).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'householdIds', messages: ['家庭编号格式不正确'] }],
    });
  });

  it('refuses the same key with another household', async () => {
    const request = household([member()]);
    await asCaseworker((c) => c.request(SUBJECTS.intake.householdCreate, request));
    await expect(
      asCaseworker((c) => c.request(SUBJECTS.intake.householdCreate, { ...request, address: '别处' })),
    ).rejects.toMatchObject({
      code: ErrorCode.IDEMPOTENCY_CONFLICT,
    });
  });

  it.each([
    [
      'a duplicate member',
      () => {
        const m = member();
        return household([m, { ...m, relationship: '20' as const }]);
      },
      'members[1].idNumber',
      '重复',
    ],
    ['no head', () => household([member({ relationship: '10' })]), 'members', '户主'],
    ['two heads', () => household([member(), member()]), 'members', '只能有一名户主'],
    [
      'an impossible birth date',
      () => household([member({ idNumber: '220102198002300011' })]),
      'members[0].idNumber',
      '出生日期',
    ],
    [
      'a wrong check character',
      () => {
        const id = makeIdNumber();
        return household([member({ idNumber: id.slice(0, 17) + (id[17] === '0' ? '1' : '0') })]);
      },
      'members[0].idNumber',
      '校验位',
    ],
    ['an unknown division', () => household([member()], { divisionCode: '220102001999' }), 'divisionCode', '不存在'],
    [
      'a disability grade of 7',
      () => household([member({ disabilityGrade: 7 })]),
      'members[0].disabilityGrade',
      '1至4级',
    ],
    [
      'an unknown relationship code',
      () => household([member(), member({ relationship: '42' as never })]),
      'members[1].relationship',
      '与户主关系',
    ],
  ])('refuses %s with a field-level error and writes nothing', async (_case, build, field, text) => {
    const request = build();
    // A caseworker whose scope covers the county, so the rule under test is what answers.
    const countyWide = { ...CALLERS.community1, divisionCode: '220102' };
    const failure = await as(countyWide, () => client.request(SUBJECTS.intake.householdCreate, request)).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
    const details = (failure as { details: Array<{ field: string; messages: string[] }> }).details;
    expect(details.find((detail) => detail.field === field)?.messages.join(' ')).toContain(text);
    const rows = await app
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute(`select 1 from intake.household where idempotency_key = ?`, [request.idempotencyKey]);
    expect(rows).toHaveLength(0);
  });

  it('lets a person be in one active household only, naming the other household and masking the ID', async () => {
    const shared = member({ relationship: '20' });
    const first = await asCaseworker((c) => c.request(SUBJECTS.intake.householdCreate, household([member(), shared])));
    const newHead = member();

    const failure = await asCaseworker((c) =>
      c.request(SUBJECTS.intake.householdCreate, household([newHead, { ...shared, relationship: '10' }])),
    ).catch((error: unknown) => error);

    expect(failure).toMatchObject({
      code: ErrorCode.IDEMPOTENCY_CONFLICT,
      details: [{ field: 'members[1].idNumber' }],
    });
    expect((failure as Error & { staffMessage: string }).staffMessage).toContain(first.householdNo);
    expect((failure as Error & { staffMessage: string }).staffMessage).toContain(maskIdNumber(shared.idNumber));
    const rows = await app
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute('select 1 from intake.person where id_number = ?', [newHead.idNumber]);
    expect(rows).toHaveLength(0);

    const application = makeApplication({ applicantIdNumber: shared.idNumber, applicantName: shared.name });
    await expect(asCaseworker((c) => c.request(SUBJECTS.intake.applicationSubmit, application))).rejects.toMatchObject({
      code: ErrorCode.IDEMPOTENCY_CONFLICT,
      details: [{ field: 'applicantIdNumber' }],
    });
  });

  describe('search', () => {
    const surname = '阙';
    let target: { name: string; idNumber: string; householdNo: string };

    beforeAll(async () => {
      const head = member({ name: `${surname}琮琰` });
      const other = member({ name: rareName('谭'), relationship: '10' });
      const created = await asCaseworker((c) => c.request(SUBJECTS.intake.householdCreate, household([head, other])));
      target = { name: head.name, idNumber: head.idNumber, householdNo: created.householdNo };
      await as(CALLERS.community2, () =>
        client.request(
          SUBJECTS.intake.householdCreate,
          household([member({ name: `${surname}琮琰` })], { divisionCode: '220102002001' }),
        ),
      );
    });

    const search = (q: string, who = CALLERS.community1) =>
      as(who, () => client.request(SUBJECTS.intake.householdSearch, { q }));

    it('finds a household by a full name, a surname with part of the given name, and a full ID number, masked', async () => {
      for (const q of [target.name, target.name.slice(0, 2), target.idNumber]) {
        const { items } = await search(q);
        const hit = items.find((item) => item.householdNo === target.householdNo);
        expect(hit).toMatchObject({
          matched: { name: target.name, idNumberMasked: maskIdNumber(target.idNumber) },
          headName: target.name,
          memberCount: 2,
        });
        expect(JSON.stringify(items)).not.toContain(target.idNumber);
      }
    });

    it("finds only households in the caller's division subtree", async () => {
      const mine = await search(target.name);
      expect(mine.items.every((item) => item.divisionCode.startsWith('220102001001'))).toBe(true);
      const county = await search(target.name, CALLERS.county1);
      expect(new Set(county.items.map((item) => item.divisionCode))).toEqual(new Set(['220102001001', '220102002001']));
      const elsewhere = await search(target.name, CALLERS.otherCounty);
      expect(elsewhere.items).toEqual([]);
    });

    it('asks PostgreSQL with a query the GIN index over name grams answers, even for two characters', async () => {
      const connection = app.get(EntityManager).fork().getConnection();
      await connection.execute('set enable_seqscan = off');
      try {
        const grams = queryGrams(target.name.slice(0, 2)).join('\x1f');
        const plan = await connection.execute<Array<Record<string, string>>>(
          `explain select p.id from intake.person p where p.name_grams @> string_to_array(?, chr(31)) and p.name like ?`,
          [grams, `%${target.name.slice(0, 2)}%`],
        );
        expect(plan.map((row) => Object.values(row)[0]).join('\n')).toContain('person_name_grams_index');
      } finally {
        await connection.execute('set enable_seqscan = on');
      }
    });

    it('finds a name written with a middle dot or spaces', async () => {
      const name = `阿依${rareName('古')}·买买提`;
      const created = await asCaseworker((c) =>
        c.request(SUBJECTS.intake.householdCreate, household([member({ name })])),
      );
      for (const q of [name, name.replace('·', ''), name.replace('·', ' ')]) {
        const { items } = await search(q);
        expect(items.map((item) => item.householdId)).toContain(created.id);
      }
    });

    it('takes quotes, backslashes and wildcards in a query as plain text', async () => {
      for (const q of ['王"伟', '张\\三', '%', '_', "李'"]) {
        await expect(search(q)).resolves.toEqual({ items: [] });
      }
    });

    it('refuses an empty query and a caller without a role that reads households', async () => {
      await expect(search('   ')).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
      await expect(
        as({ ...CALLERS.county1, roles: ['ADMINISTRATOR'] }, () =>
          client.request(SUBJECTS.intake.householdSearch, { q: '张' }),
        ),
      ).rejects.toMatchObject({
        code: ErrorCode.FORBIDDEN,
      });
    });
  });

  describe('bulk import', () => {
    it("imports many households in one set-based write, skips keys already registered, and is the system's only", async () => {
      const batch = Array.from({ length: 20 }, () => household([member(), member({ relationship: '10' })]));
      const first = await as(CALLERS.system, () =>
        client.request(SUBJECTS.intake.householdImport, { households: batch }),
      );
      const again = await as(CALLERS.system, () =>
        client.request(SUBJECTS.intake.householdImport, { households: batch }),
      );

      expect(first).toEqual({ imported: 20, skipped: 0 });
      expect(again).toEqual({ imported: 0, skipped: 20 });
      const { items } = await as(CALLERS.county1, () =>
        client.request(SUBJECTS.intake.householdSearch, { q: batch[7].members[0].idNumber }),
      );
      expect(items).toHaveLength(1);
      expect(items[0].memberCount).toBe(2);
      const unknown = [household([member()], { divisionCode: '220102001999' })];
      await expect(
        as(CALLERS.system, () => client.request(SUBJECTS.intake.householdImport, { households: unknown })),
      ).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: [{ field: 'households', messages: ['行政区划代码220102001999在行政区划表中不存在或已撤销'] }],
      });
      await expect(
        as(CALLERS.county1, () => client.request(SUBJECTS.intake.householdImport, { households: batch })),
      ).rejects.toMatchObject({
        code: ErrorCode.FORBIDDEN,
      });
    });
  });
});
