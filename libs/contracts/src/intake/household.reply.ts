import type { HouseholdStatus } from '@app/domain';

export interface HouseholdMemberReply {
  personId: string;
  name: string;
  idNumberMasked: string;
  /** Only when asked for with `reveal` by a caller allowed to see it. */
  idNumber?: string;
  relationship: string;
  isHead: boolean;
  sex: string;
  birthDate: string;
  disabilityGrade: number | null;
  health: string;
  workCapacity: string;
  schooling: string;
  hukouHouseholdNo: string | null;
  hukouType: string | null;
}

/** A member who left or joined (家庭成员变动), as recorded. */
export interface MemberChangeRecord {
  id: string;
  kind: 'LEAVE' | 'JOIN';
  reason: string;
  occurredOn: string;
  memberName: string;
  memberIdNumberMasked: string;
  recordedBy: string;
  recordedAt: string;
  /** 家庭成员变动登记表 in the household file; null when the household had applied for nothing yet (no file). */
  documentId: string | null;
  /** The open benefit's next review after the change; null without a benefit. */
  nextReviewOn: string | null;
}

export interface HouseholdReply {
  id: string;
  householdNo: string;
  divisionCode: string;
  status: HouseholdStatus;
  address: string | null;
  /** Active members, head first. */
  members: HouseholdMemberReply[];
  /** Members who left or joined since registration, oldest first (the latest 100). */
  memberChanges: MemberChangeRecord[];
}

export interface HouseholdHit {
  householdId: string;
  householdNo: string;
  divisionCode: string;
  status: HouseholdStatus;
  headName: string;
  memberCount: number;
  /** The member the query matched. */
  matched: { name: string; idNumberMasked: string; relationship: string };
}

export interface SearchHouseholdsReply {
  items: HouseholdHit[];
}

export interface ImportHouseholdsReply {
  imported: number;
  /** Households whose idempotency key was already registered. */
  skipped: number;
}
