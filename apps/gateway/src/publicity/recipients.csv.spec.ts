import { recipientsCsv } from './recipients.csv';

describe('the published list as a spreadsheet', () => {
  it('has a header, one row per household and the totals, UTF-8 with a byte-order mark and CRLF', () => {
    const csv = recipientsCsv({
      divisionCode: '220102001001',
      divisionName: '华阳社区居委会',
      month: '2026-11',
      households: [
        { householdId: 'h1', headName: '冯公示', memberCount: 2, amountFen: 61_000 },
        { householdId: 'h2', headName: '李,大勇', memberCount: 3, amountFen: 123_450 },
      ],
      totals: { households: 2, members: 5, amountFen: 184_450 },
      withheld: 1,
    });
    expect(csv).toBe(
      '\ufeff序号,户主姓名,家庭人口（人）,月保障金额（元）\r\n1,冯公示,2,610.00\r\n2,"李,大勇",3,1234.50\r\n合计,2户,5,1844.50\r\n',
    );
  });
});
