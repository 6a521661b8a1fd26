import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

import { type Caller, CALLER_HEADERS, ROLES, type Role, SYSTEM_CALLER_ID } from '@app/contracts';

/** The header that carries the correlation id over HTTP and NATS. */
export const CORRELATION_HEADER = 'x-correlation-id';

/** What one request carries through every async hop: its correlation id and, once known, its caller. */
interface RequestContext {
  correlationId: string;
  caller?: Caller;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with `correlationId` visible to every log line and outgoing NATS request it makes. */
export function runWithCorrelation<T>(correlationId: string | undefined, fn: () => T): T {
  return storage.run({ correlationId: correlationId || randomUUID(), caller: storage.getStore()?.caller }, fn);
}

/** Runs `fn` as `caller`, keeping the current correlation id. */
export function runAsCaller<T>(caller: Caller, fn: () => T): T {
  return storage.run({ correlationId: storage.getStore()?.correlationId ?? randomUUID(), caller }, fn);
}

/** Sets the caller of the request being handled (the gateway's auth guard, after the middleware opened it). */
export function bindCaller(caller: Caller): void {
  const context = storage.getStore();
  if (!context) {
    throw new Error('bindCaller outside a request context');
  }
  context.caller = caller;
}

export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

export function currentCaller(): Caller | undefined {
  return storage.getStore()?.caller;
}

/** The identity system processes (the Temporal worker) act with: the whole tree, no staff role. */
export const SYSTEM_CALLER: Caller = {
  userId: SYSTEM_CALLER_ID,
  username: SYSTEM_CALLER_ID,
  roles: [],
  divisionCode: '',
};

/** Headers that carry `caller` on a NATS message. */
export function callerToHeaders(caller: Caller): Record<string, string> {
  return {
    [CALLER_HEADERS.userId]: caller.userId,
    [CALLER_HEADERS.username]: caller.username,
    [CALLER_HEADERS.roles]: caller.roles.join(','),
    [CALLER_HEADERS.divisionCode]: caller.divisionCode,
  };
}

/** The caller a NATS message's headers describe, or undefined when they carry none (or a malformed one). */
export function callerFromHeaders(get: (name: string) => string | undefined): Caller | undefined {
  const userId = get(CALLER_HEADERS.userId);
  const divisionCode = get(CALLER_HEADERS.divisionCode) ?? '';
  if (!userId || !/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})?$/.test(divisionCode)) {
    return undefined;
  }
  if (userId !== SYSTEM_CALLER_ID && divisionCode === '') {
    return undefined;
  }
  const known = Object.values(ROLES) as string[];
  const roles = (get(CALLER_HEADERS.roles) ?? '').split(',').filter((role): role is Role => known.includes(role));
  return { userId, username: get(CALLER_HEADERS.username) ?? userId, roles, divisionCode };
}
