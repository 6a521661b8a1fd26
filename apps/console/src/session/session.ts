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
const listeners = new Set<(session: Session | null) => void>();

export function currentSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) {
    return null;
  }
  try {
    return JSON.parse(raw) as Session;
  } catch {
    sessionStorage.removeItem(KEY);
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) {
    sessionStorage.setItem(KEY, JSON.stringify(session));
  } else {
    sessionStorage.removeItem(KEY);
  }
  listeners.forEach((listener) => listener(session));
}

/** Called on every sign-in, token rotation and sign-out; returns how to stop listening. */
export function onSessionChange(listener: (session: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
