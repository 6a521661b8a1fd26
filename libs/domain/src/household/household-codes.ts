/**
 * Codes of the household register (户口簿) and of the dibao assessment household. Relationship codes follow
 * GB/T 4761-2008 (家庭关系代码); the rest are the categories domain §5.3 and §2.5 name.
 */
export const RELATIONSHIPS = {
  '02': '户主',
  '10': '配偶',
  '20': '子',
  '30': '女',
  '40': '孙子女',
  '50': '父母',
  '60': '祖父母',
  '70': '兄弟姐妹',
  '80': '其他亲属',
  '99': '非亲属',
} as const;
export type RelationshipCode = keyof typeof RELATIONSHIPS;
export const RELATIONSHIP_CODES = Object.keys(RELATIONSHIPS) as RelationshipCode[];
export const HEAD_RELATIONSHIP: RelationshipCode = '02';

export const HUKOU_TYPES = ['AGRICULTURAL', 'NON_AGRICULTURAL', 'RESIDENT'] as const; // 农业 / 非农业 / 居民户口
export type HukouType = (typeof HUKOU_TYPES)[number];

export const HEALTH_STATES = ['HEALTHY', 'CHRONIC_ILLNESS', 'SERIOUS_ILLNESS', 'DISABLED'] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

export const WORK_CAPACITIES = ['FULL', 'PARTIAL', 'NONE'] as const;
export type WorkCapacity = (typeof WORK_CAPACITIES)[number];

export const SCHOOLING_STAGES = [
  'NONE',
  'PRESCHOOL',
  'PRIMARY',
  'JUNIOR_SECONDARY',
  'SENIOR_SECONDARY',
  'VOCATIONAL',
  'UNDERGRADUATE',
  'GRADUATE',
] as const;
export type SchoolingStage = (typeof SCHOOLING_STAGES)[number];

/** Households that count as "active" for the one-active-household-per-person rule. */
export const HOUSEHOLD_STATUSES = ['APPLYING', 'ACTIVE', 'SUSPENDED', 'ENDED'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];
