import { createHash } from 'node:crypto';

import { canonicalJson } from './canonical-json';

/** Lower-case hex SHA-256 of bytes or UTF-8 text. */
export function sha256Hex(value: Buffer | string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * A command's content hash, its idempotency key left out: the same content again under the key is a repeat, other
 * content under it is refused.
 */
export function requestContentHash(request: object): string {
  const { idempotencyKey: _key, ...content } = request as { idempotencyKey?: string };
  return sha256Hex(canonicalJson(content));
}
