import type { Role } from '@app/contracts';

import type { Account } from './account.entity';

export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  divisionCode: string;
  roles: Role[];
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

/** Never includes the password hash. */
export function toAccountView(account: Account): AccountView {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    divisionCode: account.divisionCode,
    roles: account.roles,
    active: account.active,
    lockedUntil: account.lockedUntil?.toISOString() ?? null,
    lastLoginAt: account.lastLoginAt?.toISOString() ?? null,
  };
}
