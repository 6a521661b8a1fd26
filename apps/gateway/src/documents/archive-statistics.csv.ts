import type { ArchiveStatisticsReply } from '@app/contracts';

/** The archive statistics with the reads and downloads the gateway's access log adds. */
export type StatisticsWithAccess = ArchiveStatisticsReply & {
  accessByMonth: Array<{ month: string; reads: number; downloads: number }>;
};

/** One table: section, key and the figures; UTF-8 with a byte-order mark so spreadsheet programs read it. */
export function statisticsCsv(figures: StatisticsWithAccess): string {
  const rows: Array<Array<string | number>> = [['section', 'key', 'files', 'items', 'pages', 'value']];
  rows.push(['total', '', figures.totals.files, figures.totals.items, figures.totals.pages, '']);
  rows.push(['corrected-items', '', '', '', '', figures.totals.correctedItems]);
  for (const [section, list] of [
    ['cabinet', figures.byCabinet],
    ['box', figures.byBox],
    ['class', figures.byClass],
    ['type', figures.byType],
    ['year', figures.byYear],
  ] as const) {
    for (const count of list) {
      rows.push([section, count.key, count.files, count.items, count.pages, '']);
    }
  }
  for (const month of figures.filesOpenedByMonth) {
    rows.push(['files-opened', month.month, month.files, '', '', '']);
  }
  for (const month of figures.filesClosedByMonth) {
    rows.push(['files-closed', month.month, month.files, '', '', '']);
  }
  rows.push(['borrow-pending', '', '', '', '', figures.borrowing.pending]);
  rows.push(['borrow-approved', '', '', '', '', figures.borrowing.approved]);
  rows.push(['borrow-refused', '', '', '', '', figures.borrowing.refused]);
  rows.push(['fixity-checks', '', '', '', '', figures.fixity.checks]);
  rows.push(['fixity-files-checked', '', figures.fixity.filesChecked, '', '', '']);
  rows.push(['fixity-files-with-problems', '', figures.fixity.filesWithProblems, '', '', '']);
  for (const month of figures.accessByMonth) {
    rows.push(['reads', month.month, '', '', '', month.reads]);
    rows.push(['downloads', month.month, '', '', '', month.downloads]);
  }
  return `\ufeff${rows.map((row) => row.join(',')).join('\r\n')}\r\n`;
}
