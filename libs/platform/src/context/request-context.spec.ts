import { CALLER_HEADERS } from '@app/contracts';

import {
  callerFromHeaders,
  callerToHeaders,
  currentCaller,
  runAsCaller,
  runWithCorrelation,
  SYSTEM_CALLER,
} from './request-context';

const caseworker = {
  userId: 'u1',
  username: 'community1',
  roles: ['COMMUNITY_CASEWORKER' as const],
  divisionCode: '220102001001',
};

describe('callerFromHeaders', () => {
  const read = (headers: Record<string, string>) => callerFromHeaders((name) => headers[name]);

  it('reads back what callerToHeaders wrote', () => {
    expect(read(callerToHeaders(caseworker))).toEqual(caseworker);
    expect(read(callerToHeaders(SYSTEM_CALLER))).toEqual(SYSTEM_CALLER);
  });

  it('drops roles it does not know', () => {
    expect(
      read({ ...callerToHeaders(caseworker), [CALLER_HEADERS.roles]: 'COMMUNITY_CASEWORKER,KING' })?.roles,
    ).toEqual(['COMMUNITY_CASEWORKER']);
  });

  it('gives no caller for a missing id, a malformed division, or a staff member without a division', () => {
    expect(read({})).toBeUndefined();
    expect(read({ ...callerToHeaders(caseworker), [CALLER_HEADERS.divisionCode]: '2201x' })).toBeUndefined();
    expect(read({ ...callerToHeaders(caseworker), [CALLER_HEADERS.divisionCode]: '' })).toBeUndefined();
  });
});

describe('runAsCaller', () => {
  it('scopes the caller to the callback and keeps the correlation id', async () => {
    await runWithCorrelation('corr-1', async () => {
      await runAsCaller(caseworker, async () => {
        await Promise.resolve();
        expect(currentCaller()).toEqual(caseworker);
      });
      expect(currentCaller()).toBeUndefined();
    });
  });
});
