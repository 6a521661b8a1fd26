import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

import type { Payload, PayloadCodec } from '@temporalio/common';

/** Marks a payload this codec encrypted; anything else (histories from before encryption) passes through. */
const ENCODING = 'binary/encrypted';
const KEY_ID = 'encryption-key-id';

/** The local stack's key (32 bytes, base64): refused in production, like the development JWT secret. */
export const DEVELOPMENT_PAYLOAD_KEY = Buffer.from('dibao-local-development-payload!').toString('base64');

/**
 * Encrypts every payload Temporal stores — workflow inputs, update and signal arguments, activity inputs and
 * results, query answers — with AES-256-GCM, so what staff type into a decision (neighbours' names, a notice's
 * recipient) never lies in Temporal's database in clear. Search attributes are not payloads: they stay readable
 * and carry no personal data. Keys rotate: the first encrypts, every one listed decrypts (by key id).
 */
export class PayloadEncryptionCodec implements PayloadCodec {
  private readonly keys = new Map<string, Buffer>();
  private readonly currentId: string;

  constructor(keysBase64: string[]) {
    if (keysBase64.length === 0) {
      throw new Error('TEMPORAL_PAYLOAD_KEYS: at least one key');
    }
    for (const encoded of keysBase64) {
      const key = Buffer.from(encoded.trim(), 'base64');
      if (key.length !== 32) {
        throw new Error('TEMPORAL_PAYLOAD_KEYS: each key is 32 bytes, base64-encoded');
      }
      this.keys.set(createHash('sha256').update(key).digest('hex').slice(0, 16), key);
    }
    this.currentId = this.keys.keys().next().value as string;
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- the interface is async; a failure must reject
  async encode(payloads: Payload[]): Promise<Payload[]> {
    const key = this.keys.get(this.currentId)!;
    return payloads.map((payload) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(serialize(payload)), cipher.final()]);
      return {
        metadata: { encoding: Buffer.from(ENCODING), [KEY_ID]: Buffer.from(this.currentId) },
        data: Buffer.concat([iv, sealed, cipher.getAuthTag()]),
      };
    });
  }

  // eslint-disable-next-line @typescript-eslint/require-await -- the interface is async; a failure must reject
  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (Buffer.from(payload.metadata?.encoding ?? []).toString() !== ENCODING) {
        return payload;
      }
      const id = Buffer.from(payload.metadata?.[KEY_ID] ?? []).toString();
      const key = this.keys.get(id);
      if (!key) {
        throw new Error(`payload encrypted with key ${id}, which TEMPORAL_PAYLOAD_KEYS does not list`);
      }
      const data = Buffer.from(payload.data ?? []);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(data.length - 16));
      return deserialize(Buffer.concat([decipher.update(data.subarray(12, data.length - 16)), decipher.final()]));
    });
  }
}

/** The codec for the keys configured (comma-separated); the development key is refused in production. */
export function payloadEncryptionCodec(keys: string, nodeEnv?: string): PayloadEncryptionCodec {
  const list = keys.split(',').filter((key) => key.trim() !== '');
  if (nodeEnv === 'production' && list.includes(DEVELOPMENT_PAYLOAD_KEY)) {
    throw new Error('TEMPORAL_PAYLOAD_KEYS must be set in production');
  }
  return new PayloadEncryptionCodec(list);
}

function serialize(payload: Payload): Buffer {
  const metadata = Object.fromEntries(
    Object.entries(payload.metadata ?? {}).map(([name, value]) => [name, Buffer.from(value).toString('base64')]),
  );
  return Buffer.from(JSON.stringify({ metadata, data: Buffer.from(payload.data ?? []).toString('base64') }));
}

function deserialize(bytes: Buffer): Payload {
  const parsed = JSON.parse(bytes.toString()) as { metadata: Record<string, string>; data: string };
  return {
    metadata: Object.fromEntries(
      Object.entries(parsed.metadata).map(([name, value]) => [name, new Uint8Array(Buffer.from(value, 'base64'))]),
    ),
    data: new Uint8Array(Buffer.from(parsed.data, 'base64')),
  };
}
