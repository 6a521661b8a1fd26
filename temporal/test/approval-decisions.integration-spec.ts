import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INestMicroservice } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import type { NativeConnection, Worker } from '@temporalio/worker';
import { JSONCodec } from 'nats';

import {
  type Caller,
  type DecideTaskRequest,
  ErrorCode,
  type EvidenceType,
  type FileDocumentRequest,
  QUEUE_GROUPS,
  SUBJECTS,
} from '@app/contracts';
import {
  APPROVAL_STAGES,
  type ApprovalChainResult,
  type ChainState,
  chainStateQuery,
  SEARCH_ATTRIBUTES,
  decideUpdate,
  TASK_QUEUES,
} from '@app/contracts/temporal';
import { addCalendarDays, addMonths, beijingDate, beijingMonth } from '@app/domain';
import { MessagingClient, TemporalClientService } from '@app/platform';
import { AppModule as ApprovalAppModule } from '@apps/approval/src/app.module';
import { CalendarService } from '@apps/approval/src/calendar/calendar.service';
import { AppModule as ArchiveAppModule } from '@apps/archive/src/app.module';
import { AppModule as EligibilityAppModule } from '@apps/eligibility/src/app.module';
import { AppModule as IntakeAppModule } from '@apps/intake/src/app.module';
import { AppModule as PaymentAppModule } from '@apps/payment/src/app.module';
import { as, caller, CALLERS } from '@test/support/callers';
import { APPROVED_CHAIN_DOCUMENTS, expectDueDateOrMissingYear, untilStage } from '@test/support/chains';
import { linkEvidence, storeEvidence } from '@test/support/evidence';
import { makeApplication, makeIdNumber } from '@test/support/factories/application.factory';
import { until } from '@test/support/http-client';
import { rawNats, startService } from '@test/support/services';
import { TEST_ENV } from '@test/support/test-env';

import { createWorker } from '../src/worker/create-worker';

/**
 * Decisions through the approval service into the chain (real Temporal, NATS, PostgreSQL): the three-level
 * happy path with publicity, a rejection, a return loop, refused and repeated decisions. The test database's
 * policy for 南关区 (220102) shortens publicity to 4 s (a drill setting); everything else is the default.
 */
