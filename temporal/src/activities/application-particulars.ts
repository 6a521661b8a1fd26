import { LRUCache } from 'lru-cache';

import { type ApplicationReply, SUBJECTS } from '@app/contracts';
import type { MessagingClient } from '@app/platform';

import { callService } from './call-service';

/** What every form of a chain prints of its application: fixed once it is submitted (intake edits drafts only). */
const PARTICULARS = [
  'id',
  'applicationNo',
  'householdId',
  'divisionCode',
  'applicantName',
  'applicantIdNumberMasked',
  'householdSize',
] as const;
export type ApplicationParticulars = Pick<ApplicationReply, (typeof PARTICULARS)[number]>;

export interface ParticularsOptions {
  /** Applications kept at once (a chain in flight needs one). */
  max?: number;
  /** How long a worker keeps them after the last read: personal data is held no longer than a chain's burst. */
  ttlMs?: number;
}

/**
 * The particulars of applications in this worker, read from intake once per chain's burst of filings instead of
 * once per form (a chain files eight). Nothing here can go stale: a submitted application's particulars never
 * change, and the chain runs only after submission. Reads that fail are not kept; concurrent reads share one request.
 */
export function applicationParticulars(messaging: MessagingClient, options: ParticularsOptions = {}) {
  const cache = new LRUCache<string, ApplicationParticulars>({
    max: options.max ?? 2_000,
    ttl: options.ttlMs ?? 10 * 60_000,
    updateAgeOnGet: true,
    fetchMethod: async (applicationId) =>
      particularsOf(await messaging.request(SUBJECTS.intake.applicationGet, { applicationId })),
  });
  return {
    /** The application's particulars, from intake when this worker has not read them lately. */
    get: (applicationId: string): Promise<ApplicationParticulars> =>
      callService(async () => (await cache.fetch(applicationId))!),
    /** Keeps what a full read of the application just returned. */
    remember: (application: ApplicationReply): void => {
      cache.set(application.id, particularsOf(application));
    },
  };
}

/** A worker's particulars of applications (see applicationParticulars). */
export type ParticularsCache = ReturnType<typeof applicationParticulars>;

function particularsOf(application: ApplicationReply): ApplicationParticulars {
  return Object.fromEntries(PARTICULARS.map((key) => [key, application[key]])) as ApplicationParticulars;
}
