import { emptyReview, reviewBody } from './review-body';

describe('a periodic review as a request body', () => {
  it('keeps the household’s cycle unless one is chosen, and sends the summary trimmed', () => {
    const draft = { ...emptyReview('2026-11-29'), summary: ' 收入、人口无变化 ' };
    expect(reviewBody(draft)).toEqual({ reviewedOn: '2026-11-29', finding: 'NO_CHANGE', summary: '收入、人口无变化' });
    expect(reviewBody({ ...draft, finding: 'CHANGE_NEEDED', intervalMonths: '6' })).toEqual({
      reviewedOn: '2026-11-29',
      finding: 'CHANGE_NEEDED',
      summary: '收入、人口无变化',
      intervalMonths: 6,
    });
  });
});
