import type { HouseholdStatus } from '@app/domain';

import type { MemberChangeRecord } from './household-change.reply';

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
