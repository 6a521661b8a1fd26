import type { FieldError, HouseholdMemberInput, NewHeadInput } from '@app/contracts';
import {
  checkIdNumber,
  HEAD_RELATIONSHIP,
  type IdNumberCheck,
  maskIdNumber,
  nameGrams,
  normalizeName,
  type RelationshipCode,
} from '@app/domain';

export interface ValidMember extends HouseholdMemberInput {
  idNumber: string;
  idKind: string;
  sex: 'M' | 'F';
  birthDate: string;
  nameGrams: string[];
}

/**
 * Checks a household's members as a whole: every ID number by every rule, no person twice, exactly one head (or,
 * for members joining a household, none).
 * Returns the members normalised (upgraded ID numbers, birth date and sex from the number) or the field errors.
 */
export function validateMembers(
  members: HouseholdMemberInput[],
  isKnownAddressCode: (code: string) => boolean,
  path = 'members',
  /** false: members joining a household that has its head (none of them may be one). */
  asWholeHousehold = true,
): { members: ValidMember[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const valid: ValidMember[] = [];
  members.forEach((member, index) => {
    const field = `${path}[${index}].idNumber`;
    const check: IdNumberCheck = checkIdNumber(member.idNumber, { isKnownAddressCode });
    if (!check.valid) {
      errors.push({ field, messages: [check.reason ?? '身份证号码不正确'] });
      return;
    }
    const earlier = seen.get(check.normalized);
    if (earlier !== undefined) {
      errors.push({ field, messages: [`与第${earlier + 1}名成员的身份证号码重复，同一人只能登记一次`] });
      return;
    }
    seen.set(check.normalized, index);
    const name = normalizeName(member.name.trim());
    valid.push({
      ...member,
      name,
      idNumber: check.normalized,
      idKind: check.kind ?? 'CITIZEN',
      sex: check.sex ?? 'M',
      birthDate: check.birthDate ?? '',
      nameGrams: nameGrams(name),
    });
  });
  const heads = members.filter((member) => member.relationship === HEAD_RELATIONSHIP).length;
  if (!asWholeHousehold) {
    members.forEach((member, index) => {
      if (member.relationship === HEAD_RELATIONSHIP) {
        errors.push({ field: `${path}[${index}].relationship`, messages: ['该家庭已有户主，新增成员不能登记为户主'] });
      }
    });
  } else if (heads !== 1) {
    errors.push({
      field: `${path}`,
      messages: [heads === 0 ? '家庭成员中须有一名户主（与户主关系代码02）' : '家庭成员中只能有一名户主'],
    });
  }
  return { members: valid, errors };
}

/** Who heads the household after a head change, and every other staying member's new relationship. */
export interface HandOver {
  headIdNumber: string;
  relationships: Map<string, RelationshipCode>;
}

/**
 * Checks a head change (变更户主) against the members who stay: the new head is one of them, and every other one
 * is related to the new head exactly once, none as a second head. Returns the plan or the field errors (under
 * `newHead`).
 */
export function planHandOver(
  staying: ReadonlyArray<{ name: string; idNumber: string }>,
  newHead: NewHeadInput,
): { plan?: HandOver; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const normalized = (idNumber: string) => checkIdNumber(idNumber).normalized;
  const members = new Map(staying.map((member) => [member.idNumber, member]));
  const headIdNumber = normalized(newHead.idNumber);
  if (!members.has(headIdNumber)) {
    errors.push({ field: 'newHead.idNumber', messages: ['新户主须是留在本家庭的在册成员'] });
  }
  const relationships = new Map<string, RelationshipCode>();
  newHead.relationships.forEach((given, index) => {
    const path = `newHead.relationships[${index}]`;
    const idNumber = normalized(given.idNumber);
    const message = !members.has(idNumber)
      ? `该家庭没有身份证号为${maskIdNumber(idNumber)}的在册成员`
      : idNumber === headIdNumber
        ? '新户主本人无需填写与户主的关系'
        : relationships.has(idNumber)
          ? '同一成员的关系只能填写一次'
          : undefined;
    if (message) {
      errors.push({ field: `${path}.idNumber`, messages: [message] });
    } else if (given.relationship === HEAD_RELATIONSHIP) {
      errors.push({ field: `${path}.relationship`, messages: ['新户主以外的成员不能登记为户主'] });
    } else {
      relationships.set(idNumber, given.relationship);
    }
  });
  const missing = staying.filter((member) => member.idNumber !== headIdNumber && !relationships.has(member.idNumber));
  if (missing.length > 0 && errors.length === 0) {
    errors.push({
      field: 'newHead.relationships',
      messages: [
        `还须填写以下成员与新户主的关系：${missing.map((member) => `${member.name}（${maskIdNumber(member.idNumber)}）`).join('、')}`,
      ],
    });
  }
  return errors.length > 0 ? { errors } : { plan: { headIdNumber, relationships }, errors };
}
