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

/** The codes below are stored: never rename one. Each map gives the Chinese that staff read and forms print. */
export const HUKOU_TYPE_LABELS = {
  AGRICULTURAL: '农业户口',
  NON_AGRICULTURAL: '非农业户口',
  RESIDENT: '居民户口',
} as const;
export type HukouType = keyof typeof HUKOU_TYPE_LABELS;
export const HUKOU_TYPES = Object.keys(HUKOU_TYPE_LABELS) as HukouType[];

export const HEALTH_LABELS = {
  HEALTHY: '健康',
  CHRONIC_ILLNESS: '慢性病',
  SERIOUS_ILLNESS: '重病',
  DISABLED: '残疾',
} as const;
export type HealthState = keyof typeof HEALTH_LABELS;
export const HEALTH_STATES = Object.keys(HEALTH_LABELS) as HealthState[];

export const WORK_CAPACITY_LABELS = { FULL: '有劳动能力', PARTIAL: '部分丧失劳动能力', NONE: '无劳动能力' } as const;
export type WorkCapacity = keyof typeof WORK_CAPACITY_LABELS;
export const WORK_CAPACITIES = Object.keys(WORK_CAPACITY_LABELS) as WorkCapacity[];

export const SCHOOLING_LABELS = {
  NONE: '不在学',
  PRESCHOOL: '学前教育',
  PRIMARY: '小学',
  JUNIOR_SECONDARY: '初中',
  SENIOR_SECONDARY: '高中',
  VOCATIONAL: '中等职业教育',
  UNDERGRADUATE: '大学本专科',
  GRADUATE: '研究生',
} as const;
export type SchoolingStage = keyof typeof SCHOOLING_LABELS;
export const SCHOOLING_STAGES = Object.keys(SCHOOLING_LABELS) as SchoolingStage[];

/** Sex as the ID number gives it (its 17th digit). */
export const SEX_LABELS = { M: '男', F: '女' } as const;

/**
 * The Chinese of a stored household code of one of the maps above (a relationship, health, work capacity,
 * schooling, hukou type or sex); a code the map does not know is shown as it is rather than hidden.
 */
export function householdCodeLabel(labels: Record<string, string>, code: string | null | undefined): string {
  if (code === null || code === undefined) {
    return '';
  }
  return Object.prototype.hasOwnProperty.call(labels, code) ? labels[code] : code;
}

/** Households that count as "active" for the one-active-household-per-person rule. */
export const HOUSEHOLD_STATUSES = ['APPLYING', 'ACTIVE', 'SUSPENDED', 'ENDED'] as const;
export type HouseholdStatus = (typeof HOUSEHOLD_STATUSES)[number];

/** The allowed codes with their Chinese, for a refusal's message: 「HEALTHY（健康）、CHRONIC_ILLNESS（慢性病）…」. */
export function codeChoices(labels: Record<string, string>): string {
  return Object.entries(labels)
    .map(([code, label]) => `${code}（${label}）`)
    .join('、');
}
