import { idNumberCheckCharacter, maskIdNumber } from '@app/domain';

import { meansMisfits, summariseMeans } from './declared-means';

describe('declared means on a re-check record', () => {
  const valid = (first17: string) => first17 + idNumberCheckCharacter(first17);
  const head = valid('22010219500101001');
  const child = valid('22010219850315002');

  it('prints every income, deduction and asset with its amount, period and masked member', () => {
    expect(
      summariseMeans({
        incomes: [{ memberIdNumber: head, category: 'WAGES', amountFen: 250_000, period: 'MONTH' }],
        deductions: [{ memberIdNumber: child, category: 'RIGID_MEDICAL', amountFen: 1_200_000, period: 'YEAR' }],
        assets: [{ type: 'VEHICLE', valueFen: 3_000_000, quantity: 1 }],
      }),
    ).toBe(
      `收入：工资性收入2500.00元/月（${maskIdNumber(head)}）；` +
        `扣减支出：刚性医疗支出12000.00元/年（${maskIdNumber(child)}）；财产：机动车辆1项30000.00元`,
    );
    expect(summariseMeans({})).toBe('收入：无；扣减支出：无；财产：无');
  });

  it('counts what is past the twentieth item instead of listing it', () => {
    const incomes = Array.from({ length: 25 }, () => ({
      memberIdNumber: head,
      category: 'OTHER' as const,
      amountFen: 100,
      period: 'MONTH' as const,
    }));
    const printed = summariseMeans({ incomes });
    expect(printed.match(/其他收入/g)).toHaveLength(20);
    expect(printed).toContain('等25项；');
  });

  it('names each amount of someone outside the household by its field', () => {
    const members = new Set([head]);
    expect(
      meansMisfits(
        {
          incomes: [
            { memberIdNumber: head, category: 'WAGES', amountFen: 1, period: 'MONTH' },
            { memberIdNumber: child, category: 'WAGES', amountFen: 1, period: 'MONTH' },
          ],
          deductions: [{ memberIdNumber: child, category: 'RIGID_MEDICAL', amountFen: 1, period: 'MONTH' }],
        },
        members,
        'means',
      ),
    ).toEqual([
      { field: 'means.incomes[1].memberIdNumber', messages: ['收入所属人员不是本家庭的成员'] },
      { field: 'means.deductions[0].memberIdNumber', messages: ['支出所属人员不是本家庭的成员'] },
    ]);
    expect(
      meansMisfits(
        { incomes: [{ memberIdNumber: head, category: 'WAGES', amountFen: 1, period: 'MONTH' }] },
        members,
        'means',
      ),
    ).toEqual([]);
  });
});
