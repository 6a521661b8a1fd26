import { recipientsPrintable } from './recipients-printable';
import type { RecipientsPublicityReply } from './recipients-publicity.types';

const publicity = (households: RecipientsPublicityReply['households']): RecipientsPublicityReply => ({
  divisionCode: '220102001001',
  divisionName: '华阳社区居委会',
  month: '2026-11',
  households,
  totals: {
    households: households.length,
    members: households.reduce((sum, household) => sum + household.memberCount, 0),
    amountFen: households.reduce((sum, household) => sum + household.amountFen, 0),
  },
  withheld: 1,
});
const household = (headName: string, memberCount: number, amountFen: number) => ({
  householdId: '00000000-0000-4000-8000-000000000001',
  headName,
  memberCount,
  amountFen,
});

describe('the printed publication of recipients (公示名单)', () => {
  it('prints the name, members and amount of each household, the totals, and nothing withheld', () => {
    const printable = recipientsPrintable(
      publicity([household('冯公示', 2, 61_000), household('李大勇', 3, 123_450)]),
      new Date('2026-11-29T02:00:00Z'),
    );
    expect(printable.title).toBe('最低生活保障对象公示名单');
    expect(printable.subtitle).toBe('华阳社区居委会（220102001001）\u30002026年11月');
    expect(printable.sections[0]).toEqual({
      heading: '公示名单',
      table: {
        columns: ['序号', '户主姓名', '家庭人口（人）', '月保障金额（元）'],
        rows: [
          ['1', '冯公示', '2', '610.00'],
          ['2', '李大勇', '3', '1234.50'],
        ],
      },
    });
    expect(printable.sections[1]).toEqual({ heading: '合计', lines: ['共2户、5人，月保障金额合计1844.50元。'] });
    expect(printable.sections[2].lines![0]).toContain('第二十四条');
    expect(printable.watermark).toBe('华阳社区居委会 最低生活保障长期公示 2026年11月');
    expect(printable.footer).toBe('生成于2026-11-29 10:00；金额为2026年11月应发的月保障金。');
    // The withheld count is for staff only.
    expect(JSON.stringify(printable)).not.toContain('withheld');
  });

  it('says when nobody is paid, and splits a long list into tables of a thousand', () => {
    expect(recipientsPrintable(publicity([])).sections[0]).toMatchObject({
      heading: '公示名单',
      lines: ['本月无保障对象。'],
      table: { rows: [] },
    });
    const many = recipientsPrintable(
      publicity(Array.from({ length: 2500 }, (_, index) => household(`户主${index + 1}`, 1, 50_000))),
    );
    const tables = many.sections.filter((section) => section.table);
    expect(tables.map((section) => [section.heading, section.table!.rows.length])).toEqual([
      ['公示名单', 1000],
      ['公示名单（续）', 1000],
      ['公示名单（续）', 500],
    ]);
    expect(tables[2].table!.rows[499][0]).toBe('2500');
  });
});
