import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';

import {
  type Caller,
  type ChangeHouseholdMembersRequest,
  MEMBER_CHANGE_LABELS,
  MEMBER_CHANGE_REASONS,
  ErrorCode,
  type MemberChangeReply,
  type NewHeadInput,
  PERMISSIONS,
  SUBJECTS,
} from '@app/contracts';
import {
  beijingDate,
  beijingMinute,
  canonicalJson,
  checkIdNumber,
  HEAD_RELATIONSHIP,
  maskBankAccount,
  maskIdNumber,
  RELATIONSHIPS,
  reviewDueAfterMemberChange,
  sha256Hex,
} from '@app/domain';
import {
  assertPermission,
  assertVisible,
  MessagingClient,
  RemoteError,
  requireCaller,
  runAsCaller,
  SYSTEM_CALLER,
} from '@app/platform';

import { HouseholdChange } from './household-change.entity';
import { HouseholdMember } from './household-member.entity';
import { Household } from './household.entity';
import { HouseholdError } from './household.errors';
import { toChangeRecord } from './household.mapper';
import { HouseholdsService } from './households.service';
import { planHandOver, validateMembers, type ValidMember } from './member-validation';
import { Person } from './person.entity';
import { Application } from '../applications/application.entity';
import { IN_PROGRESS_STATUS_NAMES } from '../applications/application.errors';
import { ApprovalWorkflowService } from '../approval-chain/approval-workflow.service';
import { ChainNoticesService } from '../approval-chain/chain-notices.service';
import { DivisionsService } from '../divisions/divisions.service';

/**
 * Changes in households' members (家庭成员变动): a member leaves (death, moving out, marriage) or joins (birth,
 * marriage, moving in). Each is recorded in the registry, filed into the household file, and brings the open
 * benefit's next periodic review forward, for the amount depends on who lives in the household.
 */
@Injectable()
export class HouseholdChangesService {
  private readonly logger = new Logger(HouseholdChangesService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly households: HouseholdsService,
    private readonly divisions: DivisionsService,
    private readonly messaging: MessagingClient,
    private readonly chains: ApprovalWorkflowService,
    private readonly notices: ChainNoticesService,
  ) {}

  /**
   * One member leaves or joins, in one transaction under the household's lock: the membership, the review
   * brought forward, the report filed, then the change row. If payment or the archive cannot be reached, nothing
   * is recorded and the same request may be sent again. Idempotent by key.
   */
  async change(request: ChangeHouseholdMembersRequest): Promise<MemberChangeReply> {
    const caller = requireCaller();
    assertPermission(caller, PERMISSIONS.householdRegister);
    const requestHash = sha256Hex(canonicalJson(request));
    const repeated = await this.repeatOf(request.idempotencyKey, requestHash);
    if (repeated) {
      // Told again: the first request may have recorded the change and then failed to tell the chain (503).
      await this.tellChain(request);
      return repeated;
    }
    assertReason(request);
    if (request.newHead && request.kind === 'JOIN') {
      throw HouseholdError.changeRefused('newHead', '增员时不能变更户主');
    }
    if (request.occurredOn > beijingDate(new Date())) {
      throw HouseholdError.changeRefused('occurredOn', '变动日期不能晚于今天');
    }
    const em = this.em.fork();
    const household = await em.findOne(Household, { id: request.householdId });
    assertVisible(caller, household?.divisionCode);
    const joining = request.kind === 'JOIN' ? await this.joiningMember(request, em) : undefined;
    if (request.newHead) {
      await this.assertPayeeFits(household!.id, request.newHead);
    }
    const [application] = await em.find(
      Application,
      { household: household!.id },
      { orderBy: { createdAt: 'desc' }, limit: 1, fields: ['id', 'status', 'workflowId'] },
    );

    try {
      await em.transactional((tx) => this.record(tx, household!.id, request, requestHash, joining, application));
    } catch (error) {
      // The same person joining two households at once: one has them; the other is told where they are.
      if (error instanceof UniqueConstraintViolationException) {
        const again = await this.repeatOf(request.idempotencyKey, requestHash);
        if (again) {
          return again;
        }
        if (joining) {
          await this.assertJoinable(this.em.fork(), household!, joining);
        }
      }
      throw error;
    }
    this.logger.log(
      { householdId: household!.id, kind: request.kind, reason: request.reason },
      'household member change recorded',
    );
    await this.tellChain(request);
    return (await this.repeatOf(request.idempotencyKey, requestHash))!;
  }

