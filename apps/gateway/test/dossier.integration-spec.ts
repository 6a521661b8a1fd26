import { randomUUID } from 'node:crypto';

import type { INestApplication, INestMicroservice } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { connect, type NatsConnection } from 'nats';
import { PDFDocument } from 'pdf-lib';
import request from 'supertest';

import { QUEUE_GROUPS, type RequestOf, type RequestSubject, SUBJECTS } from '@app/contracts';
import { DEFAULT_DEMO_PASSWORD, DEMO_BANKS } from '@app/domain';
import { MessagingClient } from '@app/platform';
import { AppModule as ApprovalAppModule } from '@apps/approval/src/app.module';
import { AppModule as ArchiveAppModule } from '@apps/archive/src/app.module';
import { AppModule as EligibilityAppModule } from '@apps/eligibility/src/app.module';
import { AppModule as IntakeAppModule } from '@apps/intake/src/app.module';
import { AppModule as PaymentAppModule } from '@apps/payment/src/app.module';
import { as, CALLERS } from '@test/support/callers';
import { makeApplication } from '@test/support/factories/application.factory';
import { receiptFiling } from '@test/support/factories/archive.factory';
import { startService } from '@test/support/services';
import { TEST_NATS_SERVERS } from '@test/support/test-env';

import { createGateway } from '../src/gateway.bootstrap';

const TIMEOUT_MS = 800;

/**
 * The dossier composed by the gateway from the real services: every section from its own service, a stopped or
 * silent service marked unavailable within the timeout, 403 out of scope, every read in the access log.
 * Payroll months 2024-11 and 2024-12 belong to this file (the enrolment ends before any other file's month).
 */
