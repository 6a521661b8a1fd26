import type { HouseholdReply } from './household.reply';

/** Why a member leaves a household, or joins one (domain §3.2: changes in members are reported to the township). */
export const MEMBER_CHANGE_REASONS = {
  LEAVE: ['DEATH', 'MOVED_OUT', 'MARRIED_OUT', 'OTHER'],
  JOIN: ['BIRTH', 'MARRIED_IN', 'MOVED_IN', 'OTHER'],
  /** The head hands over to another member, nobody leaving (e.g. an elderly head to a grown child). */
  HEAD: ['HANDOVER', 'OTHER'],
} as const;
export type MemberChangeKind = keyof typeof MEMBER_CHANGE_REASONS;
export const MEMBER_CHANGE_KINDS = Object.keys(MEMBER_CHANGE_REASONS) as MemberChangeKind[];
export type MemberChangeReason = (typeof MEMBER_CHANGE_REASONS)[MemberChangeKind][number];

/** Chinese names of the kinds and reasons, for forms and lists. */
export const MEMBER_CHANGE_LABELS: Record<MemberChangeKind | MemberChangeReason, string> = {
  LEAVE: '减员',
  JOIN: '增员',
  HEAD: '变更户主',
  HANDOVER: '户主移交',
  DEATH: '死亡',
  MOVED_OUT: '迁出',
  MARRIED_OUT: '婚出',
  BIRTH: '出生',
  MARRIED_IN: '婚入',
  MOVED_IN: '迁入',
  OTHER: '其他',
};

/** A member who left or joined, as recorded. */
export interface MemberChangeRecord {
  id: string;
  kind: MemberChangeKind;
  reason: MemberChangeReason;
  occurredOn: string;
  memberName: string;
  memberIdNumberMasked: string;
  recordedBy: string;
  recordedAt: string;
  /** 家庭成员变动登记表 in the household file; null when the household had applied for nothing yet (no file). */
  documentId: string | null;
  /** The open benefit's next review after the change; null without a benefit, and after a hand-over (HEAD). */
  nextReviewOn: string | null;
  /** The head leaving, or handing over: who heads the household since (ID number masked); else null. */
  newHead: { name: string; idNumberMasked: string } | null;
}

export interface MemberChangeReply {
  household: HouseholdReply;
  change: MemberChangeRecord;
}
