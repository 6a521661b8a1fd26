/** Administrative division levels: province, prefecture, county, street/township, community/village. */
export type DivisionLevel = 1 | 2 | 3 | 4 | 5;

const LENGTH_BY_LEVEL: Record<DivisionLevel, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

/** The level of a division code written at its natural length (2, 4, 6, 9 or 12 digits), or undefined. */
export function divisionLevel(code: string): DivisionLevel | undefined {
  if (!/^\d+$/.test(code)) {
    return undefined;
  }
  const entry = Object.entries(LENGTH_BY_LEVEL).find(([, length]) => length === code.length);
  return entry ? (Number(entry[0]) as DivisionLevel) : undefined;
}

/** The code of the enclosing division at `level`, e.g. the county (level 3) of a community code. */
export function divisionAncestor(code: string, level: DivisionLevel): string {
  const own = divisionLevel(code);
  if (own === undefined || level > own) {
    throw new RangeError(`division code ${code} has no ancestor at level ${level}`);
  }
  return code.slice(0, LENGTH_BY_LEVEL[level]);
}

/** True when `code` is `scope` itself or lies inside it. */
export function divisionWithin(code: string, scope: string): boolean {
  return divisionLevel(code) !== undefined && divisionLevel(scope) !== undefined && code.startsWith(scope);
}
