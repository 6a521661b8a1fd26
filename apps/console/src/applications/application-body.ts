import { type IncomeCategory } from '@app/domain/household/means-codes';
import { parseYuan } from '@app/domain/money/fen';

/** One declared income as typed: the member (empty: the applicant), the amount in yuan. */
export interface IncomeDraft {
  memberIdNumber: string;
  category: IncomeCategory;
  amountYuan: string;
  period: 'MONTH' | 'YEAR';
}

/** The registration form (受理登记) as staff fill it. */
export interface ApplicationDraft {
  divisionCode: string;
  applicantName: string;
  applicantIdNumber: string;
  householdSize: string;
  reason: string;
  dataCheckConsent: boolean;
  conflictOfInterest: boolean;
  conflictOfInterestNote: string;
  confidential: boolean;
  /** The account the benefit is paid to, held by the applicant. */
  account: { on: boolean; bankName: string; bankCode: string; accountNo: string };
  incomes: IncomeDraft[];
}

export function emptyApplication(divisionCode: string): ApplicationDraft {
  return {
    divisionCode,
    applicantName: '',
    applicantIdNumber: '',
    householdSize: '1',
    reason: '',
    dataCheckConsent: false,
    conflictOfInterest: false,
    conflictOfInterestNote: '',
    confidential: false,
    account: { on: false, bankName: '', bankCode: '', accountNo: '' },
    incomes: [],
  };
}

export type ApplicationBody =
  | { ok: true; body: Record<string, unknown> }
  /** Amounts that are not yuan: named by the field the gateway would use, for the form to show beside them. */
  | { ok: false; fields: Array<{ field: string; messages: string[] }> };

/**
 * The body of `POST /api/v1/applications` for a draft. Yuan become fen here (the only check made here: the gateway
 * knows nothing of yuan); everything else is sent as typed for the gateway to check and name by field.
 */
export function applicationBody(draft: ApplicationDraft): ApplicationBody {
  const applicantIdNumber = draft.applicantIdNumber.trim().toUpperCase();
  const fields: Array<{ field: string; messages: string[] }> = [];
  const incomes = draft.incomes.map((income, index) => {
    const amountFen = parseYuan(income.amountYuan);
    if (amountFen === null) {
      fields.push({ field: `details.incomes[${index}].amountFen`, messages: ['金额应为元，最多两位小数'] });
    }
    return {
      memberIdNumber: income.memberIdNumber.trim().toUpperCase() || applicantIdNumber,
      category: income.category,
      amountFen,
      period: income.period,
    };
  });
  if (fields.length > 0) {
    return { ok: false, fields };
  }
  const size = draft.householdSize.trim();
  return {
    ok: true,
    body: {
      divisionCode: draft.divisionCode.trim(),
      applicantName: draft.applicantName.trim(),
      applicantIdNumber,
      householdSize: /^\d+$/.test(size) ? Number(size) : size,
      reason: draft.reason.trim(),
      details: {
        dataCheckConsent: draft.dataCheckConsent,
        ...(draft.conflictOfInterest ? { conflictOfInterest: true } : {}),
        ...(draft.conflictOfInterest && draft.conflictOfInterestNote.trim()
          ? { conflictOfInterestNote: draft.conflictOfInterestNote.trim() }
          : {}),
        ...(draft.confidential ? { confidential: true } : {}),
        ...(draft.account.on
          ? {
              paymentAccount: {
                bankName: draft.account.bankName.trim(),
                ...(draft.account.bankCode.trim() ? { bankCode: draft.account.bankCode.trim() } : {}),
                accountNo: draft.account.accountNo.replace(/\s/g, ''),
                holderIdNumber: applicantIdNumber,
              },
            }
          : {}),
        ...(incomes.length > 0 ? { incomes } : {}),
      },
    },
  };
}
