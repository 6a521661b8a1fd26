import { PlatformEnv, validateEnv } from './env';

describe('validateEnv', () => {
  const sut = validateEnv(PlatformEnv);

  it('fills documented defaults for unset variables', () => {
    const env = sut({});
    expect(env.NATS_SERVERS).toBe('nats://127.0.0.1:4222');
    expect(env.TEMPORAL_NAMESPACE).toBe('dibao');
    expect(env.NATS_REQUEST_TIMEOUT_MS).toBe(10_000);
    expect(env.NATS_CHECK_OUTGOING).toBe(true);
  });

  it('reads a switch as true or false, and refuses anything else', () => {
    expect(sut({ NATS_CHECK_OUTGOING: 'false' }).NATS_CHECK_OUTGOING).toBe(false);
    expect(sut({ NATS_CHECK_OUTGOING: 'true' }).NATS_CHECK_OUTGOING).toBe(true);
    expect(() => sut({ NATS_CHECK_OUTGOING: 'no' })).toThrow(/NATS_CHECK_OUTGOING: must be true or false/);
  });

  it('converts numbers and ignores unrelated variables', () => {
    const env = sut({ NATS_REQUEST_TIMEOUT_MS: '2500', HOME: '/root' });
    expect(env.NATS_REQUEST_TIMEOUT_MS).toBe(2500);
    expect(env).not.toHaveProperty('HOME');
  });

  it('fails boot naming every bad variable', () => {
    expect(() => sut({ LOG_LEVEL: 'loud', NATS_REQUEST_TIMEOUT_MS: 'soon' })).toThrow(
      /LOG_LEVEL[\s\S]*NATS_REQUEST_TIMEOUT_MS|NATS_REQUEST_TIMEOUT_MS[\s\S]*LOG_LEVEL/,
    );
  });
});
