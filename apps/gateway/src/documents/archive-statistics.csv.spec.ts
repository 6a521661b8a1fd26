import { statisticsCsv } from './archive-statistics.csv';

describe('statisticsCsv', () => {
  it('writes one row per figure in Chinese, classes and types named, with a byte-order mark and CRLF line ends', () => {
    const count = (key: string, files: number) => ({ key, files, items: files * 2, pages: files * 3 });
    const csv = statisticsCsv({
      divisionCode: '220102',
      generatedAt: '2026-11-27T00:00:00.000Z',
      totals: { files: 2, items: 4, pages: 6, correctedItems: 1 },
      byCabinet: [count('220102001', 2)],
      byBox: [count('220102001001', 2)],
      byClass: [count('APPROVAL', 2)],
      byType: [count('APPLICATION_RECEIVED', 2)],
      byYear: [count('2026', 2)],
      filesOpenedByMonth: [{ month: '2026-11', files: 2 }],
      filesClosedByMonth: [{ month: '2026-10', files: 1 }],
      borrowing: { pending: 1, approved: 0, refused: 0 },
      fixity: { checks: 3, filesChecked: 2, filesWithProblems: 1, lastSweepAt: null },
      accessByMonth: [{ month: '2026-11', reads: 5, downloads: 2 }],
    });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\ufeff统计项,项目,案卷数,件数,页数,数值');
    expect(lines).toEqual(
      expect.arrayContaining([
        '合计,,2,4,6,',
        '盒（社区）,220102001001,2,4,6,',
        '类别,审批类（APPROVAL）,2,4,6,',
        '文件类型,最低生活保障申请受理回执（APPLICATION_RECEIVED）,2,4,6,',
        '建档（按月）,2026-11,2,,,',
        '结档（按月）,2026-10,1,,,',
        '借阅待审批,,,,,1',
        '有问题案卷,,1,,,',
        '查阅（按月）,2026-11,,,,5',
        '下载（按月）,2026-11,,,,2',
      ]),
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});
