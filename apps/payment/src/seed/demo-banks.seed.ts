import type { MikroORM } from '@mikro-orm/postgresql';

import { DEMO_BANKS } from '@app/domain';

/** The demo payment banks with their demo secrets (local stack only). Existing banks are left as they are. */
export async function seedDemoBanks(orm: MikroORM): Promise<string> {
  let added = 0;
  for (const bank of DEMO_BANKS) {
    const result = await orm.em
      .getConnection()
      .execute<{ affectedRows: number }>(
        `insert into payment.bank (code, name, secret, active, created_at) values (?, ?, ?, true, now()) on conflict (code) do nothing`,
        [bank.code, bank.name, bank.secret],
        'run',
      );
    added += result.affectedRows;
  }
  return `${added} demo bank(s) added, ${DEMO_BANKS.length - added} already there`;
}