describe('the household dossier (gateway + every service, real PostgreSQL and NATS)', () => {
  let gateway: INestApplication;
  let services: Record<'intake' | 'approval' | 'eligibility' | 'archive' | 'payment', INestMicroservice>;
  let http: ReturnType<typeof request>;
  const tokens: Record<string, string> = {};
  let householdId: string;
  let applicationId: string;
  let applicantIdNumber: string;

  const system = <S extends RequestSubject>(subject: S, payload: RequestOf<S>) =>
    as(CALLERS.system, () => services.intake.get(MessagingClient).request(subject, payload));
  const dossier = (token: string, purpose = '核对家庭情况') =>
    http
      .get(`/api/v1/households/${householdId}/dossier`)
      .set('authorization', `Bearer ${token}`)
      .set('X-Access-Purpose', encodeURIComponent(purpose));

  beforeAll(async () => {
    process.env.DOSSIER_SECTION_TIMEOUT_MS = String(TIMEOUT_MS);
    const [intake, approval, eligibility, archive, payment] = await Promise.all([
      startService(IntakeAppModule, QUEUE_GROUPS.intake),
      startService(ApprovalAppModule, QUEUE_GROUPS.approval),
      startService(EligibilityAppModule, QUEUE_GROUPS.eligibility),
      startService(ArchiveAppModule, QUEUE_GROUPS.archive),
      startService(PaymentAppModule, QUEUE_GROUPS.payment),
    ]);
    services = { intake, approval, eligibility, archive, payment };
    gateway = await createGateway();
    await gateway.init();
    http = request(gateway.getHttpServer());
    for (const username of ['community1', 'community2', 'finance1']) {
      tokens[username] = (await http.post('/api/v1/auth/login').send({ username, password: DEFAULT_DEMO_PASSWORD }))
        .body.accessToken as string;
    }

    // An application (its household registered with it), an open community step, a filed receipt,
    // an enrolment ended after two paid months.
    const { idempotencyKey, ...body } = makeApplication({ draft: true, applicantName: '郑档案' });
    const created = await http
      .post('/api/v1/applications')
      .set('authorization', `Bearer ${tokens.community1}`)
      .set('Idempotency-Key', idempotencyKey)
      .send(body);
    expect(created.status).toBe(201);
    applicationId = created.body.id as string;
    applicantIdNumber = body.applicantIdNumber;
    householdId = created.body.householdId as string;
    await system(SUBJECTS.approval.taskOpen, {
      applicationId,
      applicationNo: created.body.applicationNo as string,
      householdId,
      divisionCode: '220102001001',
      workflowId: `approval-chain-${applicationId}`,
      stage: 'COMMUNITY',
      role: 'COMMUNITY_CASEWORKER',
      attempt: 1,
      limitWorkingDays: 10,
      openedOn: '2026-11-26',
    });
    const receipt = receiptFiling({ householdId, applicationId });
    await system(SUBJECTS.archive.documentFile, {
      ...receipt,
      data: { ...receipt.data!, applicationNo: created.body.applicationNo as string, applicantName: '郑档案' },
    });
    const enrolment = await system(SUBJECTS.payment.enrolmentCreate, {
      idempotencyKey: randomUUID(),
      householdId,
      applicationId,
      divisionCode: '220102001001',
      headName: '郑档案',
      headIdNumber: body.applicantIdNumber,
      bankCode: DEMO_BANKS[0].code,
      accountNo: '6217000022223344',
      baseFen: 47_000,
      supplementFen: 7_700,
      firstMonth: '2024-11',
      decision: '南关区民政局审核确认（档案一览测试）',
    });
    for (const month of ['2024-11', '2024-12']) {
      await system(SUBJECTS.payment.payrollGenerate, { month, chunk: 0, chunks: 1 });
      await system(SUBJECTS.payment.payrollSeal, { month });
    }
    await system(SUBJECTS.payment.enrolmentChange, {
      idempotencyKey: randomUUID(),
      enrolmentId: enrolment.id,
      kind: 'TERMINATE',
      effectiveMonth: '2025-01',
      decision: '南关区民政局停保决定（档案一览测试）',
      reason: '家庭收入已超过标准',
    });
    // The household contests the stop: the county registers the reconsideration case.
    const filed = await system(SUBJECTS.archive.documentList, { applicationId });
    const stop = filed.items.find((item) => item.documentType === 'BENEFIT_CHANGE_DECISION')!;
    await as(CALLERS.county1, () =>
      services.approval.get(MessagingClient).request(SUBJECTS.approval.appealRegister, {
        idempotencyKey: randomUUID(),
        applicationId,
        contestedDocumentId: stop.id,
        kind: 'APPEAL',
        body: '长春市南关区人民政府',
        caseNo: `南府复〔2026〕档案一览${randomUUID().slice(0, 6)}号`,
        receivedOn: '2026-11-20',
        claim: '请求撤销停保决定',
      }),
    );
  }, 90_000);

  afterAll(async () => {
    delete process.env.DOSSIER_SECTION_TIMEOUT_MS;
    await gateway.close();
    await Promise.all(Object.values(services).map((service) => service.close().catch(() => undefined)));
  });

  it('answers every section from its own service, consistent with what each service says', async () => {
    const response = await dossier(tokens.community1);
    expect(response.status).toBe(200);
    const body = response.body as Record<string, { status: string; data: unknown }> & Record<string, unknown>;
    for (const name of [
      'household',
      'applications',
      'steps',
      'assessments',
      'benefit',
      'payments',
      'recoveries',
      'appeals',
      'archive',
    ]) {
      expect([name, body[name].status]).toEqual([name, 'OK']);
    }
    const household = await system(SUBJECTS.intake.householdGet, { householdId });
    expect(body.household.data).toEqual(household);
    // No section carries the full ID number (household, applications, enrolment: all masked).
    expect(JSON.stringify(body)).not.toContain(applicantIdNumber);
    expect(body.applications.data).toEqual([expect.objectContaining({ id: applicationId, status: 'DRAFT' })]);
    expect(body.steps.data).toEqual([
      expect.objectContaining({ applicationId, stage: 'COMMUNITY', status: 'OPEN', dueDate: expect.any(String) }),
    ]);
    expect(body.benefit.data).toMatchObject({
      status: 'TERMINATED',
      firstMonth: '2024-11',
      lastMonth: '2024-12',
      currentTerm: { baseFen: 47_000, supplementFen: 7_700, totalFen: 54_700 },
      accountNo: expect.stringMatching(/\*/),
      nextReviewOn: null,
      lastReviewedOn: null,
    });
    expect(
      (body.payments.data as Array<{ month: string; amountFen: number }>).map((p) => [p.month, p.amountFen]),
    ).toEqual([
      ['2024-12', 54_700],
      ['2024-11', 54_700],
    ]);
    // The case against the stop, as the approval service lists it (every reader of the division sees it).
    const appeals = await system(SUBJECTS.approval.appealList, { householdId });
    expect(appeals.items).toEqual([
      expect.objectContaining({ contestedDocumentType: 'BENEFIT_CHANGE_DECISION', status: 'OPEN', kind: 'APPEAL' }),
    ]);
    expect(body.appeals.data).toEqual(appeals.items);
    // Nothing ordered back (its months were never paid out): an empty section, as payment answers.
    expect(body.recoveries.data).toEqual((await system(SUBJECTS.payment.recoveryList, { householdId })).items);
    const file = await system(SUBJECTS.archive.fileGet, { householdId });
    expect(body.archive.data).toEqual(file);
    expect(body.status).toEqual({ code: 'ENDED', label: '已停保', stage: null });
    expect(body.slowest).toEqual({ section: expect.any(String), ms: expect.any(Number) });
  });

  it('records each read in the access log with its purpose', async () => {
    await dossier(tokens.community1, '答复申请人查询（档案一览）');
    const rows = await services.intake
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute<Array<{ actor_username: string; purpose: string; record_type: string }>>(
        `select actor_username, purpose, record_type from identity.access_log where record_id = ? order by seq desc limit 1`,
        [householdId],
      );
    expect(rows[0]).toEqual({
      actor_username: 'community1',
      purpose: '答复申请人查询（档案一览）',
      record_type: 'dossier',
    });
  });

  it('refuses a caller of another community with 403, and a read without a purpose with 400', async () => {
    expect((await dossier(tokens.community2)).status).toBe(403);
    const noPurpose = await http
      .get(`/api/v1/households/${householdId}/dossier`)
      .set('authorization', `Bearer ${tokens.community1}`);
    expect(noPurpose.status).toBe(400);
  });

  it('marks the archive not permitted for a role that may not read documents', async () => {
    const response = await dossier(tokens.finance1);
    expect(response.status).toBe(200);
    expect(response.body.archive).toMatchObject({ status: 'NOT_PERMITTED' });
    expect(response.body.payments.status).toBe('OK');
  });

  it('prints the dossier as a PDF that opens, and logs the download with its purpose', async () => {
    const response = await http
      .get(`/api/v1/households/${householdId}/dossier.pdf`)
      .set('authorization', `Bearer ${tokens.community1}`)
      .set('X-Access-Purpose', encodeURIComponent('打印存档'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await PDFDocument.load(response.body as Buffer);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    const [row] = await services.intake
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute<Array<{ action: string; purpose: string }>>(
        `select action, purpose from identity.access_log where record_id = ? order by seq desc limit 1`,
        [householdId],
      );
    expect(row).toEqual({ action: 'DOWNLOAD', purpose: '打印存档' });
    expect(
      (
        await http
          .get(`/api/v1/households/${householdId}/dossier.pdf`)
          .set('authorization', `Bearer ${tokens.community2}`)
          .set('X-Access-Purpose', 'x1')
      ).status,
    ).toBe(403);
  });

  it('marks a silent service unavailable once its time is up and returns the rest', async () => {
    // A replica that takes the eligibility messages and never answers.
    const silent: NatsConnection = await connect({ servers: TEST_NATS_SERVERS });
    await services.eligibility.close();
    silent.subscribe(SUBJECTS.eligibility.assessmentList, { queue: QUEUE_GROUPS.eligibility });
    await silent.flush();
    try {
      const started = Date.now();
      const response = await dossier(tokens.community1);
      const took = Date.now() - started;
      expect(response.status).toBe(200);
      expect(response.body.assessments).toMatchObject({
        status: 'UNAVAILABLE',
        reason: '该部分服务暂不可用，请稍后再查',
      });
      expect(response.body.assessments.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(took).toBeLessThan(TIMEOUT_MS + 1500);
      expect(response.body.household.status).toBe('OK');
      expect(response.body.slowest.section).toBe('assessments');
    } finally {
      await silent.close();
    }
  });

  it('gives the payment sections as unavailable when the payment service is stopped', async () => {
    await services.payment.close();
    const started = Date.now();
    const response = await dossier(tokens.community1);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1500);
    expect(response.status).toBe(200);
    expect(response.body.payments).toMatchObject({ status: 'UNAVAILABLE' });
    expect(response.body.benefit).toMatchObject({ status: 'UNAVAILABLE' });
    expect(response.body.archive.status).toBe('OK');
    expect(response.body.steps.status).toBe('OK');
    // Without the benefit, the status comes from the application.
    expect(response.body.status).toEqual({ code: 'DRAFT', label: '申请草稿，尚未提交', stage: null });
  });
  it('shows who applied on each inbox line, logged; without intake the inbox still answers', async () => {
    const inbox = () =>
      http.get(`/api/v1/tasks?applicationId=${applicationId}`).set('authorization', `Bearer ${tokens.community1}`);
    const shown = await inbox();
    expect(shown.status).toBe(200);
    expect(shown.body.items).toEqual([
      expect.objectContaining({
        applicationId,
        stage: 'COMMUNITY',
        applicant: {
          name: '郑档案',
          idNumberMasked: `${applicantIdNumber.slice(0, 6)}********${applicantIdNumber.slice(-4)}`,
          householdSize: 3,
        },
      }),
    ]);
    expect(JSON.stringify(shown.body)).not.toContain(applicantIdNumber);
    const rows = await services.approval
      .get(EntityManager)
      .fork()
      .getConnection()
      .execute<Array<{ action: string; purpose: string; record_type: string }>>(
        `select action, purpose, record_type from identity.access_log where record_id = ? order by seq desc limit 1`,
        [applicationId],
      );
    expect(rows[0]).toEqual({ action: 'SEARCH', purpose: '办理待办任务', record_type: 'application' });

    await services.intake.close();
    const without = await inbox();
    expect(without.status).toBe(200);
    expect(without.body.applicantsUnavailable).toBe('申请人信息暂时无法读取，请稍后再查');
    expect(without.body.items).toEqual([expect.objectContaining({ applicationId, applicant: null })]);
  });
});
