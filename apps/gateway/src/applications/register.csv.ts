import { APPLICATION_STATUS_LABELS, type ApplicationSummary } from '@app/contracts';
import { beijingMinute } from '@app/domain';

import { csvOf } from '../common/csv';

/**
 * The register of applications as a spreadsheet for staff (申请台账): Chinese headings, one row per application,
 * ID numbers masked; UTF-8 with a byte-order mark and CRLF line ends so spreadsheet programs read it.
 */
export function registerCsv(items: ApplicationSummary[]): string {
  const rows: Array<Array<string | number>> = [
    ['申请编号', '申请人', '公民身份号码', '家庭人口', '所在社区（村）', '状态', '提交时间', '最后更新', '申请理由'],
  ];
  for (const item of items) {
    rows.push([
      item.applicationNo,
      item.applicantName,
      item.applicantIdNumberMasked,
      item.householdSize,
      item.divisionCode,
      APPLICATION_STATUS_LABELS[item.status],
      item.submittedAt ? beijingMinute(new Date(item.submittedAt)) : '',
      beijingMinute(new Date(item.updatedAt)),
      item.reason,
    ]);
  }
  return csvOf(rows);
}
