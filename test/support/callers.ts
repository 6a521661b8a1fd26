import { randomUUID } from 'node:crypto';

import type { Caller, Role } from '@app/contracts';
import { runAsCaller, SYSTEM_CALLER } from '@app/platform';

/** A caller for service-level tests (the gateway would put the same on the NATS headers). */
export function caller(roles: Role[], divisionCode: string, username = roles[0]?.toLowerCase() ?? 'nobody'): Caller {
  return { userId: randomUUID(), username, roles, divisionCode };
}

export const CALLERS = {
  /** 华阳社区 caseworker (street A). */
  community1: caller(['COMMUNITY_CASEWORKER'], '220102001001', 'community1'),
  /** 北安社区 caseworker (street B). */
  community2: caller(['COMMUNITY_CASEWORKER'], '220102002001', 'community2'),
  street1: caller(['STREET_REVIEWER'], '220102001', 'street1'),
  county1: caller(['COUNTY_APPROVER'], '220102', 'county1'),
  finance1: caller(['COUNTY_FINANCE'], '220102', 'finance1'),
  archivist1: caller(['ARCHIVIST'], '220102', 'archivist1'),
  otherCounty: caller(['COUNTY_APPROVER'], '220104', 'county-chaoyang'),
  system: SYSTEM_CALLER,
} as const;

/** Runs `fn` as `who`: every NATS request inside carries that caller. */
export function as<T>(who: Caller, fn: () => Promise<T>): Promise<T> {
  return runAsCaller(who, fn);
}
