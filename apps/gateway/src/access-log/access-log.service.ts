import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

import { currentCorrelationId, requireCaller } from '@app/platform';

import {
  type ChainedFields,
  type ChainRow,
  type ChainVerification,
  GENESIS_HASH,
  verifyChain,
} from './access-log-chain';
import { AccessLogEntry } from './access-log-entry.entity';

/** SEARCH: a record shown in a search's hits (a household's head and matched member, ID numbers masked). */
export type AccessAction = 'READ' | 'REVEAL' | 'DOWNLOAD' | 'SEARCH';

/** Who asked for a list and why, as the access log records it with each record shown. */
export interface Viewer {
  purpose: string;
  clientIp: string;
}

export interface AccessRecord {
  action: AccessAction;
  recordType:
    | 'application'
    | 'document'
    | 'household'
    | 'payment-history'
    | 'accounting-record'
    | 'archive-file'
    | 'dossier'
    | 'archive-transfer';
  recordId: string;
  recordDivision: string;
  purpose: string;
  clientIp: string;
}

export interface AccessLogQuery {
  actor?: string;
  recordId?: string;
  division?: string;
  from?: Date;
  to?: Date;
  limit: number;
}

const VERIFY_BATCH = 1000;
/** Entries appended by one statement at most. */
const MAX_GROUP = 500;
/** What the gateway writes of an entry; seq, prev_hash and hash are the database's (see append). */
const COLUMNS = [
  'occurred_at',
  'actor_id',
  'actor_username',
  'actor_roles',
  'actor_division',
  'action',
  'record_type',
  'record_id',
  'record_division',
  'purpose',
  'client_ip',
  'correlation_id',
];

type EntryFields = Omit<ChainedFields, 'seq'>;

