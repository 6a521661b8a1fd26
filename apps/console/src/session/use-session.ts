import { useSyncExternalStore } from 'react';

import { currentSession, onSessionChange, type Session } from './session';

/** The signed-in session, re-rendering on sign-in, token rotation and sign-out. */
export function useSession(): Session | null {
  return useSyncExternalStore(onSessionChange, currentSession);
}
