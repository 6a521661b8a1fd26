import { randomUUID } from 'node:crypto';

import type { INestMicroservice } from '@nestjs/common';

import { ErrorCode, QUEUE_GROUPS, SUBJECTS } from '@app/contracts';
import { MessagingClient, MetricsServer } from '@app/platform';
import { AppModule as IntakeAppModule } from '@apps/intake/src/app.module';
import { as, CALLERS } from '@test/support/callers';
import { sampleOf, scrape } from '@test/support/metrics';
import { startService } from '@test/support/services';

/** A NATS service's GET /metrics: Node's own figures and its requests, handled and sent, by subject and outcome. */
describe('process metrics (real NATS service)', () => {
  let app: INestMicroservice;
  let messaging: MessagingClient;
  let port: number;

  beforeAll(async () => {
    app = await startService(IntakeAppModule, QUEUE_GROUPS.intake);
    messaging = app.get(MessagingClient);
    port = (await app.get(MetricsServer).listen(0)).port;
  });

  afterAll(async () => {
    await app.close();
  });

  it('counts requests handled and sent by subject and outcome, with Node’s own figures', async () => {
    const before = await scrape(port);
    const ok = { subject: SUBJECTS.intake.healthCheck, outcome: 'ok' };
    const refused = { subject: SUBJECTS.intake.applicationGet, outcome: ErrorCode.FORBIDDEN };
    await as(CALLERS.community1, async () => {
      await messaging.request(SUBJECTS.intake.healthCheck, {});
      await messaging.request(SUBJECTS.intake.healthCheck, {});
      await expect(
        messaging.request(SUBJECTS.intake.applicationGet, { applicationId: randomUUID() }),
      ).rejects.toMatchObject({ code: ErrorCode.FORBIDDEN });
      // Refused before it is sent: counted as sent with its outcome, never as handled.
      await expect(
        messaging.request(SUBJECTS.intake.applicationGet, { applicationId: 'not-a-uuid' }),
      ).rejects.toMatchObject({ code: ErrorCode.VALIDATION_FAILED });
    });
    const after = await scrape(port);
    const delta = (name: string, labels: Record<string, string>) =>
      sampleOf(after, name, labels) - sampleOf(before, name, labels);

    expect(delta('dibao_nats_handled_seconds_count', ok)).toBe(2);
    expect(delta('dibao_nats_request_seconds_count', ok)).toBe(2);
    expect(delta('dibao_nats_handled_seconds_count', refused)).toBe(1);
    expect(delta('dibao_nats_request_seconds_count', refused)).toBe(1);
    const invalid = { subject: SUBJECTS.intake.applicationGet, outcome: ErrorCode.VALIDATION_FAILED };
    expect(delta('dibao_nats_request_seconds_count', invalid)).toBe(1);
    expect(delta('dibao_nats_handled_seconds_count', invalid)).toBe(0);
    // Every handled request falls in a bucket no longer than 30 s; the sum is time, not a count.
    expect(sampleOf(after, 'dibao_nats_handled_seconds_bucket', { ...ok, le: '30' })).toBe(
      sampleOf(after, 'dibao_nats_handled_seconds_count', ok),
    );
    expect(sampleOf(after, 'dibao_nats_handled_seconds_sum', ok)).toBeLessThan(
      sampleOf(after, 'dibao_nats_handled_seconds_count', ok),
    );
    // Node's own, labelled with the process.
    expect(after).toMatch(/^process_cpu_user_seconds_total\{service="\w+"\} [\d.e-]+$/m);
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds\{service="\w+"\} /m);
  });

  it('refuses a port already taken, naming the setting', async () => {
    await expect(app.get(MetricsServer).listen(port)).rejects.toThrow(
      `METRICS_PORT ${port} on 127.0.0.1 cannot be used`,
    );
  });

  it('answers anything but GET /metrics with 404', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/other`);
    expect(response.status).toBe(404);
  });
});
