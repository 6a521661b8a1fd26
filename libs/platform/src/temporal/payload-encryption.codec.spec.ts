import { randomBytes } from 'node:crypto';

import { defaultPayloadConverter } from '@temporalio/common';

import { DEVELOPMENT_PAYLOAD_KEY, PayloadEncryptionCodec, payloadEncryptionCodec } from './payload-encryption.codec';

describe('PayloadEncryptionCodec', () => {
  const key = () => randomBytes(32).toString('base64');
  const decision = defaultPayloadConverter.toPayload({ recipient: '张三', neighbourVisits: [{ neighbour: '李四' }] });

  it('encrypts a payload so nothing of it reads in clear, and decodes it to the same payload', async () => {
    const codec = new PayloadEncryptionCodec([key()]);
    const [sealed] = await codec.encode([decision]);
    expect(Buffer.from(sealed.metadata!.encoding).toString()).toBe('binary/encrypted');
    expect(Buffer.from(sealed.data!).toString()).not.toContain('张三');
    expect(Buffer.from(sealed.data!).includes(Buffer.from('张三'))).toBe(false);
    const [opened] = await codec.decode([sealed]);
    expect(defaultPayloadConverter.fromPayload(opened)).toEqual({
      recipient: '张三',
      neighbourVisits: [{ neighbour: '李四' }],
    });
  });

  it('passes through payloads written before encryption (recorded histories replay)', async () => {
    const codec = new PayloadEncryptionCodec([key()]);
    expect(await codec.decode([decision])).toEqual([decision]);
  });

  it('decrypts with an older key after rotation, and refuses a payload of a key it does not hold', async () => {
    const [oldKey, newKey] = [key(), key()];
    const [sealed] = await new PayloadEncryptionCodec([oldKey]).encode([decision]);
    const [opened] = await new PayloadEncryptionCodec([newKey, oldKey]).decode([sealed]);
    expect(defaultPayloadConverter.fromPayload(opened)).toMatchObject({ recipient: '张三' });
    await expect(new PayloadEncryptionCodec([newKey]).decode([sealed])).rejects.toThrow(
      'which TEMPORAL_PAYLOAD_KEYS does not list',
    );
  });

  it('refuses a tampered payload', async () => {
    const codec = new PayloadEncryptionCodec([key()]);
    const [sealed] = await codec.encode([decision]);
    const data = Buffer.from(sealed.data!);
    data[20] ^= 1;
    await expect(codec.decode([{ ...sealed, data }])).rejects.toThrow();
  });

  it('refuses keys of the wrong size, and the development key in production', () => {
    expect(() => new PayloadEncryptionCodec([Buffer.from('short').toString('base64')])).toThrow('32 bytes');
    expect(() => payloadEncryptionCodec(DEVELOPMENT_PAYLOAD_KEY, 'production')).toThrow('must be set in production');
    expect(payloadEncryptionCodec(`${DEVELOPMENT_PAYLOAD_KEY},${key()}`, 'development')).toBeInstanceOf(
      PayloadEncryptionCodec,
    );
  });
});
