import { addMonthsToDay, reviewDueAfterMemberChange, reviewIntervalFor } from './review-schedule';

describe('periodic review schedule', () => {
  it('reviews a household with a member able to work every six months, any other yearly', () => {
    expect(reviewIntervalFor([{ workCapacity: 'NONE' }, { workCapacity: 'PARTIAL' }])).toBe(6);
    expect(reviewIntervalFor([{ workCapacity: 'FULL' }])).toBe(6);
    expect(reviewIntervalFor([{ workCapacity: 'NONE' }, { workCapacity: 'NONE' }])).toBe(12);
    expect(reviewIntervalFor([])).toBe(12);
  });

  it('adds months to a day, the 31st of a shorter month falling on its last day', () => {
    expect(addMonthsToDay('2026-11-28', 12)).toBe('2027-11-28');
    expect(addMonthsToDay('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsToDay('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonthsToDay('2026-12-15', 1)).toBe('2027-01-15');
  });

  it('has a change of members reviewed within three months of it', () => {
    expect(reviewDueAfterMemberChange('2026-11-20')).toBe('2027-02-20');
    expect(reviewDueAfterMemberChange('2026-11-30')).toBe('2027-02-28');
  });
});
