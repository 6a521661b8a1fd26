import { householdFileCode, itemCode, parseHouseholdFileCode, parseItemCode } from './reference-code';

describe('reference codes (档号)', () => {
  it('builds a household file code from the community, the year and the number in the box', () => {
    expect(householdFileCode({ communityCode: '220102001001', year: 2026, seq: 7 })).toBe(
      '220102-DB·2026-D5-220102001·001-0007',
    );
  });

  it('numbers items inside the file with four digits', () => {
    expect(itemCode('220102-DB·2026-D5-220102001·001-0007', 3)).toBe('220102-DB·2026-D5-220102001·001-0007-0003');
  });

  it('reads a code back into its parts', () => {
    expect(parseHouseholdFileCode('220102-DB·2026-D5-220102001·001-0007')).toEqual({
      fondsCode: '220102',
      year: 2026,
      retention: 'D5',
      cabinetCode: '220102001',
      communityCode: '220102001001',
      seq: 7,
    });
    expect(parseItemCode('220102-DB·2026-D5-220102001·001-0007-0003')).toEqual({
      fileCode: '220102-DB·2026-D5-220102001·001-0007',
      itemNo: 3,
    });
    expect(parseHouseholdFileCode('220102-DB-2026-D5-220102001-001-0007')).toBeUndefined();
    expect(parseItemCode('220102-DB·2026-D5-220102001·001-0007')).toBeUndefined();
  });

  it('refuses parts that would make an ambiguous code', () => {
    expect(() => householdFileCode({ communityCode: '220102001', year: 2026, seq: 1 })).toThrow('community');
    expect(() => householdFileCode({ communityCode: '220102001001', year: 2026, seq: 0 })).toThrow('1–9999');
    expect(() => householdFileCode({ communityCode: '220102001001', year: 2026, seq: 10_000 })).toThrow('1–9999');
    expect(() => itemCode('x', 0)).toThrow('1–9999');
  });
});
