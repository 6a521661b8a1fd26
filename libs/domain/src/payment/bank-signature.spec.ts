import { canonicalRequest, checkBankSignature, signBankRequest, SIGNATURE_WINDOW_MS } from './bank-signature';
import { sha256Hex } from '../hashing/sha256';

/** The worked example of docs/bank-integration.md: a bank engineer can check their code against these values. */
const EXAMPLE = {
  secret: 'demo-only-jlrcb-hmac-secret-2026',
  parts: {
    method: 'POST',
    path: '/bank/v1/batches/202612-JLRCB-0001/results',
    timestamp: '1798732800000',
    nonce: '3f9c2a7e51b04d8c9e6f1a2b3c4d5e6f',
    bodySha256: sha256Hex(
      '{"results":[{"lineId":1,"outcome":"PAID","amountFen":54700,"bankReference":"JL20261205000001"}]}',
    ),
  },
};

describe('bank request signature', () => {
  it('signs the five parts joined by line feeds, in order', () => {
    expect(canonicalRequest(EXAMPLE.parts)).toBe(
      [
        'POST',
        '/bank/v1/batches/202612-JLRCB-0001/results',
        '1798732800000',
        '3f9c2a7e51b04d8c9e6f1a2b3c4d5e6f',
        EXAMPLE.parts.bodySha256,
      ].join('\n'),
    );
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('matches the worked example of the integration guide (values computed with openssl dgst)', () => {
    expect(EXAMPLE.parts.bodySha256).toBe('5b209937154fb0dd45888c830ff2f78fe3b90767266297fd1ac6587a15ad164e');
    expect(signBankRequest(EXAMPLE.secret, EXAMPLE.parts)).toBe(
      '7799951449024c54199bbaa57cb874b8330c48dd7cadb5584b3d52f3d359e4d2',
    );
  });

  it('accepts its own signature within the window and refuses everything else', () => {
    const now = Number(EXAMPLE.parts.timestamp);
    const signature = signBankRequest(EXAMPLE.secret, EXAMPLE.parts);
    expect(checkBankSignature(EXAMPLE.secret, EXAMPLE.parts, signature, now)).toBeUndefined();
    expect(checkBankSignature(EXAMPLE.secret, EXAMPLE.parts, signature, now + SIGNATURE_WINDOW_MS)).toBeUndefined();
    expect(checkBankSignature(EXAMPLE.secret, EXAMPLE.parts, signature, now + SIGNATURE_WINDOW_MS + 1)).toBe('STALE');
    expect(checkBankSignature(EXAMPLE.secret, EXAMPLE.parts, signature, now - SIGNATURE_WINDOW_MS - 1)).toBe('STALE');
    expect(checkBankSignature('another-secret', EXAMPLE.parts, signature, now)).toBe('BAD_SIGNATURE');
    for (const change of [
      { method: 'GET' },
      { path: '/bank/v1/batches/202612-JLRCB-0002/results' },
      { bodySha256: sha256Hex('{"results":[]}') },
      { nonce: '3f9c2a7e51b04d8c9e6f1a2b3c4d5e60' },
    ]) {
      expect(checkBankSignature(EXAMPLE.secret, { ...EXAMPLE.parts, ...change }, signature, now)).toBe('BAD_SIGNATURE');
    }
    expect(checkBankSignature(EXAMPLE.secret, EXAMPLE.parts, signature.toUpperCase(), now)).toBe('MALFORMED');
    expect(checkBankSignature(EXAMPLE.secret, { ...EXAMPLE.parts, nonce: 'short' }, signature, now)).toBe('MALFORMED');
    expect(checkBankSignature(EXAMPLE.secret, { ...EXAMPLE.parts, timestamp: '2026-12-05' }, signature, now)).toBe(
      'MALFORMED',
    );
  });
});
