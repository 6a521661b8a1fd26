import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Client, Connection } from '@temporalio/client';

import { APPROVAL_STAGES, SEARCH_ATTRIBUTES } from '@app/contracts/temporal';
import { DEVELOPMENT_PAYLOAD_KEY, payloadEncryptionCodec } from '@app/platform';
import { untilStage } from '@test/support/chains';
import { makeIdNumber } from '@test/support/factories/application.factory';
import { call, type Json, purpose, tokenOf, until } from '@test/support/http-client';

/**
 * One application travelling end to end through the running stack (`npm run up`): gateway → intake →
 * Temporal → worker → archive, driven over HTTP by the seeded caseworker of 华阳社区.
 */
const LOG_DIR = join(__dirname, '..', '..', 'var', 'log');

function applicationBody(overrides: Json = {}) {
  return {
    divisionCode: '220102001001',
    applicantName: '刘端到端',
    applicantIdNumber: makeIdNumber(),
    householdSize: 2,
    reason: '家庭成员重病，医疗支出大，收入低于当地低保标准',
    details: { dataCheckConsent: true },
    ...overrides,
  };
}

describe('an application end to end (running stack)', () => {
  let temporal: Client;
  let connection: Connection;
  let token: string;

  beforeAll(async () => {
    connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' });
    temporal = new Client({
      connection,
      namespace: process.env.TEMPORAL_NAMESPACE ?? 'dibao',
      dataConverter: {
        payloadCodecs: [payloadEncryptionCodec(process.env.TEMPORAL_PAYLOAD_KEYS || DEVELOPMENT_PAYLOAD_KEY)],
      },
    });
    token = await tokenOf('community1');
  });

  afterAll(async () => {
    await connection.close();
  });

  function post(body: unknown, key: string | undefined, headers: Record<string, string> = {}) {
    return call('POST', '/api/v1/applications', {
      token,
      body,
      headers: { ...(key ? { 'Idempotency-Key': key } : {}), ...headers },
    });
  }

  it('reports every component healthy without a token', async () => {
    const { status, body } = await call('GET', '/health');

    expect(status).toBe(200);
    expect(Object.keys(body.components).sort()).toEqual([
      'approval',
      'archive',
      'eligibility',
      'gateway',
      'intake',
      'payment',
      'worker',
    ]);
    for (const component of Object.values<Json>(body.components)) {
      expect(component.status).toBe('up');
    }
  });

  it('files the received record as a PDF, once, however often the same request is posted', async () => {
    const key = `e2e-${randomUUID()}`;
    const correlationId = `e2e-${randomUUID()}`;
    const body = applicationBody();

    const first = await post(body, key, { 'x-correlation-id': correlationId });
    const second = await post(body, key);

    expect(first.status).toBe(201);
    expect(first.headers.get('x-correlation-id')).toBe(correlationId);
    expect(second.body.id).toBe(first.body.id);
    expect(JSON.stringify(first.body)).not.toContain(body.applicantIdNumber);

    const view = await until(async () => {
      const { body: current } = await call('GET', `/api/v1/applications/${first.body.id}`, {
        token,
        headers: purpose(),
      });
      return current.application?.status === 'IN_REVIEW' && current.documents.length >= 2 ? current : undefined;
    });
    // The receipt, then the assessment report the chain files before opening the community stage.
    expect((view.documents as Json[]).map((d) => d.documentType)).toEqual([
      'APPLICATION_RECEIVED',
      'ASSESSMENT_REPORT',
    ]);
    const [document] = view.documents as Json[];
    expect(document).toMatchObject({
      itemNo: 1,
      documentType: 'APPLICATION_RECEIVED',
      title: '最低生活保障申请受理回执',
    });

    const pdf = await call('GET', `/api/v1/documents/${document.id}/content`, {
      token,
      headers: purpose('核对受理回执'),
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    // A download is a copy marked with the viewer and the time; the archived hash comes alongside.
    expect(pdf.headers.get('x-watermarked')).toBe('true');
    expect(pdf.headers.get('x-archived-sha256')).toBe(document.sha256);
    expect(createHash('sha256').update(pdf.bytes).digest('hex')).not.toBe(document.sha256);

    const handle = temporal.workflow.getHandle(first.body.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);
    const description = await handle.describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.divisionCode)).toBe('220102001001');
    expect(description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.applicationNo)).toBe(first.body.applicationNo);
    expect(description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.approvalStage)).toBe(APPROVAL_STAGES.community);

    // The correlation id travelled from the HTTP request through intake, the worker's activities and the archive.
    for (const service of ['gateway', 'intake', 'worker', 'archive']) {
      expect(readFileSync(join(LOG_DIR, `${service}.log`), 'utf8')).toContain(correlationId);
    }
  });

  it('never writes a full ID number or an applicant name into any log', async () => {
    const body = applicationBody({ applicantName: '孙日志' });
    const created = await post(body, `e2e-${randomUUID()}`);
    await untilStage(temporal.workflow.getHandle(created.body.workflowId), APPROVAL_STAGES.community);

    for (const file of readdirSync(LOG_DIR).filter((name) => name.endsWith('.log'))) {
      const text = readFileSync(join(LOG_DIR, file), 'utf8');
      expect(text).not.toContain(body.applicantIdNumber);
      expect(text).not.toContain('孙日志');
    }
  });

  it('refuses a POST without an Idempotency-Key with a field-level 400', async () => {
    const { status, body } = await post(applicationBody(), undefined);

    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'Idempotency-Key' }] });
  });

  it('names every bad field of a body in Chinese', async () => {
    const bad = {
      divisionCode: '2201',
      applicantName: '',
      applicantIdNumber: '12345',
      householdSize: 0,
      reason: 'x',
      extra: true,
    };
    const { status, body } = await post(bad, `e2e-${randomUUID()}`);

    expect(status).toBe(400);
    const fields = Object.fromEntries(
      (body.details as Json[]).map((detail) => [detail.field, detail.messages.join(' ')]),
    );
    expect(Object.keys(fields).sort()).toEqual([
      'applicantIdNumber',
      'applicantName',
      'divisionCode',
      'extra',
      'householdSize',
    ]);
    expect(fields.divisionCode).toContain('12位数字');
    expect(fields.householdSize).toContain('至少为1');
  });

  it('refuses a reused key with a different body with 409', async () => {
    const key = `e2e-${randomUUID()}`;
    const body = applicationBody();
    await post(body, key);

    const { status, body: error } = await post({ ...body, householdSize: 5 }, key);

    expect(status).toBe(409);
    expect(error.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('answers 403 for an unknown application (as for one out of scope) and 400 for an id that is no UUID', async () => {
    expect((await call('GET', `/api/v1/applications/${randomUUID()}`, { token, headers: purpose() })).status).toBe(403);
    expect((await call('GET', '/api/v1/applications/not-a-uuid', { token, headers: purpose() })).status).toBe(400);
  });

  it('serves the OpenAPI document without a token', async () => {
    const { status, body } = await call('GET', '/api/docs-json');

    expect(status).toBe(200);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/applications',
        '/api/v1/applications/{id}',
        '/api/v1/auth/login',
        '/api/v1/access-log',
        '/health',
      ]),
    );
  });

  it('describes request bodies and query parameters from the contracts’ validation rules', async () => {
    const { body } = await call('GET', '/api/docs-json');
    const document = body as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string; required: boolean }> }>>;
      components: { schemas: Record<string, { properties?: Record<string, object>; required?: string[] }> };
    };
    const inbox = document.paths['/api/v1/tasks'].get.parameters ?? [];
    expect(inbox.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(
      expect.arrayContaining(['stage', 'applicationNo', 'divisionCode', 'overdueOnly', 'overallOverdueOnly', 'limit']),
    );
    expect(inbox.every((p) => p.in !== 'query' || p.required === false)).toBe(true);
    // A gateway DTO adding a field to a contract (the register's purpose) still shows the contract's fields.
    const register = document.paths['/api/v1/applications'].get.parameters ?? [];
    expect(register.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(
      expect.arrayContaining(['status', 'divisionCode', 'submittedFrom', 'limit', 'offset', 'purpose']),
    );
    const decision = document.components.schemas.DecisionDto;
    expect(decision.required).toEqual(['decision', 'opinion']);
    expect(decision.properties?.decision).toMatchObject({
      enum: expect.arrayContaining(['APPROVE', 'REJECT', 'RETURN']),
    });
    expect(decision.properties?.survey).toEqual({ $ref: '#/components/schemas/SurveyInput' });
    // Every schema of a validated class has its properties (none left empty for want of decorators).
    const empty = Object.entries(document.components.schemas)
      .filter(([name, schema]) => name !== 'Object' && Object.keys(schema.properties ?? {}).length === 0)
      .map(([name]) => name);
    expect(empty).toEqual([]);
  });
});
