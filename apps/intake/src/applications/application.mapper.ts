import type { ApplicationDetailsView, ApplicationReply, ApplicationSummary } from '@app/contracts';
import { maskBankAccount, maskIdNumber } from '@app/domain';

import type { Application, StoredRecheck } from './application.entity';
import { summariseMeans } from './declared-means';

/** An application in a list: no declared details, no notice, no attachments, the ID number masked. */
export function toApplicationSummary(application: Application): ApplicationSummary {
  return {
    id: application.id,
    applicationNo: application.applicationNo,
    householdId: application.household.id,
    divisionCode: application.divisionCode,
    applicantName: application.applicantName,
    applicantIdNumberMasked: maskIdNumber(application.applicantIdNumber),
    householdSize: application.householdSize,
    reason: application.reason,
    status: application.status,
    workflowId: application.workflowId,
    submittedAt: application.submittedAt?.toISOString() ?? null,
    withdrawnReason: application.withdrawnReason ?? null,
    updatedAt: application.updatedAt.toISOString(),
  };
}

/** The wire view of an application: the ID number masked, in full only when `reveal` was allowed and asked for. */
export function toApplicationReply(
  application: Application,
  reveal = false,
  attachments: ApplicationReply['attachments'] = [],
): ApplicationReply {
  return {
    ...toApplicationSummary(application),
    ...(reveal ? { applicantIdNumber: application.applicantIdNumber } : {}),
    details: application.details ? detailsView(application.details, reveal) : null,
    materialsNotice: application.materialsNotice ? materialsNoticeView(application.materialsNotice) : null,
    attachments,
    rechecks: (application.rechecks ?? []).map(recheckView),
    redecision: application.redecision ?? null,
  };
}

function recheckView({ means, idempotencyKey: _key, requestHash: _hash, ...recheck }: StoredRecheck) {
  return { ...recheck, meansBefore: summariseMeans(means.before), meansAfter: summariseMeans(means.after) };
}

function materialsNoticeView({ idempotencyKey: _key, ...notice }: NonNullable<Application['materialsNotice']>) {
  return notice;
}

function detailsView(details: NonNullable<Application['details']>, reveal: boolean): ApplicationDetailsView {
  const { paymentAccount, ...rest } = details;
  return {
    ...rest,
    ...(paymentAccount
      ? {
          paymentAccount: {
            bankName: paymentAccount.bankName,
            ...(paymentAccount.bankCode ? { bankCode: paymentAccount.bankCode } : {}),
            accountNoMasked: maskBankAccount(paymentAccount.accountNo),
            holderIdNumberMasked: maskIdNumber(paymentAccount.holderIdNumber),
            ...(reveal ? { accountNo: paymentAccount.accountNo, holderIdNumber: paymentAccount.holderIdNumber } : {}),
          },
        }
      : {}),
  };
}

/** The application as `stepFiling` (libs/contracts) takes it: whose household file, which division. */
export function filedUnder(application: Application): { id: string; householdId: string; divisionCode: string } {
  return { id: application.id, householdId: application.household.id, divisionCode: application.divisionCode };
}
