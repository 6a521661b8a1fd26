import { randomInt, randomUUID } from 'node:crypto';

import { DEFAULT_DEMO_PASSWORD, idNumberCheckCharacter } from '@app/domain';

/**
 * How fast one application travels through the running stack (`npm run up`): the latency of
 * POST /api/v1/applications, and the time until its "application received" record is archived
 * (status RECEIVED with one document), as the demo caseworker — so each poll also writes an access-log entry.
 * Prints figures; asserts nothing.
 *
 *   npm run bench            BENCH_APPLICATIONS=200 BENCH_CONCURRENCY=4 by default
 */
const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const TOTAL = Number(process.env.BENCH_APPLICATIONS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

function idNumber(): string {
  const first17 = `220102${1950 + randomInt(50)}${String(1 + randomInt(12)).padStart(2, '0')}${String(1 + randomInt(28)).padStart(2, '0')}${String(randomInt(1000)).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

async function login(): Promise<string> {
  const response = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      username: 'community1',
      password: process.env.DIBAO_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function one(token: string): Promise<{ submitMs: number; archivedMs: number }> {
  const started = performance.now();
  const response = await fetch(`${BASE_URL}/api/v1/applications`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'Idempotency-Key': `bench-${randomUUID()}`,
    },
    body: JSON.stringify({
      divisionCode: '220102001001',
      applicantName: '性能测试',
      applicantIdNumber: idNumber(),
      householdSize: 1 + randomInt(5),
      reason: '性能测试申请',
      details: { dataCheckConsent: true },
    }),
  });
  if (response.status !== 201) {
    throw new Error(`submit answered ${response.status}: ${await response.text()}`);
  }
  const { id } = (await response.json()) as { id: string };
  const submitMs = performance.now() - started;
  for (;;) {
    const view = (await (
      await fetch(`${BASE_URL}/api/v1/applications/${id}?purpose=${encodeURIComponent('性能测试')}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as {
      application: { status: string };
      documents: unknown[];
    };
    if (view.application.status === 'RECEIVED' && view.documents.length === 1) {
      return { submitMs, archivedMs: performance.now() - started };
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const token = await login();
  const results: Array<{ submitMs: number; archivedMs: number }> = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < TOTAL) {
        next += 1;
        results.push(await one(token));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const submit = results.map((result) => result.submitMs);
  const archived = results.map((result) => result.archivedMs);
  const row = (name: string, values: number[]) =>
    `${name.padEnd(34)} p50 ${percentile(values, 50).toFixed(1).padStart(7)} ms   p99 ${percentile(values, 99).toFixed(1).padStart(7)} ms   max ${Math.max(
      ...values,
    )
      .toFixed(1)
      .padStart(7)} ms`;
  console.log(`application thread: ${TOTAL} applications, ${CONCURRENCY} concurrent clients, ${seconds.toFixed(1)} s`);
  console.log(row('POST /api/v1/applications', submit));
  console.log(row('submitted → receipt archived', archived));
  console.log(`throughput                         ${(TOTAL / seconds).toFixed(1)} applications/s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
