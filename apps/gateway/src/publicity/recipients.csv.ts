import { formatYuan } from '@app/domain';

import type { RecipientsPublicityReply } from './recipients-publicity.types';
import { csvOf } from '../common/csv';

/** The published list as a spreadsheet (for the street's and county's summaries): the rows of the PDF and a total. */
export function recipientsCsv(publicity: RecipientsPublicityReply): string {
  const { totals } = publicity;
  return csvOf([
    ['序号', '户主姓名', '家庭人口（人）', '月保障金额（元）'],
    ...publicity.households.map((household, index) => [
      index + 1,
      household.headName,
      household.memberCount,
      formatYuan(household.amountFen),
    ]),
    ['合计', `${totals.households}户`, totals.members, formatYuan(totals.amountFen)],
  ]);
}
