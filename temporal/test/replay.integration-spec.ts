import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { temporal as proto } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';

import { DEVELOPMENT_PAYLOAD_KEY, payloadEncryptionCodec } from '@app/platform';

import { bundlerOptions } from '../src/worker/bundler-options';

const HISTORIES = join(__dirname, 'histories');

/**
 * Determinism guard: recorded histories of real chains (happy path, a rejection, a return loop, an objection,
 * a chain from before the decision stages) are replayed against today's workflow code. A change that is not
 * behind `patched()` fails here. Record new ones with RECORD_HISTORIES=1 (approval-decisions test).
 */
describe('recorded approval chain histories replay against the current workflow code', () => {
  const files = readdirSync(HISTORIES).filter((name) => name.endsWith('.pb'));

  it('has the recorded set', () => {
    expect(files.map((name) => name.replace(/\.pb$/, '')).sort()).toEqual(
      expect.arrayContaining([
        'approved',
        'objection',
        'rejected-at-street',
        'returned-to-community',
        'terminated',
        'delivery-escalated',
        'calendar-loaded',
        'calendar-loaded-delivery',
        'before-notice-delivery-rejected-at-street',
        'before-batched-calls-approved',
        'before-batched-calls-objection',
        'before-fewer-calls-approved',
        'before-fewer-calls-objection',
        'before-fewer-calls-rejected-at-street',
        'home-visit-sampled',
        'data-check-rechecked',
        'before-data-check-notice-rechecked',
        'data-check-notice-served',
        'redecision',
      ]),
    );
  });

  it('replays every recorded history without a non-determinism error', async () => {
    const histories = files.map((name) => ({
      workflowId: name.replace(/\.pb$/, ''),
      history: proto.api.history.v1.History.decode(readFileSync(join(HISTORIES, name))),
    }));
    const failures: string[] = [];
    for await (const result of Worker.runReplayHistories(
      {
        workflowsPath: require.resolve('../src/workflows'),
        bundlerOptions,
        // Histories recorded since payloads are encrypted need the key; older ones pass through.
        dataConverter: { payloadCodecs: [payloadEncryptionCodec(DEVELOPMENT_PAYLOAD_KEY)] },
      },
      histories,
    )) {
      if (result.error) {
        failures.push(`${result.workflowId}: ${result.error.message}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
