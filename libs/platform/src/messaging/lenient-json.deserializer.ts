import { randomUUID } from 'node:crypto';

import type { ConsumerDeserializer, IncomingRequest } from '@nestjs/microservices';

/** Stands in for a message body that was not a JSON object; MalformedMessagePipe turns it into a typed error. */
export class MalformedPayload {
  constructor(readonly reason: string) {}
}

const decoder = new TextDecoder();

/**
 * Deserializes NATS messages for Nest. Unlike the default it never throws: a body that is not JSON becomes a
 * MalformedPayload (answered with MALFORMED_MESSAGE), and a plain JSON request from a non-Nest client
 * (`nats req subject '{...}'`) is answered too, instead of being treated as an event and left hanging.
 */
export class LenientJsonDeserializer implements ConsumerDeserializer {
  deserialize(value: Uint8Array, options?: { channel?: string; replyTo?: string }): IncomingRequest {
    let decoded: unknown;
    try {
      decoded = JSON.parse(decoder.decode(value));
    } catch {
      decoded = new MalformedPayload('not JSON');
    }
    if (isNestPacket(decoded)) {
      return isPlainObject(decoded.data)
        ? decoded
        : { ...decoded, data: new MalformedPayload('data is not an object') };
    }
    const data =
      isPlainObject(decoded) || decoded instanceof MalformedPayload ? decoded : new MalformedPayload('not an object');
    return {
      pattern: options?.channel ?? '',
      data,
      id: options?.replyTo ? randomUUID() : (undefined as unknown as string),
    };
  }
}

function isNestPacket(value: unknown): value is IncomingRequest {
  return isPlainObject(value) && 'pattern' in value && 'data' in value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
