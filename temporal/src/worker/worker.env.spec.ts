import { validateEnv } from '@app/platform';

import { WorkerEnv } from './worker.env';

describe('WorkerEnv', () => {
  it('sends requests unchecked unless told otherwise: the services check them', () => {
    expect(validateEnv(WorkerEnv)({}).NATS_CHECK_OUTGOING).toBe(false);
    expect(validateEnv(WorkerEnv)({ NATS_CHECK_OUTGOING: 'true' }).NATS_CHECK_OUTGOING).toBe(true);
  });
});
