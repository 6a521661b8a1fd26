import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { DEDUCTION_CATEGORY_CODES, INCOME_CATEGORY_CODES } from '@app/domain';
import type { DeductionCategory, IncomeCategory, Policy, SupplementCategory } from '@app/domain';

import { IsIdempotencyKey } from '../common/idempotency-key.validator';
import { IsCalendarDate } from '../common/identity.validators';

export const SUPPLEMENT_CATEGORIES: SupplementCategory[] = ['ELDERLY', 'MINOR', 'SEVERELY_DISABLED', 'SERIOUSLY_ILL'];

/** A prefecture (4 digits) or county (6 digits): the levels that set standards and policies. */
const IsRuleDivision = (): PropertyDecorator =>
  Matches(/^(\d{4}|\d{6})$/, { message: '低保标准和计算政策按地级（4位）或县级（6位）行政区划制定' });

/** Common to a new version of a standard or a policy: where, from when, why, and the caller's key. */
class RuleVersionBase {
  @IsRuleDivision()
  divisionCode: string;

  @IsCalendarDate({ message: '生效日期应为存在的日期，格式YYYY-MM-DD' })
  effectiveFrom: string;

  /** Last day in force (inclusive); absent: until replaced. */
  @IsOptional()
  @IsCalendarDate({ message: '失效日期应为存在的日期，格式YYYY-MM-DD' })
  effectiveTo?: string;

  /** The decision it comes from (document number, meeting) — kept in the audit trail. */
  @IsString()
  @IsNotEmpty({ message: '请填写调整依据（文件文号或会议纪要）' })
  @MaxLength(300, { message: '调整依据不能超过300个字符' })
  reason: string;

  /** Close the version in force on effectiveFrom (open-ended, same key) the day before, in the same transaction. */
  @IsOptional()
  @IsBoolean()
  closePrevious?: boolean;

  @IsIdempotencyKey(128)
  idempotencyKey: string;
}

/** A new version of a local standard (低保标准). Versions never change, except that a later one closes them. */
export class CreateStandardRequest extends RuleVersionBase {
  @IsIn(['URBAN', 'RURAL'], { message: '城乡类别只能是URBAN（城市）或RURAL（农村）' })
  urbanRural: 'URBAN' | 'RURAL';

  @IsInt({ message: '标准金额必须是以分为单位的整数' })
  @Min(1, { message: '标准金额必须大于0' })
  @Max(100_000_000, { message: '标准金额超出合理范围，请核对（单位为分）' })
  amountFen: number;

  @IsIn(['MONTH', 'YEAR'], { message: '周期只能是MONTH（每月）或YEAR（每年）' })
  period: 'MONTH' | 'YEAR';

  @IsOptional()
  @IsString()
  @MaxLength(300, { message: '说明不能超过300个字符' })
  note?: string;
}

export class PolicyBand {
  @IsInt({ message: '档次上限必须是整数（千分比）' })
  @Min(1, { message: '档次上限为1至1000（千分比）' })
  @Max(1000, { message: '档次上限为1至1000（千分比）' })
  gapUpToPerMille: number;

  @IsInt({ message: '档次发放比例必须是整数（千分比）' })
  @Min(0, { message: '档次发放比例为0至1000（千分比）' })
  @Max(1000, { message: '档次发放比例为0至1000（千分比）' })
  benefitPerMille: number;
}

export class PolicySupplement {
  @IsIn(SUPPLEMENT_CATEGORIES, { message: `分类施保对象只能是：${SUPPLEMENT_CATEGORIES.join('、')}` })
  category: SupplementCategory;

  @IsOptional()
  @IsInt({ message: '分类施保比例必须是整数（千分比）' })
  @Min(1, { message: '分类施保比例为1至1000（千分比）' })
  @Max(1000, { message: '分类施保比例为1至1000（千分比）' })
  perMilleOfStandard?: number;

  @IsOptional()
  @IsInt({ message: '分类施保固定金额必须是以分为单位的整数' })
  @Min(1, { message: '分类施保固定金额必须大于0' })
  @Max(10_000_000, { message: '分类施保固定金额超出合理范围' })
  fixedFen?: number;
}

export class PolicyRounding {
  @IsIn([1, 10, 100], { message: '取整单位只能是1（分）、10（角）或100（元）' })
  unitFen: 1 | 10 | 100;

  @IsIn(['UP', 'NEAREST', 'DOWN'], { message: '取整方式只能是UP、NEAREST或DOWN' })
  mode: 'UP' | 'NEAREST' | 'DOWN';
}

