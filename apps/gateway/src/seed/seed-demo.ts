import { hash } from '@node-rs/argon2';

import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from '@app/domain';
import { PlatformEnv, readEnv, seedService } from '@app/platform';

import { gatewayOrmSettings } from '../mikro-orm.config';

/**
 * Seeds the demo accounts (local stack only; idempotent): an account that exists is left as it is, so a
 * password changed by hand survives another `npm run up`.
 */
void seedService('gateway', gatewayOrmSettings, readEnv(PlatformEnv).DATABASE_URL, async (orm) => {
  const passwordHash = await hash(process.env.DIBAO_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD);
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
});
