import { randomUUID } from 'node:crypto';

import type { INestMicroservice } from '@nestjs/common';
import { JSONCodec, type NatsConnection } from 'nats';

import { CALLER_HEADERS, ErrorCode, QUEUE_GROUPS, SUBJECTS } from '@app/contracts';
import { CORRELATION_HEADER, MessagingClient, RemoteError, runWithCorrelation } from '@app/platform';
import { as, CALLERS } from '@test/support/callers';
import { rawNats, startService } from '@test/support/services';

import { AppModule as ApprovalAppModule } from '../src/app.module';

/**
 * The platform's MessagingClient on the wire (real NATS, the approval service answering): replies, typed error replies, no responders and
 * timeouts each come back as the caller expects, with the correlation id and caller in the headers.
 */
describe('MessagingClient request–reply (real NATS)', () => {
  let app: INestMicroservice;
  let client: MessagingClient;
  let nats: NatsConnection;
  const codec = JSONCodec<Record<string, unknown>>();

  beforeAll(async () => {
    app = await startService(ApprovalAppModule, QUEUE_GROUPS.approval);
    client = app.get(MessagingClient);
    nats = await rawNats();
  });

  afterAll(async () => {
    await nats.close();
    await app.close();
  });

  it("answers with the service's reply", async () => {
    await expect(
      as(CALLERS.system, () =>
        client.request(SUBJECTS.approval.calendarDueDate, { from: '2026-11-02', workingDays: 3 }),
      ),
    ).resolves.toMatchObject({ dueDate: '2026-11-05' });
  });

  it("throws the service's typed refusal as a RemoteError with its code and fields", async () => {
    const taskId = randomUUID();
    const refused = await as(CALLERS.system, () =>
      client.request(SUBJECTS.approval.taskClose, { taskId, outcome: 'APPROVE' }),
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RemoteError);
    expect(refused).toMatchObject({ code: ErrorCode.NOT_FOUND, details: [{ field: 'taskId' }] });
  });

  it('answers UNAVAILABLE at once when no service listens on the subject', async () => {
    const started = Date.now();
    await expect(
      as(CALLERS.system, () => client.request(SUBJECTS.payment.enrolmentGet, { enrolmentId: randomUUID() })),
    ).rejects.toMatchObject({
      code: ErrorCode.UNAVAILABLE,
      staffMessage: `没有可用的服务处理该请求（${SUBJECTS.payment.enrolmentGet}）`,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('answers UNAVAILABLE when a listener does not reply in time, and carries the headers it was given', async () => {
    const seen: Array<{ correlationId?: string; caller?: string; pattern?: unknown }> = [];
    const silent = nats.subscribe(SUBJECTS.eligibility.assessmentGet, {
      callback: (_error, message) => {
        seen.push({
          correlationId: message.headers?.get(CORRELATION_HEADER),
          caller: message.headers?.get(CALLER_HEADERS.username),
          pattern: codec.decode(message.data).pattern,
        });
      },
    });
    await nats.flush();
    try {
      await expect(
        runWithCorrelation('corr-timeout-1', () =>
          as(CALLERS.street1, () =>
            client.request(SUBJECTS.eligibility.assessmentGet, { assessmentId: randomUUID() }, { timeoutMs: 300 }),
          ),
        ),
      ).rejects.toMatchObject({
        code: ErrorCode.UNAVAILABLE,
        staffMessage: `服务在300毫秒内未响应（${SUBJECTS.eligibility.assessmentGet}）`,
      });
    } finally {
      silent.unsubscribe();
    }
    expect(seen).toEqual([
      { correlationId: 'corr-timeout-1', caller: 'street1', pattern: SUBJECTS.eligibility.assessmentGet },
    ]);
  });
});
