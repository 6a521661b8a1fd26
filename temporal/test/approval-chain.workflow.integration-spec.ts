import { randomUUID } from 'node:crypto';

import type { INestMicroservice } from '@nestjs/common';
import { WorkflowFailedError } from '@temporalio/client';
import type { NativeConnection, Worker } from '@temporalio/worker';

import { ErrorCode, QUEUE_GROUPS, SUBJECTS } from '@app/contracts';
import {
  APPROVAL_CHAIN_WORKFLOW_TYPE,
  APPROVAL_STAGES,
  type ApprovalChainResult,
  approvalChainWorkflowId,
  SEARCH_ATTRIBUTES,
  TASK_QUEUES,
} from '@app/contracts/temporal';
import { MessagingClient, TemporalClientService } from '@app/platform';
import { AppModule as ApprovalAppModule } from '@apps/approval/src/app.module';
import { AppModule as ArchiveAppModule } from '@apps/archive/src/app.module';
import { AppModule as EligibilityAppModule } from '@apps/eligibility/src/app.module';
import { AppModule as IntakeAppModule } from '@apps/intake/src/app.module';
import { as, CALLERS } from '@test/support/callers';
import { untilStage } from '@test/support/chains';
import { evidencePdf, linkEvidence, storeEvidence } from '@test/support/evidence';
import { makeApplication } from '@test/support/factories/application.factory';
import { startService, untilAnswered } from '@test/support/services';
import { TEST_ENV } from '@test/support/test-env';

import { createWorker } from '../src/worker/create-worker';

/**
 * The approval chain against the real Temporal dev server, with the real intake and archive services behind
 * NATS and the real worker (workflows bundled from source). The test namespace keeps it apart from `npm run up`.
 */
