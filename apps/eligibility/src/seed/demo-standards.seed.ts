import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * Demo data (local stack only): 长春市 (2201) at the 2024 Jilin minimum guiding standard, tier 1 — urban 770,
 * rural 500 yuan per person per month (domain §2.2) — and a demo calculation policy. Not a legal source.
 */
export async function seedDemoStandards(orm: MikroORM): Promise<string> {
  const connection = orm.em.getConnection();
  const standards: Array<[string, number]> = [
    ['URBAN', 77_000],
    ['RURAL', 50_000],
  ];
  let added = 0;
  for (const [urbanRural, amountFen] of standards) {
    const rows = await connection.execute<Array<{ id: string }>>(
      `insert into eligibility.standard (id, created_at, updated_at, division_code, urban_rural, effective_from, amount_fen, period, note)
       select gen_random_uuid(), now(), now(), '2201', ?, '2024-07-01', ?, 'MONTH', '演示数据：吉林省2024年最低指导标准第一档（长春市）'
        where not exists (select 1 from eligibility.standard where division_code = '2201' and urban_rural = ? and effective_from = '2024-07-01')
       returning id`,
      [urbanRural, amountFen, urbanRural],
    );
    added += rows.length;
  }
  const rules = {
    method: 'GAP',
    supplements: [
      { category: 'ELDERLY', perMilleOfStandard: 100 },
      { category: 'MINOR', perMilleOfStandard: 100 },
      { category: 'SEVERELY_DISABLED', perMilleOfStandard: 300 },
      { category: 'SERIOUSLY_ILL', perMilleOfStandard: 200 },
    ],
    rounding: { unitFen: 100, mode: 'UP' },
    deductible: ['RIGID_MEDICAL', 'RIGID_DISABILITY', 'EMPLOYMENT_COST'],
    moneyAssetMultipleOfAnnualStandard: 3,
    maxDwellings: 1,
    marginPerMille: 1500,
  };
  const policies = await connection.execute<Array<{ id: string }>>(
    `insert into eligibility.policy (id, created_at, updated_at, division_code, effective_from, rules)
     select gen_random_uuid(), now(), now(), '2201', '2024-07-01', ?::jsonb
      where not exists (select 1 from eligibility.policy where division_code = '2201' and effective_from = '2024-07-01')
     returning id`,
    [JSON.stringify(rules)],
  );
  return `demo standards and policy: ${added + policies.length} added`;
}
