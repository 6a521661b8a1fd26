import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';

import {
  type ApplicationSummary,
  type ArchiveFileReply,
  type DossierBenefit,
  type DossierReply,
  type DossierSection,
  type DossierStatusCode,
  type EnrolmentReply,
  ErrorCode,
  PERMISSIONS,
  rolesAllow,
  STAGE_LABELS,
  SUBJECTS,
  type TaskReply,
} from '@app/contracts';
import { beijingMonth } from '@app/domain';
import { AccessError, MessagingClient, RemoteError, requireCaller } from '@app/platform';

const MISSING = new Set<string>([ErrorCode.NOT_FOUND, ErrorCode.FORBIDDEN]);

/**
 * The household dossier: each service answers for its own part, all at once; a part that fails or does not
 * answer within DOSSIER_SECTION_TIMEOUT_MS is marked unavailable and the rest is returned. Each service checks
 * the caller's scope itself; the household's own section decides a 403 for the whole.
 */
@Injectable()
export class DossierService {
  private readonly timeoutMs: number;

  constructor(
    private readonly messaging: MessagingClient,
    config: ConfigService,
  ) {
    this.timeoutMs = Number(config.get('DOSSIER_SECTION_TIMEOUT_MS', 2000));
  }

  /**
   * `onScoped` runs as soon as the household's section has decided the caller may see the dossier (not for a 403),
   * beside the other sections — the access log's entry is written while they are still being asked — and the
   * dossier is answered only once it has succeeded.
   */
  async compose(
    householdId: string,
    {
      now = new Date(),
      onScoped,
    }: { now?: Date; onScoped?: (household: DossierReply['household']) => Promise<void> } = {},
  ): Promise<DossierReply> {
    const caller = requireCaller();
    const options = { timeoutMs: this.timeoutMs };
    const request = this.messaging.request.bind(this.messaging);
    // The household decides scope: out of the caller's division (or unknown), the whole dossier is a 403.
    const scoped = section(() => request(SUBJECTS.intake.householdGet, { householdId }, options), {
      forbiddenIsFinal: true,
    });
    const recorded = onScoped ? scoped.then(onScoped) : undefined;
    // Awaited below; when scope is refused, nothing is recorded and the 403 is what the caller gets.
    recorded?.catch(() => undefined);
    const [household, applications, steps, assessments, benefit, payments, recoveries, appeals, archive] =
      await Promise.all([
        scoped,
        section(
          async () => (await request(SUBJECTS.intake.applicationList, { householdId, limit: 200 }, options)).items,
        ),
        section(async () => (await request(SUBJECTS.approval.taskHistory, { householdId }, options)).items),
        section(async () => (await request(SUBJECTS.eligibility.assessmentList, { householdId }, options)).items),
        section(async () =>
          toBenefit(await orNone(request(SUBJECTS.payment.enrolmentGet, { householdId }, options)), now),
        ),
        section(async () => (await request(SUBJECTS.payment.historyGet, { householdId, months: 24 }, options)).items),
        section(async () => (await request(SUBJECTS.payment.recoveryList, { householdId, limit: 200 }, options)).items),
        section(async () => (await request(SUBJECTS.approval.appealList, { householdId, limit: 200 }, options)).items),
        rolesAllow(caller.roles, PERMISSIONS.documentRead)
          ? section(() => orNone(request(SUBJECTS.archive.fileGet, { householdId }, options)))
          : Promise.resolve(notPermitted<ArchiveFileReply | null>('查看档案需要档案查阅权限')),
      ]);
    await recorded;
    const sections = {
      household,
      applications,
      steps,
      assessments,
      benefit,
      payments,
      recoveries,
      appeals,
      archive,
    };
    const slowest = Object.entries(sections).reduce(
      (worst, [name, part]) => (part.ms > worst.ms ? { section: name, ms: part.ms } : worst),
      { section: 'household', ms: household.ms },
    );
    return {
      householdId,
      generatedAt: now.toISOString(),
      viewer: caller.username,
      status: statusOf(applications, steps, benefit, beijingMonth(now), household),
      ...sections,
      slowest,
    };
  }
}

async function section<T>(load: () => Promise<T>, { forbiddenIsFinal = false } = {}): Promise<DossierSection<T>> {
  const started = performance.now();
  try {
    const data = await load();
    return { status: 'OK', ms: elapsed(started), data };
  } catch (error) {
    const forbidden = error instanceof RemoteError && error.code === ErrorCode.FORBIDDEN;
    if (forbidden && forbiddenIsFinal) {
      throw AccessError.notVisible();
    }
    if (forbidden) {
      return { status: 'NOT_PERMITTED', ms: elapsed(started), reason: '无权查看该部分' };
    }
    const reason =
      error instanceof RemoteError && error.code === ErrorCode.UNAVAILABLE
        ? '该部分服务暂不可用，请稍后再查'
        : '该部分读取失败，请稍后再查';
    return { status: 'UNAVAILABLE', ms: elapsed(started), reason };
  }
}

