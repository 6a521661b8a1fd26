import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

import { ErrorCode } from '@app/contracts';
import { DEFAULT_DEMO_PASSWORD } from '@app/domain';

import { createGateway } from '../src/gateway.bootstrap';

/** What the framework refuses before our code runs (an unknown address, a body that is not JSON) says so in Chinese. */
describe('errors raised by the HTTP framework (real gateway)', () => {
  let gateway: INestApplication;
  let http: ReturnType<typeof request>;
  let token: string;

  beforeAll(async () => {
    gateway = await createGateway();
    await gateway.init();
    http = request(gateway.getHttpServer());
    token = (await http.post('/api/v1/auth/login').send({ username: 'community1', password: DEFAULT_DEMO_PASSWORD }))
      .body.accessToken as string;
  });

  afterAll(async () => {
    await gateway.close();
  });

  it('answers an unknown address or method with 404 naming it', async () => {
    const unknown = await http.get('/api/v1/nothing-here').set('authorization', `Bearer ${token}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      statusCode: 404,
      code: ErrorCode.NOT_FOUND,
      message: '没有这个接口：GET /api/v1/nothing-here',
    });
    const method = await http.delete('/api/v1/tasks').set('authorization', `Bearer ${token}`);
    expect(method.body).toMatchObject({ code: ErrorCode.NOT_FOUND, message: '没有这个接口：DELETE /api/v1/tasks' });
  });

  it('answers a body that is not JSON with 400 MALFORMED_MESSAGE on the body', async () => {
    const response = await http
      .post('/api/v1/applications')
      .set('authorization', `Bearer ${token}`)
      .set('content-type', 'application/json')
      .set('Idempotency-Key', 'malformed-json')
      .send('{"divisionCode":');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: ErrorCode.MALFORMED_MESSAGE,
      message: '请求内容不是有效的JSON',
      details: [{ field: 'body', messages: [expect.stringMatching(/^JSON格式错误：/)] }],
    });
  });

  it('answers a bad percent-encoding in the address with 400 MALFORMED_MESSAGE on the path', async () => {
    const response = await http.get('/api/v1/applications/%E0%A4%A').set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: ErrorCode.MALFORMED_MESSAGE, details: [{ field: 'path' }] });
  });

  it('names the address part or query parameter that is not what it must be', async () => {
    const get = (path: string) => http.get(path).set('authorization', `Bearer ${token}`);
    expect((await get('/api/v1/applications/not-a-uuid?purpose=%E5%AE%A1%E6%A0%B8')).body).toEqual({
      statusCode: 400,
      code: ErrorCode.VALIDATION_FAILED,
      message: '请求内容不符合要求',
      details: [{ field: 'id', messages: ['id 必须是UUID格式'] }],
    });
    const bool = await get(
      `/api/v1/applications/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}?purpose=%E5%AE%A1%E6%A0%B8&reveal=maybe`,
    );
    expect(bool.body).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'reveal', messages: ['reveal 只能是 true 或 false'] }],
    });
    const admin = (await http.post('/api/v1/auth/login').send({ username: 'admin', password: DEFAULT_DEMO_PASSWORD }))
      .body.accessToken as string;
    const year = await http
      .put('/api/v1/calendars/next-year')
      .set('authorization', `Bearer ${admin}`)
      .send({ days: [{ date: '2099-01-01', isOffDay: true, name: '元旦' }] });
    expect(year.status).toBe(400);
    expect(year.body).toMatchObject({ code: ErrorCode.VALIDATION_FAILED, details: [{ field: 'year' }] });
  });

  it('answers an upload under another form field with 400 naming the request, in Chinese', async () => {
    const response = await http
      .post('/api/v1/applications/00000000-0000-4000-8000-000000000000/attachments')
      .set('authorization', `Bearer ${token}`)
      .set('Idempotency-Key', 'upload-wrong-field')
      .attach('document', Buffer.from('%PDF-1.4\n%%EOF\n'), 'a.pdf');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: ErrorCode.VALIDATION_FAILED,
      details: [{ field: 'request', messages: [expect.stringMatching(/^请求无法处理（.+）$/)] }],
    });
  });

  it('says a range once when both of its bounds refuse a value', async () => {
    const response = await http.get('/api/v1/tasks?limit=abc').set('authorization', `Bearer ${token}`);
    expect(response.status).toBe(400);
    const limit = (response.body as { details: Array<{ field: string; messages: string[] }> }).details.find(
      (detail) => detail.field === 'limit',
    );
    expect(limit?.messages).toEqual([...new Set(limit?.messages)]);
    expect(limit?.messages.length).toBeGreaterThanOrEqual(1);
  });
});