/** Everything `assessHousehold` needs of a policy (domain §2). */
export class PolicyRules implements Omit<Policy, 'id'> {
  @IsIn(['GAP', 'BANDED'], { message: '计算方法只能是GAP（差额）或BANDED（分档）' })
  method: 'GAP' | 'BANDED';

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20, { message: '档次不能超过20个' })
  @ValidateNested({ each: true })
  @Type(() => PolicyBand)
  bands?: PolicyBand[];

  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PolicySupplement)
  supplements: PolicySupplement[];

  @IsOptional()
  @IsInt({ message: '人均补差下限必须是以分为单位的整数' })
  @Min(0, { message: '人均补差下限不能为负数' })
  @Max(10_000_000, { message: '人均补差下限超出合理范围' })
  perCapitaFloorFen?: number;

  @IsDefined({ message: '请提供取整规则（rounding）' })
  @ValidateNested()
  @Type(() => PolicyRounding)
  rounding: PolicyRounding;

  @IsOptional()
  @IsArray()
  @ArrayUnique({ message: '计入收入项目不能重复' })
  @IsIn(INCOME_CATEGORY_CODES, { each: true, message: `计入收入项目只能是：${INCOME_CATEGORY_CODES.join('、')}` })
  countedIncome?: IncomeCategory[];

  @IsArray()
  @ArrayUnique({ message: '扣减项目不能重复' })
  @IsIn(DEDUCTION_CATEGORY_CODES, { each: true, message: `扣减项目只能是：${DEDUCTION_CATEGORY_CODES.join('、')}` })
  deductible: DeductionCategory[];

  @IsInt({ message: '金融资产限额倍数必须是整数' })
  @Min(0, { message: '金融资产限额倍数不能为负数' })
  @Max(100, { message: '金融资产限额倍数超出合理范围' })
  moneyAssetMultipleOfAnnualStandard: number;

  @IsInt({ message: '住房套数限额必须是整数' })
  @Min(0, { message: '住房套数限额不能为负数' })
  @Max(10, { message: '住房套数限额超出合理范围' })
  maxDwellings: number;

  @IsInt({ message: '边缘家庭标准必须是整数（千分比）' })
  @Min(1000, { message: '边缘家庭标准不低于低保标准（1000‰）' })
  @Max(3000, { message: '边缘家庭标准不超过低保标准的3倍（3000‰）' })
  marginPerMille: number;
}

export class CreatePolicyRequest extends RuleVersionBase {
  @IsDefined({ message: '请提供计算政策规则（rules）' })
  @ValidateNested()
  @Type(() => PolicyRules)
  rules: PolicyRules;

  @IsOptional()
  @IsString()
  @MaxLength(300, { message: '说明不能超过300个字符' })
  note?: string;
}

/** Versions of a division's standards or policies: those of the division and the levels above it. */
export class ListRuleVersionsRequest {
  @Matches(/^(\d{4}|\d{6}|\d{9}|\d{12})$/, { message: '行政区划代码应为4、6、9或12位数字' })
  divisionCode: string;

  /** Only those in force on this day. */
  @IsOptional()
  @IsCalendarDate()
  at?: string;
}

export class ListRuleChangesRequest {
  @Matches(/^(\d{4}|\d{6})$/, { message: '行政区划代码应为4或6位数字' })
  divisionCode: string;
}

export interface StandardReply {
  id: string;
  divisionCode: string;
  urbanRural: 'URBAN' | 'RURAL';
  effectiveFrom: string;
  effectiveTo: string | null;
  amountFen: number;
  period: 'MONTH' | 'YEAR';
  note: string | null;
  createdAt: string;
}

export interface PolicyReply {
  id: string;
  divisionCode: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  rules: Omit<Policy, 'id'>;
  note: string | null;
  createdAt: string;
}

/** One entry of the audit trail of standards and policies. */
export interface RuleChangeReply {
  id: string;
  kind: 'STANDARD' | 'POLICY';
  action: 'CREATE' | 'CLOSE';
  versionId: string;
  divisionCode: string;
  actorId: string;
  actorName: string;
  reason: string;
  before: unknown;
  after: unknown;
  at: string;
}

export interface ListStandardsReply {
  items: StandardReply[];
}
export interface ListPoliciesReply {
  items: PolicyReply[];
}
export interface ListRuleChangesReply {
  items: RuleChangeReply[];
}