function notPermitted<T>(reason: string): DossierSection<T> {
  return { status: 'NOT_PERMITTED', ms: 0, reason };
}

/** A record that does not exist yet (no enrolment, no archive file): null. Asked only once scope is known. */
async function orNone<T>(reply: Promise<T>): Promise<T | null> {
  try {
    return await reply;
  } catch (error) {
    if (error instanceof RemoteError && MISSING.has(error.code)) {
      return null;
    }
    throw error;
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

function toBenefit(enrolment: EnrolmentReply | null, now: Date): DossierBenefit | null {
  if (!enrolment) {
    return null;
  }
  const month = beijingMonth(now);
  const terms = enrolment.terms;
  const current =
    terms.find((term) => term.fromMonth <= month && (term.toMonth === null || term.toMonth >= month)) ??
    terms[terms.length - 1];
  return {
    enrolmentId: enrolment.id,
    status: enrolment.status,
    firstMonth: enrolment.firstMonth,
    lastMonth: enrolment.lastMonth,
    currentTerm: {
      fromMonth: current.fromMonth,
      toMonth: current.toMonth,
      baseFen: current.baseFen,
      supplementFen: current.supplementFen,
      totalFen: current.totalFen,
    },
    bankCode: enrolment.bankCode,
    accountNo: enrolment.accountNo,
    nextReviewOn: enrolment.nextReviewOn,
    nextReviewReason: enrolment.nextReviewReason,
    lastReviewedOn: enrolment.lastReviewedOn,
    payeeHold: enrolment.payeeHold,
    changes: enrolment.changes.map(({ kind, effectiveMonth, decision, reason, actor }) => ({
      kind,
      effectiveMonth,
      decision,
      reason,
      actor,
    })),
  };
}

/**
 * Where the household stands, from its benefit first, else its latest application (`month`: this month). A
 * benefit still paid to a household with nobody left in it (ENDED) says that its stop is to be decided.
 */
export function statusOf(
  applications: DossierSection<ApplicationSummary[]>,
  steps: DossierSection<TaskReply[]>,
  benefit: DossierSection<DossierBenefit | null>,
  month: string,
  household?: DossierSection<{ status: string }>,
): DossierReply['status'] {
  const of = (code: DossierStatusCode, label: string, stage: DossierReply['status']['stage'] = null) => ({
    code,
    label,
    stage,
  });
  if (benefit.status === 'OK' && benefit.data) {
    const byStatus = {
      ACTIVE: of('ENROLLED', '享受低保中'),
      SUSPENDED: of('SUSPENDED', '暂停发放'),
      TERMINATED: of('ENDED', '已停保'),
    };
    const { status, lastMonth } = benefit.data;
    if (status !== 'TERMINATED' && household?.status === 'OK' && household.data.status === 'ENDED') {
      const { code, label } = byStatus[status];
      return of(code, `${label}（家庭已无在册成员，待县级民政部门作出停发决定）`);
    }
    // A stop decided ahead (after a gradual exit, say): paid until its last month.
    if (status === 'TERMINATED' && lastMonth && lastMonth >= month) {
      return of('ENROLLED', `享受低保中，${lastMonth}后停发`);
    }
    return byStatus[status];
  }
  if (applications.status !== 'OK') {
    return of('UNKNOWN', '状态暂不可知（部分服务不可用）');
  }
  const latest = applications.data[0];
  if (!latest) {
    return of('NONE', '未申请');
  }
  switch (latest.status) {
    case 'DRAFT':
      return of('DRAFT', '申请草稿，尚未提交');
    case 'SUBMITTED':
    case 'RECEIVED':
    case 'IN_REVIEW': {
      const open =
        steps.status === 'OK'
          ? [...steps.data].reverse().find((step) => step.applicationId === latest.id && step.status === 'OPEN')
          : undefined;
      return open
        ? of('APPLYING', `申请审核中：${STAGE_LABELS[open.stage]}`, open.stage)
        : of('APPLYING', '申请审核中');
    }
    case 'APPROVED':
      return of('APPROVED', benefit.status === 'OK' ? '已批准，待纳入发放' : '已批准');
    case 'REJECTED':
      return of('REFUSED', '不予确认');
    case 'TERMINATED':
      return of('TERMINATED', '申请人不配合，已终止审批');
    case 'WITHDRAWN':
      return of('WITHDRAWN', '申请已撤回');
  }
}
