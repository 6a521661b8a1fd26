import { canonicalJson } from './canonical-json';
import { requestContentHash } from './sha256';

describe('canonicalJson', () => {
  it('does not depend on key order at any depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe(
      canonicalJson({ a: { d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: [2, 1] })).not.toBe(canonicalJson({ a: [1, 2] }));
  });
});

describe('requestContentHash', () => {
  it('hashes a command without its idempotency key, whatever the order of its members', () => {
    const hash = requestContentHash({ idempotencyKey: 'a', reason: '换卡', accountNo: '6217' });
    expect(hash).toBe(requestContentHash({ accountNo: '6217', reason: '换卡', idempotencyKey: 'b' }));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toBe(requestContentHash({ idempotencyKey: 'a', reason: '换卡', accountNo: '6218' }));
  });
});
