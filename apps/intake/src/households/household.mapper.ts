import type { HouseholdMemberReply, HouseholdReply, MemberChangeRecord } from '@app/contracts';
import { maskIdNumber } from '@app/domain';

import type { HouseholdChange } from './household-change.entity';
import type { HouseholdMember } from './household-member.entity';
import type { Household } from './household.entity';
import type { Person } from './person.entity';

export function toMemberReply(member: HouseholdMember, reveal = false): HouseholdMemberReply {
  return {
    personId: member.person.id,
    name: member.person.name,
    idNumberMasked: maskIdNumber(member.person.idNumber),
    ...(reveal ? { idNumber: member.person.idNumber } : {}),
    relationship: member.relationship,
    isHead: member.isHead,
    sex: member.person.sex,
    birthDate: member.person.birthDate,
    disabilityGrade: member.disabilityGrade ?? null,
    health: member.health,
    workCapacity: member.workCapacity,
    schooling: member.schooling,
    hukouHouseholdNo: member.hukouHouseholdNo ?? null,
    hukouType: member.hukouType ?? null,
  };
}

type Named = Pick<Person, 'name' | 'idNumber'>;

/** A recorded change with its member and any new head (ID numbers masked). */
export function toChangeRecord(change: HouseholdChange, person: Named, newHead?: Named | null): MemberChangeRecord {
  return {
    id: change.id,
    kind: change.kind,
    reason: change.reason,
    occurredOn: change.occurredOn,
    memberName: person.name,
    memberIdNumberMasked: maskIdNumber(person.idNumber),
    recordedBy: change.actorName,
    recordedAt: change.createdAt.toISOString(),
    documentId: change.documentId ?? null,
    nextReviewOn: change.nextReviewOn ?? null,
    newHead: newHead ? { name: newHead.name, idNumberMasked: maskIdNumber(newHead.idNumber) } : null,
  };
}

/** ID numbers always masked unless revealed (members only); members ordered head first. */
export function toHouseholdReply(
  household: Household,
  members: HouseholdMember[],
  reveal = false,
  changes: Array<{ change: HouseholdChange; person: Named; newHead?: Named | null }> = [],
): HouseholdReply {
  return {
    id: household.id,
    householdNo: household.householdNo,
    divisionCode: household.divisionCode,
    status: household.status,
    address: household.address ?? null,
    members: [...members]
      .sort((a, b) => Number(b.isHead) - Number(a.isHead) || a.relationship.localeCompare(b.relationship))
      .map((member) => toMemberReply(member, reveal)),
    memberChanges: changes.map(({ change, person, newHead }) => toChangeRecord(change, person, newHead)),
  };
}
