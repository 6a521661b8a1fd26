import type { Role } from './roles';

/** Who is calling: set by the gateway from the access token, carried in every NATS message's headers. */
export interface Caller {
  userId: string;
  username: string;
  roles: Role[];
  /** The caller's division (2–12 digits); they see this division and its descendants only. */
  divisionCode: string;
}

/** NATS/HTTP headers that carry the caller between processes. */
export const CALLER_HEADERS = {
  userId: 'x-caller-id',
  username: 'x-caller-username',
  roles: 'x-caller-roles',
  divisionCode: 'x-caller-division',
} as const;

/** The Temporal worker and other system processes act with this identity (whole tree, no staff role). */
export const SYSTEM_CALLER_ID = 'system';
