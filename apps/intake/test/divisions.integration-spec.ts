import type { INestMicroservice } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import { ErrorCode, QUEUE_GROUPS, SUBJECTS } from '@app/contracts';
import { idNumberCheckCharacter } from '@app/domain';
import { MessagingClient } from '@app/platform';
import { as, CALLERS } from '@test/support/callers';
import { makeApplication } from '@test/support/factories/application.factory';
import { startService } from '@test/support/services';

import { AppModule as IntakeAppModule } from '../src/app.module';
import type { DivisionRow } from '../src/divisions/china-division.source';
import { loadDivisionList } from '../src/divisions/division-loader';

/** Synthetic code lists of a made-up province 99, so versioning can be shown without touching real codes. */
const LIST_2023: DivisionRow[] = [
  { code: '99', name: '测试省', parentCode: null, level: 1, urbanRural: 'URBAN' },
  { code: '9901', name: '测试市', parentCode: '99', level: 2, urbanRural: 'URBAN' },
  { code: '990101', name: '甲县', parentCode: '9901', level: 3, urbanRural: 'URBAN' },
  { code: '990102', name: '乙县', parentCode: '9901', level: 3, urbanRural: 'URBAN' },
];
const LIST_2024: DivisionRow[] = [
  LIST_2023[0],
  LIST_2023[1],
  { code: '990101', name: '甲区', parentCode: '9901', level: 3, urbanRural: 'URBAN' },
  { code: '990103', name: '丙区', parentCode: '9901', level: 3, urbanRural: 'URBAN' },
];

describe('divisions (real PostgreSQL, NATS)', () => {
  let app: INestMicroservice;
  let messaging: MessagingClient;

  beforeAll(async () => {
    app = await startService(IntakeAppModule, QUEUE_GROUPS.intake);
    messaging = app.get(MessagingClient);
  });

  afterAll(async () => {
    await app.close();
  });

  it('holds all five levels of Jilin from the 2023 statistical codes', async () => {
    const em = app.get(EntityManager).fork();
    const counts = await em
      .getConnection()
      .execute<Array<{ level: number; count: number }>>(
        `select level, count(*)::int as count from intake.division where code like '22%' and valid_to is null group by level order by level`,
      );
    expect(counts.map((row) => row.level)).toEqual([1, 2, 3, 4, 5]);
    expect(counts.find((row) => row.level === 5)?.count).toBeGreaterThan(11_000);

    await expect(messaging.request(SUBJECTS.intake.divisionGet, { code: '220102001001' })).resolves.toMatchObject({
      name: '华阳社区',
      level: 5,
      parentCode: '220102001',
      urbanRural: 'URBAN',
    });
  });

  it('loads a later list as new versions: renamed, added and retired codes, old names kept for old dates', async () => {
    const em = app.get(EntityManager).fork();
    const first = await loadDivisionList(em, '99', LIST_2023, '2023-01-01');
    const again = await loadDivisionList(em, '99', LIST_2023, '2023-01-01');
    const later = await loadDivisionList(em, '99', LIST_2024, '2024-01-01');

    expect(again).toEqual({ added: 0, changed: 0, retired: 0, unchanged: first.added + first.unchanged });
    expect(later).toMatchObject({ added: 1, changed: 1, retired: 1, unchanged: 2 });

    const get = (code: string, at?: string) =>
      messaging.request(SUBJECTS.intake.divisionGet, { code, ...(at ? { at } : {}) });
    await expect(get('990101', '2023-06-30')).resolves.toMatchObject({ name: '甲县', validTo: '2023-12-31' });
    await expect(get('990101')).resolves.toMatchObject({ name: '甲区', validFrom: '2024-01-01', validTo: null });
    await expect(get('990102', '2023-06-30')).resolves.toMatchObject({ name: '乙县' });
    await expect(get('990102')).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    await expect(get('990103', '2023-06-30')).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
    await expect(get('990101', '2023-02-30')).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'at' }],
    });
  });

  it('refuses an application in a community code that is not in the division table', async () => {
    // A caseworker whose scope covers the whole province, so the division check is what answers.
    const provinceWide = { ...CALLERS.community1, divisionCode: '22' };
    const submit = (divisionCode: string) =>
      as(provinceWide, () => messaging.request(SUBJECTS.intake.applicationSubmit, makeApplication({ divisionCode })));
    await expect(submit('220102001999')).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'divisionCode', messages: ['行政区划代码220102001999在行政区划表中不存在或已撤销'] }],
    });
  });

  it('refuses an ID number whose address code is not in the division table, naming the rule', async () => {
    const first17 = '22019919800101001';
    const request = makeApplication({ applicantIdNumber: first17 + idNumberCheckCharacter(first17) });
    await expect(
      as(CALLERS.community1, () => messaging.request(SUBJECTS.intake.applicationSubmit, request)),
    ).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'applicantIdNumber', messages: ['身份证号码中的地址码220199在行政区划表中不存在'] }],
    });
  });
});
