import { useSyncExternalStore } from 'react';

import { currentSession, onSessionChange, type Session } from './session';

let snapshot: Session | null | undefined;
let snapshotRaw: string | null = null;

/** The signed-in session, re-rendering on sign-in, token rotation and sign-out. */
export function useSession(): Session | null {
  return useSyncExternalStore(
    (notify) => onSessionChange(notify),
    () => {
      // The same object while the stored session is unchanged (useSyncExternalStore compares by identity).
      const raw = sessionStorage.getItem('dibao.session');
      if (snapshot === undefined || raw !== snapshotRaw) {
        snapshotRaw = raw;
        snapshot = currentSession();
      }
      return snapshot;
    },
  );
}
