import { call, tokenOf } from '@test/support/http-client';
import { sampleOf, scrape } from '@test/support/metrics';

/** The ports `npm run up` gives each process's GET /metrics (deploy/local/lib.sh, metrics_port_of). */
const BASE = Number(process.env.METRICS_PORT_BASE ?? 9460);
const PROCESSES = ['gateway', 'intake', 'eligibility', 'approval', 'payment', 'archive', 'worker'] as const;

describe('metrics of the running stack', () => {
  it.each(PROCESSES.map((name, offset) => [name, BASE + offset] as const))(
    '%s serves its own metrics on port %d',
    async (name, port) => {
      const page = await scrape(port);
      expect(sampleOf(page, 'process_cpu_user_seconds_total', { service: name })).toBeGreaterThan(0);
      expect(sampleOf(page, 'nodejs_heap_size_used_bytes', { service: name })).toBeGreaterThan(0);
    },
  );

  it('shows a request through the gateway in the gateway’s and the answering service’s figures', async () => {
    const [gatewayBefore, intakeBefore] = await Promise.all([scrape(BASE), scrape(BASE + 1)]);
    const token = await tokenOf('community1');
    expect((await call('GET', `/api/v1/households?q=${encodeURIComponent('指标')}`, { token })).status).toBe(200);
    const [gatewayAfter, intakeAfter] = await Promise.all([scrape(BASE), scrape(BASE + 1)]);
    const route = { method: 'GET', route: '/api/v1/households', status: '200' };
    const search = { subject: 'intake.household.search', outcome: 'ok' };
    expect(
      sampleOf(gatewayAfter, 'dibao_http_request_seconds_count', route) -
        sampleOf(gatewayBefore, 'dibao_http_request_seconds_count', route),
    ).toBe(1);
    expect(
      sampleOf(gatewayAfter, 'dibao_nats_request_seconds_count', search) -
        sampleOf(gatewayBefore, 'dibao_nats_request_seconds_count', search),
    ).toBe(1);
    expect(
      sampleOf(intakeAfter, 'dibao_nats_handled_seconds_count', search) -
        sampleOf(intakeBefore, 'dibao_nats_handled_seconds_count', search),
    ).toBeGreaterThanOrEqual(1);
  });

  it('serves the Temporal SDK’s metrics of the worker and the Temporal server’s own', async () => {
    const sdk = await scrape(BASE + 7);
    expect(sampleOf(sdk, 'temporal_worker_task_slots_available', { task_queue: 'dibao-approval' })).toBeGreaterThan(0);
    const server = await scrape(BASE + 8);
    expect(server).toMatch(/^persistence_requests\{/m);
  });
});
