import './register-paths';

import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { Client } from 'pg';

import { SEARCH_ATTRIBUTES } from '@app/contracts/temporal';

import { TEST_ENV } from './test-env';

export const NATS_PID_FILE = join(tmpdir(), `dibao-test-nats-${TEST_ENV.natsPort}.pid`);

/** Fresh database with every migration, a dedicated NATS server, and the test Temporal namespace. */
export default async function globalSetup(): Promise<void> {
  await Promise.all([startNats(), recreateDatabase().then(migrate), ensureTemporalNamespace()]);
}

async function startNats(): Promise<void> {
  if (await portOpen(TEST_ENV.natsPort)) {
    return;
  }
  const storeDir = mkdtempSync(join(tmpdir(), 'dibao-test-nats-'));
  const child = spawn('nats-server', ['-a', '127.0.0.1', '-p', String(TEST_ENV.natsPort), '-js', '-sd', storeDir], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  writeFileSync(NATS_PID_FILE, String(child.pid));
  const deadline = Date.now() + 15_000;
  while (!(await portOpen(TEST_ENV.natsPort))) {
    if (Date.now() > deadline) {
      throw new Error(`test NATS server did not open port ${TEST_ENV.natsPort} (is nats-server installed?)`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function recreateDatabase(): Promise<void> {
  const url = new URL(TEST_ENV.databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

async function migrate(): Promise<void> {
  const root = join(__dirname, '..', '..');
  await promisify(execFile)(
    join(root, 'node_modules', '.bin', 'ts-node'),
    ['--transpile-only', join(__dirname, 'migrate-test-db.ts')],
    {
      cwd: root,
    },
  );
}

async function ensureTemporalNamespace(): Promise<void> {
  const connection = await Connection.connect({ address: TEST_ENV.temporalAddress });
  try {
    try {
      await connection.workflowService.registerNamespace({
        namespace: TEST_ENV.temporalNamespace,
        workflowExecutionRetentionPeriod: msToTs('1 day'),
      });
    } catch (error) {
      if (!/already exists|AlreadyExists/i.test(String(error))) {
        throw error;
      }
    }
    const { IndexedValueType } = temporal.api.enums.v1;
    const indexedType = (type: string) =>
      type === 'DATETIME' ? IndexedValueType.INDEXED_VALUE_TYPE_DATETIME : IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
    const typeOf = new Map(Object.values(SEARCH_ATTRIBUTES).map((key) => [key.name, indexedType(key.type)]));
    const wanted = [...typeOf.keys()];
    for (let attempt = 0; ; attempt += 1) {
      try {
        const existing = await connection.operatorService.listSearchAttributes({
          namespace: TEST_ENV.temporalNamespace,
        });
        const missing = wanted.filter((name) => !(name in (existing.customAttributes ?? {})));
        if (missing.length > 0) {
          await connection.operatorService.addSearchAttributes({
            namespace: TEST_ENV.temporalNamespace,
            searchAttributes: Object.fromEntries(missing.map((name) => [name, typeOf.get(name)!])),
          });
        }
        return;
      } catch (error) {
        // A namespace registered a moment ago may not be visible to every frontend call yet.
        if (attempt >= 20) {
          throw error;
        }
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  } finally {
    await connection.close();
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
