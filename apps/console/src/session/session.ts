import type { Role } from '@app/contracts/identity/roles';

/** The signed-in account, as `GET /api/v1/auth/me` gives it. */
export interface Account {
  id: string;
  username: string;
  displayName: string;
  divisionCode: string;
  roles: Role[];
}

/** A sign-in kept for this browser tab only (sessionStorage): closing the tab signs out. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  account: Account;
}

const KEY = 'dibao.session';
const listeners = new Set<() => void>();
/** The stored session, read once; the same object until it changes (React compares snapshots by identity). */
let current: Session | null | undefined;

export function currentSession(): Session | null {
  if (current === undefined) {
    try {
      current = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
    } catch {
      sessionStorage.removeItem(KEY);
      current = null;
    }
  }
  return current;
}

export function saveSession(session: Session | null): void {
  current = session;
  if (session) {
    sessionStorage.setItem(KEY, JSON.stringify(session));
  } else {
    sessionStorage.removeItem(KEY);
  }
  listeners.forEach((listener) => listener());
}

/** Called on every sign-in, token rotation and sign-out; returns how to stop listening. */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
