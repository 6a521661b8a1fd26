import type {
  AppealReply,
  ApplicationSummary,
  ArchiveFileReply,
  DossierReply,
  DossierSection,
  HouseholdReply,
  RecoveryReply,
} from '@app/contracts';

import { dossierPrintable } from './dossier-printable';

const missing = <T>(): DossierSection<T> => ({
  status: 'UNAVAILABLE',
  ms: 1,
  reason: '该部分服务暂不可用，请稍后再查',
});

/** A dossier whose sections are all unavailable but those given. */
const dossierWith = (sections: Partial<DossierReply>): DossierReply => ({
  householdId: 'h1',
  generatedAt: '2026-11-28T00:00:00.000Z',
  viewer: 'county1',
  status: { code: 'REFUSED', label: '申请未获批准', stage: null },
  household: missing(),
  applications: missing(),
  steps: missing(),
  assessments: missing(),
  benefit: missing(),
  payments: missing(),
  recoveries: missing(),
  appeals: missing(),
  archive: missing(),
  slowest: { section: 'household', ms: 1 },
  ...sections,
});

describe('the printable dossier', () => {
  it('lists the member changes in Chinese, and leaves the table out when there are none', () => {
    const household = {
      id: 'h1',
      householdNo: 'HH-220102001001-0000001',
      divisionCode: '220102001001',
      status: 'ACTIVE' as const,
      address: null,
      members: [],
      memberChanges: [
        {
          id: 'c1',
          kind: 'LEAVE' as const,
          reason: 'DEATH' as const,
          occurredOn: '2026-11-20',
          memberName: '孙桂芝',
          memberIdNumberMasked: '220102********0028',
          recordedBy: 'community1',
          recordedAt: '2026-11-21T01:00:00.000Z',
          documentId: null,
          nextReviewOn: '2027-02-20',
          newHead: null,
        },
        {
          id: 'c2',
          kind: 'LEAVE' as const,
          reason: 'DEATH' as const,
          occurredOn: '2026-11-25',
          memberName: '王大山',
          memberIdNumberMasked: '220102********0011',
          recordedBy: 'community1',
          recordedAt: '2026-11-26T01:00:00.000Z',
          documentId: null,
          nextReviewOn: '2027-02-20',
          newHead: { name: '王小川', idNumberMasked: '220102********0035' },
        },
      ],
    };
    const dossier = (memberChanges: typeof household.memberChanges): DossierReply =>
      dossierWith({
        viewer: 'community1',
        status: { code: 'ENROLLED', label: '享受低保中', stage: null },
        household: { status: 'OK', ms: 1, data: { ...household, memberChanges } },
      });
    const changes = dossierPrintable(dossier(household.memberChanges), '水印').sections.find(
      (section) => section.heading === '家庭成员变动',
    );
    expect(changes?.table?.rows).toEqual([
      ['2026-11-20', '减员', '死亡', '孙桂芝', '220102********0028', '', 'community1'],
      ['2026-11-25', '减员', '死亡', '王大山', '220102********0011', '王小川（220102********0035）', 'community1'],
    ]);
    expect(dossierPrintable(dossier([]), '水印').sections.map((section) => section.heading)).not.toContain(
      '家庭成员变动',
    );
  });

  it('lists the household’s reconsideration and court cases with their outcome, or says there are none', () => {
    const base = dossierWith({});
    const appeal = {
      kind: 'APPEAL' as const,
      body: '长春市南关区人民政府',
      caseNo: '南府复〔2026〕12号',
      contestedDocumentType: 'REFUSAL_NOTICE' as const,
      receivedOn: '2026-11-20',
      outcome: null,
      decidedOn: null,
      redecisionApplicationId: null,
    };
    const cases = dossierPrintable(
      {
        ...base,
        applications: {
          status: 'OK',
          ms: 1,
          data: [{ id: 'a2', applicationNo: 'SQ-220102-2026-000002' }] as unknown as ApplicationSummary[],
        },
        appeals: {
          status: 'OK',
          ms: 1,
          data: [
            { ...appeal, outcome: 'UPHELD', decidedOn: '2026-11-27' },
            { ...appeal, kind: 'LITIGATION', body: '南关区人民法院', caseNo: '（2026）吉0102行初1号' },
            {
              ...appeal,
              caseNo: '南府复〔2026〕13号',
              outcome: 'REVOKED',
              decidedOn: '2026-11-28',
              redecisionApplicationId: 'a2',
            },
          ] as unknown as AppealReply[],
        },
      },
      '水印',
    ).sections.find((section) => section.heading === '行政复议、行政诉讼');
    expect(cases?.table?.rows).toEqual([
      [
        '行政复议',
        '长春市南关区人民政府',
        '南府复〔2026〕12号',
        '不予确认通知书',
        '2026-11-20',
        '维持原决定（2026-11-27）',
      ],
      ['行政诉讼', '南关区人民法院', '（2026）吉0102行初1号', '不予确认通知书', '2026-11-20', '审理中'],
      [
        '行政复议',
        '长春市南关区人民政府',
        '南府复〔2026〕13号',
        '不予确认通知书',
        '2026-11-20',
        '撤销原决定（2026-11-28）；已重新审核确认（SQ-220102-2026-000002）',
      ],
    ]);
    const none = dossierPrintable({ ...base, appeals: { status: 'OK', ms: 1, data: [] } }, '水印').sections;
    expect(none.find((section) => section.heading === '行政复议、行政诉讼')?.lines).toEqual(['无']);
  });

  it('lists what the household was ordered to pay back, repaid and still owed', () => {
    const recovery = {
      kind: 'FRAUD' as const,
      fromMonth: '2026-07',
      toMonth: '2026-08',
      totalFen: 218_800,
      repaidFen: 100_000,
      outstandingFen: 118_800,
      decision: '南民追〔2026〕1号',
    } as unknown as RecoveryReply;
    const base = dossierWith({ recoveries: { status: 'OK', ms: 1, data: [recovery] } });
    const section = dossierPrintable(base, '水印').sections.find((part) => part.heading === '追回');
    expect(section?.table?.rows).toEqual([
      ['骗取追回并处罚款', '2026-07至2026-08', '2188.00元', '1000.00元', '1188.00元', '南民追〔2026〕1号'],
    ]);
  });

  it('prints members, applications and filed steps in Chinese, never their stored codes', () => {
    const printed = dossierPrintable(
      dossierWith({
        household: {
          status: 'OK',
          ms: 1,
          data: {
            id: 'h1',
            householdNo: 'HH-220102001001-0000001',
            divisionCode: '220102001001',
            status: 'ACTIVE',
            address: null,
            members: [
              { name: '王大山', relationship: '02', idNumberMasked: '220102********0011', health: 'CHRONIC_ILLNESS' },
              { name: '王小川', relationship: '20', idNumberMasked: '220102********0035', health: 'HEALTHY' },
            ] as unknown as HouseholdReply['members'],
            memberChanges: [],
          },
        },
        applications: {
          status: 'OK',
          ms: 1,
          data: [
            { applicationNo: 'DB-1', applicantName: '王大山', householdSize: 2, status: 'APPROVED', reason: '因病' },
          ] as unknown as ApplicationSummary[],
        },
        archive: {
          status: 'OK',
          ms: 1,
          data: {
            referenceCode: '220102-DB·2026-D5-220102001·001-0007',
            itemCount: 1,
            pageCount: 1,
            items: [{ itemNo: 1, title: '超期督办记录', step: 'county:1:escalation', sha256: 'ab'.repeat(32) }],
          } as unknown as ArchiveFileReply,
        },
      }),
      '水印',
    ).sections;
    const rows = (heading: string) => printed.find((part) => part.heading === heading)?.table?.rows ?? [];
    expect(rows('家庭与成员').map((row) => [row[1], row[4]])).toEqual([
      ['户主', '慢性病'],
      ['子', '健康'],
    ]);
    expect(rows('申请记录')[0][4]).toBe('已审核确认');
    expect(rows('电子档案')[0][2]).toBe('县级民政部门·第1次·超期督办');
  });
});
