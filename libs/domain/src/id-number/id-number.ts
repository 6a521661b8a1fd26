const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export type IdNumberProblem = 'FORMAT' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

export interface IdNumberCheck {
  valid: boolean;
  /** The number upper-cased, as it should be stored. */
  normalized: string;
  problem?: IdNumberProblem;
  /** Staff-facing explanation in Simplified Chinese when invalid. */
  reason?: string;
}

/** The GB 11643 MOD 11-2 check character of the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += Number(first17[i]) * WEIGHTS[i];
  }
  return CHECK_CHARACTERS[sum % 11];
}

/**
 * Checks an 18-character citizen ID number: format, a real birth date not after `today`, and the check
 * character. (Address-code and legacy-number rules arrive with the division table.)
 */
export function checkIdNumber(input: string, today: Date = new Date()): IdNumberCheck {
  const normalized = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return { valid: false, normalized, problem: 'FORMAT', reason: '身份证号码应为18位：前17位为数字，末位为数字或X' };
  }
  const year = Number(normalized.slice(6, 10));
  const month = Number(normalized.slice(10, 12));
  const day = Number(normalized.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const isRealDate = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!isRealDate || year < 1890 || birth.getTime() > today.getTime()) {
    return { valid: false, normalized, problem: 'BIRTH_DATE', reason: '身份证号码中的出生日期不存在或晚于今天' };
  }
  const expected = idNumberCheckCharacter(normalized.slice(0, 17));
  if (normalized[17] !== expected) {
    return { valid: false, normalized, problem: 'CHECK_CHARACTER', reason: `身份证号码校验位错误，应为${expected}` };
  }
  return { valid: true, normalized };
}

/**
 * Masks an ID number for lists and logs: keeps the 6-digit address code and the last 4 characters,
 * hides the birth date and sequence. Anything that is not 15 or 18 characters is masked whole.
 */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim();
  if (value.length !== 18 && value.length !== 15) {
    return '*'.repeat(value.length);
  }
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}
