import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import {
  type Caller,
  type CreatePolicyRequest,
  type CreateStandardRequest,
  type ListRuleChangesReply,
  type ListRuleVersionsRequest,
  PERMISSIONS,
  type PolicyReply,
  type StandardReply,
} from '@app/contracts';
import {
  canonicalJson,
  divisionWithin,
  type Policy as DomainPolicy,
  type Standard as DomainStandard,
} from '@app/domain';
import { AccessError, assertPermission, inScope, requireCaller } from '@app/platform';

import { KnownDivisions } from './known-divisions';
import { Policy } from './policy.entity';
import { RuleChange } from './rule-change.entity';
import { RuleVersionError } from './rule-version.errors';
import { Standard } from './standard.entity';

type Version = Standard | Policy;

/** What an assessment needs of the versions in force: the calculation's own inputs, with their ids. */
export interface VersionsInForce {
  standard: DomainStandard;
  policy: DomainPolicy;
}

interface InForceRow {
  kind: 'STANDARD' | 'POLICY';
  id: string;
  division_code: string;
  amount_fen: string | null;
  period: 'MONTH' | 'YEAR' | null;
  rules: Omit<DomainPolicy, 'id'> | null;
}

/**
 * How long a lookup of the versions in force is reused. Changes made through this process clear it at once;
 * another replica's change is seen within this time (versions are normally published ahead of their date).
 */
const IN_FORCE_CACHE_MS = 5_000;

/** The divisions whose versions apply to `divisionCode`: its county (6 digits) and prefecture (4 digits). */
export function governingDivisions(divisionCode: string): string[] {
  return divisionCode.length >= 6 ? [divisionCode.slice(0, 6), divisionCode.slice(0, 4)] : [divisionCode.slice(0, 4)];
}

const inForceOn = (at: string) => ({
  effectiveFrom: { $lte: at },
  $or: [{ effectiveTo: null }, { effectiveTo: { $gte: at } }],
});

/** The period of a version in Chinese, e.g. "2024-07-01至今". */
const period = (v: { effectiveFrom: string; effectiveTo?: string | null }) =>
  `${v.effectiveFrom}至${v.effectiveTo ?? '今'}`;

/** Exclusion-constraint violation (PostgreSQL 23P01): a concurrent writer won the same period. */
const isOverlap = (error: unknown) => (error as { code?: string }).code === '23P01';

/**
 * Local standards and calculation policies as versions: a new version never overwrites an old one, periods of
 * the same key never overlap (checked here with a clear message, and by an exclusion constraint), and every
 * change is written to the audit trail in the same transaction.
 */
@Injectable()
export class RuleVersionsService {
  /** Versions in force recently looked up; cleared by every change made here, and kept IN_FORCE_CACHE_MS. */
  private readonly recent = new Map<string, { versions: VersionsInForce; until: number }>();

  constructor(
    private readonly em: EntityManager,
    private readonly divisions: KnownDivisions,
  ) {}

  async createStandard(request: CreateStandardRequest): Promise<StandardReply> {
    const caller = await this.authorizeChange(request);
    const fields = {
      divisionCode: request.divisionCode,
      urbanRural: request.urbanRural,
      effectiveFrom: request.effectiveFrom,
      effectiveTo: request.effectiveTo,
      amountFen: request.amountFen,
      period: request.period,
      note: request.note,
    };
    const key = { divisionCode: request.divisionCode, urbanRural: request.urbanRural };
    const created = await this.createVersion('STANDARD', '低保标准', request, caller, {
      byKey: (em) => em.findOne(Standard, { idempotencyKey: request.idempotencyKey }),
      openBefore: (em) => em.findOne(Standard, { ...key, ...openBefore(request.effectiveFrom) }),
      overlapping: (em) => em.findOne(Standard, { ...key, ...overlapping(request) }),
      build: (em) =>
        em.create(Standard, { ...fields, idempotencyKey: request.idempotencyKey, createdBy: caller.userId }),
      same: (existing) => sameFields(existing, fields),
    });
    return toStandardReply(created);
  }

