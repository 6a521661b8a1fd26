import { createHash } from 'node:crypto';

import { Injectable, Logger } from '@nestjs/common';
import {
  CreateRequestContext,
  EntityManager,
  LoadStrategy,
  LockMode,
  UniqueConstraintViolationException,
} from '@mikro-orm/postgresql';

import {
  type CreateHouseholdRequest,
  ErrorCode,
  type HouseholdPublicityReply,
  type HouseholdReply,
  type ImportHouseholdsReply,
  PERMISSIONS,
  type SearchHouseholdsReply,
} from '@app/contracts';
import {
  checkIdNumber,
  HEAD_RELATIONSHIP,
  type HouseholdStatus,
  maskIdNumber,
  normalizeName,
  queryGrams,
} from '@app/domain';
import {
  AccessError,
  assertPermission,
  assertVisible,
  DomainError,
  inScope,
  isSystemCaller,
  requireCaller,
  sqlArray,
} from '@app/platform';

import { HouseholdChange } from './household-change.entity';
import { HouseholdMember } from './household-member.entity';
import { Household } from './household.entity';
import { HouseholdError } from './household.errors';
import { toHouseholdReply } from './household.mapper';
import { validateMembers, type ValidMember } from './member-validation';
import { Person } from './person.entity';
import { DivisionsService } from '../divisions/divisions.service';

const ACTIVE_STATUSES: HouseholdStatus[] = ['APPLYING', 'ACTIVE', 'SUSPENDED'];
/** A household's member changes shown with it: the latest ones. */
const MEMBER_CHANGES_SHOWN = 100;

/** The household registry: assessment households, their members, and search by name or ID number. */
@Injectable()
export class HouseholdsService {
  private readonly logger = new Logger(HouseholdsService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly divisions: DivisionsService,
  ) {}

