const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** Province-level codes of GB/T 2260 (the first two digits of a mainland address code). */
export const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
]);

/**
 * What kind of number it is. Mainland residents have CITIZEN numbers; Hong Kong (81), Macao (82) and Taiwan (83)
 * residents holding a residence permit have RESIDENCE_PERMIT numbers; foreigners with the 2023 permanent
 * residence card have FOREIGN_PERMANENT_RESIDENCE numbers (leading 9). All are 18 characters with the same check.
 */
export type IdNumberKind = 'CITIZEN' | 'RESIDENCE_PERMIT' | 'FOREIGN_PERMANENT_RESIDENCE';

export type IdNumberProblem = 'FORMAT' | 'ADDRESS_CODE' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

export interface IdNumberCheck {
  valid: boolean;
  /** Upper-cased, and a 15-digit legacy number upgraded to 18 characters. */
  normalized: string;
  kind?: IdNumberKind;
  /** ISO birth date (YYYY-MM-DD) when the number is valid. */
  birthDate?: string;
  /** 'M' or 'F' from the sequence digit's parity. */
  sex?: 'M' | 'F';
  /** True when the input was a legacy 15-digit number. */
  upgraded?: boolean;
  problem?: IdNumberProblem;
  /** Staff-facing explanation in Simplified Chinese when invalid: which rule failed. */
  reason?: string;
}

export interface IdNumberOptions {
  /** Checks are made as of this day (birth dates after it are refused). */
  today?: Date;
  /**
   * Whether a 6-digit address code is known (current or historical) to the division table. Without it only the
   * province is checked. Not asked for residence-permit and foreign numbers, whose address part is not a county.
   */
  isKnownAddressCode?: (code: string) => boolean;
}

/** The GB 11643 MOD 11-2 check character of the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += Number(first17[i]) * WEIGHTS[i];
  }
  return CHECK_CHARACTERS[sum % 11];
}

/** Upgrades a legacy 15-digit number (YYMMDD, born 19xx) to 18 characters: inserts "19" and adds the check. */
export function upgradeLegacyIdNumber(legacy: string): string {
  if (!/^\d{15}$/.test(legacy)) {
    throw new RangeError('a legacy ID number has 15 digits');
  }
  const first17 = `${legacy.slice(0, 6)}19${legacy.slice(6)}`;
  return first17 + idNumberCheckCharacter(first17);
}

function kindOf(number: string): IdNumberKind {
  if (/^8[123]/.test(number)) {
    return 'RESIDENCE_PERMIT';
  }
  return number.startsWith('9') ? 'FOREIGN_PERMANENT_RESIDENCE' : 'CITIZEN';
}

const fail = (normalized: string, problem: IdNumberProblem, reason: string, upgraded = false): IdNumberCheck => ({
  valid: false,
  normalized,
  problem,
  reason,
  ...(upgraded ? { upgraded } : {}),
});

/**
 * Checks an ID number: 18 characters (or a legacy 15-digit number, upgraded), a known address code, a real birth
 * date not after today, and the check character. Every rejection says which rule failed, in Chinese.
 */
export function checkIdNumber(input: string, options: IdNumberOptions | Date = {}): IdNumberCheck {
  const { today = new Date(), isKnownAddressCode } = options instanceof Date ? { today: options } : options;
  let normalized = input.trim().toUpperCase();
  let upgraded = false;
  if (/^\d{15}$/.test(normalized)) {
    normalized = upgradeLegacyIdNumber(normalized);
    upgraded = true;
  }
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return fail(normalized, 'FORMAT', '身份证号码应为18位（前17位为数字，末位为数字或X），或15位旧号码');
  }
  const kind = kindOf(normalized);
  if (kind === 'CITIZEN') {
    const address = normalized.slice(0, 6);
    if (!PROVINCE_CODES.has(address.slice(0, 2))) {
      return fail(
        normalized,
        'ADDRESS_CODE',
        `身份证号码前两位${address.slice(0, 2)}不是有效的省级行政区划代码`,
        upgraded,
      );
    }
    if (isKnownAddressCode && !isKnownAddressCode(address)) {
      return fail(normalized, 'ADDRESS_CODE', `身份证号码中的地址码${address}在行政区划表中不存在`, upgraded);
    }
  }
  const year = Number(normalized.slice(6, 10));
  const month = Number(normalized.slice(10, 12));
  const day = Number(normalized.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  const isRealDate = birth.getUTCFullYear() === year && birth.getUTCMonth() === month - 1 && birth.getUTCDate() === day;
  if (!isRealDate || year < 1890 || birth.getTime() > today.getTime()) {
    return fail(normalized, 'BIRTH_DATE', '身份证号码中的出生日期不存在或晚于今天', upgraded);
  }
  const expected = idNumberCheckCharacter(normalized.slice(0, 17));
  if (normalized[17] !== expected) {
    return fail(normalized, 'CHECK_CHARACTER', `身份证号码校验位错误，应为${expected}`, upgraded);
  }
  return {
    valid: true,
    normalized,
    kind,
    birthDate: `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`,
    sex: Number(normalized[16]) % 2 === 1 ? 'M' : 'F',
    ...(upgraded ? { upgraded } : {}),
  };
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
