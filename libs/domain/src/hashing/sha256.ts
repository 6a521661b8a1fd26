import { createHash } from 'node:crypto';

/** Lower-case hex SHA-256 of bytes or UTF-8 text. */
export function sha256Hex(value: Buffer | string): string {
  return createHash('sha256').update(value).digest('hex');
}
