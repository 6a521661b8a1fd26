import { maskPersonalDataInText } from '@app/domain';

describe('maskPersonalDataInText', () => {
  it('masks every ID number inside free text', () => {
    expect(maskPersonalDataInText('申请人 11010519491231002X 与 220102198001010012')).toBe(
      '申请人 110105********002X 与 220102********0012',
    );
  });

  it('leaves other numbers alone', () => {
    expect(maskPersonalDataInText('编号 SQ-220102-2026-000001')).toBe('编号 SQ-220102-2026-000001');
  });
});