  async createPolicy(request: CreatePolicyRequest): Promise<PolicyReply> {
    const caller = await this.authorizeChange(request);
    const fields = {
      divisionCode: request.divisionCode,
      effectiveFrom: request.effectiveFrom,
      effectiveTo: request.effectiveTo,
      rules: stripUndefined(request.rules) as Policy['rules'],
      note: request.note,
    };
    const key = { divisionCode: request.divisionCode };
    const created = await this.createVersion('POLICY', '计算政策', request, caller, {
      byKey: (em) => em.findOne(Policy, { idempotencyKey: request.idempotencyKey }),
      openBefore: (em) => em.findOne(Policy, { ...key, ...openBefore(request.effectiveFrom) }),
      overlapping: (em) => em.findOne(Policy, { ...key, ...overlapping(request) }),
      build: (em) => em.create(Policy, { ...fields, idempotencyKey: request.idempotencyKey, createdBy: caller.userId }),
      same: (existing) => sameFields(existing, fields),
    });
    return toPolicyReply(created);
  }

  async listStandards(request: ListRuleVersionsRequest): Promise<{ items: StandardReply[] }> {
    this.authorizeRead(request.divisionCode);
    const rows = await this.em.fork().find(
      Standard,
      {
        divisionCode: { $in: governingDivisions(request.divisionCode) },
        ...(request.at ? inForceOn(request.at) : {}),
      },
      { orderBy: { divisionCode: 'asc', urbanRural: 'asc', effectiveFrom: 'asc' } },
    );
    return { items: rows.map(toStandardReply) };
  }

  async listPolicies(request: ListRuleVersionsRequest): Promise<{ items: PolicyReply[] }> {
    this.authorizeRead(request.divisionCode);
    const rows = await this.em.fork().find(
      Policy,
      {
        divisionCode: { $in: governingDivisions(request.divisionCode) },
        ...(request.at ? inForceOn(request.at) : {}),
      },
      { orderBy: { divisionCode: 'asc', effectiveFrom: 'asc' } },
    );
    return { items: rows.map(toPolicyReply) };
  }

  async listChanges(divisionCode: string): Promise<ListRuleChangesReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.eligibilityRulesManage);
    if (!inScope(caller, divisionCode)) {
      throw AccessError.outOfDivision(divisionCode);
    }
    const rows = await this.em
      .fork()
      .find(RuleChange, { divisionCode }, { orderBy: { createdAt: 'desc' }, limit: 500 });
    return {
      items: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        action: row.action,
        versionId: row.versionId,
        divisionCode: row.divisionCode,
        actorId: row.actorId,
        actorName: row.actorName,
        reason: row.reason,
        before: row.before ?? null,
        after: row.after,
        at: row.createdAt.toISOString(),
      })),
    };
  }

  /**
   * The standard and policy in force for a household's division on a date: the most specific of each. One
   * plain SQL round trip (it runs for every assessment).
   */
  async inForce(divisionCode: string, urbanRural: 'URBAN' | 'RURAL', at: string): Promise<VersionsInForce> {
    const [county, prefecture = county] = governingDivisions(divisionCode);
    const cacheKey = `${county}|${urbanRural}|${at}`;
    const cached = this.recent.get(cacheKey);
    if (cached && cached.until > Date.now()) {
      return cached.versions;
    }
    const rows = await this.em.getConnection().execute<InForceRow[]>(
      `select * from (
         (select 'STANDARD' as kind, id, division_code, amount_fen, period, null::jsonb as rules
            from eligibility.standard
           where division_code in (?, ?) and urban_rural = ? and effective_from <= ?
             and (effective_to is null or effective_to >= ?)
           order by length(division_code) desc limit 1)
         union all
         (select 'POLICY', id, division_code, null, null, rules
            from eligibility.policy
           where division_code in (?, ?) and effective_from <= ? and (effective_to is null or effective_to >= ?)
           order by length(division_code) desc limit 1)
       ) found`,
      [county, prefecture, urbanRural, at, at, county, prefecture, at, at],
    );
    const standard = rows.find((row) => row.kind === 'STANDARD');
    const policy = rows.find((row) => row.kind === 'POLICY');
    if (!standard || !policy) {
      throw RuleVersionError.notInForce(divisionCode, at);
    }
    const versions = {
      standard: { id: standard.id, amountFen: Number(standard.amount_fen), period: standard.period! },
      policy: { id: policy.id, ...policy.rules! },
    };
    if (this.recent.size >= 10_000) {
      this.recent.clear();
    }
    this.recent.set(cacheKey, { versions, until: Date.now() + IN_FORCE_CACHE_MS });
    return versions;
  }

  private async authorizeChange(request: CreateStandardRequest | CreatePolicyRequest): Promise<Caller> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.eligibilityRulesManage);
    if (!inScope(caller, request.divisionCode)) {
      throw AccessError.outOfDivision(request.divisionCode);
    }
    if (request.effectiveTo !== undefined && request.effectiveTo < request.effectiveFrom) {
      throw RuleVersionError.endsBeforeStart();
    }
    await this.divisions.assertExists(request.divisionCode);
    return caller;
  }

  private authorizeRead(divisionCode: string): void {
    const caller = requireCaller();
    // Standards are public figures: staff read those of their own division, above it (the prefecture's) and below it.
    if (!inScope(caller, divisionCode) && !divisionWithin(caller.divisionCode, divisionCode)) {
      throw AccessError.outOfDivision(divisionCode);
    }
  }

  private async createVersion<T extends Version>(
    kind: RuleChange['kind'],
    label: string,
    request: CreateStandardRequest | CreatePolicyRequest,
    caller: Caller,
    store: VersionStore<T>,
  ): Promise<T> {
    const repeated = await store.byKey(this.em.fork());
    if (repeated) {
      if (!store.same(repeated)) {
        throw RuleVersionError.keyReused();
      }
      return repeated;
    }
    try {
      const created = await this.em.fork().transactional(async (tx) => {
        const audit = (action: RuleChange['action'], version: T, before: unknown) =>
          tx.create(RuleChange, {
            kind,
            action,
            versionId: version.id,
            divisionCode: version.divisionCode,
            actorId: caller.userId,
            actorName: caller.username,
            reason: request.reason,
            before,
            after: snapshot(version),
          });
        if (request.closePrevious) {
          const open = await store.openBefore(tx);
          if (open) {
            const before = snapshot(open);
            open.effectiveTo = dayBefore(request.effectiveFrom);
            audit('CLOSE', open, before);
            await tx.flush();
          }
        }
        const clash = await store.overlapping(tx);
        if (clash) {
          throw RuleVersionError.overlaps(label, period(clash));
        }
        const version = store.build(tx);
        audit('CREATE', version, null);
        return version;
      });
      this.recent.clear();
      return created;
    } catch (error) {
      if (isOverlap(error)) {
        throw RuleVersionError.overlaps(label, '并发提交的另一版本');
      }
      throw error;
    }
  }
}

