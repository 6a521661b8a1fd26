import type { ApplicationReceivedData } from '@app/contracts';

import type { PdfContent } from './pdf-document';

/** 最低生活保障申请受理回执: the record filed when an application is received. */
export function applicationReceivedContent(
  data: ApplicationReceivedData,
  divisionCode: string,
  filedBy: string,
): PdfContent {
  const submittedAt = new Date(data.submittedAt);
  return {
    title: '最低生活保障申请受理回执',
    subtitle: `申请编号：${data.applicationNo}`,
    fields: [
      { label: '申请人', value: data.applicantName },
      { label: '公民身份号码', value: data.applicantIdNumberMasked },
      { label: '共同生活家庭成员人数', value: `${data.householdSize}人` },
      { label: '申请地（社区/村）行政区划代码', value: divisionCode },
      { label: '申请理由', value: data.reason },
      { label: '申请时间', value: formatChineseDateTime(submittedAt) },
    ],
    notes: [
      '您的最低生活保障申请已收到。经办机构将依照《最低生活保障审核确认办法》在3个工作日内启动家庭经济状况调查，请保持联系方式畅通并配合入户调查。',
      '如材料不齐全，经办机构将一次性告知需要补齐的全部材料。',
    ],
    footer: `本回执由低保业务系统在受理时自动生成并归档（经办：${filedBy}）`,
    createdAt: submittedAt,
  };
}

function formatChineseDateTime(date: Date): string {
  const beijing = new Date(date.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日 ${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}（北京时间）`;
}
