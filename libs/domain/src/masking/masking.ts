import { maskIdNumber } from '../id-number/id-number';

/** A bank account or card number with only its last 4 digits visible. */
export function maskBankAccount(account: string): string {
  const value = account.replace(/\s+/g, '');
  return value.length <= 4 ? '*'.repeat(value.length) : `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

/** A phone number: mobiles keep the first 3 and last 4 digits (138****1234); others only the last 4. */
export function maskPhone(phone: string): string {
  const value = phone.trim();
  if (/^1[3-9]\d{9}$/.test(value)) {
    return `${value.slice(0, 3)}****${value.slice(-4)}`;
  }
  return value.length <= 4 ? '*'.repeat(value.length) : `${value.slice(0, -4).replace(/\d/g, '*')}${value.slice(-4)}`;
}

/**
 * Masks every ID number, bank account and mobile number inside free text (log lines, error messages):
 * ID numbers first (they are digit runs too), then 16–19-digit account numbers, then mobiles.
 */
export function maskPersonalDataInText(text: string): string {
  return text
    .replace(/(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g, (match) => maskIdNumber(match))
    .replace(/(?<![\d*])\d{16,19}(?![\d*])/g, (match) => maskBankAccount(match))
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (match) => maskPhone(match));
}
