import type { DivisionLevel } from '../divisions/division-code';

/**
 * The demo organisation of the local stack (never seeded in production): real 2023 statistical division codes
 * of 长春市南关区, Jilin, and the staff accounts the tests and the README use. Every account's password is
 * DIBAO_DEMO_PASSWORD (default `dibao-demo-2026`).
 */
export interface DemoDivision {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
  /** 城镇 (urban) or 乡村 (rural); the streets and communities of 南关区 are urban. */
  urbanRural: 'URBAN' | 'RURAL';
}

export const DEMO_DIVISIONS: DemoDivision[] = [
  { code: '22', name: '吉林省', level: 1, parentCode: null, urbanRural: 'URBAN' },
  { code: '2201', name: '长春市', level: 2, parentCode: '22', urbanRural: 'URBAN' },
  { code: '220102', name: '南关区', level: 3, parentCode: '2201', urbanRural: 'URBAN' },
  { code: '220102001', name: '南岭街道', level: 4, parentCode: '220102', urbanRural: 'URBAN' },
  { code: '220102001001', name: '华阳社区', level: 5, parentCode: '220102001', urbanRural: 'URBAN' },
  { code: '220102001002', name: '恒安社区', level: 5, parentCode: '220102001', urbanRural: 'URBAN' },
  { code: '220102002', name: '自强街道', level: 4, parentCode: '220102', urbanRural: 'URBAN' },
  { code: '220102002001', name: '北安社区', level: 5, parentCode: '220102002', urbanRural: 'URBAN' },
  { code: '220102002002', name: '重庆路北社区', level: 5, parentCode: '220102002', urbanRural: 'URBAN' },
  { code: '220104', name: '朝阳区', level: 3, parentCode: '2201', urbanRural: 'URBAN' },
  // 朝阳区 is outside the demo district: tests file records there to check that 南关区 staff cannot see them.
  { code: '220104001', name: '前进街道', level: 4, parentCode: '220104', urbanRural: 'URBAN' },
  { code: '220104001001', name: '东田社区', level: 5, parentCode: '220104001', urbanRural: 'URBAN' },
];

export interface DemoAccount {
  username: string;
  displayName: string;
  divisionCode: string;
  roles: string[];
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '省级管理员', divisionCode: '22', roles: ['ADMINISTRATOR'] },
  { username: 'county1', displayName: '南关区审核确认员', divisionCode: '220102', roles: ['COUNTY_APPROVER'] },
  { username: 'finance1', displayName: '南关区财务', divisionCode: '220102', roles: ['COUNTY_FINANCE'] },
  { username: 'archivist1', displayName: '南关区档案管理员', divisionCode: '220102', roles: ['ARCHIVIST'] },
  { username: 'auditor1', displayName: '南关区监督审计员', divisionCode: '220102', roles: ['AUDITOR'] },
  { username: 'street1', displayName: '南岭街道审核员', divisionCode: '220102001', roles: ['STREET_REVIEWER'] },
  {
    username: 'community1',
    displayName: '华阳社区经办',
    divisionCode: '220102001001',
    roles: ['COMMUNITY_CASEWORKER'],
  },
  {
    username: 'community2',
    displayName: '北安社区经办',
    divisionCode: '220102002001',
    roles: ['COMMUNITY_CASEWORKER'],
  },
];

export const DEFAULT_DEMO_PASSWORD = 'dibao-demo-2026';

/** Demo payment banks and their HMAC secrets (local stack and tests only; never these secrets in production). */
export const DEMO_BANKS = [
  { code: 'JLRCB', name: '吉林农村商业银行（演示）', secret: 'demo-only-jlrcb-hmac-secret-2026' },
  { code: 'PSBC', name: '中国邮政储蓄银行（演示）', secret: 'demo-only-psbc-hmac-secret-2026' },
] as const;
