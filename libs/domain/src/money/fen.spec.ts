import { formatYuan, parseYuan } from './fen';

describe('formatYuan', () => {
  it('formats whole and fractional yuan', () => {
    expect(formatYuan(77000)).toBe('770.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(-1234)).toBe('-12.34');
  });

  it('refuses fractions of a fen', () => {
    expect(() => formatYuan(1.5)).toThrow(RangeError);
  });
});

describe('parseYuan', () => {
  it('reads yuan with up to two decimals into fen, exactly', () => {
    expect(parseYuan('770')).toBe(77000);
    expect(parseYuan(' 770.5 ')).toBe(77050);
    expect(parseYuan('0.07')).toBe(7);
    expect(parseYuan('1,200.10')).toBe(120010);
    // 0.29 * 100 is 28.999999999999996 in floating point: read as digits, it is 29 fen.
    expect(parseYuan('0.29')).toBe(29);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', '-5', '1.234', 'abc', '1e3', '.5', '5.']) {
      expect(parseYuan(text)).toBeNull();
    }
  });
});
