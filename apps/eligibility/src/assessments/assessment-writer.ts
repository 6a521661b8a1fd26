import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';

/** One stored assessment as written; `input` and `result` are JSON text. */
export interface AssessmentRow {
  idempotencyKey: string;
  householdId: string;
  applicationId: string | null;
  divisionCode: string;
  urbanRural: string;
  at: string;
  standardId: string;
  policyId: string;
  inputHash: string;
  input: string;
  result: string;
  createdBy: string;
}

interface Pending {
  row: AssessmentRow;
  resolve: (stored: { id: string; createdAt: Date } | undefined) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 200;
const COLUMNS = 12;
/** Inserts in flight at once: while one waits on PostgreSQL, the next group is already on its way. */
const MAX_WRITERS = 2;

/**
 * Writes assessments in small groups: the rows that arrive while one insert is in flight go together in the
 * next one (group commit), so under load one round trip and one commit carry many assessments, and a lone
 * assessment is written at once. Up to `MAX_WRITERS` groups are in flight together. Values are bound as
 * parameters by the driver, not quoted into the SQL text. Each caller learns whether its row was inserted, or its key existed already
 * (`undefined`). A failed insert fails every caller of that group; nothing is half-written (one statement).
 */
@Injectable()
export class AssessmentWriter {
  private queue: Pending[] = [];
  private writers = 0;

  constructor(private readonly em: EntityManager) {}

  insert(row: AssessmentRow): Promise<{ id: string; createdAt: Date } | undefined> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (this.writers < MAX_WRITERS) {
        void this.drain();
      }
    });
  }

  private async drain(): Promise<void> {
    this.writers += 1;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          const inserted = await this.write(batch.map((p) => p.row));
          for (const pending of batch) {
            pending.resolve(inserted.get(pending.row.idempotencyKey));
          }
        } catch (error) {
          batch.forEach((pending) => pending.reject(error));
        }
      }
    } finally {
      this.writers -= 1;
    }
  }

  private async write(rows: AssessmentRow[]): Promise<Map<string, { id: string; createdAt: Date }>> {
    const placeholders = rows
      .map(() => `(gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)`)
      .join(', ');
    const values = rows.flatMap((r) => [
      r.idempotencyKey,
      r.householdId,
      r.applicationId,
      r.divisionCode,
      r.urbanRural,
      r.at,
      r.standardId,
      r.policyId,
      r.inputHash,
      r.input,
      r.result,
      r.createdBy,
    ]);
    if (values.length !== rows.length * COLUMNS) {
      throw new Error('assessment row shape changed without the insert');
    }
    const { rows: inserted } = await this.em
      .getConnection()
      .getKnex()
      .raw<{ rows: Array<{ idempotency_key: string; id: string; created_at: Date }> }>(
        `insert into eligibility.assessment
         (id, created_at, updated_at, idempotency_key, household_id, application_id, division_code, urban_rural, at,
          standard_id, policy_id, input_hash, input, result, created_by)
       values ${placeholders}
       on conflict (idempotency_key) do nothing
       returning idempotency_key, id, created_at`,
        values,
      );
    return new Map(inserted.map((row) => [row.idempotency_key, { id: row.id, createdAt: new Date(row.created_at) }]));
  }
}
