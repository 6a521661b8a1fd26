import { randomUUID } from 'node:crypto';

import type { INestApplication } from '@nestjs/common';
import request from 'supertest';

import { MetricsServer } from '@app/platform';
import { sampleOf, scrape } from '@test/support/metrics';

import { createGateway } from '../src/gateway.bootstrap';

/** The gateway's GET /metrics (on its own port, not the public one): requests by route pattern and status. */
describe('gateway metrics (real gateway)', () => {
  let gateway: INestApplication;
  let http: ReturnType<typeof request>;
  let port: number;

  beforeAll(async () => {
    gateway = await createGateway();
    await gateway.init();
    http = request(gateway.getHttpServer());
    port = (await gateway.get(MetricsServer).listen(0)).port;
  });

  afterAll(async () => {
    await gateway.close();
  });

  it('times requests by method, route pattern and status; ids and unknown paths never become series', async () => {
    const before = await scrape(port);
    const id = randomUUID();
    expect((await http.get(`/api/v1/applications/${id}`)).status).toBe(401);
    expect((await http.get(`/api/v1/applications/${randomUUID()}`)).status).toBe(401);
    expect((await http.get(`/api/v1/no-such-thing/${id}`)).status).toBe(404);
    expect((await http.get('/health')).status).toBeGreaterThanOrEqual(200);
    const after = await scrape(port);
    const delta = (labels: Record<string, string>) =>
      sampleOf(after, 'dibao_http_request_seconds_count', labels) -
      sampleOf(before, 'dibao_http_request_seconds_count', labels);

    expect(delta({ method: 'GET', route: '/api/v1/applications/:id', status: '401' })).toBe(2);
    expect(delta({ method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    expect(delta({ method: 'GET', route: '/health' })).toBe(1);
    expect(after).not.toContain(id);
    expect(after).toMatch(/^process_resident_memory_bytes\{service="gateway"\} /m);
  });

  it('is not served on the public port', async () => {
    expect((await http.get('/metrics')).status).toBe(404);
  });
});
