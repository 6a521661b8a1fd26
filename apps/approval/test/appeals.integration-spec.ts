import { randomUUID } from 'node:crypto';

import type { INestMicroservice } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';

import {
  ErrorCode,
  type FormDocumentType,
  QUEUE_GROUPS,
  type RegisterAppealRequest,
  type RequestOf,
  type RequestSubject,
  SUBJECTS,
} from '@app/contracts';
import { beijingDate } from '@app/domain';
import { MessagingClient, serviceOrmConfig } from '@app/platform';
import { AppModule as ArchiveAppModule } from '@apps/archive/src/app.module';
import { AppModule as IntakeAppModule } from '@apps/intake/src/app.module';
import { as, caller, CALLERS } from '@test/support/callers';
import { startService } from '@test/support/services';
import { TEST_ENV } from '@test/support/test-env';

import { AppModule } from '../src/app.module';
import { approvalOrmSettings } from '../src/mikro-orm.config';

/**
 * Reconsideration and court cases against the county's decisions (real PostgreSQL, NATS, archive): registered
 * against a filed decision, the household file held while the case runs, each step's record filed, and a request
 * cut off by the archive's outage finished by the same request again.
 */
describe('appeals (行政复议、行政诉讼) against filed decisions', () => {
  let app: INestMicroservice;
  let archive: INestMicroservice;
  let client: MessagingClient;
  let orm: MikroORM;
  const call = <S extends RequestSubject>(subject: S, request: RequestOf<S>, who = CALLERS.county1) =>
    as(who, () => client.request(subject, request));
  const COMMUNITY = '220102001001';

  /** A household's file with a decision of `documentType` filed in it under a new application. */
  const fileDecision = async (documentType: FormDocumentType) => {
    const householdId = randomUUID();
    const applicationId = randomUUID();
    const filed = await call(
      SUBJECTS.archive.documentFile,
      {
        idempotencyKey: randomUUID(),
        householdId,
        divisionCode: COMMUNITY,
        applicationId,
        workflowId: `approval-chain-${applicationId}`,
        step: 'county:1:refusal-notice',
        documentType,
        createdBy: 'county1',
        form: {
          title: '不予确认最低生活保障通知书',
          fields: [{ label: '理由', value: '家庭人均收入高于当地保障标准' }],
          completedAt: new Date().toISOString(),
        },
      },
      CALLERS.system,
    );
    return { householdId, applicationId, documentId: filed.id };
  };
  const registration = (decision: { applicationId: string; documentId: string }): RegisterAppealRequest => ({
    idempotencyKey: randomUUID(),
    applicationId: decision.applicationId,
    contestedDocumentId: decision.documentId,
    kind: 'APPEAL',
    body: '长春市南关区人民政府',
    caseNo: `南府复〔2026〕${Math.floor(Math.random() * 1e6)}号`,
    receivedOn: beijingDate(new Date()),
    claim: '请求撤销不予确认决定，重新审核',
  });
  const holdsOf = (householdId: string) =>
    call(SUBJECTS.archive.holdList, { householdId, active: false }, CALLERS.archivist1);

  beforeAll(async () => {
    [app, archive] = await Promise.all([
      startService(AppModule, QUEUE_GROUPS.approval),
      startService(ArchiveAppModule, QUEUE_GROUPS.archive),
    ]);
    client = app.get(MessagingClient);
    orm = await MikroORM.init({
      ...serviceOrmConfig(approvalOrmSettings, TEST_ENV.databaseUrl),
      allowGlobalContext: true,
    });
  });

  afterAll(async () => {
    await orm.close(true);
    await Promise.all([app.close(), archive.close()]);
  });

  it('registers a case against a refusal, holds the file, files both records and lifts the hold on the outcome', async () => {
    const refusal = await fileDecision('REFUSAL_NOTICE');
    const request = registration(refusal);
    const registered = await call(SUBJECTS.approval.appealRegister, request);
    expect(registered).toMatchObject({
      applicationId: refusal.applicationId,
      householdId: refusal.householdId,
      divisionCode: COMMUNITY,
      contestedDocumentType: 'REFUSAL_NOTICE',
      contestedReferenceCode: expect.stringMatching(/^220102-DB·/),
      status: 'OPEN',
      holdId: expect.any(String),
      registrationDocumentId: expect.any(String),
      registeredBy: 'county1',
      outcome: null,
      toActOn: false,
    });
    // The file is held while the case runs, on the case's number.
    expect((await holdsOf(refusal.householdId)).items).toEqual([
      expect.objectContaining({ id: registered.holdId, kind: 'APPEAL', liftedAt: null }),
    ]);
    expect((await holdsOf(refusal.householdId)).items[0].basis).toContain(request.caseNo);
    // The same request again answers the same case; the key with other content, or the case again, is refused.
    expect(await call(SUBJECTS.approval.appealRegister, request)).toEqual(registered);
    await expect(call(SUBJECTS.approval.appealRegister, { ...request, claim: '另一请求' })).rejects.toMatchObject({
      code: ErrorCode.IDEMPOTENCY_CONFLICT,
      details: [{ field: 'idempotencyKey' }],
    });
    await expect(
      call(SUBJECTS.approval.appealRegister, { ...request, idempotencyKey: randomUUID() }),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, details: [{ field: 'caseNo' }] });

    // Decided: a day before the case was received, or to come, is refused; the outcome is filed and the hold lifted.
    const outcome = {
      idempotencyKey: randomUUID(),
      appealId: registered.id,
      outcome: 'REVOKED' as const,
      decidedOn: beijingDate(new Date()),
      decisionNo: '南府复决〔2026〕8号',
      note: '责令重新作出决定',
    };
    await expect(call(SUBJECTS.approval.appealOutcome, { ...outcome, decidedOn: '2020-01-01' })).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'decidedOn' }],
    });
    await expect(call(SUBJECTS.approval.appealOutcome, outcome, CALLERS.otherCounty)).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    const closed = await call(SUBJECTS.approval.appealOutcome, outcome);
    expect(closed).toMatchObject({
      status: 'CLOSED',
      outcome: 'REVOKED',
      decisionNo: outcome.decisionNo,
      toActOn: true,
      outcomeDocumentId: expect.any(String),
      closedBy: 'county1',
      closedAt: expect.any(String),
    });
    expect(await call(SUBJECTS.approval.appealOutcome, outcome)).toEqual(closed);
    await expect(
      call(SUBJECTS.approval.appealOutcome, { ...outcome, idempotencyKey: randomUUID(), outcome: 'UPHELD' }),
    ).rejects.toMatchObject({ code: ErrorCode.CONFLICT, details: [{ field: 'appealId' }] });
    const [hold] = (await holdsOf(refusal.householdId)).items;
    expect(hold).toMatchObject({ id: registered.holdId, liftedAt: expect.any(String) });
    expect(hold.liftBasis).toBe('撤销原决定（南府复决〔2026〕8号）');

    // Both records are in the household file under the application, beside the refusal.
    const filed = await call(SUBJECTS.archive.documentList, { applicationId: refusal.applicationId });
    expect(filed.items.map((item) => [item.id, item.documentType, item.title])).toEqual([
      [refusal.documentId, 'REFUSAL_NOTICE', '不予确认最低生活保障通知书'],
      [registered.registrationDocumentId, 'APPEAL_RECORD', '行政复议案件登记表'],
      [closed.outcomeDocumentId, 'APPEAL_RECORD', '行政复议案件结果记录'],
    ]);
    // The county's list: its cases, by status. Every reader of the division sees them (the dossier lists them);
    // another county or community sees none, and a role that reads no applications may not look.
    const mine = await call(SUBJECTS.approval.appealList, { householdId: refusal.householdId });
    expect(mine.items).toEqual([closed]);
    expect(
      (await call(SUBJECTS.approval.appealList, { householdId: refusal.householdId, status: 'OPEN' })).items,
    ).toEqual([]);
    expect(
      (await call(SUBJECTS.approval.appealList, { householdId: refusal.householdId }, CALLERS.otherCounty)).items,
    ).toEqual([]);
    expect(
      (await call(SUBJECTS.approval.appealList, { householdId: refusal.householdId }, CALLERS.community1)).items,
    ).toEqual([closed]);
    expect(
      (await call(SUBJECTS.approval.appealList, { householdId: refusal.householdId }, CALLERS.community2)).items,
    ).toEqual([]);
    await expect(
      call(SUBJECTS.approval.appealGet, { appealId: registered.id }, CALLERS.community2),
    ).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    await expect(
      call(SUBJECTS.approval.appealList, {}, caller(['ADMINISTRATOR'], '22', 'admin')),
    ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
    expect(await call(SUBJECTS.approval.appealGet, { appealId: registered.id })).toEqual(closed);

    // The outcome's key is this case's: another case's outcome under it is refused, and that case stays open.
    const other = await call(SUBJECTS.approval.appealRegister, registration(await fileDecision('REFUSAL_NOTICE')));
    await expect(call(SUBJECTS.approval.appealOutcome, { ...outcome, appealId: other.id })).rejects.toMatchObject({
      code: ErrorCode.IDEMPOTENCY_CONFLICT,
    });
    expect(await call(SUBJECTS.approval.appealGet, { appealId: other.id })).toMatchObject({
      status: 'OPEN',
      outcome: null,
    });
  });

  it('refuses a case against what is not a contestable decision of the application, by field', async () => {
    const report = await fileDecision('ASSESSMENT_REPORT');
    await expect(call(SUBJECTS.approval.appealRegister, registration(report))).rejects.toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'contestedDocumentId', messages: [expect.stringContaining('家庭经济状况核对认定结果')] }],
    });
    const refusal = await fileDecision('REFUSAL_NOTICE');
    // Another application's, or out of the caller's division: not in the file the caller sees.
    for (const [request, who] of [
      [{ ...registration(refusal), applicationId: report.applicationId }, CALLERS.county1],
      [registration(refusal), CALLERS.otherCounty],
    ] as const) {
      await expect(call(SUBJECTS.approval.appealRegister, request, who)).rejects.toMatchObject({
        code: ErrorCode.VALIDATION_FAILED,
        details: [{ field: 'contestedDocumentId' }],
      });
    }
    await expect(
      call(SUBJECTS.approval.appealRegister, { ...registration(refusal), receivedOn: '2099-01-01' }),
    ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED, details: [{ field: 'receivedOn' }] });
    await expect(call(SUBJECTS.approval.appealRegister, registration(refusal), CALLERS.street1)).rejects.toMatchObject({
      code: ErrorCode.FORBIDDEN,
    });
    const [{ count }] = await orm.em
      .getConnection()
      .execute<Array<{ count: string }>>(`select count(*) from approval.appeal where application_id in (?, ?)`, [
        report.applicationId,
        refusal.applicationId,
      ]);
    expect(Number(count)).toBe(0);
  });

  it('decides again only a refusal or termination whose outcome leaves it to the county, and only there', async () => {
    const intake = await startService(IntakeAppModule, QUEUE_GROUPS.intake);
    try {
      const redecide = (appealId: string, who = CALLERS.county1) =>
        call(SUBJECTS.approval.appealRedecide, { appealId }, who);
      const decide = (appealId: string, outcome: 'UPHELD' | 'REVOKED' | 'ORDERED_TO_ACT') =>
        call(SUBJECTS.approval.appealOutcome, {
          idempotencyKey: randomUUID(),
          appealId,
          outcome,
          decidedOn: beijingDate(new Date()),
          decisionNo: '南府复决〔2026〕9号',
        });
      // Before the outcome, and once the refusal is upheld: nothing to decide again.
      const upheld = await call(SUBJECTS.approval.appealRegister, registration(await fileDecision('REFUSAL_NOTICE')));
      const nothing = {
        code: ErrorCode.CONFLICT,
        details: [{ field: 'appealId', messages: [expect.stringContaining('无需重新作出决定')] }],
      };
      await expect(redecide(upheld.id)).rejects.toMatchObject(nothing);
      await decide(upheld.id, 'UPHELD');
      await expect(redecide(upheld.id)).rejects.toMatchObject(nothing);
      // A confirmation revoked (its amount) is decided again as a change of the benefit, not by a new confirmation.
      const amount = await call(SUBJECTS.approval.appealRegister, registration(await fileDecision('APPROVAL_NOTICE')));
      await decide(amount.id, 'REVOKED');
      await expect(redecide(amount.id)).rejects.toMatchObject({
        code: ErrorCode.CONFLICT,
        details: [{ field: 'appealId', messages: [expect.stringContaining('待遇变更')] }],
      });
      // Ordered to act on a refusal: another county or a street reviewer may not; an application the registry does
      // not hold is not found, and the case names no application.
      const ordered = await call(SUBJECTS.approval.appealRegister, registration(await fileDecision('REFUSAL_NOTICE')));
      await decide(ordered.id, 'ORDERED_TO_ACT');
      for (const who of [CALLERS.otherCounty, CALLERS.street1]) {
        await expect(redecide(ordered.id, who)).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
      }
      await expect(redecide(ordered.id)).rejects.toMatchObject({ code: ErrorCode.NOT_FOUND });
      expect(await call(SUBJECTS.approval.appealGet, { appealId: ordered.id })).toMatchObject({
        toActOn: true,
        redecisionApplicationId: null,
        redecidedBy: null,
      });
    } finally {
      await intake.close();
    }
  });

  it('finishes a registration the archive cut off when the same request is sent again', async () => {
    const change = await fileDecision('BENEFIT_CHANGE_DECISION');
    const request = { ...registration(change), kind: 'LITIGATION' as const, body: '长春市南关区人民法院' };
    // The contested decision is read, then the archive goes away before the hold and the record: the service's
    // real requests, wrapped only to stop the real archive at that moment.
    const list = client.request.bind(client);
    let archiveStopped = false;
    const spy = jest.spyOn(client, 'request').mockImplementation(async (subject, payload, ...rest) => {
      const reply = await list(subject, payload, ...rest);
      if (subject === SUBJECTS.archive.documentList && !archiveStopped) {
        archiveStopped = true;
        await archive.close();
      }
      return reply;
    });
    try {
      await expect(call(SUBJECTS.approval.appealRegister, request)).rejects.toMatchObject({
        code: ErrorCode.UNAVAILABLE,
      });
    } finally {
      spy.mockRestore();
    }
    const [half] = await orm.em
      .getConnection()
      .execute<Array<{ id: string; hold_id: string | null; registration_document_id: string | null }>>(
        `select id, hold_id, registration_document_id from approval.appeal where idempotency_key = ?`,
        [request.idempotencyKey],
      );
    expect(half).toMatchObject({ hold_id: null, registration_document_id: null });

    archive = await startService(ArchiveAppModule, QUEUE_GROUPS.archive);
    const finished = await call(SUBJECTS.approval.appealRegister, request);
    expect(finished).toMatchObject({
      id: half.id,
      kind: 'LITIGATION',
      contestedDocumentType: 'BENEFIT_CHANGE_DECISION',
      holdId: expect.any(String),
      registrationDocumentId: expect.any(String),
    });
    expect((await holdsOf(change.householdId)).items).toEqual([
      expect.objectContaining({ id: finished.holdId, kind: 'LITIGATION', liftedAt: null }),
    ]);
    const records = (await call(SUBJECTS.archive.documentList, { applicationId: change.applicationId })).items.filter(
      (item) => item.documentType === 'APPEAL_RECORD',
    );
    expect(records.map((item) => [item.id, item.title])).toEqual([
      [finished.registrationDocumentId, '行政诉讼案件登记表'],
    ]);
  });
});
