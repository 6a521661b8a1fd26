import type { MemberChangeKind, MemberChangeReason } from '@app/contracts/intake/household-change.reply';
import { HEAD_RELATIONSHIP } from '@app/domain/household/household-codes';

/** A member as the caseworker types them in (GB/T 4761 relationship to the head; codes as stored). */
export interface MemberDraft {
  name: string;
  idNumber: string;
  relationship: string;
  health: string;
  workCapacity: string;
  schooling: string;
  /** 1–4, or empty: no disability certificate. */
  disabilityGrade: string;
  /** 户口簿户号, optional. */
  hukouHouseholdNo: string;
  /** Optional: empty when not recorded. */
  hukouType: string;
}

export const emptyMember = (relationship: string = HEAD_RELATIONSHIP): MemberDraft => ({
  name: '',
  idNumber: '',
  relationship,
  health: 'HEALTHY',
  workCapacity: 'FULL',
  schooling: 'NONE',
  disabilityGrade: '',
  hukouHouseholdNo: '',
  hukouType: '',
});

/** An ID number as the registry takes it: no spaces, the check letter upper-case. */
const idNumberOf = (text: string) => text.trim().toUpperCase();

/**
 * A member as the gateway takes it: names and numbers trimmed, optional fields left out when empty, a disability
 * grade of digits as a number (anything else as typed, for the gateway to refuse by field).
 */
export function memberInput(draft: MemberDraft): Record<string, unknown> {
  const grade = draft.disabilityGrade.trim();
  const hukouNo = draft.hukouHouseholdNo.trim();
  return {
    name: draft.name.trim(),
    idNumber: idNumberOf(draft.idNumber),
    relationship: draft.relationship,
    health: draft.health,
    workCapacity: draft.workCapacity,
    schooling: draft.schooling,
    ...(grade ? { disabilityGrade: /^\d+$/.test(grade) ? Number(grade) : grade } : {}),
    ...(hukouNo ? { hukouHouseholdNo: hukouNo } : {}),
    ...(draft.hukouType ? { hukouType: draft.hukouType } : {}),
  };
}

export interface HouseholdDraft {
  divisionCode: string;
  address: string;
  members: MemberDraft[];
}

/** The body of `POST /api/v1/households`. */
export function householdBody(draft: HouseholdDraft): Record<string, unknown> {
  const address = draft.address.trim();
  return {
    divisionCode: draft.divisionCode.trim(),
    ...(address ? { address } : {}),
    members: draft.members.map(memberInput),
  };
}

/** A staying member's relationship to the new head, the member named by their full ID number (from 户口簿). */
export interface RelationshipDraft {
  /** Who the row is for, as the dossier shows them (name and masked ID number): a reading aid, not sent. */
  shownAs: string;
  idNumber: string;
  relationship: string;
}

/** A change in the household's members as the caseworker fills it in. */
export interface MemberChangeDraft {
  kind: MemberChangeKind;
  reason: MemberChangeReason;
  occurredOn: string;
  /** LEAVE: the member who leaves. */
  idNumber: string;
  /** LEAVE: the one who leaves is the head, so the household needs a new one. */
  headLeaves: boolean;
  /** JOIN: who joins. */
  member: MemberDraft;
  /** HEAD, or the head leaving: who heads the household from now on. */
  newHeadIdNumber: string;
  relationships: RelationshipDraft[];
  /** The new head's card, when the household's benefit is being paid (both empty: none sent). */
  payeeBankCode: string;
  payeeAccountNo: string;
  note: string;
}

/** Whether the change names a new head: a hand-over, or the head leaving. */
export const namesNewHead = (draft: Pick<MemberChangeDraft, 'kind' | 'headLeaves'>) =>
  draft.kind === 'HEAD' || (draft.kind === 'LEAVE' && draft.headLeaves);

/**
 * The body of `POST /api/v1/households/:id/member-changes`: only what the kind takes (the leaver's ID number, the
 * joiner, the new head with the others' relationships to them and, when typed, their card), each as typed for the
 * gateway to check; relationship rows left without an ID number are not sent.
 */
export function memberChangeBody(draft: MemberChangeDraft): Record<string, unknown> {
  const note = draft.note.trim();
  const payee =
    draft.payeeBankCode.trim() || draft.payeeAccountNo.trim()
      ? { payee: { bankCode: draft.payeeBankCode.trim(), accountNo: draft.payeeAccountNo.replace(/\s/g, '') } }
      : {};
  return {
    kind: draft.kind,
    reason: draft.reason,
    occurredOn: draft.occurredOn,
    ...(draft.kind === 'LEAVE' ? { idNumber: idNumberOf(draft.idNumber) } : {}),
    ...(draft.kind === 'JOIN' ? { member: memberInput(draft.member) } : {}),
    ...(namesNewHead(draft)
      ? {
          newHead: {
            idNumber: idNumberOf(draft.newHeadIdNumber),
            relationships: draft.relationships
              .filter((row) => row.idNumber.trim())
              .map((row) => ({ idNumber: idNumberOf(row.idNumber), relationship: row.relationship })),
            ...payee,
          },
        }
      : {}),
    ...(note ? { note } : {}),
  };
}
