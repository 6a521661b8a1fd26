import type { INestMicroservice } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ClientProxy } from '@nestjs/microservices';
import { ApplicationFailure } from '@temporalio/activity';

import { QUEUE_GROUPS, SUBJECTS } from '@app/contracts';
import { MessagingClient, NATS_CLIENT } from '@app/platform';
import { AppModule as IntakeAppModule } from '@apps/intake/src/app.module';
import { as, CALLERS } from '@test/support/callers';
import { startService } from '@test/support/services';

import { callService } from '../src/activities/call-service';

/**
 * The worker sends its requests unchecked (NATS_CHECK_OUTGOING=false): a malformed one is still refused, by the
 * service that gets it, and reaches the activity as a typed failure Temporal does not retry.
 */
describe('requests sent unchecked, as the worker sends them (real intake, NATS)', () => {
  let intake: INestMicroservice;
  let messaging: MessagingClient;

  beforeAll(async () => {
    intake = await startService(IntakeAppModule, QUEUE_GROUPS.intake);
    // The worker's client: the same NATS connection, configured as WorkerEnv configures it.
    messaging = new MessagingClient(
      intake.get<ClientProxy>(NATS_CLIENT),
      new ConfigService({ NATS_CHECK_OUTGOING: false, NATS_REQUEST_TIMEOUT_MS: 10_000 }),
    );
  });

  afterAll(async () => {
    await intake.close();
  });

  it('are not checked before sending where NATS_CHECK_OUTGOING is false, and are where it is not', async () => {
    const checked = intake.get(MessagingClient);
    const request = () => messaging.request(SUBJECTS.intake.applicationGet, { applicationId: 'SQ-1' });

    await expect(
      as(CALLERS.system, () => checked.request(SUBJECTS.intake.applicationGet, { applicationId: 'SQ-1' })),
    ).rejects.toMatchObject({ name: 'DomainError' });
    await expect(as(CALLERS.system, request)).rejects.toMatchObject({ name: 'RemoteError', code: 'VALIDATION_FAILED' });
  });

  it('are refused by the service with the field that is wrong, as a non-retryable failure', async () => {
    const failure = await as(CALLERS.system, () =>
      callService(() => messaging.request(SUBJECTS.intake.applicationGet, { applicationId: 'SQ-1' })),
    ).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ nonRetryable: true, type: 'VALIDATION_FAILED' });
    expect(JSON.stringify((failure as ApplicationFailure).details)).toContain('applicationId');
  });
});
