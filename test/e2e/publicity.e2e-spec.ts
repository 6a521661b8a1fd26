import { randomUUID } from 'node:crypto';

import { DEMO_BANKS } from '@app/domain';
import { makeIdNumber } from '@test/support/factories/application.factory';
import { call, type Json, purpose, tokenOf } from '@test/support/http-client';

const [JLRCB] = DEMO_BANKS;
const COMMUNITY = '220102001001';

/**
 * The long-term publication of a community's recipients (长期公示) through the running stack: households the
 * registry knows, enrolled by the county, listed with their members and amount; a confidential one withheld; the
 * printable list; refusals by field and by scope. Each run uses a month of its own, far ahead.
 */
describe('the publication of recipients (running stack)', () => {
  const month = `${2100 + Math.floor(Math.random() * 800)}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}`;
  let community: string;
  let county: string;

  beforeAll(async () => {
    [community, county] = await Promise.all([tokenOf('community1'), tokenOf('county1')]);
  });

  const member = (name: string, relationship: string) => ({
    name,
    idNumber: makeIdNumber(),
    relationship,
    health: 'HEALTHY',
    workCapacity: 'NONE',
    schooling: 'NONE',
  });
  const enrol = async (householdId: string, headName: string, baseFen: number, firstMonth: string) => {
    const enrolled = await call('POST', '/api/v1/enrolments', {
      token: county,
      headers: { 'Idempotency-Key': randomUUID() },
      body: {
        householdId,
        divisionCode: COMMUNITY,
        headName,
        headIdNumber: makeIdNumber(),
        bankCode: JLRCB.code,
        accountNo: `62170000${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
        baseFen,
        supplementFen: 0,
        firstMonth,
        decision: '南关区民政局审核确认（e2e 公示）',
      },
    });
    expect(enrolled.status).toBe(201);
  };
  const list = (query: string, token = community) => call('GET', `/api/v1/publicity/recipients?${query}`, { token });

  it('lists the paid households with their members and amount, withholds the confidential one, prints the list', async () => {
    const family = await call('POST', '/api/v1/households', {
      token: community,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { divisionCode: COMMUNITY, members: [member('冯公示', '02'), member('冯小禾', '20')] },
    });
    expect(family.status).toBe(201);
    // A confidential case (domain §1.3): its draft application marks the household never to be published.
    const confidential = await call('POST', '/api/v1/applications', {
      token: community,
      headers: { 'Idempotency-Key': randomUUID() },
      body: {
        divisionCode: COMMUNITY,
        applicantName: '冯保密',
        applicantIdNumber: makeIdNumber(),
        householdSize: 1,
        reason: '公示测试（保密）',
        draft: true,
        details: { confidential: true, dataCheckConsent: true },
      },
    });
    expect(confidential.status).toBe(201);
    // The family from the month asked, the confidential one too; another from the month after (not yet paid).
    const later = await call('POST', '/api/v1/households', {
      token: community,
      headers: { 'Idempotency-Key': randomUUID() },
      body: { divisionCode: COMMUNITY, members: [member('冯下月', '02')] },
    });
    const [year, number] = month.split('-').map(Number);
    const nextMonth = number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
    await enrol(family.body.id as string, '冯公示', 61_000, month);
    await enrol(confidential.body.householdId as string, '冯保密', 52_000, month);
    await enrol(later.body.id as string, '冯下月', 40_000, nextMonth);

    const published = await list(`divisionCode=${COMMUNITY}&month=${month}`);
    expect(published.status).toBe(200);
    const households = published.body.households as Json[];
    expect(households).toContainEqual({
      householdId: family.body.id,
      headName: '冯公示',
      memberCount: 2,
      amountFen: 61_000,
    });
    // Earlier runs leave households of the same names in the community: told apart by id.
    const ids = households.map((household) => household.householdId);
    expect(ids).not.toContain(confidential.body.householdId);
    expect(ids).not.toContain(later.body.id);
    expect(published.body.withheld).toBeGreaterThanOrEqual(1);
    expect(published.body).toMatchObject({ divisionCode: COMMUNITY, month, divisionName: expect.any(String) });
    expect(published.body.totals).toEqual({
      households: households.length,
      members: households.reduce((sum, household) => sum + (household.memberCount as number), 0),
      amountFen: households.reduce((sum, household) => sum + (household.amountFen as number), 0),
    });
    // Nothing but what may be published (and the household's id, for staff).
    expect(Object.keys(households[0]).sort()).toEqual(['amountFen', 'headName', 'householdId', 'memberCount']);

    const printed = await call('GET', `/api/v1/publicity/recipients.pdf?divisionCode=${COMMUNITY}&month=${month}`, {
      token: community,
      headers: purpose('张贴长期公示名单'),
    });
    expect(printed.status).toBe(200);
    expect(printed.headers.get('content-type')).toBe('application/pdf');
    expect(printed.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const sheet = await call('GET', `/api/v1/publicity/recipients.csv?divisionCode=${COMMUNITY}&month=${month}`, {
      token: community,
    });
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toContain('text/csv');
    const lines = sheet.bytes.toString('utf8').split('\r\n');
    expect(lines[0]).toBe('\ufeff序号,户主姓名,家庭人口（人）,月保障金额（元）');
    expect(lines).toContain(
      `${households.findIndex((household) => household.householdId === family.body.id) + 1},冯公示,2,610.00`,
    );
    expect(lines.some((line) => line.includes('冯保密'))).toBe(false);
    // Each household listed is in the access log: shown (no purpose given: 长期公示), and taken away with the PDF.
    const logged = await call('GET', `/api/v1/access-log?recordId=${String(family.body.id)}`, {
      token: await tokenOf('auditor1'),
    });
    expect(logged.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'SEARCH', recordType: 'household', purpose: '长期公示' }),
        expect.objectContaining({ action: 'DOWNLOAD', recordType: 'household', purpose: '张贴长期公示名单' }),
      ]),
    );
  });

  it('refuses a bad month or division by field, another community, and a caller without the right', async () => {
    const badMonth = await list(`divisionCode=${COMMUNITY}&month=2026-13`);
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.details).toEqual([{ field: 'month', messages: ['月份格式应为YYYY-MM'] }]);
    const street = await list(`divisionCode=220102001&month=${month}`);
    expect(street.status).toBe(400);
    expect(street.body.details).toEqual([{ field: 'divisionCode', messages: ['社区（村）行政区划代码应为12位数字'] }]);
    expect((await list(`divisionCode=220102002001&month=${month}`)).status).toBe(403);
    expect((await list(`divisionCode=${COMMUNITY}&month=${month}`, await tokenOf('admin'))).status).toBe(403);
  });
});
