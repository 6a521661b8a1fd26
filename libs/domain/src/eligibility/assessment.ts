import type { HealthState } from '../household/household-codes';
import type { AssetType, DeductionCategory, IncomeCategory } from '../household/means-codes';
import type { Fen } from '../money/fen';
import { formatYuan } from '../money/fen';

/**
 * The means test and benefit of one household (domain §2), pure and deterministic: same inputs and versions,
 * same result. Money is integer fen; every rule that fires is explained in Chinese with its figures.
 */
export type Period = 'MONTH' | 'YEAR';

export interface AssessedMember {
  idNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
  disabilityGrade?: number | null;
  health: HealthState;
}

export interface Amount {
  memberIdNumber: string;
  amountFen: Fen;
  period: Period;
}

export interface AssessmentInput {
  members: AssessedMember[];
  incomes: Array<Amount & { category: IncomeCategory }>;
  deductions: Array<Amount & { category: DeductionCategory }>;
  assets: Array<{ type: AssetType; valueFen: Fen; quantity?: number }>;
  /** The day the assessment is made for (ages are counted on it). */
  at: string;
}

/** The local standard (低保标准) per person. */
export interface Standard {
  id: string;
  amountFen: Fen;
  period: Period;
}

export type SupplementCategory = 'ELDERLY' | 'MINOR' | 'SEVERELY_DISABLED' | 'SERIOUSLY_ILL';

export interface Policy {
  id: string;
  method: 'GAP' | 'BANDED';
  /** BANDED: by per-capita gap as a share of the standard (per mille, ascending), the benefit as a share of the standard. */
  bands?: Array<{ gapUpToPerMille: number; benefitPerMille: number }>;
  /** Per member, the highest applicable one is paid: a share of the standard (per mille) or a fixed amount. */
  supplements: Array<{ category: SupplementCategory; perMilleOfStandard?: number; fixedFen?: Fen }>;
  /** Optional floor of the per-capita top-up (人均补差不低于). */
  perCapitaFloorFen?: Fen;
  /** Rounding of the monthly total: to 1 fen, 1 jiao (10) or 1 yuan (100); UP favours the household. */
  rounding: { unitFen: 1 | 10 | 100; mode: 'UP' | 'NEAREST' | 'DOWN' };
  /** Income categories counted (domain §2.3); absent: DEFAULT_COUNTED_INCOME. NOT_COUNTED is never counted. */
  countedIncome?: IncomeCategory[];
  deductible: DeductionCategory[];
  /** Money assets per capita at most this many times the annual standard. */
  moneyAssetMultipleOfAnnualStandard: number;
  maxDwellings: number;
  /** Margin families: per-capita income below this share of the standard (per mille; 1500 = 1.5×). */
  marginPerMille: number;
}

export interface RuleOutcome {
  code: string;
  passed: boolean;
  /** What was decided and with which figures, in Chinese. */
  text: string;
}

export interface AssessmentResult {
  eligible: boolean;
  margin: boolean;
  householdSize: number;
  householdIncomeFen: Fen;
  perCapitaIncomeFen: Fen;
  standardFen: Fen;
  baseFen: Fen;
  supplementsFen: Fen;
  totalFen: Fen;
  rules: RuleOutcome[];
  standardId: string;
  policyId: string;
}

export const DEFAULT_COUNTED_INCOME: IncomeCategory[] = ['WAGES', 'BUSINESS', 'PROPERTY', 'TRANSFER', 'OTHER'];
const MONEY_ASSETS: AssetType[] = ['DEPOSIT', 'SECURITIES', 'COMMERCIAL_INSURANCE', 'CLAIM', 'INTERNET_FINANCE'];
const y = (fen: Fen) => `${formatYuan(fen)}元`;

/** Monthly amount in fen; yearly amounts are divided by 12 and rounded down. */
export function monthly(amount: { amountFen: Fen; period: Period }): Fen {
  return amount.period === 'MONTH' ? amount.amountFen : Math.floor(amount.amountFen / 12);
}

