import type { DeclaredMeans, FieldError } from '@app/contracts';
import {
  ASSET_TYPES,
  checkIdNumber,
  DEDUCTION_CATEGORIES,
  formatYuan,
  INCOME_CATEGORIES,
  maskIdNumber,
} from '@app/domain';

/** At most this many items are listed one by one on a record; the rest are counted. */
const LISTED = 20;

/**
 * The means as a record prints them (核对结果复查记录: before and after): each income and deduction with its amount,
 * period and member (ID number masked), each asset with its value; `无` for an empty part.
 */
export function summariseMeans(means: DeclaredMeans): string {
  const per = (period: 'MONTH' | 'YEAR') => (period === 'MONTH' ? '月' : '年');
  const part = (label: string, items: string[]) =>
    `${label}：${items.length === 0 ? '无' : items.slice(0, LISTED).join('、')}${items.length > LISTED ? `等${items.length}项` : ''}`;
  return [
    part(
      '收入',
      (means.incomes ?? []).map(
        (income) =>
          `${INCOME_CATEGORIES[income.category]}${formatYuan(income.amountFen)}元/${per(income.period)}（${maskIdNumber(income.memberIdNumber)}）`,
      ),
    ),
    part(
      '扣减支出',
      (means.deductions ?? []).map(
        (deduction) =>
          `${DEDUCTION_CATEGORIES[deduction.category]}${formatYuan(deduction.amountFen)}元/${per(deduction.period)}（${maskIdNumber(deduction.memberIdNumber)}）`,
      ),
    ),
    part(
      '财产',
      (means.assets ?? []).map(
        (asset) =>
          `${ASSET_TYPES[asset.type]}${asset.quantity ? `${asset.quantity}项` : ''}${formatYuan(asset.valueFen)}元`,
      ),
    ),
  ].join('；');
}

/**
 * Incomes and deductions of people who are not members of the household, each by its field under `prefix`
 * (`details`, `means`). Empty: every amount belongs to a member.
 */
export function meansMisfits(means: DeclaredMeans, memberIdNumbers: Set<string>, prefix: string): FieldError[] {
  const errors: FieldError[] = [];
  const member = (id: string) => memberIdNumbers.has(checkIdNumber(id).normalized);
  (means.incomes ?? []).forEach((income, index) => {
    if (!member(income.memberIdNumber)) {
      errors.push({ field: `${prefix}.incomes[${index}].memberIdNumber`, messages: ['收入所属人员不是本家庭的成员'] });
    }
  });
  (means.deductions ?? []).forEach((deduction, index) => {
    if (!member(deduction.memberIdNumber)) {
      errors.push({
        field: `${prefix}.deductions[${index}].memberIdNumber`,
        messages: ['支出所属人员不是本家庭的成员'],
      });
    }
  });
  return errors;
}