  /** Registers a household with its members; idempotent by key. A person may be in one active household only. */
  @CreateRequestContext()
  async create(request: CreateHouseholdRequest): Promise<HouseholdReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.householdRegister);
    if (!inScope(caller, request.divisionCode)) {
      throw AccessError.outOfDivision(request.divisionCode);
    }
    await this.divisions.assertCurrent(request.divisionCode, 5);
    const members = await this.validate(request.members);
    const requestHash = createHash('sha256')
      .update(
        JSON.stringify([
          request.divisionCode,
          request.address ?? null,
          members.map((m) => [m.idNumber, m.name, m.relationship]),
        ]),
      )
      .digest('hex');
    const existing = await this.byKey(request.idempotencyKey, requestHash);
    if (existing) {
      return existing;
    }
    try {
      const household = await this.em.transactional(async (em) => {
        const created = await this.newHousehold(
          em,
          request.divisionCode,
          request.address,
          request.idempotencyKey,
          requestHash,
        );
        await this.addMembers(em, created, members);
        return created;
      });
      this.logger.log({ householdNo: household.householdNo, members: members.length }, 'household registered');
      return this.reply(household.id);
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        this.em.clear();
        const winner = await this.byKey(request.idempotencyKey, requestHash);
        if (winner) {
          return winner;
        }
        await this.assertNoActiveMembership(this.em.fork(), members);
      }
      throw error;
    }
  }

  /**
   * The household an applicant heads, registering a one-person household when they are not in one yet. Used by
   * applications inside their transaction.
   */
  async householdForApplicant(
    em: EntityManager,
    divisionCode: string,
    name: string,
    idNumber: string,
  ): Promise<{ household: Household; isNew: boolean }> {
    const person = await em.findOne(Person, { idNumber }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (person) {
      const membership = await em.findOne(HouseholdMember, { person, active: true }, { populate: ['household'] });
      if (membership) {
        if (membership.isHead && membership.household.divisionCode === divisionCode) {
          return { household: membership.household, isNew: false };
        }
        throw HouseholdError.alreadyMember('applicantIdNumber', idNumber, membership.household.householdNo);
      }
    }
    const [member] = await this.validate(
      [{ name, idNumber, relationship: HEAD_RELATIONSHIP, health: 'HEALTHY', workCapacity: 'FULL', schooling: 'NONE' }],
      em,
    );
    const household = await this.newHousehold(em, divisionCode);
    // Looked up under lock above: a person not yet known, or one in no active household.
    await this.addMembers(em, household, [member], new Map([[idNumber, person]]));
    return { household, isNew: true };
  }

  /** ID numbers of a household's active members, and which is the head. */
  async activeMembers(em: EntityManager, household: Household): Promise<Array<{ idNumber: string; isHead: boolean }>> {
    const members = await em.find(HouseholdMember, { household, active: true }, { populate: ['person'] });
    return members.map((member) => ({ idNumber: member.person.idNumber, isHead: member.isHead }));
  }

  @CreateRequestContext()
  async get(householdId: string, reveal = false): Promise<HouseholdReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationRead);
    if (reveal) {
      assertPermission(caller, PERMISSIONS.personalDataReveal);
    }
    // The household and its members at once; nothing leaves before the caller's scope is checked.
    const { household, members, changes } = await this.load(householdId);
    assertVisible(caller, household?.divisionCode);
    return toHouseholdReply(household!, members, reveal, changes);
  }

  /**
   * What a publication of recipients may say of each household: its active members, and whether any of its
   * applications was confidential (then it is never published). Households the caller may not see, or that do not
   * exist, are left out of the answer (so it tells nothing of them).
   */
  async publicity(householdIds: string[]): Promise<HouseholdPublicityReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationRead);
    if (householdIds.length === 0) {
      return { items: [] };
    }
    const rows = await this.em
      .fork()
      .getConnection()
      .execute<Array<{ id: string; member_count: number; confidential: boolean }>>(
        `select h.id,
                (select count(*)::int from intake.household_member m where m.household_id = h.id and m.active)
                  as member_count,
                exists (select 1 from intake.application a
                         where a.household_id = h.id and (a.details ->> 'confidential')::boolean) as confidential
           from intake.household h
          where h.id = any(?::uuid[]) and h.division_code like ?`,
        [sqlArray(householdIds), `${isSystemCaller(caller) ? '' : caller.divisionCode}%`],
      );
    return {
      items: rows.map((row) => ({
        householdId: row.id,
        memberCount: row.member_count,
        confidential: row.confidential,
      })),
    };
  }

  /**
   * Finds households by a member's name (full or partial) or full ID number, in the caller's division subtree.
   * Names go through the GIN index over name grams, so a two-character name is as quick as a long one.
   */
  @CreateRequestContext()
  async search(q: string, limit = 20): Promise<SearchHouseholdsReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.applicationRead);
    const query = q.trim();
    const idCheck = /^(\d{15}|\d{17}[\dXx])$/.test(query) ? checkIdNumber(query) : undefined;
    const scope = `${isSystemCaller(caller) ? '' : caller.divisionCode}%`;
    const separator = String.fromCharCode(31);
    const plain = normalizeName(query.split(separator).join(''));
    if (!idCheck && queryGrams(plain).length === 0) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'empty query', '检索词不能为空', [
        { field: 'q', messages: ['请输入姓名或身份证号码'] },
      ]);
    }
    const columns = `h.id, h.household_no, h.division_code, h.status, p.name, p.id_number, m.relationship, m.active`;
    const from = `intake.person p join intake.household_member m on m.person_id = p.id join intake.household h on h.id = m.household_id`;
    // Exact names first (B-tree on name), then partial matches through the GIN index over name grams (the grams
    // travel as one string split on the unit separator, which no name contains). Each branch stops at the limit,
    // so a common name never sorts thousands of rows.
    const [hitsSql, hitParams] = idCheck
      ? [
          `select ${columns}, 0 as rank from ${from} where p.id_number = ? and h.division_code like ? limit ?`,
          [idCheck.normalized, scope, limit],
        ]
      : [
          `(select ${columns}, 0 as rank from ${from} where p.name = ? and h.division_code like ? limit ?)
           union all
           (select ${columns}, 1 as rank from ${from}
             where p.name_grams @> string_to_array(?, chr(31)) and p.name like ? and p.name <> ? and h.division_code like ? limit ?)`,
          [
            plain,
            scope,
            limit,
            queryGrams(plain).join(separator),
            `%${plain.replace(/[%_\\]/g, '')}%`,
            plain,
            scope,
            limit,
          ],
        ];
    const rows = await this.em.getConnection().execute<Array<Record<string, string | number>>>(
      `with hits as (select * from (${hitsSql}) u limit ?)
       select hits.*,
              (select hp.name from intake.household_member hm join intake.person hp on hp.id = hm.person_id
                where hm.household_id = hits.id and hm.is_head order by hm.active desc limit 1) as head_name,
              (select count(*)::int from intake.household_member cm where cm.household_id = hits.id and cm.active) as member_count
         from hits
        order by hits.rank, hits.active desc, hits.name, hits.household_no`,
      [...hitParams, limit],
    );
    return {
      items: rows.map((row) => ({
        householdId: String(row.id),
        householdNo: String(row.household_no),
        divisionCode: String(row.division_code),
        status: String(row.status) as HouseholdReply['status'],
        headName: String(row.head_name ?? ''),
        memberCount: Number(row.member_count),
        matched: {
          name: String(row.name),
          idNumberMasked: maskIdNumber(String(row.id_number)),
          relationship: String(row.relationship),
        },
      })),
    };
  }

  /**
   * Registers many households in one transaction with set-based SQL (data migration, load tests). System only.
   * Households whose key is already registered are skipped; a person already in an active household fails the batch.
   */
  @CreateRequestContext()
  async importBulk(households: CreateHouseholdRequest[]): Promise<ImportHouseholdsReply> {
    if (!isSystemCaller(requireCaller())) {
      throw AccessError.wrongRole(PERMISSIONS.householdRegister);
    }
    const rows: Array<{ key: string; division: string; address: string | null; members: ValidMember[] }> = [];
    const errors = [];
    for (const [index, household] of households.entries()) {
      const { members, errors: memberErrors } = validateMembers(
        household.members,
        () => true,
        `households[${index}].members`,
      );
      errors.push(...memberErrors);
      rows.push({
        key: household.idempotencyKey,
        division: household.divisionCode,
        address: household.address ?? null,
        members,
      });
    }
    if (errors.length > 0) {
      throw HouseholdError.invalidMembers(errors.slice(0, 50));
    }
    const payload = JSON.stringify(rows);
    return this.em.transactional(async (em) => {
      const run = <T extends Array<Record<string, unknown>> = Array<Record<string, unknown>>>(
        sql: string,
        params: unknown[],
      ) => em.getConnection().execute<T>(sql, params, 'all', em.getTransactionContext());
      await run(
        `create temp table import_household on commit drop as
        select h.key, h.division, h.address, h.members, gen_random_uuid() as id
          from jsonb_to_recordset(?::jsonb) as h(key text, division text, address text, members jsonb)
         where not exists (select 1 from intake.household x where x.idempotency_key = h.key)`,
        [payload],
      );
      await run(
        `create temp table import_member on commit drop as
        select i.id as household_id, m.* from import_household i,
          jsonb_to_recordset(i.members) as m("idNumber" text, name text, "idKind" text, sex text, "birthDate" date, "nameGrams" text[],
            relationship text, "disabilityGrade" smallint, health text, "workCapacity" text, schooling text,
            "hukouHouseholdNo" text, "hukouType" text)`,
        [],
      );
      const unknownDivisions = await run<Array<{ division: string }>>(
        `select distinct i.division from import_household i
          where not exists (select 1 from intake.division d where d.code = i.division and d.level = 5 and d.valid_to is null)
          limit 5`,
        [],
      );
      if (unknownDivisions.length > 0) {
        throw HouseholdError.invalidMembers(
          unknownDivisions.map((row) => ({
            field: 'households',
            messages: [`行政区划代码${row.division}在行政区划表中不存在或已撤销`],
          })),
        );
      }
      const busy = await run<Array<{ id_number: string }>>(
        `select p.id_number from import_member i join intake.person p on p.id_number = i."idNumber"
           join intake.household_member m on m.person_id = p.id and m.active limit 5`,
        [],
      );
      if (busy.length > 0) {
        throw HouseholdError.invalidMembers(
          busy.map((row) => ({
            field: 'households',
            messages: [`身份证号${maskIdNumber(row.id_number)}的人员已是另一低保家庭的成员`],
          })),
        );
      }
      const imported = await run<Array<{ id: string }>>(
        `insert into intake.household (id, created_at, updated_at, household_no, division_code, status, address, idempotency_key)
         select id, now(), now(), 'HH-' || division || '-' || lpad(nextval('intake.household_no_seq')::text, 7, '0'), division, 'APPLYING', address, key
           from import_household returning id`,
        [],
      );
      await run(
        `insert into intake.person (id, created_at, updated_at, id_number, id_kind, name, name_grams, sex, birth_date)
         select gen_random_uuid(), now(), now(), "idNumber", "idKind", name, "nameGrams", sex, "birthDate" from import_member
         on conflict (id_number) do nothing`,
        [],
      );
      await run(
        `insert into intake.household_member (id, created_at, updated_at, household_id, person_id, relationship, is_head,
            disability_grade, health, work_capacity, schooling, hukou_household_no, hukou_type, active)
         select gen_random_uuid(), now(), now(), i.household_id, p.id, i.relationship, i.relationship = '02', i."disabilityGrade",
                i.health, i."workCapacity", i.schooling, i."hukouHouseholdNo", i."hukouType", true
           from import_member i join intake.person p on p.id_number = i."idNumber"`,
        [],
      );
      return { imported: imported.length, skipped: households.length - imported.length };
    });
  }

  /** `em`: the transaction's, when called inside one (see DivisionsService.isKnownAddressCode). */
  private async validate(input: CreateHouseholdRequest['members'], em?: EntityManager): Promise<ValidMember[]> {
    const known = new Map<string, boolean>();
    for (const member of input) {
      const address = member.idNumber.trim().slice(0, 6);
      if (!known.has(address)) {
        known.set(address, await this.divisions.isKnownAddressCode(address, em));
      }
    }
    const { members, errors } = validateMembers(input, (code) => known.get(code) ?? true);
    if (errors.length > 0) {
      throw HouseholdError.invalidMembers(errors);
    }
    return members;
  }

  private async newHousehold(
    em: EntityManager,
    divisionCode: string,
    address?: string,
    idempotencyKey?: string,
    requestHash?: string,
  ): Promise<Household> {
    const [{ no }] = await em.execute<Array<{ no: string }>>(
      `select lpad(nextval('intake.household_no_seq')::text, 7, '0') as no`,
    );
    return em.create(Household, {
      householdNo: `HH-${divisionCode}-${no}`,
      divisionCode,
      address,
      idempotencyKey,
      requestHash,
    });
  }

  /**
   * Adds members to a household (a registration, or a member joining). `checked`: the members' persons as the
   * caller already looked them up in this transaction, under lock, and found in no active household (null: no such
   * person yet); neither is asked again.
   */
  async addMembers(
    em: EntityManager,
    household: Household,
    members: ValidMember[],
    checked?: Map<string, Person | null>,
  ): Promise<void> {
    if (!checked) {
      await this.assertNoActiveMembership(em, members);
    }
    for (const member of members) {
      let person = checked?.has(member.idNumber)
        ? checked.get(member.idNumber)
        : await em.findOne(Person, { idNumber: member.idNumber });
      if (!person) {
        person = em.create(Person, {
          idNumber: member.idNumber,
          idKind: member.idKind,
          name: member.name,
          nameGrams: member.nameGrams,
          sex: member.sex,
          birthDate: member.birthDate,
        });
      } else if (person.name !== member.name) {
        person.name = member.name;
        person.nameGrams = member.nameGrams;
      }
      em.create(HouseholdMember, {
        household,
        person,
        relationship: member.relationship,
        isHead: member.relationship === HEAD_RELATIONSHIP,
        disabilityGrade: member.disabilityGrade,
        health: member.health,
        workCapacity: member.workCapacity,
        schooling: member.schooling,
        hukouHouseholdNo: member.hukouHouseholdNo,
        hukouType: member.hukouType,
      });
    }
    await em.flush();
  }

  /** Refuses a member who is active in another household, naming which (the partial unique index backs this). */
  private async assertNoActiveMembership(em: EntityManager, members: ValidMember[]): Promise<void> {
    const busy = await em.find(
      HouseholdMember,
      {
        person: { idNumber: { $in: members.map((member) => member.idNumber) } },
        active: true,
        household: { status: { $in: ACTIVE_STATUSES } },
      },
      { populate: ['household', 'person'] },
    );
    if (busy.length > 0) {
      const index = members.findIndex((member) => member.idNumber === busy[0].person.idNumber);
      throw HouseholdError.alreadyMember(
        `members[${index}].idNumber`,
        busy[0].person.idNumber,
        busy[0].household.householdNo,
      );
    }
  }

  private async byKey(idempotencyKey: string, requestHash: string): Promise<HouseholdReply | undefined> {
    const existing = await this.em.fork().findOne(Household, { idempotencyKey });
    if (!existing) {
      return undefined;
    }
    if (existing.requestHash !== requestHash) {
      throw HouseholdError.keyReused(idempotencyKey);
    }
    return this.reply(existing.id);
  }

  private async reply(householdId: string, reveal = false): Promise<HouseholdReply> {
    const { household, members, changes } = await this.load(householdId);
    return toHouseholdReply(household!, members, reveal, changes);
  }

  /**
   * The household, its active members with their persons and its member changes: three queries at once (the
   * dossier asks on every read), and the changed members' names only when there are changes.
   */
  private async load(householdId: string): Promise<{
    household: Household | null;
    members: HouseholdMember[];
    changes: Array<{ change: HouseholdChange; person: Person; newHead: Person | null }>;
  }> {
    const em = this.em.fork();
    const [household, members, changes] = await Promise.all([
      em.findOne(Household, { id: householdId }),
      em.find(
        HouseholdMember,
        { household: householdId, active: true },
        { populate: ['person'], strategy: LoadStrategy.JOINED },
      ),
      em.find(HouseholdChange, { householdId }, { orderBy: { createdAt: 'desc' }, limit: MEMBER_CHANGES_SHOWN }),
    ]);
    const persons = changes.length
      ? new Map(
          (
            await em.find(Person, {
              id: { $in: changes.flatMap((change) => [change.personId, change.newHeadPersonId ?? change.personId]) },
            })
          ).map((person) => [person.id, person]),
        )
      : new Map<string, Person>();
    return {
      household,
      members,
      changes: changes.reverse().map((change) => ({
        change,
        person: persons.get(change.personId)!,
        newHead: change.newHeadPersonId ? persons.get(change.newHeadPersonId)! : null,
      })),
    };
  }
}
