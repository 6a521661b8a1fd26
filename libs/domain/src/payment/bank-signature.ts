import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a bank request's timestamp may be from the server's clock, either way. */
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

/** The parts of a bank request that its signature covers. */
export interface SignedParts {
  /** Upper-case HTTP method, e.g. POST. */
  method: string;
  /** Path with its query string exactly as sent, e.g. /bank/v1/batches?status=READY. */
  path: string;
  /** Milliseconds since the Unix epoch, as a decimal string. */
  timestamp: string;
  /** 16–64 characters [A-Za-z0-9_-], never reused by the bank within the window. */
  nonce: string;
  /** Lower-case hex SHA-256 of the raw body bytes (of the empty string when there is no body). */
  bodySha256: string;
}

/** The string that is signed: the five parts joined by line feeds, in this order. */
export function canonicalRequest(parts: SignedParts): string {
  return [parts.method.toUpperCase(), parts.path, parts.timestamp, parts.nonce, parts.bodySha256].join('\n');
}

/** HMAC-SHA256 of the canonical request with the bank's secret, lower-case hex. */
export function signBankRequest(secret: string, parts: SignedParts): string {
  return createHmac('sha256', secret).update(canonicalRequest(parts), 'utf8').digest('hex');
}

export type SignatureProblem = 'MALFORMED' | 'STALE' | 'BAD_SIGNATURE';

/** Checks format, clock window and signature (constant-time). Nonce reuse is checked by the caller's store. */
export function checkBankSignature(
  secret: string,
  parts: SignedParts,
  signature: string,
  now: number,
): SignatureProblem | undefined {
  if (!/^\d{10,16}$/.test(parts.timestamp) || !/^[A-Za-z0-9_-]{16,64}$/.test(parts.nonce)) {
    return 'MALFORMED';
  }
  if (!/^[0-9a-f]{64}$/.test(signature)) {
    return 'MALFORMED';
  }
  if (Math.abs(now - Number(parts.timestamp)) > SIGNATURE_WINDOW_MS) {
    return 'STALE';
  }
  const expected = Buffer.from(signBankRequest(secret, parts), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex')) ? undefined : 'BAD_SIGNATURE';
}
