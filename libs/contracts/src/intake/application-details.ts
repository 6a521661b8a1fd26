import { Type } from 'class-transformer';
import {
  IsBoolean,
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

import { ABSURD_AMOUNT_FEN, ASSET_TYPE_CODES, DEDUCTION_CATEGORY_CODES, INCOME_CATEGORY_CODES } from '@app/domain';
import type { AssetType, DeductionCategory, IncomeCategory } from '@app/domain';

import { IsIdNumber } from '../common/identity.validators';

/** An amount one member receives or spends, in fen per period. */
export class DeclaredAmount {
  @IsIdNumber('所属成员的身份证号码格式不正确')
  memberIdNumber: string;

  @IsInt({ message: '金额必须是以分为单位的整数' })
  @Min(0, { message: '金额不能为负数' })
  @Max(ABSURD_AMOUNT_FEN, { message: '金额超出合理范围，请核对（单位为分）' })
  amountFen: number;

  @IsIn(['MONTH', 'YEAR'], { message: '周期只能是MONTH（每月）或YEAR（每年）' })
  period: 'MONTH' | 'YEAR';
}

/** One declared income of one member (domain §2.3 categories). */
export class DeclaredIncome extends DeclaredAmount {
  @IsIn(INCOME_CATEGORY_CODES, { message: `收入类别只能是：${INCOME_CATEGORY_CODES.join('、')}` })
  category: IncomeCategory;

  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '说明不能超过200个字符' })
  note?: string;
}

/** A deductible expenditure (rigid medical or disability spending, employment cost). */
export class DeclaredDeduction extends DeclaredAmount {
  @IsIn(DEDUCTION_CATEGORY_CODES, { message: `扣减类别只能是：${DEDUCTION_CATEGORY_CODES.join('、')}` })
  category: DeductionCategory;
}

/** One declared asset of the household. */
export class DeclaredAsset {
  @IsIn(ASSET_TYPE_CODES, { message: `财产类型只能是：${ASSET_TYPE_CODES.join('、')}` })
  type: AssetType;

  @IsInt({ message: '价值必须是以分为单位的整数' })
  @Min(0, { message: '价值不能为负数' })
  @Max(ABSURD_AMOUNT_FEN * 100, { message: '价值超出合理范围，请核对（单位为分）' })
  valueFen: number;

  @IsOptional()
  @IsInt({ message: '数量必须是整数' })
  @Min(1, { message: '数量至少为1' })
  @Max(100, { message: '数量超出合理范围' })
  quantity?: number;

  /** Floor area in square metres (dwellings). */
  @IsOptional()
  @IsInt({ message: '面积必须是整数（平方米）' })
  @Min(1, { message: '面积至少为1平方米' })
  @Max(10_000, { message: '面积超出合理范围' })
  areaM2?: number;

  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '说明不能超过200个字符' })
  note?: string;
}

/** The account the benefit is paid to; its holder must be the head of household. */
export class PaymentAccount {
  @IsString()
  @IsNotEmpty({ message: '开户银行不能为空' })
  @MaxLength(100, { message: '开户银行不能超过100个字符' })
  bankName: string;

  /** The payment bank's code as registered for dibao payments (e.g. JLRCB); needed to enrol at approval. */
  @IsOptional()
  @Matches(/^[A-Z0-9]{2,16}$/, { message: '银行代码应为2至16位大写字母或数字' })
  bankCode?: string;

  @Matches(/^\d{12,30}$/, { message: '银行账号应为12至30位数字' })
  accountNo: string;

  @IsIdNumber('账户持有人身份证号码格式不正确')
  holderIdNumber: string;
}

/** What a household declares for the means test: incomes, deductible expenditure, assets. */
export class DeclaredMeans {
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => DeclaredIncome)
  incomes?: DeclaredIncome[];

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => DeclaredDeduction)
  deductions?: DeclaredDeduction[];

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => DeclaredAsset)
  assets?: DeclaredAsset[];
}

/** The means-test part of an application, with the payment account, conflict flag and consent. */
export class ApplicationDetails extends DeclaredMeans {
  @IsOptional()
  @ValidateNested()
  @Type(() => PaymentAccount)
  paymentAccount?: PaymentAccount;

  /** The applicant is a close relative of a dibao caseworker or committee member (单独登记备案). */
  @IsOptional()
  conflictOfInterest?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '说明不能超过500个字符' })
  conflictOfInterestNote?: string;

  /**
   * A case that must not be posted (e.g. a member living with HIV, domain §1.3): no publicity of the initial
   * opinion and no post-approval publication.
   */
  @IsOptional()
  @IsBoolean({ message: 'confidential 须为 true 或 false' })
  confidential?: boolean;

  /** The household signed the authorisation for the economic-status data check (核对授权书). */
  @IsOptional()
  dataCheckConsent?: boolean;
}
