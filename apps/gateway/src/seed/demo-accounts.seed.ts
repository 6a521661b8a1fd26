import type { MikroORM } from '@mikro-orm/postgresql';
import { hash } from '@node-rs/argon2';

import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from '@app/domain';

/**
 * Inserts the demo accounts where missing (an existing account is left as it is, so a password changed by hand
 * survives another `npm run up`); returns a one-line summary.
 */
export async function seedDemoAccounts(
  orm: MikroORM,
  password = process.env.DIBAO_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
): Promise<string> {
  const passwordHash = await hash(password);
  let added = 0;
  for (const account of DEMO_ACCOUNTS) {
    const result = await orm.em.getConnection().execute<{ affectedRows?: number }>(
      `insert into identity.account (id, created_at, updated_at, username, display_name, division_code, roles, password_hash)
       values (gen_random_uuid(), now(), now(), ?, ?, ?, ?::text[], ?)
       on conflict (username) do nothing`,
      [account.username, account.displayName, account.divisionCode, `{${account.roles.join(',')}}`, passwordHash],
      'run',
    );
    added += result.affectedRows ?? 0;
  }
  return `demo accounts: ${added} added, ${DEMO_ACCOUNTS.length - added} already there`;
}