/** Whole years between two YYYY-MM-DD dates (the month-day part compares as a string). */
function ageOn(birthDate: string, at: string): number {
  const years = Number(at.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return at.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

function round(fen: Fen, rule: Policy['rounding']): Fen {
  const units = fen / rule.unitFen;
  const rounded = rule.mode === 'UP' ? Math.ceil(units) : rule.mode === 'DOWN' ? Math.floor(units) : Math.round(units);
  return rounded * rule.unitFen;
}

function supplementCategories(member: AssessedMember, at: string): SupplementCategory[] {
  const age = ageOn(member.birthDate, at);
  const categories: SupplementCategory[] = [];
  if (age >= 60) {
    categories.push('ELDERLY');
  }
  if (age < 18) {
    categories.push('MINOR');
  }
  if (member.disabilityGrade === 1 || member.disabilityGrade === 2) {
    categories.push('SEVERELY_DISABLED');
  }
  if (member.health === 'SERIOUS_ILLNESS') {
    categories.push('SERIOUSLY_ILL');
  }
  return categories;
}

const SUPPLEMENT_LABELS: Record<SupplementCategory, string> = {
  ELDERLY: '老年人',
  MINOR: '未成年人',
  SEVERELY_DISABLED: '重度残疾人',
  SERIOUSLY_ILL: '重病患者',
};

export function assessHousehold(input: AssessmentInput, standard: Standard, policy: Policy): AssessmentResult {
  const rules: RuleOutcome[] = [];
  const size = input.members.length;
  if (size === 0) {
    throw new RangeError('a household has at least one member');
  }
  const standardFen = monthly(standard);

  const countedCategories: IncomeCategory[] = (policy.countedIncome ?? DEFAULT_COUNTED_INCOME).filter(
    (c) => c !== 'NOT_COUNTED',
  );
  const counted = input.incomes.filter((income) => countedCategories.includes(income.category));
  const ignored = input.incomes.filter((income) => !countedCategories.includes(income.category));
  const grossFen = counted.reduce((sum, income) => sum + monthly(income), 0);
  const deductibleFen = input.deductions
    .filter((d) => policy.deductible.includes(d.category))
    .reduce((sum, d) => sum + monthly(d), 0);
  const householdIncomeFen = Math.max(0, grossFen - deductibleFen);
  const perCapitaIncomeFen = Math.floor(householdIncomeFen / size);
  rules.push({
    code: 'INCOME',
    passed: true,
    text:
      `家庭月收入按计入项目合计${y(grossFen)}` +
      (deductibleFen > 0 ? `，扣减刚性支出和就业成本${y(deductibleFen)}` : '') +
      (ignored.length > 0 ? `（另有${ignored.length}项不计入收入的款项未计入）` : '') +
      `，为${y(householdIncomeFen)}；共同生活家庭成员${size}人，人均月收入${y(perCapitaIncomeFen)}`,
  });

  const incomeEligible = perCapitaIncomeFen < standardFen;
  rules.push({
    code: 'INCOME_BELOW_STANDARD',
    passed: incomeEligible,
    text: incomeEligible
      ? `人均月收入${y(perCapitaIncomeFen)}低于当地低保标准${y(standardFen)}`
      : `人均月收入${y(perCapitaIncomeFen)}不低于当地低保标准${y(standardFen)}，不符合收入条件`,
  });

  const moneyFen = input.assets.filter((a) => MONEY_ASSETS.includes(a.type)).reduce((sum, a) => sum + a.valueFen, 0);
  const moneyPerCapita = Math.floor(moneyFen / size);
  const moneyLimit = standardFen * 12 * policy.moneyAssetMultipleOfAnnualStandard;
  const moneyOk = moneyPerCapita <= moneyLimit;
  rules.push({
    code: 'MONEY_ASSETS',
    passed: moneyOk,
    text: `人均金融资产${y(moneyPerCapita)}${moneyOk ? '未超过' : '超过'}当地年低保标准的${policy.moneyAssetMultipleOfAnnualStandard}倍（${y(moneyLimit)}）`,
  });
  const vehicles = input.assets.filter((a) => a.type === 'VEHICLE' || a.type === 'VESSEL');
  rules.push({
    code: 'VEHICLES',
    passed: vehicles.length === 0,
    text:
      vehicles.length === 0
        ? '无机动车辆、船舶（残疾人功能性补偿代步机动车辆、摩托车除外）'
        : `有机动车辆或船舶${vehicles.length}项，不符合财产条件`,
  });
  const dwellings = input.assets.filter((a) => a.type === 'DWELLING').reduce((sum, a) => sum + (a.quantity ?? 1), 0);
  rules.push({
    code: 'DWELLINGS',
    passed: dwellings <= policy.maxDwellings,
    text: `住房${dwellings}套，当地规定不超过${policy.maxDwellings}套`,
  });
  const other = input.assets.filter((a) => a.type === 'NON_RESIDENTIAL_PROPERTY' || a.type === 'BUSINESS_REGISTRATION');
  rules.push({
    code: 'BUSINESS_PROPERTY',
    passed: other.length === 0,
    text: other.length === 0 ? '无非住宅房产和工商注册登记' : '有非住宅房产或工商注册登记，不符合财产条件',
  });
  const assetsOk = rules
    .filter((rule) => ['MONEY_ASSETS', 'VEHICLES', 'DWELLINGS', 'BUSINESS_PROPERTY'].includes(rule.code))
    .every((rule) => rule.passed);
  const eligible = incomeEligible && assetsOk;

  let baseFen = 0;
  let supplementsFen = 0;
  if (eligible) {
    const gap = standardFen - perCapitaIncomeFen;
    if (policy.method === 'GAP') {
      baseFen = gap * size;
      rules.push({
        code: 'BASE_GAP',
        passed: true,
        text: `按差额计算：（${y(standardFen)} − ${y(perCapitaIncomeFen)}）× ${size}人 = ${y(baseFen)}`,
      });
    } else {
      const share = Math.floor((gap * 1000) / standardFen);
      const band =
        (policy.bands ?? []).find((b) => share <= b.gapUpToPerMille) ?? policy.bands?.[policy.bands.length - 1];
      const perCapita = Math.floor((standardFen * (band?.benefitPerMille ?? 0)) / 1000);
      baseFen = perCapita * size;
      rules.push({
        code: 'BASE_BANDED',
        passed: true,
        text: `按分档计算：人均差额占标准${(share / 10).toFixed(1)}%，适用档次按标准的${((band?.benefitPerMille ?? 0) / 10).toFixed(1)}%发放，${y(perCapita)} × ${size}人 = ${y(baseFen)}`,
      });
    }
    if (policy.perCapitaFloorFen !== undefined && baseFen < policy.perCapitaFloorFen * size) {
      rules.push({
        code: 'FLOOR',
        passed: true,
        text: `人均补差不低于${y(policy.perCapitaFloorFen)}，保障金提高到${y(policy.perCapitaFloorFen * size)}`,
      });
      baseFen = policy.perCapitaFloorFen * size;
    }
    // The amount of each category once; per member the highest of its categories is paid.
    const amountOf = new Map<SupplementCategory, Fen>();
    for (const s of policy.supplements) {
      const fen = s.fixedFen ?? Math.floor((standardFen * (s.perMilleOfStandard ?? 0)) / 1000);
      amountOf.set(s.category, Math.max(fen, amountOf.get(s.category) ?? 0));
    }
    for (const member of input.members) {
      let best: { category: SupplementCategory; fen: Fen } | undefined;
      for (const category of supplementCategories(member, input.at)) {
        const fen = amountOf.get(category) ?? 0;
        if (fen > 0 && (best === undefined || fen > best.fen)) {
          best = { category, fen };
        }
      }
      if (best) {
        supplementsFen += best.fen;
        rules.push({
          code: `SUPPLEMENT_${best.category}`,
          passed: true,
          text: `成员${member.idNumber.slice(0, 6)}********${member.idNumber.slice(-4)}属于${SUPPLEMENT_LABELS[best.category]}，分类施保${y(best.fen)}`,
        });
      }
    }
  }
  const totalFen = eligible ? round(baseFen + supplementsFen, policy.rounding) : 0;
  if (eligible) {
    rules.push({
      code: 'TOTAL',
      passed: true,
      text: `保障金${y(baseFen)} + 分类施保金${y(supplementsFen)}，合计每月${y(totalFen)}`,
    });
  }
  const margin = !eligible && assetsOk && perCapitaIncomeFen * 1000 < standardFen * policy.marginPerMille;
  if (margin) {
    rules.push({
      code: 'MARGIN',
      passed: true,
      text: `人均月收入低于低保标准的${policy.marginPerMille / 1000}倍（${y(Math.floor((standardFen * policy.marginPerMille) / 1000))}）且财产符合条件，属于低保边缘家庭`,
    });
  }
  return {
    eligible,
    margin,
    householdSize: size,
    householdIncomeFen,
    perCapitaIncomeFen,
    standardFen,
    baseFen,
    supplementsFen,
    totalFen,
    rules,
    standardId: standard.id,
    policyId: policy.id,
  };
}
