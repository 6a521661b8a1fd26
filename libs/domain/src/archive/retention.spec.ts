import { extendRetention, lastDayToKeep } from './retention';

describe('retention periods', () => {
  it('keeps a file five full years from the day benefits ended', () => {
    expect(lastDayToKeep('2019-01-01', 5)).toBe('2023-12-31');
    expect(lastDayToKeep('2020-03-01', 5)).toBe('2025-02-28');
  });

  it('extends a period by whole years from the day after it ended', () => {
    expect(extendRetention('2023-12-31', 2)).toBe('2025-12-31');
    expect(extendRetention('2024-02-28', 1)).toBe('2025-02-28');
  });
});
