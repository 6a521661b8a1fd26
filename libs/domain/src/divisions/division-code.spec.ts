import { divisionAncestor, divisionLevel, divisionWithin } from './division-code';

describe('divisionLevel', () => {
  it.each([
    ['22', 1],
    ['2201', 2],
    ['220102', 3],
    ['220102001', 4],
    ['220102001001', 5],
  ])('gives %s level %d', (code, level) => {
    expect(divisionLevel(code)).toBe(level);
  });

  it('gives undefined for lengths that are no level and for non-digits', () => {
    expect(divisionLevel('2201020')).toBeUndefined();
    expect(divisionLevel('22a102')).toBeUndefined();
  });
});

describe('divisionAncestor', () => {
  it('cuts a community code to its street and county', () => {
    expect(divisionAncestor('220102001001', 4)).toBe('220102001');
    expect(divisionAncestor('220102001001', 3)).toBe('220102');
  });

  it('refuses an ancestor below the code itself', () => {
    expect(() => divisionAncestor('220102', 4)).toThrow(RangeError);
  });
});

describe('divisionWithin', () => {
  it('is true inside the scope and false outside', () => {
    expect(divisionWithin('220102001001', '220102')).toBe(true);
    expect(divisionWithin('220103001001', '220102')).toBe(false);
  });
});
