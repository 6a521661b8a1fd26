import { createHash } from 'node:crypto';

/** The fields of an access-log entry that its hash covers, in a fixed order. */
export interface ChainedFields {
  seq: string;
  occurredAt: string;
  actorId: string;
  actorUsername: string;
  actorRoles: string;
  actorDivision: string;
  action: string;
  recordType: string;
  recordId: string;
  recordDivision: string;
  purpose: string;
  clientIp: string;
  correlationId: string;
}

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

const ORDER: Array<keyof ChainedFields> = [
  'seq',
  'occurredAt',
  'actorId',
  'actorUsername',
  'actorRoles',
  'actorDivision',
  'action',
  'recordType',
  'recordId',
  'recordDivision',
  'purpose',
  'clientIp',
  'correlationId',
];

/** sha256 over the previous hash and the entry's fields (JSON array in fixed order, so no field can shift). */
export function chainHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256')
    .update(prevHash)
    .update(JSON.stringify(ORDER.map((key) => fields[key])))
    .digest('hex');
}

export interface ChainRow extends ChainedFields {
  prevHash: string;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The first entry whose hash, link or sequence does not hold. */
  firstBrokenSeq?: string;
  problem?: 'HASH_MISMATCH' | 'BROKEN_LINK' | 'SEQUENCE_GAP';
}

/** Walks rows in sequence order and reports the first that does not follow from the one before. */
export function verifyChain(rows: ChainRow[], startPrevHash = GENESIS_HASH, startSeq = 1n): ChainVerification {
  let prevHash = startPrevHash;
  let expectedSeq = startSeq;
  for (const [index, row] of rows.entries()) {
    if (BigInt(row.seq) !== expectedSeq) {
      return { ok: false, checked: index, firstBrokenSeq: row.seq, problem: 'SEQUENCE_GAP' };
    }
    if (row.prevHash !== prevHash) {
      return { ok: false, checked: index, firstBrokenSeq: row.seq, problem: 'BROKEN_LINK' };
    }
    if (chainHash(prevHash, row) !== row.hash) {
      return { ok: false, checked: index, firstBrokenSeq: row.seq, problem: 'HASH_MISMATCH' };
    }
    prevHash = row.hash;
    expectedSeq += 1n;
  }
  return { ok: true, checked: rows.length };
}
