import { maskBankAccount, maskPersonalDataInText, maskPhone } from './masking';

describe('maskBankAccount', () => {
  it('keeps the last 4 digits only', () => {
    expect(maskBankAccount('6222 0212 3456 7890 123')).toBe('***************0123');
    expect(maskBankAccount('123')).toBe('***');
  });
});

describe('maskPhone', () => {
  it('masks a mobile number in the middle', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps only the last 4 digits of other numbers', () => {
    expect(maskPhone('0431-88881234')).toBe('****-****1234');
  });
});

describe('maskPersonalDataInText', () => {
  it('masks ID numbers, bank accounts and mobiles inside text', () => {
    const text = 'Key (head_id_number)=(11010519491231002X) 账户 6222021234567890123 电话 13812345678';
    expect(maskPersonalDataInText(text)).toBe(
      'Key (head_id_number)=(110105********002X) 账户 ***************0123 电话 138****5678',
    );
  });

  it('leaves application numbers, dates and division codes alone', () => {
    const text = 'SQ-220102-2026-000001 220102001001 2026-11-26';
    expect(maskPersonalDataInText(text)).toBe(text);
  });
});
