import { assessHousehold, type AssessmentInput, monthly, type Policy, type Standard } from './assessment';

// 长春 2024 urban minimum guiding standard, tier 1: 770 yuan per person per month (domain §2.2) — demo figures.
const standard: Standard = { id: 'std-220102-urban-2024', amountFen: 77_000, period: 'MONTH' };
const policy: Policy = {
  id: 'policy-demo-1',
  method: 'GAP',
  supplements: [
    { category: 'ELDERLY', perMilleOfStandard: 100 },
    { category: 'SEVERELY_DISABLED', perMilleOfStandard: 300 },
    { category: 'MINOR', fixedFen: 5_000 },
  ],
  rounding: { unitFen: 100, mode: 'UP' },
  deductible: ['RIGID_MEDICAL', 'RIGID_DISABILITY', 'EMPLOYMENT_COST'],
  moneyAssetMultipleOfAnnualStandard: 3,
  maxDwellings: 1,
  marginPerMille: 1500,
};
const member = (idNumber: string, birthDate: string, extra: Partial<AssessmentInput['members'][number]> = {}) => ({
  idNumber,
  birthDate,
  health: 'HEALTHY' as const,
  ...extra,
});
const household = (overrides: Partial<AssessmentInput> = {}): AssessmentInput => ({
  members: [
    member('220102198001010012', '1980-01-01'),
    member('220102198202020021', '1982-02-02'),
    member('220102201001010033', '2010-01-01'),
  ],
  incomes: [{ memberIdNumber: '220102198001010012', category: 'WAGES', amountFen: 90_000, period: 'MONTH' }],
  deductions: [],
  assets: [],
  at: '2026-11-26',
  ...overrides,
});

