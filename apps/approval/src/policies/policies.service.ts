import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';

import {
  type ApprovalPolicy,
  type ApprovalPolicyVersionReply,
  checkApprovalRules,
  type CreateApprovalPolicyRequest,
  ErrorCode,
  type ListApprovalPoliciesReply,
  type ListApprovalPoliciesRequest,
  NOTICE_DELIVERY_DEFAULT_WORKING_DAYS,
  PERMISSIONS,
  SUBJECTS,
} from '@app/contracts';
import { addCalendarDays, beijingDate, canonicalJson, divisionWithin } from '@app/domain';
import { AccessError, assertPermission, inScope, MessagingClient, RemoteError, requireCaller } from '@app/platform';

import { ApprovalPolicyRow } from './approval-policy.entity';
import { PolicyError } from './policy.errors';

type Rules = ApprovalPolicyRow['rules'];

/** The levels whose procedure can govern a division: province (2), prefecture (4), county (6) — most specific last. */
const governingDivisions = (divisionCode: string) =>
  [2, 4, 6].filter((digits) => divisionCode.length >= digits).map((digits) => divisionCode.slice(0, digits));

const inForceOn = (at: string) => ({
  effectiveFrom: { $lte: at },
  $or: [{ effectiveTo: null }, { effectiveTo: { $gte: at } }],
});

/** Exclusion-constraint violation (PostgreSQL 23P01): a concurrent publisher won the same period. */
const isOverlap = (error: unknown) => (error as { code?: string }).code === '23P01';

/**
 * Approval procedures as versions per division (domain §1.3: policy per county, versioned, chosen when a chain
 * starts). A new version takes effect from a day not yet begun and closes the one before it the day before; a
 * published version is never rewritten, and periods never overlap (checked here with a clear message, and by an
 * exclusion constraint). Chains keep the version they started with: it travels in their history.
 */
@Injectable()
export class PoliciesService {
  private readonly logger = new Logger(PoliciesService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly messaging: MessagingClient,
  ) {}

  /** The procedure in force for a community on a day: the county's, else the prefecture's, else the province's. */
  async resolve(divisionCode: string, at: string): Promise<ApprovalPolicy> {
    const rows = await this.em
      .fork()
      .find(ApprovalPolicyRow, { divisionCode: { $in: governingDivisions(divisionCode) }, ...inForceOn(at) });
    const row = rows.sort((a, b) => b.divisionCode.length - a.divisionCode.length)[0];
    if (!row) {
      throw PolicyError.noneInForce(divisionCode, at);
    }
    return toPolicy(row);
  }

