/** Income categories of the means test (domain §2.3, 2021 rules Art. 13). Values are stored: never rename. */
export const INCOME_CATEGORIES = {
  WAGES: '工资性收入',
  BUSINESS: '经营净收入',
  PROPERTY: '财产净收入',
  TRANSFER: '转移净收入',
  OTHER: '其他收入',
  // Declared but not counted (优待抚恤金, 奖学金, 社会救助, 城乡居民基础养老金 …): kept so the assessment can show it.
  NOT_COUNTED: '不计入收入的款项',
} as const;
export type IncomeCategory = keyof typeof INCOME_CATEGORIES;
export const INCOME_CATEGORY_CODES = Object.keys(INCOME_CATEGORIES) as IncomeCategory[];

/** Expenditures that may be deducted (rigid medical/disability spending, necessary employment costs). */
export const DEDUCTION_CATEGORIES = {
  RIGID_MEDICAL: '刚性医疗支出',
  RIGID_DISABILITY: '刚性残疾支出',
  EMPLOYMENT_COST: '必要就业成本',
} as const;
export type DeductionCategory = keyof typeof DEDUCTION_CATEGORIES;
export const DEDUCTION_CATEGORY_CODES = Object.keys(DEDUCTION_CATEGORIES) as DeductionCategory[];

/** Asset types of the asset test (domain §2.4). */
export const ASSET_TYPES = {
  DEPOSIT: '存款',
  SECURITIES: '有价证券、基金',
  COMMERCIAL_INSURANCE: '商业保险',
  CLAIM: '债权',
  INTERNET_FINANCE: '互联网金融资产',
  VEHICLE: '机动车辆',
  DISABLED_MOBILITY_VEHICLE: '残疾人功能性补偿代步机动车辆',
  MOTORCYCLE: '摩托车',
  VESSEL: '船舶',
  DWELLING: '住房',
  NON_RESIDENTIAL_PROPERTY: '非住宅房产',
  BUSINESS_REGISTRATION: '工商注册登记',
  OTHER: '其他财产',
} as const;
export type AssetType = keyof typeof ASSET_TYPES;
export const ASSET_TYPE_CODES = Object.keys(ASSET_TYPES) as AssetType[];

/** Above this a declared monthly amount is refused as a typing error (10 million yuan, in fen). */
export const ABSURD_AMOUNT_FEN = 1_000_000_000;
