// One-click actions on a listing for people who may publish it (from a worklist or a problem
// report): verified today, paused for now, or closed (archived: kept, with its history, never
// deleted). Each is published like any edit, so it is in the history, and the problem reports it
// answers are resolved in the same transaction: both, or neither.
import type { App } from '../app';
import { todayInUk } from '../dates';
import { EditConflictError, publishRecord, readRecord } from '../editing/publish';
import { applySearchOutbox } from '../search/outbox';
import { markReportsClosed, ReportsChangedError, tellReporters } from '../suggestions/queue';
import type { ServiceRecord } from '../openreferral-schema/schemas';

export const LISTING_ACTIONS = ['verify', 'pause', 'close'] as const;
export type ListingAction = (typeof LISTING_ACTIONS)[number];

/** What each action says in the history, and to the person who pressed it. */
export const LISTING_ACTION_WORDS: Record<ListingAction, { button: string; reason: string; done: string }> = {
  verify: { button: 'Still running: verified today', reason: 'Verified today: still running', done: 'is marked as checked today' },
  pause: {
    button: 'Mark paused',
    reason: 'Marked paused for now',
    done: 'is marked as paused for now, and left out of search results until it is marked running again',
  },
  close: {
    button: 'Mark closed (archive)',
    reason: 'Marked closed: kept in the archive, left out of search results',
    done: 'is marked as closed. It is kept in the archive and left out of search results',
  },
};

export interface ListingActionRequest {
  serviceId: string;
  action: ListingAction;
  /** The listing's version when the page was shown: refused if it has changed since. */
  version: string;
  user: { email: string };
  /** Open reports this answers, resolved with it (refused if any was dealt with meanwhile). */
  reportIds?: readonly string[];
  /** Kept with the history and the reports (for example the reviewer's note). */
  note?: string;
  now?: Date;
}

export type ListingActionResult =
  { ok: true; record: ServiceRecord; resolvedReports: readonly string[] } | { ok: false; reason: 'not-found' | 'stale' | 'reports-changed' };

/** The listing as it is after the action (nothing else changed). */
export function applyAction(record: ServiceRecord, action: ListingAction, email: string, today: string): ServiceRecord {
  if (action === 'verify') return { ...record, assured_date: today, assurer_email: email };
  if (action === 'pause') return { ...record, status: 'temporarily closed' };
  return { ...record, status: 'defunct' };
}

/**
 * Does `action` to the listing. The caller has checked that the person may publish it. Nothing is
 * written when the listing changed since `version`, or when a report to resolve was already dealt with.
 */
export async function doListingAction(app: Pick<App, 'directory' | 'search'>, request: ListingActionRequest): Promise<ListingActionResult> {
  const now = request.now ?? new Date();
  const today = todayInUk(now);
  const { directory, search } = app;
  const current = await readRecord(directory.db, request.serviceId);
  if (!current) return { ok: false, reason: 'not-found' };
  const reportIds = request.reportIds ?? [];
  const note = request.note?.trim() ?? '';
  const words = LISTING_ACTION_WORDS[request.action];
  try {
    const published = await publishRecord(directory, search, applyAction(current, request.action, request.user.email, today), {
      expectedVersion: request.version,
      changedBy: `user ${request.user.email}`,
      reason: note ? `${words.reason}. ${note}` : words.reason,
      now,
      alsoInTransaction: (trx) => markReportsClosed(trx, reportIds, 'resolved', note || `${words.reason}.`, request.user.email, now),
    });
    // The listing's search document was built before its reports were resolved (which queued it again): build it again.
    if (reportIds.length) await applySearchOutbox(directory.db, search, today, { serviceIds: [request.serviceId] });
    await tellReporters(directory.db, reportIds, 'resolved', note || reporterNote(request.action));
    return { ok: true, record: published.record, resolvedReports: reportIds };
  } catch (error) {
    if (error instanceof EditConflictError) return { ok: false, reason: 'stale' };
    if (error instanceof ReportsChangedError) return { ok: false, reason: 'reports-changed' };
    throw error;
  }
}

function reporterNote(action: ListingAction): string {
  if (action === 'close') return 'The listing now says it has closed.';
  if (action === 'pause') return 'The listing now says it is paused for now.';
  return 'We checked the listing today.';
}