  async create(request: CreateApprovalPolicyRequest, now = new Date()): Promise<ApprovalPolicyVersionReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.approvalPolicyManage);
    if (!inScope(caller, request.divisionCode)) {
      throw AccessError.outOfDivision(request.divisionCode);
    }
    const rules: Rules = JSON.parse(canonicalJson(request.rules)) as Rules;
    const problems = checkApprovalRules(rules);
    if (problems.length > 0) {
      throw PolicyError.invalidRules(problems);
    }
    const repeated = await this.em.fork().findOne(ApprovalPolicyRow, { idempotencyKey: request.idempotencyKey });
    if (repeated) {
      return this.repeat(repeated, request, rules);
    }
    const today = beijingDate(now);
    if (request.effectiveFrom <= today) {
      throw PolicyError.notAhead(request.effectiveFrom, today);
    }
    await this.assertDivisionExists(request.divisionCode);
    try {
      const created = await this.em.fork().transactional(async (tx) => {
        // One publisher per division at a time: the latest version is read and closed under the same lock.
        await tx.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`approval-policy-${request.divisionCode}`]);
        const latest = await tx.findOne(
          ApprovalPolicyRow,
          { divisionCode: request.divisionCode },
          { orderBy: { effectiveFrom: 'desc' } },
        );
        if (latest) {
          const period = `${latest.effectiveFrom}至${latest.effectiveTo ?? '今'}`;
          if (latest.effectiveFrom >= request.effectiveFrom) {
            throw PolicyError.overlaps(period);
          }
          if (!latest.effectiveTo) {
            latest.effectiveTo = addCalendarDays(request.effectiveFrom, -1);
            latest.closedBy = caller.username;
            // Closed before the new version is written, or the two would overlap when it is.
            await tx.flush();
          } else if (latest.effectiveTo >= request.effectiveFrom) {
            throw PolicyError.overlaps(period);
          }
        }
        return tx.create(ApprovalPolicyRow, {
          divisionCode: request.divisionCode,
          effectiveFrom: request.effectiveFrom,
          rules,
          reason: request.reason,
          idempotencyKey: request.idempotencyKey,
          createdBy: caller.username,
        });
      });
      this.logger.log(
        { divisionCode: created.divisionCode, effectiveFrom: created.effectiveFrom, model: rules.model },
        'approval policy version published',
      );
      return toVersionReply(created);
    } catch (error) {
      if (isOverlap(error)) {
        throw PolicyError.overlaps('并发提交的另一版本');
      }
      if (error instanceof UniqueConstraintViolationException) {
        // The same key published at the same moment by another request: answer as that one did.
        const winner = await this.em
          .fork()
          .findOneOrFail(ApprovalPolicyRow, { idempotencyKey: request.idempotencyKey });
        return this.repeat(winner, request, rules);
      }
      throw error;
    }
  }

  /** The versions governing a division (its own and above); staff read those of their division, above and below. */
  async list(request: ListApprovalPoliciesRequest): Promise<ListApprovalPoliciesReply> {
    const caller = requireCaller();
    if (!inScope(caller, request.divisionCode) && !divisionWithin(caller.divisionCode, request.divisionCode)) {
      throw AccessError.outOfDivision(request.divisionCode);
    }
    const rows = await this.em.fork().find(
      ApprovalPolicyRow,
      {
        divisionCode: { $in: governingDivisions(request.divisionCode) },
        ...(request.at ? inForceOn(request.at) : {}),
      },
      { orderBy: { divisionCode: 'asc', effectiveFrom: 'asc' } },
    );
    // Rows come by division code ascending, so the last one in force is the most specific level's.
    return { items: rows.map(toVersionReply), inForce: request.at ? (rows[rows.length - 1]?.id ?? null) : null };
  }

  private repeat(
    existing: ApprovalPolicyRow,
    request: CreateApprovalPolicyRequest,
    rules: Rules,
  ): ApprovalPolicyVersionReply {
    const same =
      existing.divisionCode === request.divisionCode &&
      existing.effectiveFrom === request.effectiveFrom &&
      existing.reason === request.reason &&
      canonicalJson(existing.rules) === canonicalJson(rules);
    if (!same) {
      throw PolicyError.keyReused();
    }
    return toVersionReply(existing);
  }

  private async assertDivisionExists(code: string): Promise<void> {
    try {
      await this.messaging.request(SUBJECTS.intake.divisionGet, { code });
    } catch (error) {
      if (error instanceof RemoteError && error.code === ErrorCode.NOT_FOUND) {
        throw PolicyError.unknownDivision(code);
      }
      throw error;
    }
  }
}

/** A version as the chain takes it; one stored before notice delivery was tracked is served within the 2021 limit. */
function toPolicy(row: ApprovalPolicyRow): ApprovalPolicy {
  return {
    id: row.id,
    divisionCode: row.divisionCode,
    noticeDeliveryWorkingDays: NOTICE_DELIVERY_DEFAULT_WORKING_DAYS,
    ...row.rules,
    version: { effectiveFrom: row.effectiveFrom, basis: row.reason ?? row.note ?? null },
  };
}

function toVersionReply(row: ApprovalPolicyRow): ApprovalPolicyVersionReply {
  // The version's own fields say it in full here; `version` is for a chain, which keeps only the policy.
  const { version: _version, ...policy } = toPolicy(row);
  return {
    ...policy,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo ?? null,
    reason: row.reason ?? row.note ?? null,
    createdBy: row.createdBy ?? null,
    createdAt: row.createdAt.toISOString(),
    closedBy: row.closedBy ?? null,
  };
}