describe('assessHousehold', () => {
  it('pays the gap times the household size (domain §2.1 worked example shape)', () => {
    const result = assessHousehold(household(), standard, { ...policy, supplements: [] });
    // 900 yuan / 3 = 300 per capita; (770 − 300) × 3 = 1,410 yuan.
    expect(result).toMatchObject({
      eligible: true,
      perCapitaIncomeFen: 30_000,
      baseFen: 141_000,
      supplementsFen: 0,
      totalFen: 141_000,
    });
    expect(result.rules.find((rule) => rule.code === 'BASE_GAP')?.text).toBe(
      '按差额计算：（770.00元 − 300.00元）× 3人 = 1410.00元',
    );
  });

  it('adds the highest classified supplement per member and rounds the total up to the yuan', () => {
    const members = [
      member('220102195001010012', '1950-01-01', { disabilityGrade: 1 }),
      member('220102201501010021', '2015-01-01'),
    ];
    const result = assessHousehold(household({ members, incomes: [] }), standard, policy);
    // elderly 77.00 vs severely disabled 231.00 → 231.00; minor 50.00.
    expect(result.supplementsFen).toBe(23_100 + 5_000);
    expect(result.baseFen).toBe(154_000);
    expect(result.totalFen).toBe(182_100);
    expect(result.rules.map((rule) => rule.code)).toEqual(
      expect.arrayContaining(['SUPPLEMENT_SEVERELY_DISABLED', 'SUPPLEMENT_MINOR']),
    );
  });

  it('deducts rigid medical spending and ignores income that is not counted', () => {
    const result = assessHousehold(
      household({
        incomes: [
          { memberIdNumber: '220102198001010012', category: 'WAGES', amountFen: 240_000, period: 'MONTH' },
          { memberIdNumber: '220102198001010012', category: 'NOT_COUNTED', amountFen: 999_900, period: 'MONTH' },
        ],
        deductions: [
          { memberIdNumber: '220102198202020021', category: 'RIGID_MEDICAL', amountFen: 600_000, period: 'YEAR' },
        ],
      }),
      standard,
      policy,
    );
    // 2,400 − 500 (6,000 a year) = 1,900 → 633.33 per capita < 770.
    expect(result.householdIncomeFen).toBe(190_000);
    expect(result.perCapitaIncomeFen).toBe(63_333);
    expect(result.eligible).toBe(true);
    expect(result.rules[0].text).toContain('1项不计入收入的款项');
  });

  it('refuses over the standard and flags a margin family below 1.5 times it', () => {
    const result = assessHousehold(
      household({
        incomes: [{ memberIdNumber: '220102198001010012', category: 'WAGES', amountFen: 300_000, period: 'MONTH' }],
      }),
      standard,
      policy,
    );
    // 1,000 per capita: not eligible, but below 1,155 → margin.
    expect(result).toMatchObject({ eligible: false, margin: true, totalFen: 0 });
    expect(result.rules.find((rule) => rule.code === 'INCOME_BELOW_STANDARD')?.passed).toBe(false);
  });

  it('refuses on assets: money over three annual standards per capita, a car, a second dwelling, a shop', () => {
    const cases: Array<[AssessmentInput['assets'], string]> = [
      [[{ type: 'DEPOSIT', valueFen: 3 * 2_772_100 }], 'MONEY_ASSETS'],
      [[{ type: 'VEHICLE', valueFen: 3_000_000 }], 'VEHICLES'],
      [[{ type: 'DWELLING', valueFen: 0, quantity: 2 }], 'DWELLINGS'],
      [[{ type: 'NON_RESIDENTIAL_PROPERTY', valueFen: 1 }], 'BUSINESS_PROPERTY'],
    ];
    for (const [assets, code] of cases) {
      const result = assessHousehold(household({ assets }), standard, policy);
      expect({
        code,
        eligible: result.eligible,
        failed: result.rules.find((rule) => rule.code === code)?.passed,
      }).toEqual({ code, eligible: false, failed: false });
      expect(result.margin).toBe(false);
    }
    const allowed = assessHousehold(
      household({
        assets: [
          { type: 'DISABLED_MOBILITY_VEHICLE', valueFen: 500_000 },
          { type: 'MOTORCYCLE', valueFen: 300_000 },
        ],
      }),
      standard,
      policy,
    );
    expect(allowed.eligible).toBe(true);
  });

  it('pays a band of the standard under the banded method, and lifts to the per-capita floor', () => {
    const banded: Policy = {
      ...policy,
      method: 'BANDED',
      supplements: [],
      bands: [
        { gapUpToPerMille: 300, benefitPerMille: 300 },
        { gapUpToPerMille: 1000, benefitPerMille: 700 },
      ],
    };
    // gap 470 / 770 = 61 % → band 2: 70 % of 770 = 539 per capita × 3.
    expect(assessHousehold(household(), standard, banded).baseFen).toBe(53_900 * 3);
    const floored = assessHousehold(
      household({
        incomes: [{ memberIdNumber: '220102198001010012', category: 'WAGES', amountFen: 225_000, period: 'MONTH' }],
      }),
      standard,
      { ...policy, supplements: [], perCapitaFloorFen: 10_000 },
    );
    // gap 20 per capita lifted to the floor of 100.
    expect(floored.baseFen).toBe(30_000);
  });

  it('gives the same result for the same inputs and names the versions it used', () => {
    const a = assessHousehold(household(), standard, policy);
    const b = assessHousehold(household(), standard, policy);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ standardId: 'std-220102-urban-2024', policyId: 'policy-demo-1' });
  });

  it('works the domain brief example: standard 660, 3 members, household income 900 → 1,080 yuan a month', () => {
    const result = assessHousehold(
      household(),
      { id: 's660', amountFen: 66_000, period: 'MONTH' },
      {
        ...policy,
        supplements: [],
      },
    );
    expect(result).toMatchObject({ eligible: true, perCapitaIncomeFen: 30_000, baseFen: 108_000, totalFen: 108_000 });
  });

  it('income exactly at the standard is not below it', () => {
    const atStandard = household({
      incomes: [{ memberIdNumber: '220102198001010012', category: 'WAGES', amountFen: 231_000, period: 'MONTH' }],
    });
    const result = assessHousehold(atStandard, standard, policy);
    expect(result.perCapitaIncomeFen).toBe(77_000);
    expect(result).toMatchObject({ eligible: false, totalFen: 0 });
    const oneFenLess = household({
      incomes: [{ memberIdNumber: '220102198001010012', category: 'WAGES', amountFen: 230_997, period: 'MONTH' }],
    });
    expect(assessHousehold(oneFenLess, standard, { ...policy, supplements: [] })).toMatchObject({
      eligible: true,
      perCapitaIncomeFen: 76_999,
      baseFen: 3,
      totalFen: 100,
    });
  });

  it('rounds the total per policy: up, nearest or down, to the fen, jiao or yuan', () => {
    // 2,000 + 1 fen / 3 → per capita 666.67 → gap 103.33 × 3 = 309.99 yuan.
    const input = household({
      incomes: [{ memberIdNumber: '220102198001010012', category: 'WAGES', amountFen: 200_001, period: 'MONTH' }],
    });
    const total = (rounding: Policy['rounding']) =>
      assessHousehold(input, standard, { ...policy, supplements: [], rounding }).totalFen;
    expect(total({ unitFen: 1, mode: 'DOWN' })).toBe(30_999);
    expect(total({ unitFen: 100, mode: 'UP' })).toBe(31_000);
    expect(total({ unitFen: 100, mode: 'DOWN' })).toBe(30_900);
    expect(total({ unitFen: 10, mode: 'NEAREST' })).toBe(31_000);
  });

  it('counts only the income items the jurisdiction counts', () => {
    const input = household({
      incomes: [
        { memberIdNumber: '220102198001010012', category: 'WAGES', amountFen: 90_000, period: 'MONTH' },
        { memberIdNumber: '220102198001010012', category: 'TRANSFER', amountFen: 60_000, period: 'MONTH' },
      ],
    });
    expect(assessHousehold(input, standard, policy).householdIncomeFen).toBe(150_000);
    const wagesOnly = assessHousehold(input, standard, { ...policy, countedIncome: ['WAGES'] });
    expect(wagesOnly.householdIncomeFen).toBe(90_000);
    expect(wagesOnly.rules[0].text).toContain('1项不计入收入的款项');
  });

  it('counts a member as elderly from the 60th birthday, not the day before', () => {
    const elderly = (birthDate: string) =>
      assessHousehold(
        household({ members: [member('220102196611260012', birthDate)], incomes: [] }),
        standard,
        policy,
      ).rules.some((rule) => rule.code === 'SUPPLEMENT_ELDERLY');
    expect(elderly('1966-11-26')).toBe(true);
    expect(elderly('1966-11-27')).toBe(false);
    expect(elderly('1966-12-01')).toBe(false);
  });

  it('converts yearly amounts to months, rounding down', () => {
    expect(monthly({ amountFen: 100_001, period: 'YEAR' })).toBe(8_333);
    expect(monthly({ amountFen: 500, period: 'MONTH' })).toBe(500);
  });
});
