import type { RenderPrintableRequest } from '@app/contracts';
import { beijingMinute, formatYuan } from '@app/domain';

import type { RecipientsPublicityReply } from './recipients-publicity.types';

/** Rows per printed table (a printable table holds at most 2,000). */
const ROWS_PER_TABLE = 1000;

/**
 * The list to post on the community's notice board (长期公示): the head's name, the household's members and the
 * monthly amount — nothing else (2021 measures Art. 24); confidential households are not in it. Marked across every
 * page with what it is, so a copy cannot pass for another document.
 */
export function recipientsPrintable(publicity: RecipientsPublicityReply, now = new Date()): RenderPrintableRequest {
  const [year, month] = publicity.month.split('-');
  const period = `${year}年${Number(month)}月`;
  const rows = publicity.households.map((household, index) => [
    String(index + 1),
    household.headName,
    String(household.memberCount),
    formatYuan(household.amountFen),
  ]);
  const tables: RenderPrintableRequest['sections'] = [];
  for (let start = 0; start === 0 || start < rows.length; start += ROWS_PER_TABLE) {
    tables.push({
      heading: start === 0 ? '公示名单' : '公示名单（续）',
      ...(rows.length === 0 ? { lines: ['本月无保障对象。'] } : {}),
      table: {
        columns: ['序号', '户主姓名', '家庭人口（人）', '月保障金额（元）'],
        rows: rows.slice(start, start + ROWS_PER_TABLE),
      },
    });
  }
  const { totals } = publicity;
  return {
    title: '最低生活保障对象公示名单',
    subtitle: `${publicity.divisionName}（${publicity.divisionCode}）\u3000${period}`,
    sections: [
      ...tables,
      {
        heading: '合计',
        lines: [`共${totals.households}户、${totals.members}人，月保障金额合计${formatYuan(totals.amountFen)}元。`],
      },
      {
        heading: '说明',
        lines: [
          '依据《最低生活保障审核确认办法》第二十四条，公布户主姓名、家庭人口和保障金额，不公布其他信息。',
          '对公示内容有异议的，可向所在乡镇人民政府（街道办事处）或县级人民政府民政部门反映。',
        ],
      },
    ],
    watermark: `${publicity.divisionName} 最低生活保障长期公示 ${period}`,
    footer: `生成于${beijingMinute(now)}；金额为${period}应发的月保障金。`,
  };
}
