import fc from 'fast-check';

import { assessHousehold, type AssessmentInput, type Policy, type Standard } from './assessment';
import { INCOME_CATEGORY_CODES } from '../household/means-codes';

const standard: Standard = { id: 'std', amountFen: 66_000, period: 'MONTH' };
const policy: Policy = {
  id: 'policy',
  method: 'GAP',
  supplements: [
    { category: 'ELDERLY', perMilleOfStandard: 100 },
    { category: 'SEVERELY_DISABLED', perMilleOfStandard: 300 },
    { category: 'MINOR', fixedFen: 5_000 },
    { category: 'SERIOUSLY_ILL', perMilleOfStandard: 200 },
  ],
  rounding: { unitFen: 1, mode: 'DOWN' },
  deductible: ['RIGID_MEDICAL'],
  moneyAssetMultipleOfAnnualStandard: 3,
  maxDwellings: 1,
  marginPerMille: 1500,
};

const ids = ['220102198001010012', '220102198202020021', '220102201001010033', '220102195001010044'];
const memberArb = fc.record({
  birthDate: fc.constantFrom('1940-03-01', '1965-07-15', '1990-12-31', '2012-05-05'),
  disabilityGrade: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  health: fc.constantFrom('HEALTHY' as const, 'CHRONIC_ILLNESS' as const, 'SERIOUS_ILLNESS' as const),
});
const incomeArb = fc.record({
  category: fc.constantFrom(...INCOME_CATEGORY_CODES),
  amountFen: fc.integer({ min: 0, max: 2_000_000 }),
  period: fc.constantFrom('MONTH' as const, 'YEAR' as const),
});
const householdArb = fc
  .record({
    members: fc.array(memberArb, { minLength: 1, maxLength: 4 }),
    incomes: fc.array(incomeArb, { maxLength: 6 }),
    deposit: fc.integer({ min: 0, max: 10_000_000 }),
  })
  .map(({ members, incomes, deposit }): AssessmentInput => ({
    members: members.map((m, i) => ({ ...m, idNumber: ids[i] })),
    incomes: incomes.map((income) => ({ ...income, memberIdNumber: ids[0] })),
    deductions: [],
    assets: deposit > 0 ? [{ type: 'DEPOSIT', valueFen: deposit }] : [],
    at: '2026-11-26',
  }));

describe('assessHousehold invariants (property-based)', () => {
  it('never pays more than the standard × members + supplements, and never a negative amount', () => {
    fc.assert(
      fc.property(householdArb, (input) => {
        const result = assessHousehold(input, standard, policy);
        expect(result.totalFen).toBeGreaterThanOrEqual(0);
        expect(result.totalFen).toBeLessThanOrEqual(standard.amountFen * input.members.length + result.supplementsFen);
        expect(result.eligible || result.totalFen === 0).toBe(true);
        expect(result.baseFen + result.supplementsFen).toBeGreaterThanOrEqual(result.totalFen);
      }),
    );
  });

  it('raising a counted income never raises the benefit', () => {
    fc.assert(
      fc.property(
        householdArb,
        fc.constantFrom('WAGES' as const, 'BUSINESS' as const, 'PROPERTY' as const, 'TRANSFER' as const),
        fc.integer({ min: 1, max: 1_000_000 }),
        (input, category, extra) => {
          const before = assessHousehold(input, standard, policy);
          const raised = {
            ...input,
            incomes: [
              ...input.incomes,
              { memberIdNumber: ids[0], category, amountFen: extra, period: 'MONTH' as const },
            ],
          };
          const after = assessHousehold(raised, standard, policy);
          expect(after.totalFen).toBeLessThanOrEqual(before.totalFen);
          expect(after.perCapitaIncomeFen).toBeGreaterThanOrEqual(before.perCapitaIncomeFen);
        },
      ),
    );
  });

  it('items the policy excludes never change the result', () => {
    const wagesOnly: Policy = { ...policy, countedIncome: ['WAGES'] };
    fc.assert(
      fc.property(householdArb, fc.integer({ min: 1, max: 5_000_000 }), (input, amount) => {
        const before = assessHousehold(input, standard, wagesOnly);
        const withExcluded = {
          ...input,
          incomes: [
            ...input.incomes,
            { memberIdNumber: ids[0], category: 'NOT_COUNTED' as const, amountFen: amount, period: 'MONTH' as const },
            { memberIdNumber: ids[0], category: 'TRANSFER' as const, amountFen: amount, period: 'YEAR' as const },
          ],
        };
        const after = assessHousehold(withExcluded, standard, wagesOnly);
        const figures = ({ rules: _rules, ...rest }: typeof before) => rest;
        expect(figures(after)).toEqual(figures(before));
      }),
    );
  });

  it('is deterministic: the same inputs and versions give the same result', () => {
    fc.assert(
      fc.property(householdArb, (input) => {
        expect(assessHousehold(input, standard, policy)).toEqual(
          assessHousehold(structuredClone(input), standard, policy),
        );
      }),
    );
  });
});
