import { checkIdNumber, idNumberCheckCharacter, maskIdNumber } from './id-number';

describe('checkIdNumber', () => {
  const today = new Date('2026-11-26T00:00:00Z');

  it('accepts a number whose check character matches', () => {
    expect(checkIdNumber('11010519491231002X', today)).toEqual({ valid: true, normalized: '11010519491231002X' });
  });

  it('normalises a lower-case x before checking', () => {
    expect(checkIdNumber('11010519491231002x', today).normalized).toBe('11010519491231002X');
    expect(checkIdNumber('11010519491231002x', today).valid).toBe(true);
  });

  it('rejects a wrong check character and names the expected one', () => {
    const result = checkIdNumber('110105194912310021', today);
    expect(result.valid).toBe(false);
    expect(result.problem).toBe('CHECK_CHARACTER');
    expect(result.reason).toContain('应为X');
  });

  it('rejects a birth date that does not exist', () => {
    const first17 = '22010219990230001';
    const result = checkIdNumber(first17 + idNumberCheckCharacter(first17), today);
    expect(result.problem).toBe('BIRTH_DATE');
  });

  it('rejects a birth date in the future', () => {
    const first17 = '22010220270101001';
    expect(checkIdNumber(first17 + idNumberCheckCharacter(first17), today).problem).toBe('BIRTH_DATE');
  });

  it('rejects anything that is not 17 digits and a check character', () => {
    expect(checkIdNumber('22010219800101', today).problem).toBe('FORMAT');
    expect(checkIdNumber('2201021980010100AX', today).problem).toBe('FORMAT');
  });
});

describe('maskIdNumber', () => {
  it('keeps the address code and the last four characters of an 18-character number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('masks a 15-digit legacy number the same way', () => {
    expect(maskIdNumber('110105491231002')).toBe('110105*****1002');
  });

  it('masks unrecognised input entirely', () => {
    expect(maskIdNumber('12345')).toBe('*****');
  });
});
