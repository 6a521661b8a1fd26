import type { DossierBenefit, DossierSection } from '@app/contracts';

import { statusOf } from './dossier.service';

const ok = <T>(data: T): DossierSection<T> => ({ status: 'OK', ms: 1, data });
const benefit = (status: DossierBenefit['status'], lastMonth: string | null) =>
  ok({ status, lastMonth } as DossierBenefit);

describe('the household status of a dossier', () => {
  it('tells a benefit being paid, one stopped, and one whose stop is decided but not reached', () => {
    const status = (section: DossierSection<DossierBenefit | null>) => statusOf(ok([]), ok([]), section, '2026-11');
    expect(status(benefit('ACTIVE', null))).toMatchObject({ code: 'ENROLLED', label: '享受低保中' });
    expect(status(benefit('SUSPENDED', null))).toMatchObject({ code: 'SUSPENDED' });
    expect(status(benefit('TERMINATED', '2026-10'))).toMatchObject({ code: 'ENDED', label: '已停保' });
    // A gradual exit (渐退) decided: still paid through its last month.
    expect(status(benefit('TERMINATED', '2026-11'))).toMatchObject({
      code: 'ENROLLED',
      label: '享受低保中，2026-11后停发',
    });
    expect(status(benefit('TERMINATED', '2027-02'))).toMatchObject({ code: 'ENROLLED' });
    expect(status(ok(null))).toMatchObject({ code: 'NONE', label: '未申请' });
  });

  it('says a benefit still paid to a household with nobody left in it is to be stopped', () => {
    const ended = ok({ status: 'ENDED' });
    expect(statusOf(ok([]), ok([]), benefit('ACTIVE', null), '2026-11', ended)).toEqual({
      code: 'ENROLLED',
      label: '享受低保中（家庭已无在册成员，待县级民政部门作出停发决定）',
      stage: null,
    });
    expect(statusOf(ok([]), ok([]), benefit('TERMINATED', '2026-10'), '2026-11', ended)).toMatchObject({
      label: '已停保',
    });
    expect(statusOf(ok([]), ok([]), benefit('ACTIVE', null), '2026-11', ok({ status: 'ACTIVE' }))).toMatchObject({
      label: '享受低保中',
    });
  });
});
