// The panel's review queue: open suggestions and open problem reports together, newest first,
// and dealing with a problem report (resolved or dismissed, with a note, by whom) so the
// listing's "someone reported a problem" flag goes away.
import type { Kysely } from 'kysely';
import type { App } from '../app';
import { todayInUk } from '../dates';
import type { DatabaseSchema } from '../db/types';
import { reindexServices } from '../search/reindex';
import { listSuggestions, type SuggestionSummary } from './store';
import { DEFAULT_PUBLIC_URL } from '../freshness/reminders';
import { sendMessage } from '../messages/outbox';
import { reportOutcomeMessage } from './outcome-message';

type Db = Kysely<DatabaseSchema>;

export interface ReportSummary {
  id: string;
  serviceId: string;
  serviceName: string;
  kind: string;
  details: string[];
  message: string | null;
  contactEmail: string | null;
  createdAt: string;
  status: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
}

export type QueueItem =
  | { type: 'suggestion'; at: string; suggestion: SuggestionSummary }
  | { type: 'report'; at: string; report: ReportSummary };

function parseDetails(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function reportQuery(db: Db) {
  return db.selectFrom('problem_report').innerJoin('service', 'service.id', 'problem_report.service_id')
    .select(['problem_report.id', 'problem_report.service_id', 'service.name as service_name', 'problem_report.kind', 'problem_report.details',
      'problem_report.message', 'problem_report.contact_email', 'problem_report.created_at', 'problem_report.status', 'problem_report.resolved_at',
      'problem_report.resolved_by', 'problem_report.resolution_note']);
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof reportQuery>['executeTakeFirstOrThrow']>>;
const summary = (row: ReportRow): ReportSummary => ({
  id: row.id, serviceId: row.service_id, serviceName: row.service_name, kind: row.kind, details: parseDetails(row.details), message: row.message,
  contactEmail: row.contact_email, createdAt: row.created_at, status: row.status, resolvedAt: row.resolved_at, resolvedBy: row.resolved_by,
  resolutionNote: row.resolution_note,
});

/** Open reports (newest first), or the last `limit` dealt with (most recent first). */
export async function listReports(db: Db, status: 'open' | 'closed', limit = 500): Promise<ReportSummary[]> {
  const query = status === 'open'
    ? reportQuery(db).where('problem_report.status', '=', 'open').orderBy('problem_report.created_at', 'desc')
    : reportQuery(db).where('problem_report.status', '!=', 'open').orderBy('problem_report.resolved_at', 'desc');
  return (await query.limit(limit).execute()).map(summary);
}

export async function readReport(db: Db, id: string): Promise<ReportSummary | undefined> {
  const row = await reportQuery(db).where('problem_report.id', '=', id).executeTakeFirst();
  return row ? summary(row) : undefined;
}

export interface Queue {
  items: QueueItem[];
  suggestions: number;
  reports: number;
}

/** One queue of suggestions and reports, newest first (closed: the last 50 of each, most recently closed first). */
export async function readQueue(db: Db, status: 'open' | 'closed'): Promise<Queue> {
  const limit = status === 'open' ? 500 : 50;
  const [suggestions, reports] = await Promise.all([listSuggestions(db, status, limit), listReports(db, status, limit)]);
  const items: QueueItem[] = [
    ...suggestions.map((suggestion) => ({ type: 'suggestion' as const, at: (status === 'open' ? suggestion.createdAt : suggestion.closedAt) ?? '', suggestion })),
    ...reports.map((report) => ({ type: 'report' as const, at: (status === 'open' ? report.createdAt : report.resolvedAt) ?? '', report })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return { items: status === 'open' ? items : items.slice(0, 50), suggestions: suggestions.length, reports: reports.length };
}

export const REPORT_OUTCOMES = ['resolved', 'dismissed'] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

/**
 * Marks an open report resolved or dismissed, with who and why, then indexes its service again
 * so search stops saying a problem was reported. False when it was already dealt with.
 */
export async function closeReport(
  app: App, id: string, outcome: ReportOutcome, note: string, reviewerEmail: string, now = new Date(),
): Promise<boolean> {
  const db = app.directory.db;
  const report = await db.selectFrom('problem_report').innerJoin('service', 'service.id', 'problem_report.service_id')
    .select(['problem_report.service_id', 'problem_report.contact_email', 'problem_report.created_at', 'service.name'])
    .where('problem_report.id', '=', id).executeTakeFirst();
  if (!report) return false;
  const update = await db.transaction().execute((trx) => trx.updateTable('problem_report')
    .set({ status: outcome, resolved_at: now.toISOString(), resolved_by: reviewerEmail, resolution_note: note.trim() || null })
    .where('id', '=', id).where('status', '=', 'open').executeTakeFirst());
  if (Number(update.numUpdatedRows) !== 1) return false;
  await reindexServices(db, app.search, [report.service_id], todayInUk(now));
  // The person who reported it, if they left an address for a reply, is told what happened.
  if (report.contact_email) {
    const publicUrl = (process.env.PUBLIC_URL ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, '');
    await sendMessage(db, {
      purpose: 'report_outcome', to: report.contact_email,
      ...reportOutcomeMessage({
        serviceName: report.name, reportedAt: report.created_at, outcome, note: note.trim() || null,
        listingUrl: `${publicUrl}/services/${encodeURIComponent(report.service_id)}`,
      }),
    });
  }
  return true;
}