interface Pending {
  /** One caller's entries: appended in the same group. */
  entries: EntryFields[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The access log (查阅登记): who looked at which personal data, when, from where and why. Entries form one hash
 * chain, extended by the database as they are inserted (serialised by an advisory lock across gateway replicas);
 * within a replica, the entries that arrive while one append is in flight go together in the next (group
 * commit): one statement and one commit for all of them.
 */
@Injectable()
export class AccessLogService {
  private queue: Pending[] = [];
  private writing = false;

  constructor(private readonly em: EntityManager) {}

  /** Appends one entry for the current caller. Throws if it cannot be written: no read goes unrecorded. */
  record(record: AccessRecord): Promise<void> {
    return this.recordAll([record]);
  }

  /**
   * Records each record a search or list showed (SEARCH), or an export carried away (DOWNLOAD), all in one
   * statement.
   */
  recordShown(
    recordType: AccessRecord['recordType'],
    shown: Array<{ recordId: string; recordDivision: string }>,
    purpose: string,
    clientIp: string,
    action: 'SEARCH' | 'DOWNLOAD' = 'SEARCH',
  ): Promise<void> {
    return this.recordAll(shown.map((record) => ({ action, recordType, ...record, purpose, clientIp })));
  }

  /** Appends entries for the current caller in one statement: all of them are written, or none. */
  private async recordAll(records: AccessRecord[]): Promise<void> {
    if (records.length === 0) {
      return;
    }
    const caller = requireCaller();
    const occurredAt = new Date().toISOString();
    const correlationId = currentCorrelationId() ?? '';
    const entries: EntryFields[] = records.map((record) => ({
      occurredAt,
      actorId: caller.userId,
      actorUsername: caller.username,
      actorRoles: caller.roles.join(','),
      actorDivision: caller.divisionCode,
      action: record.action,
      recordType: record.recordType,
      recordId: record.recordId,
      recordDivision: record.recordDivision,
      purpose: record.purpose,
      clientIp: record.clientIp,
      correlationId,
    }));
    await new Promise<void>((resolve, reject) => {
      this.queue.push({ entries, resolve, reject });
      if (!this.writing) {
        void this.drain();
      }
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.queue.length > 0) {
        // Whole callers only, up to MAX_GROUP entries (a caller with more goes alone).
        let size = 0;
        let count = 0;
        while (count < this.queue.length && (count === 0 || size + this.queue[count].entries.length <= MAX_GROUP)) {
          size += this.queue[count].entries.length;
          count += 1;
        }
        const group = this.queue.splice(0, count);
        try {
          await this.append(group.flatMap((pending) => pending.entries));
          group.forEach((pending) => pending.resolve());
        } catch (error) {
          // One transaction: none of the group's entries was written, and none of its reads is answered.
          group.forEach((pending) => pending.reject(error));
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /**
   * One INSERT of the group, committed on its own: the database's trigger (Migration20261127120000) numbers each
   * entry after the last under the chain's lock and sets its prev_hash and hash, in the order given.
   */
  private async append(entries: EntryFields[]): Promise<void> {
    const row = `(${COLUMNS.map(() => '?').join(', ')})`;
    await this.em.getConnection().execute(
      `insert into identity.access_log (${COLUMNS.join(', ')}) values ${entries.map(() => row).join(', ')}`,
      entries.flatMap((entry) => [
        new Date(entry.occurredAt),
        entry.actorId,
        entry.actorUsername,
        entry.actorRoles,
        entry.actorDivision,
        entry.action,
        entry.recordType,
        entry.recordId,
        entry.recordDivision,
        entry.purpose,
        entry.clientIp,
        entry.correlationId,
      ]),
      'run',
    );
  }

  /** Entries about records in the caller's division, newest first. */
  async query(query: AccessLogQuery): Promise<AccessLogEntry[]> {
    const caller = requireCaller();
    const where: Record<string, unknown>[] = [{ recordDivision: { $like: `${caller.divisionCode}%` } }];
    if (query.division) {
      where.push({ recordDivision: { $like: `${query.division}%` } });
    }
    if (query.actor) {
      where.push({ $or: [{ actorUsername: query.actor }, { actorId: query.actor }] });
    }
    if (query.recordId) {
      where.push({ recordId: query.recordId });
    }
    if (query.from) {
      where.push({ occurredAt: { $gte: query.from } });
    }
    if (query.to) {
      where.push({ occurredAt: { $lt: query.to } });
    }
    return this.em.fork().find(AccessLogEntry, { $and: where }, { orderBy: { seq: 'desc' }, limit: query.limit });
  }

  /** Reads and downloads of archive records (documents, files, dossiers, rosters) per month in a division. */
  async monthlyArchiveAccess(division: string): Promise<Array<{ month: string; reads: number; downloads: number }>> {
    const rows = await this.em.fork().execute<Array<{ month: string; reads: number; downloads: number }>>(
      `select to_char(occurred_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
              count(*) filter (where action in ('READ', 'REVEAL'))::int as reads,
              count(*) filter (where action = 'DOWNLOAD')::int as downloads
         from identity.access_log
        where record_division like ? and record_type in ('document', 'archive-file', 'dossier', 'accounting-record')
        group by 1 order by 1`,
      [`${division}%`],
    );
    return rows.map((row) => ({ month: row.month, reads: Number(row.reads), downloads: Number(row.downloads) }));
  }

  /** Recomputes the whole chain in sequence order, in batches. */
  async verify(): Promise<ChainVerification> {
    const em = this.em.fork();
    let prevHash = GENESIS_HASH;
    let nextSeq = 1n;
    let checked = 0;
    for (;;) {
      // Ordered by the number, not by the text it is selected as ('10' sorts before '2').
      const rows = await em.execute<Array<Record<string, unknown>>>(
        `select seq::text as seq, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as occurred_at,
                actor_id, actor_username, actor_roles, actor_division, action, record_type, record_id,
                record_division, purpose, client_ip, correlation_id, prev_hash, hash
           from identity.access_log where seq >= ? order by access_log.seq limit ?`,
        [nextSeq.toString(), VERIFY_BATCH],
      );
      const batch: ChainRow[] = rows.map((row) => ({
        seq: String(row.seq),
        occurredAt: String(row.occurred_at),
        actorId: String(row.actor_id),
        actorUsername: String(row.actor_username),
        actorRoles: String(row.actor_roles),
        actorDivision: String(row.actor_division),
        action: String(row.action),
        recordType: String(row.record_type),
        recordId: String(row.record_id),
        recordDivision: String(row.record_division),
        purpose: String(row.purpose),
        clientIp: String(row.client_ip),
        correlationId: String(row.correlation_id),
        prevHash: String(row.prev_hash),
        hash: String(row.hash),
      }));
      const result = verifyChain(batch, prevHash, nextSeq);
      if (!result.ok) {
        return { ...result, checked: checked + result.checked };
      }
      checked += batch.length;
      if (batch.length < VERIFY_BATCH) {
        return { ok: true, checked };
      }
      prevHash = batch[batch.length - 1].hash;
      nextSeq += BigInt(batch.length);
    }
  }
}