describe('approvalChainWorkflow (real Temporal, NATS, PostgreSQL)', () => {
  let intake: INestMicroservice;
  let archive: INestMicroservice;
  let others: INestMicroservice[];
  let worker: Worker;
  let connection: NativeConnection;
  let running: Promise<void>;
  let messaging: MessagingClient;
  let temporal: TemporalClientService;

  beforeAll(async () => {
    [intake, archive, ...others] = await Promise.all([
      startService(IntakeAppModule, QUEUE_GROUPS.intake),
      startService(ArchiveAppModule, QUEUE_GROUPS.archive),
      startService(EligibilityAppModule, QUEUE_GROUPS.eligibility),
      startService(ApprovalAppModule, QUEUE_GROUPS.approval),
    ]);
    const client = intake.get(MessagingClient);
    // Staff calls as the caseworker of 华阳社区, reads as the county approver; the worker acts as the system.
    messaging = {
      request: (...args: Parameters<MessagingClient['request']>) =>
        as(args[0] === SUBJECTS.intake.applicationSubmit ? CALLERS.community1 : CALLERS.county1, () =>
          client.request(...args),
        ),
    } as MessagingClient;
    temporal = intake.get(TemporalClientService);
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
    await Promise.all([intake.close(), archive?.close(), ...others.map((app) => app.close())]);
  });

  it('files the receipt and the assessment report, then opens the community stage', async () => {
    const request = makeApplication({ applicantName: '王小明' });
    const application = await messaging.request(SUBJECTS.intake.applicationSubmit, request);
    const handle = temporal.client.workflow.getHandle<() => Promise<ApprovalChainResult>>(application.workflowId);

    await untilStage(handle, APPROVAL_STAGES.community);

    const documents = await messaging.request(SUBJECTS.archive.documentList, { applicationId: application.id });
    expect(documents.items.map((item) => item.documentType)).toEqual(['APPLICATION_RECEIVED', 'ASSESSMENT_REPORT']);
    expect(documents.items[0]).toMatchObject({
      itemNo: 1,
      householdId: application.householdId,
      documentType: 'APPLICATION_RECEIVED',
      step: 'application-received',
      workflowId: application.workflowId,
    });
    const after = await messaging.request(SUBJECTS.intake.applicationGet, { applicationId: application.id });
    expect(after.status).toBe('IN_REVIEW');
    const description = await handle.describe();
    expect(description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.approvalStage)).toBe(APPROVAL_STAGES.community);
    expect(description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.approvalDueDate)).toBeInstanceOf(Date);
  });

  it('files the evidence uploaded before submission into the household file with the receipt', async () => {
    const draft = await messaging.request(SUBJECTS.intake.applicationSubmit, makeApplication({ draft: true }));
    const stored = await storeEvidence(intake, evidencePdf(Buffer.alloc(4000, 0x20)));
    const { sha256 } = stored;
    const link = () => linkEvidence(intake, draft.id, stored, 'INCOME_PROOF', '工资证明.pdf');
    // A draft's evidence waits for the acceptance step.
    expect((await link()).documentId).toBeNull();

    const submitted = await as(CALLERS.community1, () =>
      intake.get(MessagingClient).request(SUBJECTS.intake.applicationSubmitDraft, { applicationId: draft.id }),
    );
    await untilStage(temporal.client.workflow.getHandle(submitted.workflowId), APPROVAL_STAGES.community);

    const documents = await messaging.request(SUBJECTS.archive.documentList, { applicationId: draft.id });
    expect(documents.items.map((item) => [item.itemNo, item.documentType])).toEqual([
      [1, 'APPLICATION_RECEIVED'],
      [2, 'EVIDENCE'],
      [3, 'ASSESSMENT_REPORT'],
    ]);
    expect(documents.items[1]).toMatchObject({
      sha256,
      title: '收入证明（工资证明.pdf）',
      mediaType: 'application/pdf',
      createdBy: 'community1',
    });
    // The same upload sent again once accepted: the item filed with the receipt, not a second copy.
    expect((await link()).documentId).toBe(documents.items[1].id);
    expect((await messaging.request(SUBJECTS.archive.documentList, { applicationId: draft.id })).items).toHaveLength(3);
  });

  it('files evidence uploaded after acceptance at once; with the archive down it stays unfiled until sent again', async () => {
    const application = await messaging.request(SUBJECTS.intake.applicationSubmit, makeApplication());
    await untilStage(temporal.client.workflow.getHandle(application.workflowId), APPROVAL_STAGES.community);
    const stored = await storeEvidence(intake);
    const { sha256 } = stored;
    const link = () => linkEvidence(intake, application.id, stored, 'MEDICAL_RECORD', '诊断证明.pdf');
    const evidence = async () =>
      (await messaging.request(SUBJECTS.archive.documentList, { applicationId: application.id })).items.filter(
        (item) => item.documentType === 'EVIDENCE',
      );

    await archive.close();
    await expect(link()).rejects.toMatchObject({ code: ErrorCode.UNAVAILABLE });
    archive = await startService(ArchiveAppModule, QUEUE_GROUPS.archive);
    expect(await untilAnswered(evidence)).toEqual([]);
    // Sent again: the same attachment, now in the household file; a third time files nothing more.
    const linked = await link();
    expect(linked.documentId).toEqual(expect.any(String));
    expect((await link()).documentId).toBe(linked.documentId);
    expect(await evidence()).toEqual([
      expect.objectContaining({ id: linked.documentId, sha256, step: 'evidence-upload', createdBy: 'community1' }),
    ]);
  }, 60_000);

  it('keeps personal data out of the workflow history (Temporal stores it unencrypted)', async () => {
    const request = makeApplication({ applicantName: '赵隐私' });
    const application = await messaging.request(SUBJECTS.intake.applicationSubmit, request);
    const handle = temporal.client.workflow.getHandle(application.workflowId);
    await untilStage(handle, APPROVAL_STAGES.community);

    // Payload bytes decoded as text, so a name or ID number anywhere in the history would show.
    const history = JSON.stringify(await handle.fetchHistory(), (key, value: unknown) =>
      key === 'data' && typeof value === 'string' ? Buffer.from(value, 'base64').toString('utf8') : value,
    );
    expect(history).toContain(application.applicationNo); // the decoding works: ids and codes are there
    expect(history).not.toContain(request.applicantIdNumber);
    expect(history).not.toContain(request.applicantIdNumber.slice(6, 14));
    expect(history).not.toContain('赵隐私');
  });

  it('yields one workflow and one set of documents when the same submission is repeated', async () => {
    const request = makeApplication();
    const first = await messaging.request(SUBJECTS.intake.applicationSubmit, request);
    await untilStage(temporal.client.workflow.getHandle(first.workflowId), APPROVAL_STAGES.community);

    const again = await messaging.request(SUBJECTS.intake.applicationSubmit, request);

    expect(again.id).toBe(first.id);
    const documents = await messaging.request(SUBJECTS.archive.documentList, { applicationId: first.id });
    expect(documents.items).toHaveLength(2);
  });

  it('retries filing while the archive is down and files exactly once when it returns', async () => {
    await archive.close();
    const request = makeApplication();
    const application = await messaging.request(SUBJECTS.intake.applicationSubmit, request);
    const handle = temporal.client.workflow.getHandle<() => Promise<ApprovalChainResult>>(application.workflowId);

    await waitFor(
      async () =>
        (await handle.describe()).raw.pendingActivities?.some((activity) => (activity.attempt ?? 0) >= 2) ?? false,
    );
    archive = await startService(ArchiveAppModule, QUEUE_GROUPS.archive);
    await untilStage(handle, APPROVAL_STAGES.community);

    const documents = await messaging.request(SUBJECTS.archive.documentList, { applicationId: application.id });
    expect(documents.items.map((item) => item.documentType)).toEqual(['APPLICATION_RECEIVED', 'ASSESSMENT_REPORT']);
  }, 60_000);

  it('fails without retrying when the application does not exist (a business rejection)', async () => {
    const applicationId = randomUUID();
    const handle = await temporal.client.workflow.start(APPROVAL_CHAIN_WORKFLOW_TYPE, {
      workflowId: approvalChainWorkflowId(applicationId),
      taskQueue: TASK_QUEUES.approval,
      args: [
        {
          applicationId,
          applicationNo: 'SQ-220102-2026-999999',
          householdId: randomUUID(),
          divisionCode: '220102001001',
          correlationId: 'test',
        },
      ],
    });

    const failure = await handle.result().catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(WorkflowFailedError);
    // The call's local attempt failed for good: the chain fails with it, never making the call as a task again.
    expect((failure as WorkflowFailedError).cause).toMatchObject({ type: 'NOT_FOUND', nonRetryable: true });
    const scheduled = (await handle.fetchHistory()).events?.filter(
      (event) => event.activityTaskScheduledEventAttributes,
    );
    expect(scheduled).toHaveLength(0);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
