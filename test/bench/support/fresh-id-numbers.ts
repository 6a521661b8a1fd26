import type { Client as Pg } from 'pg';

import { makeIdNumber } from '@test/support/factories/application.factory';

/**
 * `count` ID numbers that no person in the registry has and that differ from each other: a random one shared with
 * an earlier run's household (or this run's) would join that household, whose application may still be in progress.
 */
export async function freshIdNumbers(db: Pg, count: number): Promise<string[]> {
  const chosen = new Set<string>();
  while (chosen.size < count) {
    const candidates = new Set<string>();
    while (candidates.size < count - chosen.size) {
      const idNumber = makeIdNumber();
      if (!chosen.has(idNumber)) {
        candidates.add(idNumber);
      }
    }
    const { rows } = await db.query<{ id_number: string }>(
      'select id_number from intake.person where id_number = any($1)',
      [[...candidates]],
    );
    const taken = new Set(rows.map((row) => row.id_number));
    [...candidates].filter((idNumber) => !taken.has(idNumber)).forEach((idNumber) => chosen.add(idNumber));
  }
  return [...chosen];
}
