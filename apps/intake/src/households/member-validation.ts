import type { FieldError, HouseholdMemberInput } from '@app/contracts';
import { checkIdNumber, HEAD_RELATIONSHIP, type IdNumberCheck, nameGrams, normalizeName } from '@app/domain';

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
