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

/**
 * Yuan as staff type them ("770", "770.5", "770.50", "1,200.00") into fen, exactly (no floating point); null when
 * the text is not an amount of at most two decimals.
 */
export function parseYuan(text: string): Fen | null {
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/[,，]/g, ''));
  if (!match) {
    return null;
  }
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
