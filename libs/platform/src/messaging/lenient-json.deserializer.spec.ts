import { LenientJsonDeserializer, MalformedPayload } from './lenient-json.deserializer';

const bytes = (text: string) => new TextEncoder().encode(text);

describe(LenientJsonDeserializer.name, () => {
  const sut = new LenientJsonDeserializer();

  it('passes a Nest request packet through unchanged', () => {
    const packet = { pattern: 'archive.document.file', data: { a: 1 }, id: 'x' };
    expect(sut.deserialize(bytes(JSON.stringify(packet)), { channel: 'archive.document.file' })).toEqual(packet);
  });

  it('marks a body that is not JSON as malformed and still answers it when a reply is expected', () => {
    const result = sut.deserialize(bytes('{not json'), { channel: 'archive.document.file', replyTo: '_INBOX.1' });
    expect(result.data).toBeInstanceOf(MalformedPayload);
    expect(result.id).toEqual(expect.any(String));
    expect(result.pattern).toBe('archive.document.file');
  });

  it('turns a plain JSON request from a non-Nest client into a request on the channel', () => {
    const result = sut.deserialize(bytes('{"applicationId":"a"}'), {
      channel: 'intake.application.get',
      replyTo: '_INBOX.2',
    });
    expect(result).toEqual({ pattern: 'intake.application.get', data: { applicationId: 'a' }, id: expect.any(String) });
  });

  it('treats a plain message without a reply subject as an event (no id)', () => {
    expect(sut.deserialize(bytes('{"a":1}'), { channel: 'x.y.happened' }).id).toBeUndefined();
  });

  it('marks a JSON body that is not an object as malformed', () => {
    expect(sut.deserialize(bytes('42'), { channel: 'a.b.c', replyTo: 'r' }).data).toBeInstanceOf(MalformedPayload);
    expect(sut.deserialize(bytes('[1,2]'), { channel: 'a.b.c', replyTo: 'r' }).data).toBeInstanceOf(MalformedPayload);
  });

  it('marks a Nest packet whose data is not an object as malformed', () => {
    const packet = { pattern: 'a.b.c', data: 'text', id: 'x' };
    expect(sut.deserialize(bytes(JSON.stringify(packet))).data).toBeInstanceOf(MalformedPayload);
  });
});
