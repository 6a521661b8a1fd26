import type { HouseholdMemberReply, HouseholdReply } from '@app/contracts';
import { maskIdNumber } from '@app/domain';

import type { HouseholdMember } from './household-member.entity';
import type { Household } from './household.entity';

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

/** ID numbers always masked; members ordered head first. */
export function toHouseholdReply(household: Household, members: HouseholdMember[], reveal = false): HouseholdReply {
  return {
    id: household.id,
    householdNo: household.householdNo,
    divisionCode: household.divisionCode,
    status: household.status,
    address: household.address ?? null,
    members: [...members]
      .sort((a, b) => Number(b.isHead) - Number(a.isHead) || a.relationship.localeCompare(b.relationship))
      .map((member) => toMemberReply(member, reveal)),
  };
}