  /**
   * Sends the chain the notice the change queued, if it did (an application in the chain, members changed) — after
   * the change is committed, so that the chain reads the household as it now is (told from inside the transaction,
   * the new assessment could read the members before the commit). A chain that cannot be told is a 503 with the
   * change recorded; the notice is sent again by the sweep, or by the same request sent again.
   */
  private async tellChain(request: ChangeHouseholdMembersRequest): Promise<void> {
    try {
      await this.notices.send(changeKey(request));
    } catch (error) {
      this.logger.warn({ householdId: request.householdId, err: error }, 'chain not told of a household change yet');
      throw HouseholdError.chainNotTold();
    }
  }

  /** The change in one transaction under the household's lock; a duplicate of the key in flight records nothing. */
  private async record(
    tx: EntityManager,
    householdId: string,
    request: ChangeHouseholdMembersRequest,
    requestHash: string,
    joining: ValidMember | undefined,
    application: Pick<Application, 'id' | 'status' | 'workflowId'> | undefined,
  ): Promise<void> {
    const caller = requireCaller();
    const locked = await tx.findOneOrFail(Household, { id: householdId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    // The same key sent twice at once: the second waited for the lock and finds the first's change.
    if (await tx.findOne(HouseholdChange, { idempotencyKey: request.idempotencyKey })) {
      return;
    }
    if (locked.status === 'ENDED') {
      throw HouseholdError.ended();
    }
    const { person, newHead, ended } = joining
      ? { person: await this.join(tx, locked, joining), newHead: undefined, ended: false }
      : request.kind === 'HEAD'
        ? await this.handOver(tx, locked, request)
        : await this.leave(tx, locked, request);
    // Who lives there is the same after a hand-over: nothing to review sooner, nothing to assess again.
    const composed = request.kind !== 'HEAD';
    const nextReviewOn = composed ? await this.bringReviewForward(locked, request) : null;
    if (newHead && request.newHead?.payee) {
      await this.movePayee(locked, request, newHead);
    }
    const documentId = application
      ? await this.fileReport(locked, application.id, request, { person, newHead }, caller, nextReviewOn)
      : null;
    if (application && composed && application.status in IN_PROGRESS_STATUS_NAMES) {
      if (ended) {
        // The application ends with the household; the chain is told before this is recorded (503, send again).
        await this.endApplication(tx, application.id, request);
      } else {
        // Assessed again: the notice is committed with the change and sent after it (tellChain, or the sweep).
        this.notices.queue(tx, {
          changeId: changeKey(request),
          workflowId: application.workflowId,
          signal: 'householdChanged',
          summary: summaryOf(request),
          occurredOn: request.occurredOn,
        });
      }
    }
    tx.create(HouseholdChange, {
      idempotencyKey: request.idempotencyKey,
      requestHash,
      householdId: locked.id,
      personId: person.id,
      kind: request.kind,
      reason: request.reason,
      occurredOn: request.occurredOn,
      note: request.note,
      actorId: caller.userId,
      actorName: caller.username,
      documentId,
      nextReviewOn,
      newHeadPersonId: newHead?.id ?? null,
    });
  }

  /** The joining member checked as a member of a household that has its head (no second head). */
  private async joiningMember(request: ChangeHouseholdMembersRequest, em: EntityManager): Promise<ValidMember> {
    const address = request.member!.idNumber.trim().slice(0, 6);
    const known = await this.divisions.isKnownAddressCode(address, em);
    const { members, errors } = validateMembers([request.member!], () => known, 'member', false);
    if (errors.length > 0) {
      throw HouseholdError.invalidMembers(
        errors.map((error) => ({ ...error, field: error.field.replace('member[0]', 'member') })),
      );
    }
    return members[0];
  }

  private async join(tx: EntityManager, household: Household, member: ValidMember): Promise<Person> {
    const person = await this.assertJoinable(tx, household, member, LockMode.PESSIMISTIC_WRITE);
    await this.households.addMembers(tx, household, [member], new Map([[member.idNumber, person]]));
    return person ?? (await tx.findOneOrFail(Person, { idNumber: member.idNumber }));
  }

  /** The joining person as known (null: not yet), refused when they are in this or another active household. */
  private async assertJoinable(
    em: EntityManager,
    household: Household,
    member: ValidMember,
    lockMode?: LockMode,
  ): Promise<Person | null> {
    const person = await em.findOne(Person, { idNumber: member.idNumber }, lockMode ? { lockMode } : {});
    if (person) {
      const membership = await em.findOne(HouseholdMember, { person, active: true }, { populate: ['household'] });
      if (membership?.household.id === household.id) {
        throw HouseholdError.changeRefused(
          'member.idNumber',
          `身份证号${maskIdNumber(member.idNumber)}的人员已是本家庭成员`,
        );
      }
      if (membership) {
        throw HouseholdError.alreadyMember('member.idNumber', member.idNumber, membership.household.householdNo);
      }
    }
    return person;
  }

  /** The member leaves; the head leaving hands the household to the new head named in the request (变更户主). */
  private async leave(
    tx: EntityManager,
    household: Household,
    request: ChangeHouseholdMembersRequest,
  ): Promise<{ person: Person; newHead?: Person; ended: boolean }> {
    const idNumber = checkIdNumber(request.idNumber!).normalized;
    const members = await tx.find(HouseholdMember, { household, active: true }, { populate: ['person'] });
    const membership = members.find((member) => member.person.idNumber === idNumber);
    if (!membership) {
      throw HouseholdError.changeRefused('idNumber', `该家庭没有身份证号为${maskIdNumber(idNumber)}的在册成员`);
    }
    membership.active = false;
    if (!membership.isHead) {
      if (request.newHead) {
        throw HouseholdError.changeRefused('newHead', '减少的成员不是户主，不能变更户主');
      }
      return { person: membership.person, ended: false };
    }
    const staying = members.filter((member) => member !== membership);
    if (staying.length === 0) {
      // The last member (a person living alone who died or moved away): the household ends (家庭注销).
      if (request.newHead) {
        throw HouseholdError.changeRefused('newHead', '该家庭没有其他在册成员，不能指定新户主');
      }
      household.status = 'ENDED';
      return { person: membership.person, ended: true };
    }
    if (!request.newHead) {
      throw HouseholdError.changeRefused('newHead', '户主减员时须指定新户主（newHead），并填写其他成员与新户主的关系');
    }
    return { person: membership.person, newHead: applyHandOver(staying, request.newHead), ended: false };
  }

  /** HEAD: the head hands over to another member, everyone staying; the former head is related to the new one. */
  private async handOver(
    tx: EntityManager,
    household: Household,
    request: ChangeHouseholdMembersRequest,
  ): Promise<{ person: Person; newHead: Person; ended: false }> {
    const members = await tx.find(HouseholdMember, { household, active: true }, { populate: ['person'] });
    const head = members.find((member) => member.isHead)!;
    if (checkIdNumber(request.newHead!.idNumber).normalized === head.person.idNumber) {
      throw HouseholdError.changeRefused('newHead.idNumber', '新户主与现户主是同一人');
    }
    const newHead = applyHandOver(members, request.newHead!);
    head.isHead = false;
    return { person: head.person, newHead, ended: false };
  }

  /**
   * A head change names the new head's account exactly when the household's benefit is being paid: asked of
   * payment before anything is written, so that a refusal changes nothing there either.
   */
  private async assertPayeeFits(householdId: string, newHead: NewHeadInput): Promise<void> {
    const paying = await runAsCaller(SYSTEM_CALLER, () =>
      this.messaging.request(SUBJECTS.payment.enrolmentGet, { householdId }),
    ).then(
      (enrolment) => enrolment.status !== 'TERMINATED',
      (error: unknown) => {
        if (error instanceof RemoteError && error.code === ErrorCode.NOT_FOUND) {
          return false;
        }
        throw error;
      },
    );
    if (paying && !newHead.payee) {
      throw HouseholdError.changeRefused(
        'newHead.payee',
        '该家庭正在享受低保，保障金须发放至户主名下账户：请填写新户主的开户银行和账号',
      );
    }
    if (!paying && newHead.payee) {
      throw HouseholdError.changeRefused('newHead.payee', '该家庭没有正在发放的低保待遇，无需填写收款账户');
    }
  }

  /** The benefit is paid to the new head's card from the next payroll on (idempotent by the change's key). */
  private async movePayee(
    household: Household,
    request: ChangeHouseholdMembersRequest,
    newHead: Person,
  ): Promise<void> {
    await runAsCaller(SYSTEM_CALLER, () =>
      this.messaging.request(SUBJECTS.payment.enrolmentChangePayee, {
        idempotencyKey: `household-change:${changeKey(request)}`,
        householdId: household.id,
        bankCode: request.newHead!.payee!.bankCode,
        accountNo: request.newHead!.payee!.accountNo,
        headName: newHead.name,
        headIdNumber: newHead.idNumber,
        reason:
          request.kind === 'HEAD'
            ? `${MEMBER_CHANGE_LABELS[request.reason]}（${request.occurredOn}），变更户主`
            : `原户主${MEMBER_CHANGE_LABELS[request.reason]}（${request.occurredOn}），变更户主`,
      }),
    );
  }

  /** The open benefit's next review falls due within the limit after the change; null without a benefit. */
  private async bringReviewForward(
    household: Household,
    request: ChangeHouseholdMembersRequest,
  ): Promise<string | null> {
    const reply = await runAsCaller(SYSTEM_CALLER, () =>
      this.messaging.request(SUBJECTS.payment.enrolmentReviewBringForward, {
        householdId: household.id,
        dueBy: reviewDueAfterMemberChange(request.occurredOn),
        reason: `家庭成员${MEMBER_CHANGE_LABELS[request.reason]}（${request.occurredOn}）`,
      }),
    );
    return reply.nextReviewOn;
  }

  /** Tells the application's chain that the application ended. Temporal unreachable: 503, nothing recorded. */
  private async chainTold(workflowId: string, signal: () => Promise<unknown>): Promise<void> {
    try {
      await signal();
    } catch (error) {
      this.logger.warn({ workflowId, err: error }, 'chain not told of a household change');
      throw HouseholdError.chainUnreachable();
    }
  }

  /**
   * The household's last member left while its application is in the chain: the application ends, withdrawn
   * with the reason, and its chain stops at its next step (the chain is told before the change is recorded).
   */
  private async endApplication(
    tx: EntityManager,
    applicationId: string,
    request: ChangeHouseholdMembersRequest,
  ): Promise<void> {
    const application = await tx.findOneOrFail(Application, { id: applicationId });
    const reason = `申请家庭已无在册成员（${summaryOf(request)}），申请终止`;
    Object.assign(application, { status: 'WITHDRAWN', withdrawnReason: reason });
    await this.chainTold(application.workflowId, () => this.chains.signalWithdrawn(application.workflowId, reason));
  }

  /** 家庭成员变动登记表, filed into the household file under its latest application (日常管理类). */
  private async fileReport(
    household: Household,
    applicationId: string,
    request: ChangeHouseholdMembersRequest,
    { person, newHead }: { person: Person; newHead?: Person },
    caller: Caller,
    nextReviewOn: string | null,
  ): Promise<string> {
    const recordedAt = new Date();
    const document = await runAsCaller(SYSTEM_CALLER, () =>
      this.messaging.request(SUBJECTS.archive.documentFile, {
        idempotencyKey: `household-change:${changeKey(request)}`,
        firstFilingStands: true,
        householdId: household.id,
        divisionCode: household.divisionCode,
        applicationId,
        workflowId: `household-${household.id}`,
        step: `member-change:${request.kind.toLowerCase()}:${request.occurredOn}`,
        documentType: 'HOUSEHOLD_CHANGE_REPORT',
        createdBy: caller.username,
        form: {
          title: '家庭成员变动登记表',
          subtitle: `家庭编号 ${household.householdNo}`,
          fields: [
            { label: '变动类型', value: MEMBER_CHANGE_LABELS[request.kind] },
            { label: '变动原因', value: MEMBER_CHANGE_LABELS[request.reason] },
            { label: '变动日期', value: request.occurredOn },
            { label: '成员姓名', value: person.name },
            { label: '公民身份号码', value: maskIdNumber(person.idNumber) },
            ...(newHead ? newHeadLines(request.newHead!, newHead) : []),
            ...(request.note ? [{ label: '情况说明', value: request.note }] : []),
            ...(request.kind === 'HEAD'
              ? []
              : [{ label: '下次核查日期', value: nextReviewOn ?? '未纳入保障，无需核查' }]),
            { label: '登记人', value: caller.username },
            { label: '登记单位（行政区划代码）', value: caller.divisionCode },
            { label: '登记时间', value: `${beijingMinute(recordedAt)}（北京时间）` },
          ],
          notes:
            household.status === 'ENDED'
              ? [
                  `该家庭已无在册成员，家庭注销。${nextReviewOn ? '正在发放的最低生活保障金应由县级民政部门作出停止发放决定。' : ''}`,
                ]
              : nextReviewOn
                ? ['家庭成员变动可能影响保障金额，应在下次核查日期前完成核查，需变更的由县级民政部门作出决定。']
                : undefined,
          completedAt: recordedAt.toISOString(),
        },
      }),
    );
    return document.id;
  }

  /** The reply for a key used before, or undefined; the key with another request is refused. */
  private async repeatOf(idempotencyKey: string, requestHash: string): Promise<MemberChangeReply | undefined> {
    const em = this.em.fork();
    const change = await em.findOne(HouseholdChange, { idempotencyKey });
    if (!change) {
      return undefined;
    }
    if (change.requestHash !== requestHash) {
      throw HouseholdError.changeKeyReused(idempotencyKey);
    }
    const [person, newHead] = await Promise.all([
      em.findOneOrFail(Person, { id: change.personId }),
      change.newHeadPersonId ? em.findOneOrFail(Person, { id: change.newHeadPersonId }) : null,
    ]);
    return {
      household: await this.households.get(change.householdId),
      change: toChangeRecord(change, person, newHead),
    };
  }
}

/** The change's own key where it reaches other services (a filing, a payee change, the chain): stable on resend. */
function changeKey(request: ChangeHouseholdMembersRequest): string {
  return sha256Hex(`${request.householdId}:${request.idempotencyKey}`);
}

/**
 * The staying members take the hand-over `planHandOver` checked: the new head's row becomes the head's (02), the
 * others take their relationships to the new head. Refused by field when the plan does not fit the members.
 */
function applyHandOver(staying: HouseholdMember[], given: NewHeadInput): Person {
  const { plan, errors } = planHandOver(
    staying.map((member) => ({ name: member.person.name, idNumber: member.person.idNumber })),
    given,
  );
  if (!plan) {
    throw HouseholdError.invalidMembers(errors);
  }
  let newHead: Person | undefined;
  for (const member of staying) {
    if (member.person.idNumber === plan.headIdNumber) {
      Object.assign(member, { isHead: true, relationship: HEAD_RELATIONSHIP });
      newHead = member.person;
    } else {
      member.relationship = plan.relationships.get(member.person.idNumber)!;
    }
  }
  return newHead!;
}

/** The change in a few words, without personal data: 减员：死亡（2026-11-20）. */
function summaryOf(request: ChangeHouseholdMembersRequest): string {
  return `${MEMBER_CHANGE_LABELS[request.kind]}：${MEMBER_CHANGE_LABELS[request.reason]}（${request.occurredOn}）`;
}

/** What the change report says of a change of head: the new head, the others' relationships, the new card. */
function newHeadLines(given: NewHeadInput, newHead: Person): Array<{ label: string; value: string }> {
  const relationships = given.relationships
    .map(({ idNumber, relationship }) => `${maskIdNumber(idNumber)}：${RELATIONSHIPS[relationship]}`)
    .join('；');
  return [
    { label: '新户主', value: `${newHead.name}（${maskIdNumber(newHead.idNumber)}）` },
    { label: '其他成员与新户主关系', value: relationships || '无其他成员' },
    ...(given.payee
      ? [
          {
            label: '保障金收款账户',
            value: `自下一发放月起改为新户主账户（${given.payee.bankCode} ${maskBankAccount(given.payee.accountNo)}）`,
          },
        ]
      : []),
  ];
}

function assertReason(request: ChangeHouseholdMembersRequest): void {
  const allowed: readonly string[] = MEMBER_CHANGE_REASONS[request.kind];
  if (!allowed.includes(request.reason)) {
    throw HouseholdError.changeRefused(
      'reason',
      `${MEMBER_CHANGE_LABELS[request.kind]}的原因只能是：${allowed.map((reason) => `${reason}（${MEMBER_CHANGE_LABELS[reason as keyof typeof MEMBER_CHANGE_LABELS]}）`).join('、')}`,
    );
  }
}
