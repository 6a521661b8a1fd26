import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('does not depend on key order at any depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe(
      canonicalJson({ a: { d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ a: [2, 1] })).not.toBe(canonicalJson({ a: [1, 2] }));
  });
});
