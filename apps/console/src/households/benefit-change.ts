import { parseYuan } from '@app/domain/money/fen';

/** What the county changes of a benefit from a month (docs/payment.md, changes). */
export const BENEFIT_CHANGE_LABELS = {
  AMOUNT: '调整金额',
  SUSPEND: '暂停发放',
  RESUME: '恢复发放',
  TERMINATE: '停止发放',
} as const;
export type BenefitChangeKind = keyof typeof BENEFIT_CHANGE_LABELS;

/** The change as the county fills it in: amounts in yuan, the month as YYYY-MM. */
export interface BenefitChangeDraft {
  kind: BenefitChangeKind;
  effectiveMonth: string;
  baseYuan: string;
  supplementYuan: string;
  /** TERMINATE only, optional: the months the benefit goes on unchanged first (渐退). */
  gradualExitMonths: string;
  decision: string;
  reason: string;
}

export type BenefitChangeBody =
  | { ok: true; body: Record<string, unknown> }
  /** Amounts that are not yuan, named as the gateway names the fields. */
  | { ok: false; fields: Array<{ field: string; messages: string[] }> };

/**
 * The body of `POST /api/v1/enrolments/:id/changes`. Yuan become fen here (the gateway knows fen only); amounts go
 * with AMOUNT only, the gradual exit with TERMINATE only; everything else as typed, for the gateway to check.
 */
export function benefitChangeBody(draft: BenefitChangeDraft): BenefitChangeBody {
  const amounts: Record<string, number> = {};
  const fields: Array<{ field: string; messages: string[] }> = [];
  if (draft.kind === 'AMOUNT') {
    for (const [field, text] of [
      ['baseFen', draft.baseYuan],
      ['supplementFen', draft.supplementYuan],
    ] as const) {
      const fen = parseYuan(text);
      if (fen === null) {
        fields.push({ field, messages: ['金额应为元，最多两位小数'] });
      } else {
        amounts[field] = fen;
      }
    }
  }
  if (fields.length > 0) {
    return { ok: false, fields };
  }
  const exit = draft.gradualExitMonths.trim();
  return {
    ok: true,
    body: {
      kind: draft.kind,
      effectiveMonth: draft.effectiveMonth,
      ...amounts,
      ...(draft.kind === 'TERMINATE' && exit ? { gradualExitMonths: /^\d+$/.test(exit) ? Number(exit) : exit } : {}),
      decision: draft.decision.trim(),
      reason: draft.reason.trim(),
    },
  };
}
