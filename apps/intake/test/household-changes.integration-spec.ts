import { randomUUID } from 'node:crypto';

import type { INestMicroservice } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import {
  type ChangeHouseholdMembersRequest,
  ErrorCode,
  type HouseholdMemberInput,
  QUEUE_GROUPS,
  SUBJECTS,
} from '@app/contracts';
import { addMonthsToDay, beijingDate, DEMO_BANKS } from '@app/domain';
import { MessagingClient, TemporalClientService } from '@app/platform';
import { AppModule as ArchiveAppModule } from '@apps/archive/src/app.module';
import { AppModule as PaymentAppModule } from '@apps/payment/src/app.module';
import { as, CALLERS } from '@test/support/callers';
import { makeApplication, makeIdNumber } from '@test/support/factories/application.factory';
import { until } from '@test/support/http-client';
import { startService } from '@test/support/services';

import { AppModule as IntakeAppModule } from '../src/app.module';

/**
 * Changes in a household's members (家庭成员变动) with the real archive and payment services: recorded once, the
 * report filed into the household file, the benefit's next review brought forward, every refusal by field, and
 * nothing recorded when payment cannot be reached.
 */
describe('household member changes (real PostgreSQL, NATS, archive, payment)', () => {
  let intake: INestMicroservice;
  let archive: INestMicroservice;
  let payment: INestMicroservice;
  let client: MessagingClient;
  const today = beijingDate(new Date());
  const daysAgo = (days: number) => beijingDate(new Date(Date.now() - days * 86_400_000));
  const spouse: HouseholdMemberInput = {
    name: '王秀兰',
    idNumber: makeIdNumber(),
    relationship: '10',
    health: 'SERIOUS_ILLNESS',
    workCapacity: 'NONE',
    schooling: 'NONE',
  };
  const change = (
    request: Omit<ChangeHouseholdMembersRequest, 'idempotencyKey'>,
    key = randomUUID(),
    who = CALLERS.community1,
  ) => as(who, () => client.request(SUBJECTS.intake.householdChangeMembers, { ...request, idempotencyKey: key }));
  /** The household enrolled for payment from 2040-01 (its first review falls due 2041-01-01). */
  const enrol = (
    application: { id: string; householdId: string },
    submitted: { applicantIdNumber: string },
    headName: string,
    accountNo: string,
  ) =>
    as(CALLERS.county1, () =>
      client.request(SUBJECTS.payment.enrolmentCreate, {
        idempotencyKey: randomUUID(),
        householdId: application.householdId,
        applicationId: application.id,
        divisionCode: '220102001001',
        headName,
        headIdNumber: submitted.applicantIdNumber,
        bankCode: DEMO_BANKS[0].code,
        accountNo,
        baseFen: 47_000,
        supplementFen: 0,
        firstMonth: '2040-01',
        decision: '南关区民政局审核确认（测试）',
      }),
    );
  const changeRows = (householdId: string) =>
    intake
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute<Array<{ kind: string; reason: string }>>(
        'select kind, reason from intake.household_change where household_id = ? order by created_at',
        [householdId],
      );

  beforeAll(async () => {
    [intake, archive, payment] = await Promise.all([
      startService(IntakeAppModule, QUEUE_GROUPS.intake),
      startService(ArchiveAppModule, QUEUE_GROUPS.archive),
      startService(PaymentAppModule, QUEUE_GROUPS.payment),
    ]);
    client = intake.get(MessagingClient);
  });

  afterAll(async () => {
    await Promise.all([intake, archive, payment].map((service) => service.close()));
  });

  it('records a member joining and one dying: the report filed, the review due within three months, once per key', async () => {
    const submitted = makeApplication({ draft: true, applicantName: '李国强' });
    const application = await as(CALLERS.community1, () =>
      client.request(SUBJECTS.intake.applicationSubmit, submitted),
    );
    const householdId = application.householdId;
    const joined = await change({
      householdId,
      kind: 'JOIN',
      reason: 'MARRIED_IN',
      occurredOn: daysAgo(40),
      member: spouse,
    });
    expect(joined.household.members.map((member) => member.name).sort()).toEqual(['李国强', '王秀兰'].sort());
    expect(joined.change).toMatchObject({
      kind: 'JOIN',
      reason: 'MARRIED_IN',
      memberName: '王秀兰',
      memberIdNumberMasked: expect.stringMatching(/^\d{6}\*{8}\d{3}[\dX]$/),
      recordedBy: 'community1',
      documentId: expect.any(String),
      // No benefit yet: nothing to review.
      nextReviewOn: null,
    });

    const enrolled = await enrol(application, submitted, '李国强', '6217000012345678');
    expect(enrolled.nextReviewOn).toBe('2041-01-01');

    const died = daysAgo(5);
    const key = randomUUID();
    const death = {
      householdId,
      kind: 'LEAVE' as const,
      reason: 'DEATH' as const,
      occurredOn: died,
      idNumber: spouse.idNumber,
      note: '死亡医学证明编号（测试）',
    };
    const left = await change(death, key);
    expect(left.household.members.map((member) => member.name)).toEqual(['李国强']);
    // The household keeps its history: who joined and who left, oldest first.
    expect(left.household.memberChanges).toEqual([joined.change, left.change]);
    expect(left.change).toMatchObject({ kind: 'LEAVE', reason: 'DEATH', nextReviewOn: addMonthsToDay(died, 3) });
    // The benefit says why its review is due sooner.
    const benefit = await as(CALLERS.county1, () =>
      client.request(SUBJECTS.payment.enrolmentGet, { enrolmentId: enrolled.id }),
    );
    expect(benefit).toMatchObject({
      nextReviewOn: addMonthsToDay(died, 3),
      nextReviewReason: `家庭成员死亡（${died}）`,
    });
    // Both reports are in the household file, in the daily-management class.
    const filed = (
      await as(CALLERS.county1, () => client.request(SUBJECTS.archive.documentList, { applicationId: application.id }))
    ).items.filter((item) => item.documentType === 'HOUSEHOLD_CHANGE_REPORT');
    expect(filed.map((item) => item.id).sort()).toEqual([joined.change.documentId, left.change.documentId].sort());
    expect(filed.every((item) => item.archiveClass === 'DAILY_MANAGEMENT' && item.title === '家庭成员变动登记表')).toBe(
      true,
    );

    // The same request again answers the first change; the key with other content is refused.
    expect(await change(death, key)).toEqual(left);
    await expect(change({ ...death, occurredOn: daysAgo(6) }, key)).rejects.toMatchObject({
      code: ErrorCode.IDEMPOTENCY_CONFLICT,
    });
    expect(await changeRows(householdId)).toEqual([
      { kind: 'JOIN', reason: 'MARRIED_IN' },
      { kind: 'LEAVE', reason: 'DEATH' },
    ]);

    // A later change with a farther limit leaves the sooner due day as it is.
    const child = {
      ...spouse,
      name: '李小宝',
      idNumber: makeIdNumber(),
      relationship: '20' as const,
      health: 'HEALTHY' as const,
      schooling: 'PRIMARY' as const,
    };
    const born = await change({ householdId, kind: 'JOIN', reason: 'BIRTH', occurredOn: today, member: child });
    expect(born.change.nextReviewOn).toBe(addMonthsToDay(died, 3));

    // The changes are append-only.
    await expect(
      intake
        .get(EntityManager)
        .fork()
        .getConnection()
        .execute(`update intake.household_change set note = 'x' where household_id = ?`, [householdId]),
    ).rejects.toThrow(/append-only/);
  });

  it('tells the chain once the change is recorded; a chain it cannot tell is a 503 with the change kept, told later by the sweep', async () => {
    const application = await as(CALLERS.community1, () =>
      client.request(SUBJECTS.intake.applicationSubmit, makeApplication({ applicantName: '钱立新' })),
    );
    const born = {
      householdId: application.householdId,
      kind: 'JOIN' as const,
      reason: 'BIRTH' as const,
      occurredOn: today,
      member: { ...spouse, name: '钱小满', idNumber: makeIdNumber(), relationship: '20' as const },
    };
    const signals = async () =>
      (
        await intake.get(TemporalClientService).client.workflow.getHandle(application.workflowId).fetchHistory()
      ).events!.filter((event) => event.workflowExecutionSignaledEventAttributes?.signalName === 'householdChanged');
    // Temporal cannot be reached from intake (its connection closed): the birth is recorded, the chain is not told.
    await intake.get(TemporalClientService).connection.close();
    const key = randomUUID();
    await expect(change(born, key)).rejects.toMatchObject({
      code: ErrorCode.UNAVAILABLE,
      staffMessage: expect.stringContaining('成员变动已登记，但暂时无法通知审批流程重新核算'),
    });
    expect(await changeRows(application.householdId)).toEqual([{ kind: 'JOIN', reason: 'BIRTH' }]);
    // Its notice to the chain is kept in the outbox (unsent, unless another test's intake has swept it already).
    const notices = () =>
      intake
        .get(EntityManager)
        .fork()
        .getConnection()
        .execute<Array<{ sent_at: string | null }>>('select sent_at from intake.chain_notice where workflow_id = ?', [
          application.workflowId,
        ]);
    expect(await notices()).toHaveLength(1);
    // Intake again with Temporal: its sweep sends the notice left unsent, without anyone sending the change again.
    await intake.close();
    intake = await startService(IntakeAppModule, QUEUE_GROUPS.intake);
    client = intake.get(MessagingClient);
    // The sweep signals every notice of its batch, then marks them sent in one commit: wait for the commit.
    const told = await until(async () => {
      const found = await signals();
      const [notice] = await notices();
      return found.length > 0 && notice?.sent_at ? found : undefined;
    });
    expect(told).toHaveLength(1);
    expect(await notices()).toEqual([{ sent_at: expect.anything() }]);
    // The same request again answers the recorded change; the notice went once.
    const resent = await change(born, key);
    expect(resent.household.members.map((member) => member.name).sort()).toEqual(['钱小满', '钱立新'].sort());
    expect(await changeRows(application.householdId)).toHaveLength(1);
    expect(await signals()).toHaveLength(1);
  });

  it("hands the household to a new head when the head dies, and pays the benefit into the new head's card", async () => {
    const submitted = makeApplication({ draft: true, applicantName: '赵大山' });
    const application = await as(CALLERS.community1, () =>
      client.request(SUBJECTS.intake.applicationSubmit, submitted),
    );
    const householdId = application.householdId;
    const wife = { ...spouse, name: '钱秀英', idNumber: makeIdNumber() };
    const son = { ...spouse, name: '赵小川', idNumber: makeIdNumber(), relationship: '20' as const };
    for (const [member, reason] of [
      [wife, 'MARRIED_IN'],
      [son, 'BIRTH'],
    ] as const) {
      await change({ householdId, kind: 'JOIN', reason, occurredOn: daysAgo(400), member });
    }
    const enrolled = await enrol(application, submitted, '赵大山', '6217000011112222');
    const died = daysAgo(3);
    const death = {
      householdId,
      kind: 'LEAVE' as const,
      reason: 'DEATH' as const,
      occurredOn: died,
      idNumber: submitted.applicantIdNumber,
    };
    const newHead = {
      idNumber: wife.idNumber,
      relationships: [{ idNumber: son.idNumber, relationship: '20' as const }],
      payee: { bankCode: DEMO_BANKS[0].code, accountNo: '6217000033334444' },
    };
    const refusedOn = (request: Omit<ChangeHouseholdMembersRequest, 'idempotencyKey'>) =>
      change(request).then(
        () => undefined,
        (error: { details?: Array<{ field: string }> }) => error.details?.map((detail) => detail.field),
      );

    // The benefit is being paid: the new head's card is wanted; the others' relationships too; nothing moves.
    expect(await refusedOn({ ...death, newHead: { ...newHead, payee: undefined } })).toEqual(['newHead.payee']);
    expect(await refusedOn({ ...death, newHead: { ...newHead, relationships: [] } })).toEqual([
      'newHead.relationships',
    ]);
    expect(
      await refusedOn({ ...death, newHead: { ...newHead, idNumber: submitted.applicantIdNumber, relationships: [] } }),
    ).toEqual(['newHead.idNumber']);
    expect(await refusedOn({ ...death, idNumber: son.idNumber, newHead })).toEqual(['newHead']);
    const unchanged = await as(CALLERS.county1, () =>
      client.request(SUBJECTS.payment.enrolmentGet, { enrolmentId: enrolled.id }),
    );
    expect(unchanged).toMatchObject({ headName: '赵大山', nextReviewOn: '2041-01-01', changes: [{ kind: 'ENROL' }] });
    expect(await changeRows(householdId)).toHaveLength(2);

    const key = randomUUID();
    const handed = await change({ ...death, newHead }, key);
    expect(handed.household.members.map((member) => [member.name, member.relationship, member.isHead])).toEqual([
      ['钱秀英', '02', true],
      ['赵小川', '20', false],
    ]);
    expect(handed.change).toMatchObject({
      memberName: '赵大山',
      newHead: { name: '钱秀英', idNumberMasked: expect.stringMatching(/^\d{6}\*{8}\d{3}[\dX]$/) },
      nextReviewOn: addMonthsToDay(died, 3),
      documentId: expect.any(String),
    });
    expect(await change({ ...death, newHead }, key)).toEqual(handed);
    // The benefit goes to the new head's card from the next payroll, recorded as a change of head.
    const benefit = await as(CALLERS.county1, () =>
      client.request(SUBJECTS.payment.enrolmentGet, { enrolmentId: enrolled.id }),
    );
    expect(benefit).toMatchObject({ headName: '钱秀英', accountNo: expect.stringMatching(/4444$/) });
    expect(benefit.changes.map((c) => [c.kind, c.decision])).toEqual([
      ['ENROL', '南关区民政局审核确认（测试）'],
      ['ACCOUNT', '变更户主'],
    ]);
    expect(benefit.changes[1].payee).toMatchObject({ before: { headName: '赵大山' }, after: { headName: '钱秀英' } });

    // Later the new head hands over to her son, nobody leaving (HEAD): the benefit follows to his card; who lives
    // there is the same, so the review stays as it was.
    const handOver = {
      householdId,
      kind: 'HEAD' as const,
      reason: 'HANDOVER' as const,
      occurredOn: today,
      newHead: {
        idNumber: son.idNumber,
        relationships: [{ idNumber: wife.idNumber, relationship: '50' as const }],
        payee: { bankCode: DEMO_BANKS[0].code, accountNo: '6217000055556666' },
      },
    };
    expect(await refusedOn({ ...handOver, newHead: undefined })).toEqual(['newHead']);
    expect(await refusedOn({ ...handOver, newHead: { ...handOver.newHead, idNumber: wife.idNumber } })).toEqual([
      'newHead.idNumber',
    ]);
    const handedOver = await change(handOver);
    expect(handedOver.household.members.map((member) => [member.name, member.relationship, member.isHead])).toEqual([
      ['赵小川', '02', true],
      ['钱秀英', '50', false],
    ]);
    expect(handedOver.change).toMatchObject({
      kind: 'HEAD',
      reason: 'HANDOVER',
      memberName: '钱秀英',
      newHead: { name: '赵小川' },
      nextReviewOn: null,
    });
    const afterHandOver = await as(CALLERS.county1, () =>
      client.request(SUBJECTS.payment.enrolmentGet, { enrolmentId: enrolled.id }),
    );
    expect(afterHandOver).toMatchObject({
      headName: '赵小川',
      accountNo: expect.stringMatching(/6666$/),
      nextReviewOn: addMonthsToDay(died, 3),
    });

    // A household without a benefit changes its head without a card (and is refused one).
    const unpaidDraft = makeApplication({ draft: true });
    const unpaid = await as(CALLERS.community1, () => client.request(SUBJECTS.intake.applicationSubmit, unpaidDraft));
    const lodger = { ...spouse, name: '孙小住', idNumber: makeIdNumber(), relationship: '99' as const };
    await change({
      householdId: unpaid.householdId,
      kind: 'JOIN',
      reason: 'MOVED_IN',
      occurredOn: today,
      member: lodger,
    });
    const unpaidDeath = {
      householdId: unpaid.householdId,
      kind: 'LEAVE' as const,
      reason: 'MOVED_OUT' as const,
      occurredOn: today,
      idNumber: unpaidDraft.applicantIdNumber,
    };
    expect(
      await refusedOn({
        ...unpaidDeath,
        newHead: { idNumber: lodger.idNumber, relationships: [], payee: newHead.payee },
      }),
    ).toEqual(['newHead.payee']);
    const moved = await change({ ...unpaidDeath, newHead: { idNumber: lodger.idNumber, relationships: [] } });
    expect(moved.household.members).toEqual([
      expect.objectContaining({ name: '孙小住', isHead: true, relationship: '02' }),
    ]);

    // The last member dies: nobody to hand over to; the household ends and takes no more changes.
    const lastDeath = { ...unpaidDeath, reason: 'DEATH' as const, idNumber: lodger.idNumber };
    expect(await refusedOn({ ...lastDeath, newHead: { idNumber: lodger.idNumber, relationships: [] } })).toEqual([
      'newHead',
    ]);
    const ended = await change(lastDeath);
    expect(ended.household).toMatchObject({ status: 'ENDED', members: [] });
    expect(ended.change).toMatchObject({ memberName: '孙小住', newHead: null, documentId: expect.any(String) });
    await expect(
      change({
        householdId: unpaid.householdId,
        kind: 'JOIN',
        reason: 'BIRTH',
        occurredOn: today,
        member: { ...son, idNumber: makeIdNumber() },
      }),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, details: [{ field: 'householdId' }] });
  });

  it('refuses by field, and records nothing when the benefit cannot be reached', async () => {
    const submitted = makeApplication({ draft: true });
    const application = await as(CALLERS.community1, () =>
      client.request(SUBJECTS.intake.applicationSubmit, submitted),
    );
    const householdId = application.householdId;
    await change({ householdId, kind: 'JOIN', reason: 'MOVED_IN', occurredOn: daysAgo(3), member: spouse });
    const refusal = (request: Omit<ChangeHouseholdMembersRequest, 'idempotencyKey'>, who = CALLERS.community1) =>
      change(request, randomUUID(), who).then(
        () => undefined,
        (error: { code: string; details?: Array<{ field: string }> }) => ({
          code: error.code,
          field: error.details?.[0]?.field,
        }),
      );
    const leave = {
      householdId,
      kind: 'LEAVE' as const,
      reason: 'MOVED_OUT' as const,
      occurredOn: daysAgo(1),
      idNumber: spouse.idNumber,
    };

    // The head leaves only with a new head named.
    expect(await refusal({ ...leave, idNumber: submitted.applicantIdNumber })).toEqual({
      code: ErrorCode.VALIDATION_FAILED,
      field: 'newHead',
    });
    expect(await refusal({ ...leave, idNumber: makeIdNumber() })).toEqual({
      code: ErrorCode.VALIDATION_FAILED,
      field: 'idNumber',
    });
    expect(await refusal({ ...leave, reason: 'BIRTH' })).toEqual({
      code: ErrorCode.VALIDATION_FAILED,
      field: 'reason',
    });
    expect(await refusal({ ...leave, occurredOn: addMonthsToDay(today, 1) })).toEqual({
      code: ErrorCode.VALIDATION_FAILED,
      field: 'occurredOn',
    });
    expect(await refusal({ ...leave, idNumber: undefined })).toEqual({
      code: ErrorCode.VALIDATION_FAILED,
      field: 'idNumber',
    });
    expect(await refusal({ householdId, kind: 'JOIN', reason: 'BIRTH', occurredOn: today })).toEqual({
      code: ErrorCode.VALIDATION_FAILED,
      field: 'member',
    });
    expect(
      await refusal({
        householdId,
        kind: 'JOIN',
        reason: 'BIRTH',
        occurredOn: today,
        member: { ...spouse, idNumber: makeIdNumber(), relationship: '02' },
      }),
    ).toEqual({ code: ErrorCode.VALIDATION_FAILED, field: 'member.relationship' });
    // Already a member here.
    expect(await refusal({ householdId, kind: 'JOIN', reason: 'OTHER', occurredOn: today, member: spouse })).toEqual({
      code: ErrorCode.VALIDATION_FAILED,
      field: 'member.idNumber',
    });
    // Not a registrar, or another street's.
    expect(await refusal(leave, CALLERS.street1)).toMatchObject({ code: ErrorCode.FORBIDDEN });
    expect(await refusal(leave, CALLERS.community2)).toMatchObject({ code: ErrorCode.FORBIDDEN });

    // The same newcomer joining two households at once: one has them, the other is told where they are.
    const pair = await Promise.all(
      [1, 2].map(() =>
        as(CALLERS.community1, () =>
          client.request(SUBJECTS.intake.applicationSubmit, makeApplication({ draft: true })),
        ),
      ),
    );
    const newcomer = { ...spouse, name: '周新来', idNumber: makeIdNumber() };
    const raced = await Promise.allSettled(
      pair.map((draft) =>
        change({
          householdId: draft.householdId,
          kind: 'JOIN',
          reason: 'MARRIED_IN',
          occurredOn: today,
          member: newcomer,
        }),
      ),
    );
    expect(raced.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(raced.find((result) => result.status === 'rejected')).toMatchObject({
      reason: {
        details: [{ field: 'member.idNumber', messages: [expect.stringContaining('一人只能属于一个低保家庭')] }],
      },
    });

    // Payment is down: the member stays, nothing is recorded; once it is back, the same request goes through.
    await payment.close();
    const key = randomUUID();
    await expect(change(leave, key)).rejects.toMatchObject({ code: ErrorCode.UNAVAILABLE });
    const household = await as(CALLERS.community1, () => client.request(SUBJECTS.intake.householdGet, { householdId }));
    expect(household.members).toHaveLength(2);
    expect(await changeRows(householdId)).toHaveLength(1);
    payment = await startService(PaymentAppModule, QUEUE_GROUPS.payment);
    expect((await change(leave, key)).household.members).toHaveLength(1);
    expect(await changeRows(householdId)).toHaveLength(2);
  });
});
