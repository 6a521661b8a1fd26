import {
  ARCHIVE_CLASS_LABELS,
  type ArchiveClass,
  type ArchiveStatisticsReply,
  DOCUMENT_TYPE_LABELS,
  type DocumentType,
} from '@app/contracts';

import { csvOf } from '../common/csv';

/** The archive statistics with the reads and downloads the gateway's access log adds. */
export type StatisticsWithAccess = ArchiveStatisticsReply & {
  accessByMonth: Array<{ month: string; reads: number; downloads: number }>;
};

/**
 * One table for staff, in Chinese: statistic, item and the figures; UTF-8 with a byte-order mark so spreadsheet
 * programs read it. Classes and document types are named, with their codes beside them.
 */
export function statisticsCsv(figures: StatisticsWithAccess): string {
  const rows: Array<Array<string | number>> = [['统计项', '项目', '案卷数', '件数', '页数', '数值']];
  rows.push(['合计', '', figures.totals.files, figures.totals.items, figures.totals.pages, '']);
  rows.push(['更正件数', '', '', '', '', figures.totals.correctedItems]);
  const named = {
    class: (key: string) => `${ARCHIVE_CLASS_LABELS[key as ArchiveClass] ?? key}（${key}）`,
    type: (key: string) => `${DOCUMENT_TYPE_LABELS[key as DocumentType] ?? key}（${key}）`,
  };
  for (const [section, list, name] of [
    ['柜（街道）', figures.byCabinet, String],
    ['盒（社区）', figures.byBox, String],
    ['类别', figures.byClass, named.class],
    ['文件类型', figures.byType, named.type],
    ['年度', figures.byYear, String],
  ] as const) {
    for (const count of list) {
      rows.push([section, name(count.key), count.files, count.items, count.pages, '']);
    }
  }
  for (const month of figures.filesOpenedByMonth) {
    rows.push(['建档（按月）', month.month, month.files, '', '', '']);
  }
  for (const month of figures.filesClosedByMonth) {
    rows.push(['结档（按月）', month.month, month.files, '', '', '']);
  }
  rows.push(['借阅待审批', '', '', '', '', figures.borrowing.pending]);
  rows.push(['借阅已批准', '', '', '', '', figures.borrowing.approved]);
  rows.push(['借阅未批准', '', '', '', '', figures.borrowing.refused]);
  rows.push(['完整性检查次数', '', '', '', '', figures.fixity.checks]);
  rows.push(['已检查案卷', '', figures.fixity.filesChecked, '', '', '']);
  rows.push(['有问题案卷', '', figures.fixity.filesWithProblems, '', '', '']);
  for (const month of figures.accessByMonth) {
    rows.push(['查阅（按月）', month.month, '', '', '', month.reads]);
    rows.push(['下载（按月）', month.month, '', '', '', month.downloads]);
  }
  return csvOf(rows);
}
