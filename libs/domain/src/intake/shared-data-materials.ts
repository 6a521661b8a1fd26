/**
 * What an applicant may not be asked to bring (2021 rules Art. 10: documents the civil-affairs department can obtain
 * through government data sharing are not required of the applicant) — the records the economic-status data check
 * (核对) itself reads (domain §1.3 step 6): household registration, identity, real estate, social insurance,
 * housing provident fund, market-entity registration, vehicles, tax.
 */
export const SHARED_DATA_SOURCES: ReadonlyArray<{ pattern: RegExp; source: string }> = [
  { pattern: /户口|户籍/, source: '户籍信息' },
  { pattern: /身份证/, source: '居民身份信息' },
  { pattern: /不动产|房产证|房屋所有权|房屋产权/, source: '不动产登记信息' },
  { pattern: /社保|社会保险|养老保险|医疗保险/, source: '社会保险参保缴费信息' },
  { pattern: /公积金/, source: '住房公积金缴存信息' },
  { pattern: /营业执照|工商登记|市场主体/, source: '市场主体登记信息' },
  { pattern: /行驶证|机动车登记|车辆登记/, source: '车辆登记信息' },
  { pattern: /纳税|完税|个人所得税|个税/, source: '纳税信息' },
];

/** The items of a list of missing materials that name a record obtainable through data sharing, with its source. */
export function materialsFromSharedData(items: string[]): Array<{ index: number; item: string; source: string }> {
  return items.flatMap((item, index) => {
    const match = SHARED_DATA_SOURCES.find(({ pattern }) => pattern.test(item));
    return match ? [{ index, item, source: match.source }] : [];
  });
}
