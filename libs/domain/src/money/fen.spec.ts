import { formatYuan } from './fen';

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