/** How to find and make versions of one kind, with the kind's key (division, and urban/rural for standards). */
interface VersionStore<T extends Version> {
  byKey(em: EntityManager): Promise<T | null>;
  /** The open-ended version that started before the new one (closed by closePrevious). */
  openBefore(em: EntityManager): Promise<T | null>;
  overlapping(em: EntityManager): Promise<T | null>;
  build(em: EntityManager): T;
  same(existing: T): boolean;
}

const openBefore = (effectiveFrom: string) => ({ effectiveTo: null, effectiveFrom: { $lt: effectiveFrom } });

const overlapping = (request: { effectiveFrom: string; effectiveTo?: string }) => ({
  effectiveFrom: { $lte: request.effectiveTo ?? '9999-12-31' },
  $or: [{ effectiveTo: null }, { effectiveTo: { $gte: request.effectiveFrom } }],
});

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function snapshot(version: Version): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...rest } = { ...version } as Record<string, unknown>;
  return rest;
}

function stripUndefined<T>(value: T): T {
  return JSON.parse(canonicalJson(value)) as T;
}

function sameFields(existing: Version, fields: Record<string, unknown>): boolean {
  const current = existing as unknown as Record<string, unknown>;
  return Object.entries(fields).every(([name, value]) => {
    const stored = current[name] ?? undefined;
    return canonicalJson(name === 'amountFen' ? Number(stored) : stored) === canonicalJson(value ?? undefined);
  });
}

export function toStandardReply(row: Standard): StandardReply {
  return {
    id: row.id,
    divisionCode: row.divisionCode,
    urbanRural: row.urbanRural,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo ?? null,
    amountFen: Number(row.amountFen),
    period: row.period,
    note: row.note ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toPolicyReply(row: Policy): PolicyReply {
  return {
    id: row.id,
    divisionCode: row.divisionCode,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo ?? null,
    rules: row.rules,
    note: row.note ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
