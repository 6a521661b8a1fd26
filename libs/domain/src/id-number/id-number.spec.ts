import { checkIdNumber, idNumberCheckCharacter, maskIdNumber, upgradeLegacyIdNumber } from './id-number';

const today = new Date('2026-11-26T00:00:00Z');
const withCheck = (first17: string) => first17 + idNumberCheckCharacter(first17);

describe('checkIdNumber', () => {
  it('accepts a number whose check character matches, with its kind, birth date and sex', () => {
    expect(checkIdNumber('11010519491231002X', today)).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      kind: 'CITIZEN',
      birthDate: '1949-12-31',
      sex: 'F',
    });
  });

  it('normalises a lower-case x before checking', () => {
    expect(checkIdNumber('11010519491231002x', today)).toMatchObject({ valid: true, normalized: '11010519491231002X' });
  });

  it('rejects a wrong check character and names the expected one', () => {
    const result = checkIdNumber('110105194912310021', today);
    expect(result).toMatchObject({ valid: false, problem: 'CHECK_CHARACTER' });
    expect(result.reason).toContain('应为X');
  });

  it('rejects a birth date that does not exist or lies in the future', () => {
    expect(checkIdNumber(withCheck('22010219990230001'), today).problem).toBe('BIRTH_DATE');
    expect(checkIdNumber(withCheck('22010220270101001'), today).problem).toBe('BIRTH_DATE');
  });

  it('rejects anything that is neither 18 characters nor 15 digits', () => {
    expect(checkIdNumber('22010219800101', today).problem).toBe('FORMAT');
    expect(checkIdNumber('2201021980010100AX', today).problem).toBe('FORMAT');
  });

  it('rejects an unknown province and, given the division table, an unknown address code', () => {
    expect(checkIdNumber(withCheck('99010219800101001'.replace(/^99/, '10')), today)).toMatchObject({
      problem: 'ADDRESS_CODE',
    });
    const known = (code: string) => code === '220102';
    expect(checkIdNumber(withCheck('22010219800101001'), { today, isKnownAddressCode: known }).valid).toBe(true);
    const unknown = checkIdNumber(withCheck('22019919800101001'), { today, isKnownAddressCode: known });
    expect(unknown).toMatchObject({ valid: false, problem: 'ADDRESS_CODE' });
    expect(unknown.reason).toContain('220199');
  });

  it('upgrades a legacy 15-digit number to 18 characters', () => {
    expect(upgradeLegacyIdNumber('110105491231002')).toBe('11010519491231002X');
    expect(checkIdNumber('110105491231002', today)).toMatchObject({
      valid: true,
      normalized: '11010519491231002X',
      upgraded: true,
    });
  });

  it('recognises Hong Kong, Macao and Taiwan residence-permit numbers and foreign permanent-residence numbers', () => {
    expect(checkIdNumber(withCheck('81000019900101001'), today)).toMatchObject({
      valid: true,
      kind: 'RESIDENCE_PERMIT',
    });
    expect(checkIdNumber(withCheck('83000019900101001'), today)).toMatchObject({
      valid: true,
      kind: 'RESIDENCE_PERMIT',
    });
    expect(checkIdNumber(withCheck('93315619900101001'), { today, isKnownAddressCode: () => false })).toMatchObject({
      valid: true,
      kind: 'FOREIGN_PERMANENT_RESIDENCE',
    });
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
