/** Money is always an integer number of fen (0.01 yuan). */
export type Fen = number;

/** Formats fen as yuan with two decimals, e.g. 77000 → "770.00". */
export function formatYuan(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) {
    throw new RangeError(`amount must be an integer number of fen, got ${fen}`);
  }
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