describe('approval chain decisions (real Temporal, NATS, PostgreSQL)', () => {
  let services: INestMicroservice[];
  let worker: Worker;
  let connection: NativeConnection;
  let running: Promise<void>;
  let client: MessagingClient;
  let temporal: TemporalClientService;

  const submit = () =>
    as(CALLERS.community1, () => client.request(SUBJECTS.intake.applicationSubmit, makeApplication()));
  /** An application that carries the head's bank account, so that its approval enrols it for payment. */
  const submitWithAccount = (accountNo: string) => {
    const headIdNumber = makeIdNumber();
    return as(CALLERS.community1, () =>
      client.request(
        SUBJECTS.intake.applicationSubmit,
        makeApplication({
          applicantIdNumber: headIdNumber,
          details: {
            dataCheckConsent: true,
            paymentAccount: {
              bankName: '吉林农村商业银行',
              bankCode: 'JLRCB',
              accountNo,
              holderIdNumber: headIdNumber,
            },
          },
        }),
      ),
    );
  };
  const taskOf = async (who: Caller, applicationId: string) => {
    const inbox = await as(who, () => client.request(SUBJECTS.approval.taskList, { applicationId }));
    const task = inbox.items.find((item) => item.applicationId === applicationId);
    if (!task) {
      throw new Error(`no task for ${applicationId} in the inbox of ${who.username}`);
    }
    return task;
  };
  const decide = (who: Caller, body: Omit<DecideTaskRequest, 'idempotencyKey'> & { idempotencyKey?: string }) =>
    as(who, () =>
      client.request(SUBJECTS.approval.taskDecide, { idempotencyKey: randomUUID(), ...body }, { timeoutMs: 30_000 }),
    );
  /** The community approves (through publicity, a 4 s drill here) and the chain waits at the street. */
  const toStreet = async (handle: Parameters<typeof untilStage>[0], applicationId: string) => {
    await untilStage(handle, APPROVAL_STAGES.community);
    await decide(CALLERS.community1, {
      taskId: (await taskOf(CALLERS.community1, applicationId)).id,
      decision: 'APPROVE',
      opinion: '同意上报',
    });
    await untilStage(handle, APPROVAL_STAGES.street);
  };
  /** 公主岭市 (220184) staff: its policy is the delegated model (the township confirms). */
  const gongzhuling = {
    community: caller(['COMMUNITY_CASEWORKER'], '220184001001', 'gongzhuling-community'),
    street: caller(['STREET_REVIEWER'], '220184001', 'gongzhuling-street'),
  };
  /** An application whose applicant earns 6,000 yuan a month in wages: the assessment finds it not eligible. */
  const submitEarning = async (who: Caller = CALLERS.community1, divisionCode = '220102001001') => {
    const applicantIdNumber = makeIdNumber();
    const wages = {
      memberIdNumber: applicantIdNumber,
      category: 'WAGES' as const,
      amountFen: 600_000,
      period: 'MONTH' as const,
    };
    const application = await as(who, () =>
      client.request(
        SUBJECTS.intake.applicationSubmit,
        makeApplication({ divisionCode, applicantIdNumber, details: { dataCheckConsent: true, incomes: [wages] } }),
      ),
    );
    return { application, wages };
  };
  /** The chain's second assessment, once it has made it (a change or a re-check while in the chain). */
  const secondAssessment = (handle: { query: (query: typeof chainStateQuery) => Promise<ChainState> }) =>
    until(async () => {
      const { history } = await handle.query(chainStateQuery);
      return history.find((entry) => entry.stage === 'ASSESSMENT' && entry.attempt === 2);
    }, 20_000);
  /** A file uploaded as evidence for an application (stored by sha256 in the archive), as the upload route does. */
  const uploadEvidence = async (applicationId: string, evidenceType: EvidenceType, originalName: string) =>
    linkEvidence(services[0], applicationId, await storeEvidence(services[0]), evidenceType, originalName);
  /** RECORD_HISTORIES=1 saves the finished chain's history for the replay test (temporal/test/histories). */
  const record = async (name: string, handle: { fetchHistory: () => Promise<proto.api.history.v1.IHistory> }) => {
    if (process.env.RECORD_HISTORIES) {
      const bytes = proto.api.history.v1.History.encode(await handle.fetchHistory()).finish();
      writeFileSync(join(__dirname, 'histories', `${name}.pb`), bytes);
    }
  };
  /** The township serves the refusal or termination notice and records it (DELIVER); the chain then ends. */
  const deliverNotice = async (
    handle: { workflowId: string },
    applicationId: string,
    who: Caller = CALLERS.street1,
    delivery: Partial<NonNullable<DecideTaskRequest['delivery']>> = {},
  ) => {
    await untilStage(temporal.client.workflow.getHandle(handle.workflowId), APPROVAL_STAGES.delivery);
    const task = await taskOf(who, applicationId);
    expect(task).toMatchObject({ purpose: 'DELIVERY', status: 'OPEN' });
    return decide(who, {
      taskId: task.id,
      decision: 'DELIVER',
      opinion: '已将通知书当面交给申请人',
      delivery: { deliveredOn: beijingDate(new Date()), method: 'IN_PERSON', recipient: '申请人本人', ...delivery },
    });
  };
  const documentTypes = async (applicationId: string, who: Caller = CALLERS.county1) =>
    (await as(who, () => client.request(SUBJECTS.archive.documentList, { applicationId }))).items.map(
      (item) => item.documentType,
    );

  beforeAll(async () => {
    services = await Promise.all([
      startService(IntakeAppModule, QUEUE_GROUPS.intake),
      startService(ArchiveAppModule, QUEUE_GROUPS.archive),
      startService(EligibilityAppModule, QUEUE_GROUPS.eligibility),
      startService(ApprovalAppModule, QUEUE_GROUPS.approval),
      startService(PaymentAppModule, QUEUE_GROUPS.payment),
    ]);
    const approval = services[3];
    client = approval.get(MessagingClient);
    temporal = approval.get(TemporalClientService);
    /** A county's policy: the province's with `overrides` (labelled drill settings), made once per database. */
    const countyPolicy = (county: string, overrides: object, note: string) =>
      approval
        .get(MikroORM)
        .em.getConnection()
        .execute(
          `insert into approval.approval_policy (id, created_at, updated_at, division_code, effective_from, rules, note)
           select gen_random_uuid(), now(), now(), ?, '2021-07-01', rules || ?::jsonb, ?
             from approval.approval_policy where division_code = '22'
              and not exists (select 1 from approval.approval_policy where division_code = ?)`,
          [county, JSON.stringify(overrides), note, county],
        );
    await countyPolicy('220102', { drill: { publicityMs: 4000 } }, '测试：公示期缩短');
    // 宽城区 (220103): stages time out after 1.5 s, so an overdue step can be watched being escalated.
    await countyPolicy('220103', { drill: { publicityMs: 1000, stageTimeoutMs: 1500 } }, '测试：时限缩短');
    // 绿园区 (220106): the survey's record is required with the community's opinion.
    await countyPolicy('220106', { surveyRequired: true, drill: { publicityMs: 1000 } }, '测试：入户调查表必填');
    // 农安县 (220122): every case is drawn for a home visit (100 %), so the draw's outcome is known to the test.
    await countyPolicy('220122', { homeVisitSamplePercent: 100, drill: { publicityMs: 1000 } }, '测试：入户抽查100%');
    // 公主岭市 (220184): the township confirms (委托乡镇确认); its opinion is then publicised.
    await countyPolicy(
      '220184',
      {
        model: 'DELEGATED',
        stages: [{ stage: 'STREET', role: 'STREET_REVIEWER', limitWorkingDays: 20 }],
        publicityAfter: 'STREET',
        overallLimitWorkingDays: 20,
        drill: { publicityMs: 1000 },
      },
      '测试：委托乡镇确认',
    );
    // 二道区 (220105): the overall limit runs out after 2 s (stages keep their calendar limits).
    await countyPolicy('220105', { drill: { publicityMs: 1000, overallTimeoutMs: 2000 } }, '测试：总时限缩短');
    // 朝阳区 (220104): the overall clock stands still during publicity (Chongqing's rule); a 3-day overall limit
    // keeps its due date inside the years whose holiday calendar is loaded.
    await countyPolicy(
      '220104',
      { overallClockExcludesPublicity: true, overallLimitWorkingDays: 3, drill: { publicityMs: 1000 } },
      '测试：公示期不计入总时限',
    );
    // The overall-clock test needs its 3-day limit's last day known even in the last days of December: where the
    // official arrangement of next year is not published yet, this database gets a labelled test one (New Year's
    // Day off, weekends), never the stack's.
    const nextYear = new Date().getUTCFullYear() + 1;
    const loaded = await as(CALLERS.system, () => client.request(SUBJECTS.approval.calendarList, {}));
    if (!loaded.years.some((entry) => entry.year === nextYear)) {
      await as(caller(['ADMINISTRATOR'], '22', 'admin'), () =>
        client.request(SUBJECTS.approval.calendarLoad, {
          year: nextYear,
          days: [{ date: `${nextYear}-01-01`, isOffDay: true, name: '元旦（测试安排）' }],
        }),
      );
    }
    ({ worker, connection } = await createWorker({
      address: TEST_ENV.temporalAddress,
      namespace: TEST_ENV.temporalNamespace,
      taskQueue: TASK_QUEUES.approval,
      messaging: client,
    }));
    running = worker.run();
  }, 120_000);

  afterAll(async () => {
    worker.shutdown();
    await running;
    await connection.close();
    await Promise.all(services.map((app) => app.close()));
  });

  it('runs community → publicity → street → county to approval, filing every step before the next opens', async () => {
    const application = await submitWithAccount('6217000055550001');
    const handle = temporal.client.workflow.getHandle<() => Promise<ApprovalChainResult>>(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);

    const communityTask = await taskOf(CALLERS.community1, application.id);
    // Nothing asked beyond the opinion: no survey record, appraisal or home visit by the default policy.
    expect(communityTask).toMatchObject({
      stage: 'COMMUNITY',
      attempt: 1,
      status: 'OPEN',
      overdue: false,
      requirements: [],
    });
    expectDueDateOrMissingYear(communityTask);
    // What the worker asks the archive to file, seen on NATS beside the archive (a plain subscription gets a copy).
    const nats = await rawNats();
    const filings = nats.subscribe(SUBJECTS.archive.documentFile);
    const opinionForm = (async () => {
      for await (const message of filings) {
        const { data } = JSONCodec<{ data: FileDocumentRequest }>().decode(message.data);
        if (data.workflowId === application.workflowId && data.documentType === 'COMMUNITY_OPINION') {
          return data.form!;
        }
      }
      throw new Error('no community opinion filed');
    })();
    const community = await decide(CALLERS.community1, {
      taskId: communityTask.id,
      decision: 'APPROVE',
      opinion: '经入户调查，家庭人均收入低于当地低保标准，同意上报。',
    });
    expect(community).toMatchObject({ decision: 'APPROVE', next: 'PUBLICITY' });
    // The community's opinion is in the archive at the moment the decision returns.
    expect(await documentTypes(application.id)).toContain('COMMUNITY_OPINION');
    // Its record names the policy version it was decided under and the workflow code that ran the chain.
    const form = await opinionForm;
    await nats.close();
    const policy = await as(CALLERS.system, () =>
      client.request(SUBJECTS.approval.policyResolve, {
        divisionCode: application.divisionCode,
        at: beijingDate(new Date()),
      }),
    );
    expect(policy.version).toEqual({ effectiveFrom: expect.any(String), basis: expect.any(String) });
    expect(form.fields).toEqual(
      expect.arrayContaining([
        {
          label: '适用审批规则',
          value: `${policy.divisionCode} 自${policy.version!.effectiveFrom}起施行（${policy.version!.basis}），版本 ${policy.id.slice(0, 8)}`,
        },
        { label: '审批流程代码', value: expect.stringMatching(/^[0-9a-f]{16}$/) },
      ]),
    );

    await untilStage(handle, APPROVAL_STAGES.street);
    const street = await decide(CALLERS.street1, {
      taskId: (await taskOf(CALLERS.street1, application.id)).id,
      decision: 'APPROVE',
      opinion: '材料齐全，审核同意。',
    });
    expect(street.next).toBe('COUNTY');
    await untilStage(handle, APPROVAL_STAGES.county);
    const county = await decide(CALLERS.county1, {
      taskId: (await taskOf(CALLERS.county1, application.id)).id,
      decision: 'APPROVE',
      opinion: '审核确认，同意纳入低保。',
    });
    expect(county.next).toBe('APPROVED');

    const result = await handle.result();
    expect(result.stage).toBe(APPROVAL_STAGES.approved);
    expect(await documentTypes(application.id)).toEqual(APPROVED_CHAIN_DOCUMENTS);
    const after = await as(CALLERS.county1, () =>
      client.request(SUBJECTS.intake.applicationGet, { applicationId: application.id }),
    );
    expect(after.status).toBe('APPROVED');
    const state = await handle.query(chainStateQuery);
    expect(state.history.map((entry) => `${entry.stage}:${entry.event}`)).toEqual([
      'ACCEPTANCE:RECEIVED',
      'ASSESSMENT:ELIGIBLE',
      'COMMUNITY:OPENED',
      'COMMUNITY:APPROVE',
      'PUBLICITY:PUBLISHED',
      'STREET:OPENED',
      'STREET:APPROVE',
      'COUNTY:OPENED',
      'COUNTY:APPROVE',
      'OUTCOME:ENROLLED',
      'OUTCOME:PUBLISHED',
      'OUTCOME:APPROVED',
    ]);
    // Approved means enrolled for payment: the head's account, the assessed amounts, from the next month.
    const enrolment = await as(CALLERS.county1, () =>
      client.request(SUBJECTS.payment.enrolmentGet, { householdId: application.householdId }),
    );
    const assessment = (
      await as(CALLERS.county1, () =>
        client.request(SUBJECTS.eligibility.assessmentList, { householdId: application.householdId }),
      )
    ).items[0];
    expect(enrolment).toMatchObject({
      status: 'ACTIVE',
      applicationId: application.id,
      bankCode: 'JLRCB',
      accountNo: '************0001',
      firstMonth: addMonths(beijingMonth(new Date()), 1),
      terms: [{ baseFen: assessment.baseFen, supplementFen: assessment.supplementsFen, state: 'ACTIVE' }],
    });
    await record('approved', handle);
  }, 60_000);

  it('assesses the household again when its members change mid-chain, and the county confirms the new amount', async () => {
    const application = await submitWithAccount('6217000055550002');
    const handle = temporal.client.workflow.getHandle<() => Promise<ApprovalChainResult>>(application.workflowId);
    await toStreet(handle, application.id);
    const streetTask = await taskOf(CALLERS.street1, application.id);

    // A child is born while the street has the case: the chain assesses the household of two.
    const birth = {
      idempotencyKey: randomUUID(),
      householdId: application.householdId,
      kind: 'JOIN' as const,
      reason: 'BIRTH' as const,
      occurredOn: beijingDate(new Date()),
      member: {
        name: '张小宝',
        idNumber: makeIdNumber(),
        relationship: '20' as const,
        health: 'HEALTHY' as const,
        workCapacity: 'NONE' as const,
        schooling: 'PRESCHOOL' as const,
      },
    };
    await as(CALLERS.community1, () => client.request(SUBJECTS.intake.householdChangeMembers, birth));
    // Sent again (a retry): the same change, assessed once.
    await as(CALLERS.community1, () => client.request(SUBJECTS.intake.householdChangeMembers, birth));
    const reassessed = await secondAssessment(handle);
    expect(reassessed).toMatchObject({
      event: 'ELIGIBLE',
      documentId: expect.any(String),
      note: `家庭成员变动后重新核算：增员：出生（${birth.occurredOn}）`,
    });
    // The street's task stayed open and is decided as usual.
    expect(await taskOf(CALLERS.street1, application.id)).toMatchObject({ id: streetTask.id, status: 'OPEN' });
    await decide(CALLERS.street1, { taskId: streetTask.id, decision: 'APPROVE', opinion: '审核同意。' });
    await untilStage(handle, APPROVAL_STAGES.county);
    await decide(CALLERS.county1, {
      taskId: (await taskOf(CALLERS.county1, application.id)).id,
      decision: 'APPROVE',
      opinion: '审核确认。',
    });
    expect((await handle.result()).stage).toBe(APPROVAL_STAGES.approved);

    const { history } = await handle.query(chainStateQuery);
    expect(history.filter((entry) => entry.stage === 'ASSESSMENT').map((entry) => entry.attempt)).toEqual([1, 2]);
    expect((await documentTypes(application.id)).filter((type) => type === 'ASSESSMENT_REPORT')).toHaveLength(2);
    // Paid at the amount of the household as it now is, not as it was at acceptance.
    const assessments = (
      await as(CALLERS.county1, () =>
        client.request(SUBJECTS.eligibility.assessmentList, { householdId: application.householdId }),
      )
    ).items;
    expect(assessments).toHaveLength(2);
    const [latest, first] = assessments;
    expect(latest.totalFen).toBeGreaterThan(first.totalFen);
    const enrolment = await as(CALLERS.county1, () =>
      client.request(SUBJECTS.payment.enrolmentGet, { householdId: application.householdId }),
    );
    expect(enrolment.terms).toEqual([
      expect.objectContaining({ baseFen: latest.baseFen, supplementFen: latest.supplementsFen }),
    ]);
    await record('household-changed', handle);
  }, 60_000);

  it('re-checks a data check the applicant disputes with evidence: the means corrected, the record filed, the household assessed again', async () => {
    const { application, wages } = await submitEarning();
    const handle = temporal.client.workflow.getHandle(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);
    // Found not eligible: the applicant is told so, with the right to object with evidence (告知书 filed).
    const assessed = (await handle.query(chainStateQuery)).history.filter((entry) => entry.stage === 'ASSESSMENT');
    expect(assessed).toEqual([
      expect.objectContaining({ attempt: 1, event: 'NOT_ELIGIBLE' }),
      expect.objectContaining({ attempt: 1, event: 'NOTICE_FILED', documentId: expect.any(String) }),
    ]);
    expect(await documentTypes(application.id)).toContain('DATA_CHECK_RESULT_NOTICE');
    // The township serves the notice: its 送达回证 is filed beside it, once.
    const noticeId = assessed[1].documentId!;
    const today = beijingDate(new Date());
    const serve = (body: object, who: Caller = CALLERS.street1) =>
      as(who, () =>
        client.request(SUBJECTS.intake.applicationNoticeDelivery, {
          applicationId: application.id,
          documentId: noticeId,
          deliveredOn: today,
          method: 'IN_PERSON',
          recipient: '申请人本人',
          ...body,
        }),
      );
    await expect(serve({ documentId: assessed[0].documentId })).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'documentId', messages: ['不是本申请的家庭经济状况核对结果告知书'] }],
    });
    await expect(serve({ deliveredOn: addCalendarDays(today, 1) })).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [expect.objectContaining({ field: 'deliveredOn' })],
    });
    await expect(serve({ method: 'LEFT_AT_RESIDENCE' })).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [expect.objectContaining({ field: 'witnesses' })],
    });
    await expect(serve({}, CALLERS.county1)).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    // Sent twice at once (a double click): one receipt, one note in the chain's history (checked below).
    const [receipt, twin] = await Promise.all([serve({}), serve({})]);
    expect(twin.id).toBe(receipt.id);
    expect(receipt).toMatchObject({ documentType: 'DELIVERY_RECEIPT', step: 'assessment:1:notice:delivery' });
    expect((await serve({})).id).toBe(receipt.id);
    await expect(serve({ recipient: '申请人之妻' })).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    expect((await documentTypes(application.id)).filter((type) => type === 'DELIVERY_RECEIPT')).toHaveLength(1);
    // The chain's history notes the service beside the notice, once.
    const served = await until(async () => {
      const entries = (await handle.query(chainStateQuery)).history.filter((entry) => entry.event === 'NOTICE_SERVED');
      return entries.length > 0 ? entries : undefined;
    }, 10_000);
    expect(served).toEqual([
      expect.objectContaining({
        stage: 'ASSESSMENT',
        attempt: 1,
        documentId: receipt.id,
        note: `直接送达，${today}；告知书：${noticeId}`,
      }),
    ]);
    const task = await taskOf(CALLERS.community1, application.id);
    const recheck = (body: object, key = randomUUID(), who: Caller = CALLERS.community1) =>
      as(who, () =>
        client.request(SUBJECTS.intake.applicationRecheck, {
          applicationId: application.id,
          idempotencyKey: key,
          objection: '申请人称核对到的工资为原单位收入，已于上月解除劳动合同，现仅有零工收入，提供解除劳动合同证明',
          means: { incomes: [{ ...wages, amountFen: 20_000, note: '零工收入' }] },
          ...body,
        }),
      );

    // Refused, each changing nothing: an income of someone outside the household, evidence not of this
    // application, a role that does not re-check.
    await expect(recheck({ means: { incomes: [{ ...wages, memberIdNumber: makeIdNumber() }] } })).rejects.toMatchObject(
      {
        code: ErrorCode.VALIDATION_FAILED,
        details: [{ field: 'means.incomes[0].memberIdNumber', messages: ['收入所属人员不是本家庭的成员'] }],
      },
    );
    await expect(recheck({ evidenceAttachmentIds: [randomUUID()] })).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'evidenceAttachmentIds[0]', messages: ['不是本申请已上传的证明材料'] }],
    });
    await expect(recheck({}, randomUUID(), CALLERS.county1)).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });

    // The applicant's evidence, uploaded now (after acceptance): filed into the household file with the re-check.
    const evidenceBefore = (await documentTypes(application.id)).filter((type) => type === 'EVIDENCE').length;
    const attachment = await uploadEvidence(application.id, 'INCOME_PROOF', '解除劳动合同证明.pdf');
    // Uploaded after acceptance: in the household file at once.
    expect(attachment.documentId).toEqual(expect.any(String));

    const key = randomUUID();
    const reply = await recheck({ evidenceAttachmentIds: [attachment.id] }, key);
    expect(reply.rechecks).toEqual([
      {
        assessmentId: expect.any(String),
        objection: expect.stringContaining('解除劳动合同'),
        meansBefore: expect.stringContaining('收入：工资性收入6000.00元/月'),
        meansAfter: expect.stringContaining('收入：工资性收入200.00元/月'),
        // The evidence as filed at its upload, not filed twice.
        evidenceDocumentIds: [attachment.documentId],
        recheckedBy: 'community1',
        recheckedAt: expect.any(String),
        documentId: expect.any(String),
      },
    ]);
    expect(reply.details?.incomes).toEqual([{ ...wages, amountFen: 20_000, note: '零工收入' }]);
    // Sent again: the same re-check, the chain told again and assessing once.
    expect((await recheck({ evidenceAttachmentIds: [attachment.id] }, key)).rechecks).toEqual(reply.rechecks);
    await expect(recheck({ objection: '另一内容' }, key)).rejects.toMatchObject({
      code: ErrorCode.IDEMPOTENCY_CONFLICT,
    });

    const reassessed = await secondAssessment(handle);
    expect(reassessed).toMatchObject({
      event: 'ELIGIBLE',
      documentId: expect.any(String),
      note: `核对结果复查后重新核算：申请人异议，${today}复查`,
    });
    // The community's task stayed open; the record and both reports are in the household file.
    expect(await taskOf(CALLERS.community1, application.id)).toMatchObject({ id: task.id, status: 'OPEN' });
    const types = await documentTypes(application.id);
    expect(types.filter((type) => type === 'DATA_CHECK_RECHECK_RECORD')).toHaveLength(1);
    // Eligible on the re-checked figures: no second notice.
    expect(types.filter((type) => type === 'DATA_CHECK_RESULT_NOTICE')).toHaveLength(1);
    expect(types.filter((type) => type === 'EVIDENCE')).toHaveLength(evidenceBefore + 1);
    expect(types.filter((type) => type === 'ASSESSMENT_REPORT')).toHaveLength(2);
    // Found eligible now, there is nothing left to re-check.
    await expect(recheck({})).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      staffMessage: expect.stringContaining('最近一次核对认定结果为符合条件'),
    });
    await handle.terminate('test done');
    // 'data-check-rechecked' was recorded before the notice's service was noted; this one has the signal.
    await record('data-check-notice-served', handle);
  }, 60_000);

  it('ends the application when the applicant living alone dies mid-chain: withdrawn with the reason', async () => {
    const submitted = makeApplication();
    const application = await as(CALLERS.community1, () =>
      client.request(SUBJECTS.intake.applicationSubmit, submitted),
    );
    const handle = temporal.client.workflow.getHandle<() => Promise<ApprovalChainResult>>(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);
    const died = beijingDate(new Date());
    const recorded = await as(CALLERS.community1, () =>
      client.request(SUBJECTS.intake.householdChangeMembers, {
        idempotencyKey: randomUUID(),
        householdId: application.householdId,
        kind: 'LEAVE',
        reason: 'DEATH',
        occurredOn: died,
        idNumber: submitted.applicantIdNumber,
      }),
    );
    expect(recorded.household).toMatchObject({ status: 'ENDED', members: [] });
    expect((await handle.result()).stage).toBe(APPROVAL_STAGES.withdrawn);
    const after = await as(CALLERS.county1, () =>
      client.request(SUBJECTS.intake.applicationGet, { applicationId: application.id }),
    );
    expect(after).toMatchObject({
      status: 'WITHDRAWN',
      withdrawnReason: `申请家庭已无在册成员（减员：死亡（${died}）），申请终止`,
    });
    // The community's task went with it.
    const inbox = await as(CALLERS.community1, () =>
      client.request(SUBJECTS.approval.taskList, { applicationId: application.id }),
    );
    expect(inbox.items.filter((task) => task.applicationId === application.id && task.status === 'OPEN')).toEqual([]);
  }, 60_000);

  it('a rejection at the street files the refusal notice with the reasons and ends the chain', async () => {
    const application = await submit();
    const handle = temporal.client.workflow.getHandle<() => Promise<ApprovalChainResult>>(application.workflowId);
    await toStreet(handle, application.id);
    const reply = await decide(CALLERS.street1, {
      taskId: (await taskOf(CALLERS.street1, application.id)).id,
      decision: 'REJECT',
      opinion: '经核对，家庭有机动车辆。',
      reasons: ['家庭成员名下登记有非营运机动车辆'],
    });
    expect(reply.next).toBe('REJECTED');
    const delivered = await deliverNotice(handle, application.id);
    expect(delivered).toMatchObject({ decision: 'DELIVER', next: 'REJECTED' });
    expect((await handle.result()).stage).toBe(APPROVAL_STAGES.rejected);
    expect((await documentTypes(application.id)).slice(-3)).toEqual([
      'STREET_REVIEW',
      'REFUSAL_NOTICE',
      'DELIVERY_RECEIPT',
    ]);
    await record('rejected-at-street', handle);
  }, 60_000);

  it('decides again after a refusal was revoked: a new application of the household, straight to the county', async () => {
    const application = await submit();
    const handle = temporal.client.workflow.getHandle<() => Promise<ApprovalChainResult>>(application.workflowId);
    await toStreet(handle, application.id);
    await decide(CALLERS.street1, {
      taskId: (await taskOf(CALLERS.street1, application.id)).id,
      decision: 'REJECT',
      opinion: '经核对，家庭有机动车辆。',
      reasons: ['家庭成员名下登记有非营运机动车辆'],
    });
    await deliverNotice(handle, application.id);
    expect((await handle.result()).stage).toBe(APPROVAL_STAGES.rejected);
    // The approval service asks once it has checked the case (system only); once per case.
    const request = {
      applicationId: application.id,
      appealId: randomUUID(),
      basis: '依长春市南关区人民政府南府复决〔2026〕1号（撤销原决定）',
    };
    await expect(
      as(CALLERS.county1, () => client.request(SUBJECTS.intake.applicationRedecide, request)),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    const redecide = (body = request) =>
      as(CALLERS.system, () => client.request(SUBJECTS.intake.applicationRedecide, body));
    const made = await redecide();
    expect(made).toMatchObject({
      householdId: application.householdId,
      applicantName: application.applicantName,
      status: 'SUBMITTED',
      redecision: { appealId: request.appealId, previousApplicationId: application.id },
      reason: expect.stringContaining(`重新作出决定（原申请${application.applicationNo}）`),
    });
    expect((await redecide()).id).toBe(made.id);
    // Only a refused or terminated application is decided again.
    await expect(redecide({ ...request, applicationId: made.id, appealId: randomUUID() })).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      details: [{ field: 'status' }],
    });
    const again = temporal.client.workflow.getHandle<() => Promise<ApprovalChainResult>>(made.workflowId);
    await untilStage(again, APPROVAL_STAGES.county);
    for (const who of [CALLERS.community1, CALLERS.street1]) {
      const inbox = await as(who, () => client.request(SUBJECTS.approval.taskList, { applicationId: made.id }));
      expect(inbox.items.filter((task) => task.applicationId === made.id)).toEqual([]);
    }
    const reply = await decide(CALLERS.county1, {
      taskId: (await taskOf(CALLERS.county1, made.id)).id,
      decision: 'APPROVE',
      opinion: '依复议决定重新审核，予以确认',
    });
    expect(reply.next).toBe('APPROVED');
    expect((await again.result()).stage).toBe(APPROVAL_STAGES.approved);
    const filed = await documentTypes(made.id);
    expect(filed).toEqual(expect.arrayContaining(['APPLICATION_RECEIVED', 'ASSESSMENT_REPORT', 'COUNTY_CONFIRMATION']));
    expect(filed).not.toContain('COMMUNITY_OPINION');
    expect(filed).not.toContain('PUBLICITY_NOTICE');
    expect(await documentTypes(application.id)).not.toContain('APPROVAL_NOTICE');
    await record('redecision', again);
  }, 90_000);

  it('a return to the previous stage reopens it as a new attempt; the earlier record stays', async () => {
    const application = await submit();
    const handle = temporal.client.workflow.getHandle(application.workflowId);
    await toStreet(handle, application.id);
    const back = await decide(CALLERS.street1, {
      taskId: (await taskOf(CALLERS.street1, application.id)).id,
      decision: 'RETURN',
      returnTo: 'PREVIOUS',
      opinion: '收入证明不清晰，请社区重新核实。',
    });
    expect(back.next).toBe('COMMUNITY');
    await untilStage(handle, APPROVAL_STAGES.community);
    expect(await taskOf(CALLERS.community1, application.id)).toMatchObject({ stage: 'COMMUNITY', attempt: 2 });
    const types = await documentTypes(application.id);
    expect(types.filter((type) => type === 'COMMUNITY_OPINION')).toHaveLength(1);
    expect(types).toContain('RETURN_NOTICE');
    await handle.terminate('test done');
    await record('returned-to-community', handle);
  }, 60_000);

  it('an objection during publicity sends the case back for a new community opinion', async () => {
    const application = await submit();
    const handle = temporal.client.workflow.getHandle(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);
    await expect(
      as(CALLERS.community1, () =>
        client.request(SUBJECTS.approval.objectionRecord, {
          applicationId: application.id,
          summary: '尚未公示',
          idempotencyKey: randomUUID(),
        }),
      ),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    // Another community's caseworker may not record one; an application with no chain is named as such.
    const objectionBy = (who: Caller, applicationId: string) =>
      as(who, () =>
        client.request(SUBJECTS.approval.objectionRecord, {
          applicationId,
          summary: '异议',
          idempotencyKey: randomUUID(),
        }),
      );
    await expect(objectionBy(CALLERS.community2, application.id)).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    await expect(objectionBy(CALLERS.community1, randomUUID())).rejects.toMatchObject({
      code: ErrorCode.NOT_FOUND,
      details: [{ field: 'applicationId', messages: ['该申请尚未进入审批流程'] }],
    });
    await decide(CALLERS.community1, {
      taskId: (await taskOf(CALLERS.community1, application.id)).id,
      decision: 'APPROVE',
      opinion: '同意上报',
    });
    await untilStage(handle, APPROVAL_STAGES.publicity);
    await as(CALLERS.community1, () =>
      client.request(SUBJECTS.approval.objectionRecord, {
        applicationId: application.id,
        summary: '邻居反映申请人有经营性收入未申报',
        idempotencyKey: randomUUID(),
      }),
    );
    await untilStage(handle, APPROVAL_STAGES.community);
    expect(await taskOf(CALLERS.community1, application.id)).toMatchObject({ stage: 'COMMUNITY', attempt: 2 });
    // The objection extends the overall limit to 45 working days from acceptance (the calendar's answer).
    const extended = await as(CALLERS.system, () =>
      client.request(SUBJECTS.approval.calendarDueDate, {
        from: beijingDate(new Date(application.submittedAt!)),
        workingDays: 45,
      }),
    );
    const state = await handle.query(chainStateQuery);
    expect(state.history.filter((entry) => entry.event === 'OVERALL_EXTENDED')).toHaveLength(1);
    expect(state.overallDueDate).toBe(extended.dueDate);
    expect(await documentTypes(application.id)).toEqual([
      'APPLICATION_RECEIVED',
      'ASSESSMENT_REPORT',
      'COMMUNITY_OPINION',
      'PUBLICITY_NOTICE',
      'OBJECTION_RECORD',
    ]);
    await handle.terminate('test done');
    await record('objection', handle);
  }, 60_000);

  it('records the survey as structured data with photos filed as evidence, before the community opinion', async () => {
    const draft = await as(CALLERS.community1, () =>
      client.request(SUBJECTS.intake.applicationSubmit, makeApplication({ draft: true })),
    );
    // A photo of the home, scanned to PDF, uploaded as evidence before submission (filed with the receipt).
    await uploadEvidence(draft.id, 'PHOTO', '入户照片.pdf');
    const application = await as(CALLERS.community1, () =>
      client.request(SUBJECTS.intake.applicationSubmitDraft, { applicationId: draft.id }),
    );
    const handle = temporal.client.workflow.getHandle(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);
    const filed = await as(CALLERS.community1, () =>
      client.request(SUBJECTS.archive.documentList, { applicationId: application.id }),
    );
    const photo = filed.items.find((item) => item.documentType === 'EVIDENCE')!;
    // A second photo, taken at the home visit and uploaded after acceptance: filed at once, so the survey can name it.
    const later = await uploadEvidence(application.id, 'PHOTO', '入户照片（卧室）.pdf');
    expect(later.documentId).toEqual(expect.any(String));
    const task = await taskOf(CALLERS.community1, application.id);
    const survey = {
      surveyedOn: '2026-11-26',
      surveyors: ['李明', '王芳'],
      livingConditions: '租住平房一间约20平方米，无大件家电，户主患慢性病长期服药',
      neighbourVisits: [{ neighbour: '邻居刘某', statement: '户主多年无固定工作，靠亲友接济' }],
      evidenceRequests: ['医院诊断证明'],
    };
    // A photo that is not this application's filed evidence is refused, naming the field; nothing is recorded.
    await expect(
      decide(CALLERS.community1, {
        taskId: task.id,
        decision: 'APPROVE',
        opinion: '同意上报',
        survey: { ...survey, photoDocumentIds: [randomUUID()] },
      }),
    ).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [expect.objectContaining({ field: 'survey.photoDocumentIds' })],
    });
    const reply = await decide(CALLERS.community1, {
      taskId: task.id,
      decision: 'APPROVE',
      opinion: '经入户调查，同意上报',
      survey: { ...survey, photoDocumentIds: [photo.id, later.documentId!] },
    });
    expect(reply.next).toBe('PUBLICITY');
    const types = await documentTypes(application.id);
    const surveyAt = types.indexOf('SURVEY_RECORD');
    expect(types.slice(surveyAt, surveyAt + 2)).toEqual(['SURVEY_RECORD', 'COMMUNITY_OPINION']);
    const state = await handle.query(chainStateQuery);
    expect(state.history.map((entry) => entry.event)).toContain('SURVEYED');
    await handle.terminate('test done');
    await record('surveyed', handle);
  }, 60_000);

  it('stops the overall clock during publicity where the policy says so, and shows the overall due date in Temporal', async () => {
    const chaoyang = caller(['COMMUNITY_CASEWORKER'], '220104001001', 'chaoyang-community');
    const application = await as(chaoyang, () =>
      client.request(SUBJECTS.intake.applicationSubmit, makeApplication({ divisionCode: '220104001001' })),
    );
    const handle = temporal.client.workflow.getHandle(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);
    const before = await handle.query(chainStateQuery);
    expect(before.overallDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The overall due date is shown in Temporal as the end of its day, Beijing time.
    const shown = (await handle.describe()).typedSearchAttributes.get(SEARCH_ATTRIBUTES.overallDueDate);
    expect(shown?.toISOString()).toBe(new Date(`${before.overallDueDate}T23:59:59+08:00`).toISOString());
    await decide(chaoyang, {
      taskId: (await taskOf(chaoyang, application.id)).id,
      decision: 'APPROVE',
      opinion: '同意',
    });
    await untilStage(handle, APPROVAL_STAGES.street);

    const after = await handle.query(chainStateQuery);
    const paused = after.history.filter((entry) => entry.event === 'OVERALL_PAUSED');
    expect(paused).toHaveLength(1);
    // The period the clock stood still for is the publicity's (a one-second drill: today to today, no working day).
    const day = beijingDate(new Date(paused[0].at));
    expect(paused[0].note).toBe(`公示期（${day}至${day}）不计入审批总时限，应办结日期为${after.overallDueDate}`);
    const expected = await as(CALLERS.system, () =>
      client.request(SUBJECTS.approval.calendarDueDate, {
        from: beijingDate(new Date(before.history[0].at)),
        workingDays: 3,
        excluding: [{ from: day, to: day }],
      }),
    );
    expect(after.overallDueDate).toBe(expected.dueDate);
    await handle.terminate('test done');
    await record('overall-clock-paused', handle);
  }, 60_000);

  it('where the policy requires it, the surveying stage decides only with the survey’s record', async () => {
    const lvyuan = caller(['COMMUNITY_CASEWORKER'], '220106001001', 'lvyuan-community');
    const application = await as(lvyuan, () =>
      client.request(SUBJECTS.intake.applicationSubmit, makeApplication({ divisionCode: '220106001001' })),
    );
    const handle = temporal.client.workflow.getHandle(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);
    const task = await taskOf(lvyuan, application.id);
    // The inbox says so before anyone decides.
    expect(task.requirements).toEqual([{ kind: 'SURVEY', reason: '本地审批流程规定' }]);
    await expect(decide(lvyuan, { taskId: task.id, decision: 'APPROVE', opinion: '同意上报' })).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      staffMessage: '本地审批流程规定，社区（村）初审须附入户调查表（调查日期、至少两名调查人员、居住和生活情况）',
    });
    // With the survey the approval goes on.
    const reply = await decide(lvyuan, {
      taskId: task.id,
      decision: 'APPROVE',
      opinion: '经入户调查，同意上报',
      survey: { surveyedOn: '2026-11-26', surveyors: ['张伟', '刘洋'], livingConditions: '独居老人，住房简陋' },
    });
    expect(reply.next).toBe('PUBLICITY');
    expect(await documentTypes(application.id, lvyuan)).toContain('SURVEY_RECORD');
    await handle.terminate('test done');
  }, 60_000);

  it('after an objection, the new opinion needs democratic appraisal minutes, filed before it', async () => {
    const application = await submit();
    const handle = temporal.client.workflow.getHandle(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);
    await decide(CALLERS.community1, {
      taskId: (await taskOf(CALLERS.community1, application.id)).id,
      decision: 'APPROVE',
      opinion: '同意上报',
    });
    await untilStage(handle, APPROVAL_STAGES.publicity);
    await as(CALLERS.community1, () =>
      client.request(SUBJECTS.approval.objectionRecord, {
        applicationId: application.id,
        summary: '有群众反映申请人子女有稳定收入',
        idempotencyKey: randomUUID(),
      }),
    );
    await untilStage(handle, APPROVAL_STAGES.community);
    const task = await taskOf(CALLERS.community1, application.id);
    expect(task.requirements).toEqual([{ kind: 'APPRAISAL', reason: '公示期间有异议' }]);
    await expect(
      decide(CALLERS.community1, { taskId: task.id, decision: 'APPROVE', opinion: '复核后同意' }),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, message: expect.stringContaining('民主评议') });
    const appraisal = { heldOn: '2026-11-25', participants: 9, votesFor: 10, votesAgainst: 0, minutes: '评议记录' };
    await expect(
      decide(CALLERS.community1, { taskId: task.id, decision: 'APPROVE', opinion: '复核后同意', appraisal }),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, message: expect.stringContaining('票数') });
    const reply = await decide(CALLERS.community1, {
      taskId: task.id,
      decision: 'APPROVE',
      opinion: '经民主评议，复核后同意上报',
      appraisal: {
        ...appraisal,
        votesFor: 8,
        votesAgainst: 1,
        minutes: '居民代表9人参加。经核实，申请人子女在外务工收入微薄，未与申请人共同生活。',
      },
    });
    expect(reply.next).toBe('PUBLICITY');
    const types = await documentTypes(application.id);
    const minutesAt = types.indexOf('APPRAISAL_MINUTES');
    expect(types.slice(minutesAt - 1, minutesAt + 2)).toEqual([
      'OBJECTION_RECORD',
      'APPRAISAL_MINUTES',
      'COMMUNITY_OPINION',
    ]);
    await handle.terminate('test done');
  }, 60_000);

  it('completes with every document filed once when the worker is stopped mid-chain and a new one takes over', async () => {
    const application = await submit();
    const handle = temporal.client.workflow.getHandle<() => Promise<ApprovalChainResult>>(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);
    await decide(CALLERS.community1, {
      taskId: (await taskOf(CALLERS.community1, application.id)).id,
      decision: 'APPROVE',
      opinion: '同意上报',
    });
    // Kill the worker during publicity: the chain's state lives in Temporal, not in the worker.
    worker.shutdown();
    await running;
    await connection.close();
    await new Promise((resolve) => setTimeout(resolve, 5000)); // publicity ends while no worker runs
    ({ worker, connection } = await createWorker({
      address: TEST_ENV.temporalAddress,
      namespace: TEST_ENV.temporalNamespace,
      taskQueue: TASK_QUEUES.approval,
      messaging: client,
    }));
    running = worker.run();

    await untilStage(handle, APPROVAL_STAGES.street);
    await decide(CALLERS.street1, {
      taskId: (await taskOf(CALLERS.street1, application.id)).id,
      decision: 'APPROVE',
      opinion: '同意',
    });
    await untilStage(handle, APPROVAL_STAGES.county);
    await decide(CALLERS.county1, {
      taskId: (await taskOf(CALLERS.county1, application.id)).id,
      decision: 'APPROVE',
      opinion: '同意',
    });
    expect((await handle.result()).stage).toBe(APPROVAL_STAGES.approved);
    const types = await documentTypes(application.id);
    expect(types).toEqual(APPROVED_CHAIN_DOCUMENTS);
  }, 90_000);

  it('escalates an overdue step once (recorded, filed) and still waits for staff; a later decision continues', async () => {
    const kuancheng = caller(['COMMUNITY_CASEWORKER'], '220103002001', 'kuancheng-community');
    const application = await as(kuancheng, () =>
      client.request(SUBJECTS.intake.applicationSubmit, makeApplication({ divisionCode: '220103002001' })),
    );
    const handle = temporal.client.workflow.getHandle(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);
    const state = await until(async () => {
      const current = await handle.query(chainStateQuery);
      return current.history.some((entry) => entry.event === 'ESCALATED') ? current : undefined;
    });
    expect(state.stage).toBe(APPROVAL_STAGES.community); // never decided for staff
    const task = await taskOf(kuancheng, application.id);
    expect(task.escalatedAt).not.toBeNull();
    expect(await documentTypes(application.id, kuancheng)).toContain('ESCALATION_RECORD');
    const reply = await decide(kuancheng, { taskId: task.id, decision: 'APPROVE', opinion: '逾期后办理' });
    expect(reply.next).toBe('PUBLICITY');
    await handle.terminate('test done');
  }, 60_000);

  it('serves a refusal through the township: a delivery task only DELIVER answers, escalated when late, proof filed', async () => {
    const community = caller(['COMMUNITY_CASEWORKER'], '220103002001', 'kuancheng-community');
    const township = caller(['STREET_REVIEWER'], '220103002', 'kuancheng-street');
    const application = await as(community, () =>
      client.request(SUBJECTS.intake.applicationSubmit, makeApplication({ divisionCode: '220103002001' })),
    );
    const handle = temporal.client.workflow.getHandle<() => Promise<ApprovalChainResult>>(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);
    const refusal = await decide(community, {
      taskId: (await taskOf(community, application.id)).id,
      decision: 'REJECT',
      opinion: '家庭人均收入高于当地低保标准',
      reasons: ['家庭人均月收入高于当地最低生活保障标准'],
    });
    expect(refusal.next).toBe('REJECTED');
    const state = await untilStage(handle, APPROVAL_STAGES.delivery);
    expect(state).toMatchObject({ pendingStage: 'STREET', pendingPurpose: 'DELIVERY' });
    const task = await taskOf(township, application.id);
    expect(task).toMatchObject({ stage: 'STREET', purpose: 'DELIVERY', role: 'STREET_REVIEWER', attempt: 1 });
    expectDueDateOrMissingYear(task);
    const today = beijingDate(new Date());
    const deliver = (who: Caller, overrides: Partial<DecideTaskRequest>) =>
      decide(who, {
        taskId: task.id,
        decision: 'DELIVER',
        opinion: '已当面送达',
        delivery: { deliveredOn: today, method: 'IN_PERSON', recipient: '申请人本人' },
        ...overrides,
      });

    // Only the township's reviewer serves it, only by DELIVER, never dated before the decision or after today.
    await expect(deliver(community, {})).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(deliver(township, { decision: 'APPROVE', delivery: undefined })).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'decision' }],
    });
    await expect(
      deliver(township, {
        delivery: { deliveredOn: addCalendarDays(today, -1), method: 'IN_PERSON', recipient: '申请人本人' },
      }),
    ).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      message: expect.stringContaining(`送达日期不能早于作出决定的日期（${today}）`),
    });
    await expect(
      deliver(township, {
        delivery: { deliveredOn: addCalendarDays(today, 1), method: 'IN_PERSON', recipient: '申请人本人' },
      }),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, message: expect.stringContaining('送达日期不能晚于登记当日') });
    // The community's own decision task cannot be answered by DELIVER either (it is closed; the inbox is empty).
    expect(
      await as(community, () => client.request(SUBJECTS.approval.taskList, { applicationId: application.id })),
    ).toEqual({ items: [], total: 0 });

    // Past its limit (1.5 s in this county's drill) the delivery is escalated once, and still waits for staff.
    await until(async () =>
      (await handle.query(chainStateQuery)).history.some(
        (entry) => entry.stage === 'DELIVERY' && entry.event === 'ESCALATED',
      )
        ? true
        : undefined,
    );
    expect((await taskOf(township, application.id)).escalatedAt).not.toBeNull();
    const served = await deliver(township, {});
    expect(served).toMatchObject({ decision: 'DELIVER', next: 'REJECTED' });
    expect((await handle.result()).stage).toBe(APPROVAL_STAGES.rejected);
    const documents = await as(township, () =>
      client.request(SUBJECTS.archive.documentList, { applicationId: application.id }),
    );
    expect(documents.items.slice(-3).map((item) => [item.documentType, item.title])).toEqual([
      ['REFUSAL_NOTICE', '不予确认最低生活保障通知书'],
      ['ESCALATION_RECORD', '超时督办记录'],
      ['DELIVERY_RECEIPT', '送达回证'],
    ]);
    const history = (await handle.query(chainStateQuery)).history;
    expect(history[history.length - 1]).toMatchObject({
      stage: 'DELIVERY',
      event: 'DELIVERED',
      actor: 'kuancheng-street',
      documentId: served.documentId,
    });
    expect(
      await as(township, () => client.request(SUBJECTS.approval.taskList, { applicationId: application.id })),
    ).toEqual({ items: [], total: 0 });
    // What staff typed (the recipient, the opinion) is stored by Temporal encrypted, never in clear.
    const stored = Buffer.from(proto.api.history.v1.History.encode(await handle.fetchHistory()).finish());
    expect(stored.includes(Buffer.from('申请人本人'))).toBe(false);
    expect(stored.includes(Buffer.from('已当面送达'))).toBe(false);
    expect(stored.includes(Buffer.from('binary/encrypted'))).toBe(true);
    await record('delivery-escalated', handle);
  }, 60_000);

  it('tracks the overall limit from acceptance: shown with the task, escalated once when it runs out, never deciding', async () => {
    const erdao = caller(['COMMUNITY_CASEWORKER'], '220105001002', 'erdao-community');
    const application = await as(erdao, () =>
      client.request(SUBJECTS.intake.applicationSubmit, makeApplication({ divisionCode: '220105001002' })),
    );
    const handle = temporal.client.workflow.getHandle(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);
    // The overall due date is the calendar's answer for 30 working days from acceptance (null: a year not loaded).
    const expected = await as(CALLERS.system, () =>
      client.request(SUBJECTS.approval.calendarDueDate, {
        from: beijingDate(new Date(application.submittedAt!)),
        workingDays: 30,
      }),
    );
    const task = await taskOf(erdao, application.id);
    expect(task.overallDueDate).toBe(expected.dueDate);
    expect((await handle.query(chainStateQuery)).overallDueDate).toBe(expected.dueDate);
    // The same state through the approval service, for callers who may see the application's division only.
    const viaService = await as(erdao, () =>
      client.request(SUBJECTS.approval.chainState, { applicationId: application.id }),
    );
    expect(viaService).toMatchObject({ stage: APPROVAL_STAGES.community, overallDueDate: expected.dueDate });
    await expect(
      as(CALLERS.otherCounty, () => client.request(SUBJECTS.approval.chainState, { applicationId: application.id })),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(
      as(erdao, () => client.request(SUBJECTS.approval.chainState, { applicationId: randomUUID() })),
    ).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });

    const state = await until(async () => {
      const current = await handle.query(chainStateQuery);
      return current.history.some((entry) => entry.event === 'OVERALL_OVERDUE') ? current : undefined;
    });
    expect(state.stage).toBe(APPROVAL_STAGES.community); // never decided for staff
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const escalations = (
      await as(erdao, () => client.request(SUBJECTS.archive.documentList, { applicationId: application.id }))
    ).items.filter((item) => item.step === 'overall:escalation');
    expect(escalations).toHaveLength(1);
    expect(escalations[0]).toMatchObject({ documentType: 'ESCALATION_RECORD', title: '审批总时限超期督办记录' });
    expect((await handle.query(chainStateQuery)).history.filter((e) => e.event === 'OVERALL_OVERDUE')).toHaveLength(1);

    const reply = await decide(erdao, { taskId: task.id, decision: 'APPROVE', opinion: '超总时限后办理' });
    expect(reply.next).toBe('PUBLICITY');
    await handle.terminate('test done');
  }, 60_000);

  it('works out due dates unknown for want of a calendar year once an administrator loads the year', async () => {
    const db = services[3].get(MikroORM).em.getConnection();
    const calendars = services[3].get(CalendarService);
    const admin = caller(['ADMINISTRATOR'], '22', 'admin');
    // Next year's arrangement is set aside for the test (and put back after it): the year is then not loaded.
    const today = beijingDate(new Date());
    const missing = Number(today.slice(0, 4)) + 1;
    const setAside = {
      years: await db.execute('select * from approval.calendar_year where year = ?', [missing]),
      days: await db.execute('select * from approval.holiday where year = ?', [missing]),
    };
    const dropYear = async () => {
      await db.execute('delete from approval.holiday where year = ?', [missing]);
      await db.execute('delete from approval.calendar_year where year = ?', [missing]);
      calendars.refresh();
    };
    await dropYear();
    // 双阳区 (220112): limits long enough to end in that year (about April), whatever today's date.
    const limit = Math.floor((((Date.parse(`${missing}-03-31`) - Date.parse(today)) / 86_400_000) * 5) / 7);
    await db.execute(`delete from approval.approval_policy where division_code = '220112'`);
    await db.execute(
      `insert into approval.approval_policy (id, created_at, updated_at, division_code, effective_from, rules, note)
       select gen_random_uuid(), now(), now(), '220112', '2021-07-01', rules || ?::jsonb, '测试：时限跨入未加载节假日安排的年份'
         from approval.approval_policy where division_code = '22'`,
      [
        JSON.stringify({
          stages: ['COMMUNITY', 'STREET', 'COUNTY'].map((stage) => ({
            stage,
            role: { COMMUNITY: 'COMMUNITY_CASEWORKER', STREET: 'STREET_REVIEWER', COUNTY: 'COUNTY_APPROVER' }[stage],
            limitWorkingDays: limit,
          })),
          overallLimitWorkingDays: limit + 5,
          extendedLimitWorkingDays: limit + 20,
          noticeDeliveryWorkingDays: limit,
          drill: { publicityMs: 1000 },
        }),
      ],
    );
    const shuangyang = caller(['COMMUNITY_CASEWORKER'], '220112001001', 'shuangyang-community');
    const application = await as(shuangyang, () =>
      client.request(SUBJECTS.intake.applicationSubmit, makeApplication({ divisionCode: '220112001001' })),
    );
    const handle = temporal.client.workflow.getHandle(application.workflowId);
    // A second chain is refused at the community: its notice's delivery task waits for the year too.
    const township = caller(['STREET_REVIEWER'], '220112001', 'shuangyang-street');
    const refused = await as(shuangyang, () =>
      client.request(SUBJECTS.intake.applicationSubmit, makeApplication({ divisionCode: '220112001001' })),
    );
    const refusedHandle = temporal.client.workflow.getHandle(refused.workflowId);
    try {
      await untilStage(refusedHandle, APPROVAL_STAGES.community);
      await decide(shuangyang, {
        taskId: (await taskOf(shuangyang, refused.id)).id,
        decision: 'REJECT',
        opinion: '经核对，家庭收入高于低保标准。',
        reasons: ['家庭人均收入高于当地最低生活保障标准'],
      });
      await untilStage(refusedHandle, APPROVAL_STAGES.delivery);
      expect(await taskOf(township, refused.id)).toMatchObject({
        purpose: 'DELIVERY',
        dueDate: null,
        calendarMissingYear: missing,
      });
      await untilStage(handle, APPROVAL_STAGES.community);
      const before = await taskOf(shuangyang, application.id);
      expect(before).toMatchObject({
        dueDate: null,
        calendarMissingYear: missing,
        overallDueDate: null,
        overallCalendarMissingYear: missing,
      });
      expect(await handle.query(chainStateQuery)).toMatchObject({
        dueDate: null,
        overallDueDate: null,
        overallCalendarMissingYear: missing,
      });
      const listed = await as(admin, () => client.request(SUBJECTS.approval.calendarList, {}));
      expect(listed.waiting.find((entry) => entry.year === missing)?.openTasks).toBeGreaterThanOrEqual(2);

      // The administrator loads the year (a labelled test arrangement); the chain is told and works them out.
      await as(admin, () =>
        client.request(SUBJECTS.approval.calendarLoad, {
          year: missing,
          days: [{ date: `${missing}-01-01`, isOffDay: true, name: '元旦（测试安排）' }],
        }),
      );
      const after = await until(async () => {
        const task = await taskOf(shuangyang, application.id);
        return task.dueDate && task.overallDueDate ? task : undefined;
      });
      const due = (workingDays: number) =>
        as(CALLERS.system, () =>
          client.request(SUBJECTS.approval.calendarDueDate, {
            from: beijingDate(new Date(before.openedAt)),
            workingDays,
          }),
        );
      expect(after).toMatchObject({
        id: before.id,
        status: 'OPEN',
        dueDate: (await due(limit)).dueDate,
        calendarMissingYear: null,
        overallDueDate: expect.stringMatching(new RegExp(`^${missing}-`)),
        overallCalendarMissingYear: null,
      });
      expect(after.dueDate!.startsWith(`${missing}-`)).toBe(true);
      const state = await until(async () => {
        const current = await handle.query(chainStateQuery);
        return current.dueDate ? current : undefined;
      });
      expect(state).toMatchObject({
        dueDate: after.dueDate,
        overallDueDate: after.overallDueDate,
        overallCalendarMissingYear: null,
      });
      expect(state.history.filter((entry) => entry.event === 'DUE_DATE_SET')).toEqual([
        expect.objectContaining({ stage: 'COMMUNITY', note: `节假日安排已加载，应办结日期为${after.dueDate}` }),
      ]);
      const attributes = (await handle.describe()).typedSearchAttributes;
      expect(attributes.get(SEARCH_ATTRIBUTES.approvalDueDate)?.toISOString()).toBe(
        new Date(`${after.dueDate}T23:59:59+08:00`).toISOString(),
      );
      expect(attributes.get(SEARCH_ATTRIBUTES.overallDueDate)?.toISOString()).toBe(
        new Date(`${after.overallDueDate}T23:59:59+08:00`).toISOString(),
      );

      // The delivery task of the refused chain gets its due date the same way, then the notice is served.
      const delivery = await until(async () => {
        const task = await taskOf(township, refused.id);
        return task.dueDate ? task : undefined;
      });
      expect(delivery).toMatchObject({ purpose: 'DELIVERY', calendarMissingYear: null });
      expect(delivery.dueDate!.startsWith(`${missing}-`)).toBe(true);
      expect((await refusedHandle.query(chainStateQuery)).history).toContainEqual(
        expect.objectContaining({ stage: 'DELIVERY', event: 'DUE_DATE_SET' }),
      );
      expect(await deliverNotice(refusedHandle, refused.id, township)).toMatchObject({ next: 'REJECTED' });
      expect((await refusedHandle.result()).stage).toBe(APPROVAL_STAGES.rejected);
      await record('calendar-loaded-delivery', refusedHandle);
      expect((await refusedHandle.query(chainStateQuery)).history).toContainEqual(
        expect.objectContaining({ stage: 'DELIVERY', event: 'DELIVERED' }),
      );

      // The chain goes on as before: the community's decision is taken and publicity opens.
      await decide(shuangyang, { taskId: after.id, decision: 'APPROVE', opinion: '同意' });
      await untilStage(handle, APPROVAL_STAGES.street);
      await handle.terminate('test done');
      await record('calendar-loaded', handle);
    } finally {
      await handle.terminate('test done').catch(() => undefined);
      await refusedHandle.terminate('test done').catch(() => undefined);
      await dropYear();
      await db.execute(
        'insert into approval.calendar_year select * from json_populate_recordset(null::approval.calendar_year, ?::json)',
        [JSON.stringify(setAside.years)],
      );
      await db.execute(
        'insert into approval.holiday select * from json_populate_recordset(null::approval.holiday, ?::json)',
        [JSON.stringify(setAside.days)],
      );
      calendars.refresh();
    }
  }, 90_000);

  it('registers a conflict of interest at acceptance and confirms at the county only after a recorded home visit', async () => {
    const application = await as(CALLERS.community1, () =>
      client.request(
        SUBJECTS.intake.applicationSubmit,
        makeApplication({ details: { dataCheckConsent: true, conflictOfInterest: true } }),
      ),
    );
    const handle = temporal.client.workflow.getHandle(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);
    expect((await documentTypes(application.id)).slice(0, 2)).toEqual([
      'APPLICATION_RECEIVED',
      'CONFLICT_OF_INTEREST_REGISTRATION',
    ]);
    await decide(CALLERS.community1, {
      taskId: (await taskOf(CALLERS.community1, application.id)).id,
      decision: 'APPROVE',
      opinion: '同意上报（近亲属备案）',
    });
    await untilStage(handle, APPROVAL_STAGES.street);
    await decide(CALLERS.street1, {
      taskId: (await taskOf(CALLERS.street1, application.id)).id,
      decision: 'APPROVE',
      opinion: '审核同意',
    });
    await untilStage(handle, APPROVAL_STAGES.county);
    const task = await taskOf(CALLERS.county1, application.id);
    // The county's inbox and the chain's state say what the confirmation needs, and why.
    expect(task.requirements).toEqual([{ kind: 'HOME_VISIT', reason: '已作近亲属备案' }]);
    expect((await handle.query(chainStateQuery)).pendingRequirements).toEqual(task.requirements);
    // Without a home visit the chain refuses the confirmation and records nothing.
    await expect(
      decide(CALLERS.county1, { taskId: task.id, decision: 'APPROVE', opinion: '同意' }),
    ).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      staffMessage: '该申请已作近亲属备案，县级审核确认前须记录入户核查（日期、至少两名核查人员、核查情况）',
    });
    expect((await taskOf(CALLERS.county1, application.id)).status).toBe('OPEN');
    // Fewer than two visitors is refused by the request's own validation, naming the field.
    await expect(
      decide(CALLERS.county1, {
        taskId: task.id,
        decision: 'APPROVE',
        opinion: '同意',
        homeVisit: { visitedOn: '2026-11-20', visitors: ['王五'], findings: '家庭情况属实' },
      }),
    ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
    const confirmed = await decide(CALLERS.county1, {
      taskId: task.id,
      decision: 'APPROVE',
      opinion: '入户核查属实，同意纳入低保',
      homeVisit: { visitedOn: '2026-11-20', visitors: ['王五', '赵六'], findings: '家庭情况与申报一致，无隐瞒收入' },
    });
    expect(confirmed.next).toBe('APPROVED');
    const state = await handle.query(chainStateQuery);
    expect(state.history.map((entry) => entry.event)).toContain('CONFLICT_REGISTERED');
    // The county's answer comes once the outcome is filed: the chain has ended.
    expect(await handle.result()).toMatchObject({ stage: APPROVAL_STAGES.approved });
    await record('conflict-of-interest', handle);
  }, 60_000);

  it('draws the policy’s sample of home visits when the county’s task opens, and holds a drawn case to one', async () => {
    const nongan = {
      community: caller(['COMMUNITY_CASEWORKER'], '220122001001', 'nongan-community'),
      street: caller(['STREET_REVIEWER'], '220122001', 'nongan-street'),
      county: caller(['COUNTY_APPROVER'], '220122', 'nongan-county'),
    };
    const application = await as(nongan.community, () =>
      client.request(SUBJECTS.intake.applicationSubmit, makeApplication({ divisionCode: '220122001001' })),
    );
    const handle = temporal.client.workflow.getHandle(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);
    // Only the confirming stage is drawn for: the community and the street decide as usual.
    for (const who of [nongan.community, nongan.street]) {
      const task = await taskOf(who, application.id);
      expect(task.requirements).toEqual([]);
      await decide(who, { taskId: task.id, decision: 'APPROVE', opinion: '同意' });
      await untilStage(handle, who === nongan.community ? APPROVAL_STAGES.street : APPROVAL_STAGES.county);
    }
    const task = await taskOf(nongan.county, application.id);
    const reason = '被抽中入户抽查（本地抽查比例100%）';
    expect(task.requirements).toEqual([{ kind: 'HOME_VISIT', reason }]);
    const sampled = (await handle.query(chainStateQuery)).history.filter((entry) =>
      entry.event.startsWith('HOME_VISIT'),
    );
    expect(sampled).toEqual([
      expect.objectContaining({
        stage: 'COUNTY',
        event: 'HOME_VISIT_SAMPLED',
        note: '入户抽查比例100%：本案被抽中，作出决定前须记录入户核查',
      }),
    ]);
    // A refusal needs the visit as much as an approval; nothing is recorded without it.
    await expect(
      decide(nongan.county, { taskId: task.id, decision: 'REJECT', opinion: '不同意', reasons: ['收入超标'] }),
    ).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      staffMessage: `该申请${reason}，县级审核确认前须记录入户核查（日期、至少两名核查人员、核查情况）`,
    });
    expect((await taskOf(nongan.county, application.id)).status).toBe('OPEN');
    const confirmed = await decide(nongan.county, {
      taskId: task.id,
      decision: 'APPROVE',
      opinion: '抽查入户，情况属实，同意纳入低保',
      homeVisit: { visitedOn: beijingDate(new Date()), visitors: ['王五', '赵六'], findings: '家庭情况与申报一致' },
    });
    expect(confirmed.next).toBe('APPROVED');
    expect(await handle.result()).toMatchObject({ stage: APPROVAL_STAGES.approved });
    await record('home-visit-sampled', handle);
  }, 60_000);

  it('under the delegated model, the township that confirms is the one that must visit a conflict-of-interest case', async () => {
    const application = await as(gongzhuling.community, () =>
      client.request(
        SUBJECTS.intake.applicationSubmit,
        makeApplication({
          divisionCode: '220184001001',
          details: { dataCheckConsent: true, conflictOfInterest: true },
        }),
      ),
    );
    const handle = temporal.client.workflow.getHandle(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.street);
    const task = await taskOf(gongzhuling.street, application.id);
    expect(task.requirements).toEqual([{ kind: 'HOME_VISIT', reason: '已作近亲属备案' }]);
    await expect(
      decide(gongzhuling.street, { taskId: task.id, decision: 'APPROVE', opinion: '同意' }),
    ).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      staffMessage: '该申请已作近亲属备案，街道（乡镇）审核前须记录入户核查（日期、至少两名核查人员、核查情况）',
    });
    const reply = await decide(gongzhuling.street, {
      taskId: task.id,
      decision: 'APPROVE',
      opinion: '入户核查属实，同意',
      homeVisit: { visitedOn: beijingDate(new Date()), visitors: ['孙七', '周八'], findings: '家庭情况与申报一致' },
    });
    expect(reply.next).toBe('PUBLICITY');
    expect(await handle.result()).toMatchObject({ stage: APPROVAL_STAGES.approved });
  }, 60_000);

  it('the confirming stage cannot approve what the latest assessment found not eligible: it refuses, or the township re-checks first', async () => {
    const { application, wages } = await submitEarning(gongzhuling.community, '220184001001');
    const handle = temporal.client.workflow.getHandle(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.street);
    const task = await taskOf(gongzhuling.street, application.id);
    // Under the delegated model the township confirms: not on an assessment that found nothing due.
    await expect(
      decide(gongzhuling.street, { taskId: task.id, decision: 'APPROVE', opinion: '同意' }),
    ).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      staffMessage: expect.stringContaining('最近一次家庭经济状况核对认定为不符合条件，街道（乡镇）审核不能同意'),
    });
    // The applicant objects with evidence; the township re-checks and the chain finds the household eligible.
    await as(gongzhuling.street, () =>
      client.request(SUBJECTS.intake.applicationRecheck, {
        applicationId: application.id,
        idempotencyKey: randomUUID(),
        objection: '申请人称所核对的工资为已离职单位的收入',
        means: { incomes: [{ ...wages, amountFen: 10_000 }] },
      }),
    );
    expect(await secondAssessment(handle)).toMatchObject({ event: 'ELIGIBLE' });
    const approved = await decide(gongzhuling.street, { taskId: task.id, decision: 'APPROVE', opinion: '复查后同意' });
    expect(approved.next).toBe('PUBLICITY');
    await handle.terminate('test done');
  }, 60_000);

  it('terminates the procedure when the applicant does not cooperate: reasons required, notice filed, status TERMINATED', async () => {
    const application = await submit();
    const handle = temporal.client.workflow.getHandle<() => Promise<ApprovalChainResult>>(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);
    const task = await taskOf(CALLERS.community1, application.id);
    await expect(
      decide(CALLERS.community1, { taskId: task.id, decision: 'TERMINATE', opinion: '申请人拒绝入户调查' }),
    ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
    const reply = await decide(CALLERS.community1, {
      taskId: task.id,
      decision: 'TERMINATE',
      opinion: '申请人拒绝入户调查',
      reasons: ['申请人两次拒绝工作人员入户调查', '未签署家庭经济状况核对授权书'],
    });
    expect(reply.next).toBe('TERMINATED');
    await deliverNotice(handle, application.id, CALLERS.street1, {
      method: 'LEFT_AT_RESIDENCE',
      recipient: '申请人（拒绝签收）',
      witnesses: ['社区居委会主任'],
    });
    expect((await handle.result()).stage).toBe(APPROVAL_STAGES.terminated);
    expect((await documentTypes(application.id)).slice(-3)).toEqual([
      'COMMUNITY_OPINION',
      'TERMINATION_NOTICE',
      'DELIVERY_RECEIPT',
    ]);
    const after = await as(CALLERS.community1, () =>
      client.request(SUBJECTS.intake.applicationGet, { applicationId: application.id }),
    );
    expect(after.status).toBe('TERMINATED');
    await expect(
      as(CALLERS.community1, () =>
        client.request(SUBJECTS.intake.applicationWithdraw, { applicationId: application.id, reason: '终止后撤回' }),
      ),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    await record('terminated', handle);
  }, 60_000);

  it('a rejection at the county and a withdrawal mid-chain each end the chain properly', async () => {
    const rejected = await submit();
    const handle = temporal.client.workflow.getHandle<() => Promise<ApprovalChainResult>>(rejected.workflowId);
    for (const [stage, who] of [
      [APPROVAL_STAGES.community, CALLERS.community1],
      [APPROVAL_STAGES.street, CALLERS.street1],
    ] as const) {
      await untilStage(handle, stage);
      await decide(who, { taskId: (await taskOf(who, rejected.id)).id, decision: 'APPROVE', opinion: '同意' });
    }
    await untilStage(handle, APPROVAL_STAGES.county);
    await decide(CALLERS.county1, {
      taskId: (await taskOf(CALLERS.county1, rejected.id)).id,
      decision: 'REJECT',
      opinion: '不予确认',
      reasons: ['家庭财产超过规定标准'],
    });
    // The county refused; the township serves the notice.
    await deliverNotice(handle, rejected.id, CALLERS.street1, { method: 'BY_POST', trackingNo: 'EMS1234567890CN' });
    expect((await handle.result()).stage).toBe(APPROVAL_STAGES.rejected);
    expect((await documentTypes(rejected.id)).slice(-3)).toEqual([
      'COUNTY_CONFIRMATION',
      'REFUSAL_NOTICE',
      'DELIVERY_RECEIPT',
    ]);
    await expect(
      as(CALLERS.community1, () =>
        client.request(SUBJECTS.intake.applicationWithdraw, { applicationId: rejected.id, reason: '已决定后撤回' }),
      ),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });

    const withdrawn = await submit();
    const second = temporal.client.workflow.getHandle<() => Promise<ApprovalChainResult>>(withdrawn.workflowId);
    await untilStage(second, APPROVAL_STAGES.community);
    const open = await taskOf(CALLERS.community1, withdrawn.id);
    expect(open.status).toBe('OPEN');
    await as(CALLERS.community1, () =>
      client.request(SUBJECTS.intake.applicationWithdraw, { applicationId: withdrawn.id, reason: '家庭情况好转' }),
    );
    expect((await second.result()).stage).toBe(APPROVAL_STAGES.withdrawn);
    const inbox = await as(CALLERS.community1, () =>
      client.request(SUBJECTS.approval.taskList, { applicationId: withdrawn.id }),
    );
    expect(inbox).toEqual({ items: [], total: 0 });
  }, 90_000);

  it('refuses a decision by the wrong role or division and changes nothing; repeats return the first answer', async () => {
    const application = await submit();
    const handle = temporal.client.workflow.getHandle(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);
    const task = await taskOf(CALLERS.community1, application.id);

    await expect(
      decide(CALLERS.street1, { taskId: task.id, decision: 'APPROVE', opinion: '越级' }),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(
      decide(CALLERS.community2, { taskId: task.id, decision: 'APPROVE', opinion: '外社区' }),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    await expect(
      decide(CALLERS.community1, { taskId: task.id, decision: 'REJECT', opinion: '无理由' }),
    ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, details: [{ field: 'reasons' }] });

    // The chain's own validator refuses too, even when the service is bypassed.
    const before = (await handle.query(chainStateQuery)).history.length;
    const bypass = await handle
      .executeUpdate(decideUpdate, {
        args: [
          {
            taskId: task.id,
            decision: 'APPROVE',
            opinion: '绕过服务',
            actor: { userId: 'x', username: 'street1', roles: ['STREET_REVIEWER'], divisionCode: '220102001' },
            decidedAt: new Date().toISOString(),
          },
        ],
      })
      .catch((error: unknown) => error);
    expect(bypass).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((await handle.query(chainStateQuery)).history).toHaveLength(before);

    const approval = { taskId: task.id, decision: 'APPROVE' as const, opinion: '同意', idempotencyKey: randomUUID() };
    const first = await decide(CALLERS.community1, approval);
    const again = await decide(CALLERS.community1, approval);
    expect(again).toEqual(first);
    // The answer lost to a crash between the chain and the inbox row: a retry with the key still gets it.
    await services[3]
      .get(MikroORM)
      .em.getConnection()
      .execute(`update approval.task set decision_key = null, decision_reply = null where id = ?`, [task.id]);
    const recovered = await decide(CALLERS.community1, approval);
    expect(recovered).toEqual(first);
    expect((await documentTypes(application.id)).filter((type) => type === 'COMMUNITY_OPINION')).toHaveLength(1);
    await expect(
      decide(CALLERS.community1, { taskId: task.id, decision: 'APPROVE', opinion: '再次' }),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT });
    await handle.terminate('test done');
  }, 60_000);

  it('refuses a decision on a task whose chain has ended (409), changing nothing', async () => {
    const application = await submit();
    const handle = temporal.client.workflow.getHandle(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);
    const task = await taskOf(CALLERS.community1, application.id);
    await handle.terminate('test: the chain ended outside the inbox');
    await expect(
      decide(CALLERS.community1, { taskId: task.id, decision: 'APPROVE', opinion: '同意' }),
    ).rejects.toMatchObject({
      code: ErrorCode.CONFLICT,
      details: [{ field: 'taskId', messages: ['该申请的审批流程已结束，此待办已失效'] }],
    });
    expect((await documentTypes(application.id)).filter((type) => type === 'COMMUNITY_OPINION')).toHaveLength(0);
  }, 60_000);

  it('has a confidential case checked and confirmed by the county alone: no community or street stage, no publicity', async () => {
    const application = await as(CALLERS.community1, () =>
      client.request(
        SUBJECTS.intake.applicationSubmit,
        makeApplication({ details: { dataCheckConsent: true, confidential: true } }),
      ),
    );
    const handle = temporal.client.workflow.getHandle<() => Promise<ApprovalChainResult>>(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.county);
    // Nobody below the county has it in their inbox.
    for (const who of [CALLERS.community1, CALLERS.street1]) {
      const inbox = await as(who, () => client.request(SUBJECTS.approval.taskList, {}));
      expect(inbox.items.filter((task) => task.applicationId === application.id)).toEqual([]);
    }
    const task = await taskOf(CALLERS.county1, application.id);
    // The county's own economic check: without its survey the confirmation is refused, and nothing is recorded.
    await expect(
      decide(CALLERS.county1, { taskId: task.id, decision: 'APPROVE', opinion: '同意' }),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, message: expect.stringContaining('县级民政部门直接核查') });
    expect((await taskOf(CALLERS.county1, application.id)).status).toBe('OPEN');
    const reply = await decide(CALLERS.county1, {
      taskId: task.id,
      decision: 'APPROVE',
      opinion: '县级直接核查，同意纳入低保',
      survey: {
        surveyedOn: '2026-11-26',
        surveyors: ['县民政局王五', '县民政局赵六'],
        livingConditions: '患病，无劳动能力',
      },
    });
    expect(reply.next).toBe('APPROVED');
    expect((await handle.result()).stage).toBe(APPROVAL_STAGES.approved);
    expect(await documentTypes(application.id)).toEqual([
      'APPLICATION_RECEIVED',
      'ASSESSMENT_REPORT',
      'SURVEY_RECORD',
      'COUNTY_CONFIRMATION',
      'APPROVAL_NOTICE',
    ]);
    const events = (await handle.query(chainStateQuery)).history.map((entry) => `${entry.stage}:${entry.event}`);
    expect(events).not.toContain('PUBLICITY:PUBLISHED');
    expect(events).not.toContain('OUTCOME:PUBLISHED');
    expect(events.filter((event) => /^(COMMUNITY|STREET):/.test(event))).toEqual([]);
    await record('confidential', handle);
  }, 90_000);
});
