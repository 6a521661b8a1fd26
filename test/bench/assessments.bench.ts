import { randomUUID } from 'node:crypto';

import { connect, headers as natsHeaders, JSONCodec } from 'nats';

import { type RunAssessmentRequest, SUBJECTS } from '@app/contracts';
import { assessHousehold, type AssessmentInput, idNumberCheckCharacter, type Policy } from '@app/domain';
import { callerToHeaders, SYSTEM_CALLER } from '@app/platform';

/**
 * Eligibility assessments per second, by household size (1–6 members):
 *  - the pure calculation (`assessHousehold`) alone, in this process;
 *  - `eligibility.assessment.run` over NATS, stored (each a new row), `BENCH_ASSESSMENTS` per size with
 *    `BENCH_CONCURRENCY` requests in flight.
 *
 *   npm run bench -- assessments      (needs `npm run up`; rows are keyed `bench-assess-…`)
 */
const NATS_SERVERS = process.env.NATS_SERVERS ?? 'nats://127.0.0.1:4222';
const PER_SIZE = Number(process.env.BENCH_ASSESSMENTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);
const AT = '2026-11-26';

function idNumber(year: number, serial: number): string {
  const first17 = `220102${year}0101${String(serial % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckCharacter(first17);
}

function household(size: number): Omit<RunAssessmentRequest, 'idempotencyKey' | 'householdId'> {
  const years = [1950, 1978, 1980, 2008, 2012, 2016];
  const members = Array.from({ length: size }, (_, i): RunAssessmentRequest['members'][number] => ({
    idNumber: idNumber(years[i], Math.floor(Math.random() * 1000)),
    birthDate: `${years[i]}-01-01`,
    health: i === 0 && Math.random() < 0.2 ? 'SERIOUS_ILLNESS' : 'HEALTHY',
  }));
  return {
    divisionCode: '220102001001',
    urbanRural: 'URBAN',
    at: AT,
    members,
    incomes: [
      {
        memberIdNumber: members[0].idNumber,
        category: 'WAGES',
        amountFen: Math.floor(Math.random() * 150_000 * size),
        period: 'MONTH',
      },
    ],
    deductions: [],
    assets: [{ type: 'DEPOSIT', valueFen: Math.floor(Math.random() * 3_000_000) }],
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

function pure(): void {
  const policy: Policy = {
    id: 'bench',
    method: 'GAP',
    supplements: [
      { category: 'ELDERLY', perMilleOfStandard: 100 },
      { category: 'MINOR', perMilleOfStandard: 100 },
      { category: 'SERIOUSLY_ILL', perMilleOfStandard: 200 },
    ],
    rounding: { unitFen: 100, mode: 'UP' },
    deductible: ['RIGID_MEDICAL'],
    moneyAssetMultipleOfAnnualStandard: 3,
    maxDwellings: 1,
    marginPerMille: 1500,
  };
  const standard = { id: 'bench', amountFen: 77_000, period: 'MONTH' as const };
  console.log('pure calculation (assessHousehold), one process:');
  for (let size = 1; size <= 6; size += 1) {
    const inputs: AssessmentInput[] = Array.from({ length: 1000 }, () => ({
      deductions: [],
      ...household(size),
    })) as AssessmentInput[];
    for (let i = 0; i < 20_000; i += 1) {
      assessHousehold(inputs[i % 1000], standard, policy); // warm-up
    }
    const started = performance.now();
    let n = 0;
    while (performance.now() - started < 1000) {
      for (let i = 0; i < 1000; i += 1) {
        assessHousehold(inputs[i], standard, policy);
      }
      n += 1000;
    }
    const perSecond = n / ((performance.now() - started) / 1000);
    console.log(`  ${size} member(s): ${Math.round(perSecond).toLocaleString('en')} assessments/s`);
  }
}

async function overNats(): Promise<void> {
  const nats = await connect({ servers: NATS_SERVERS });
  const codec = JSONCodec();
  const hdrs = natsHeaders();
  for (const [name, value] of Object.entries(callerToHeaders(SYSTEM_CALLER))) {
    hdrs.set(name, value);
  }
  const runOne = async (size: number): Promise<number> => {
    const request: RunAssessmentRequest = {
      ...household(size),
      householdId: randomUUID(),
      idempotencyKey: `bench-assess-${randomUUID()}`,
    };
    const started = performance.now();
    const reply = codec.decode(
      (
        await nats.request(SUBJECTS.eligibility.assessmentRun, codec.encode(request), {
          timeout: 30_000,
          headers: hdrs,
        })
      ).data,
    ) as { err?: unknown };
    if (reply.err) {
      throw new Error(`assessment failed: ${JSON.stringify(reply.err).slice(0, 300)}`);
    }
    return performance.now() - started;
  };
  for (let i = 0; i < 200; i += 1) {
    await runOne(1 + (i % 6)); // warm-up: connections, caches, JIT
  }
  console.log(
    `eligibility.assessment.run over NATS, stored: ${PER_SIZE} per size, ${CONCURRENCY} in flight (served by every eligibility replica running):`,
  );
  let total = 0;
  let totalSeconds = 0;
  for (let size = 1; size <= 6; size += 1) {
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < PER_SIZE) {
          next += 1;
          latencies.push(await runOne(size));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    total += latencies.length;
    totalSeconds += seconds;
    latencies.sort((a, b) => a - b);
    console.log(
      `  ${size} member(s): ${Math.round(latencies.length / seconds)} assessments/s, p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms`,
    );
  }
  console.log(`  all sizes: ${Math.round(total / totalSeconds)} assessments/s (${total} stored)`);
  await nats.close();
}

async function main(): Promise<void> {
  pure();
  await overNats();
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
