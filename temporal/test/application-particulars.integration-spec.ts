import { randomUUID } from 'node:crypto';

import type { INestMicroservice } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/activity';
import type { NatsConnection, Subscription } from 'nats';

import { QUEUE_GROUPS, SUBJECTS } from '@app/contracts';
import { MessagingClient } from '@app/platform';
import { AppModule as IntakeAppModule } from '@apps/intake/src/app.module';
import { as, CALLERS } from '@test/support/callers';
import { makeApplication } from '@test/support/factories/application.factory';
import { rawNats, startService } from '@test/support/services';

import { applicationParticulars } from '../src/activities/application-particulars';

/** The worker's particulars of applications, read from the real intake service over NATS. */
describe('applicationParticulars (real intake, NATS, PostgreSQL)', () => {
  let intake: INestMicroservice;
  let messaging: MessagingClient;
  let nats: NatsConnection;
  /** Every application read sent to intake, seen on the wire. */
  let reads: Subscription;
  let seen: string[];

  beforeAll(async () => {
    intake = await startService(IntakeAppModule, QUEUE_GROUPS.intake);
    messaging = intake.get(MessagingClient);
    nats = await rawNats();
    seen = [];
    reads = nats.subscribe(SUBJECTS.intake.applicationGet, {
      callback: (_, message) => seen.push(message.json<{ data: { applicationId: string } }>().data.applicationId),
    });
    await nats.flush();
  });

  afterAll(async () => {
    reads.unsubscribe();
    await nats.close();
    await intake.close();
  });

  const draft = () =>
    as(CALLERS.community1, () =>
      messaging.request(SUBJECTS.intake.applicationSubmit, makeApplication({ applicantName: '李桂兰', draft: true })),
    );
  const readsOf = async (applicationId: string) => {
    await nats.flush();
    return seen.filter((id) => id === applicationId).length;
  };

  it('reads an application once for many forms, and once for concurrent forms', async () => {
    const application = await draft();
    const particulars = applicationParticulars(messaging);

    const [first, ...rest] = await as(CALLERS.system, () =>
      Promise.all([1, 2, 3].map(() => particulars.get(application.id))),
    );
    const later = await as(CALLERS.system, () => particulars.get(application.id));

    expect(first).toEqual({
      id: application.id,
      applicationNo: application.applicationNo,
      householdId: application.householdId,
      divisionCode: '220102001001',
      applicantName: '李桂兰',
      applicantIdNumberMasked: application.applicantIdNumberMasked,
      householdSize: 3,
    });
    expect(rest).toEqual([first, first]);
    expect(later).toEqual(first);
    expect(await readsOf(application.id)).toBe(1);
  });

  it('keeps what a full read returned, without asking again', async () => {
    const application = await draft();
    const particulars = applicationParticulars(messaging);

    particulars.remember(application);

    expect((await as(CALLERS.system, () => particulars.get(application.id))).applicantName).toBe('李桂兰');
    expect(await readsOf(application.id)).toBe(0);
  });

  it('reads again once the time to keep has passed', async () => {
    const application = await draft();
    const particulars = applicationParticulars(messaging, { ttlMs: 50 });

    await as(CALLERS.system, () => particulars.get(application.id));
    await new Promise((resolve) => setTimeout(resolve, 120));
    await as(CALLERS.system, () => particulars.get(application.id));

    expect(await readsOf(application.id)).toBe(2);
  });

  it('answers an unknown application with a non-retryable failure, and does not keep the failure', async () => {
    const particulars = applicationParticulars(messaging);
    const unknown = randomUUID();

    for (let attempt = 0; attempt < 2; attempt += 1) {
      const failure = await as(CALLERS.system, () => particulars.get(unknown)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure).toMatchObject({ nonRetryable: true, type: 'NOT_FOUND' });
    }
    expect(await readsOf(unknown)).toBe(2);
  });
});
