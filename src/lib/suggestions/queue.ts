// The panel's review queue: open suggestions and open problem reports together, newest first,
// and dealing with a problem report (resolved or dismissed, with a note, by whom) so the
// listing's "someone reported a problem" flag goes away.
import type { Kysely, Transaction } from 'kysely';
import type { App } from '../app';
import { todayInUk } from '../dates';
import type { DatabaseSchema } from '../db/types';
import { queueSearchChanges } from '../db/search-outbox';
import { applySearchOutbox } from '../search/outbox';
import { listSuggestions, type SuggestionSummary } from './store';
import { publicUrl as sitePublicUrl } from '../config';
import { sendMessage } from '../mail/outbox';
import { reportOutcomeMessage } from './outcome-message';
import { servicePath } from '../service-paths';

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

/** Open reports of the same kind about the same listing: one row in the queue, dealt with together. */
export interface ReportGroup {
  serviceId: string;
  serviceName: string;
  kind: string;
  /** Newest first. */
  reports: ReportSummary[];
}

export type QueueItem =
  | { type: 'suggestion'; at: string; suggestion: SuggestionSummary }
  | { type: 'report'; at: string; report: ReportSummary }
  | { type: 'report-group'; at: string; group: ReportGroup };

/** Groups reports by listing and kind, keeping the order of each group's newest report. */
export function groupReports(reports: readonly ReportSummary[]): ReportGroup[] {
  const groups = new Map<string, ReportGroup>();
  for (const report of [...reports].sort((a, b) => b.createdAt.localeCompare(a.createdAt))) {
    const key = JSON.stringify([report.serviceId, report.kind]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { serviceId: report.serviceId, serviceName: report.serviceName, kind: report.kind, reports: [] }));
    group.reports.push(report);
  }
  return [...groups.values()];
}

/** The open reports of the same kind about the same listing as `report` (itself included), newest first. */
export async function openReportsLike(db: Db, report: Pick<ReportSummary, 'serviceId' | 'kind'>): Promise<ReportSummary[]> {
  const rows = await reportQuery(db)
    .where('problem_report.service_id', '=', report.serviceId)
    .where('problem_report.kind', '=', report.kind)
    .where('problem_report.status', '=', 'open')
    .orderBy('problem_report.created_at', 'desc')
    .execute();
  return rows.map(summary);
}

function parseDetails(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function reportQuery(db: Db) {
  return db
    .selectFrom('problem_report')
    .innerJoin('service', 'service.id', 'problem_report.service_id')
    .select([
      'problem_report.id',
      'problem_report.service_id',
      'service.name as service_name',
      'problem_report.kind',
      'problem_report.details',
      'problem_report.message',
      'problem_report.contact_email',
      'problem_report.created_at',
      'problem_report.status',
      'problem_report.resolved_at',
      'problem_report.resolved_by',
      'problem_report.resolution_note',
    ]);
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof reportQuery>['executeTakeFirstOrThrow']>>;
const summary = (row: ReportRow): ReportSummary => ({
  id: row.id,
  serviceId: row.service_id,
  serviceName: row.service_name,
  kind: row.kind,
  details: parseDetails(row.details),
  message: row.message,
  contactEmail: row.contact_email,
  createdAt: row.created_at,
  status: row.status,
  resolvedAt: row.resolved_at,
  resolvedBy: row.resolved_by,
  resolutionNote: row.resolution_note,
});

/** Open reports (newest first), or the last `limit` dealt with (most recent first). */
export async function listReports(db: Db, status: 'open' | 'closed', limit = 500): Promise<ReportSummary[]> {
  const query =
    status === 'open'
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
  // Open reports of one kind about one listing are one row (they are dealt with together).
  const reportItems: QueueItem[] =
    status === 'open'
      ? groupReports(reports).map((group) => ({ type: 'report-group' as const, at: group.reports[0]!.createdAt, group }))
      : reports.map((report) => ({ type: 'report' as const, at: report.resolvedAt ?? '', report }));
  const items: QueueItem[] = [
    ...suggestions.map((suggestion) => ({
      type: 'suggestion' as const,
      at: (status === 'open' ? suggestion.createdAt : suggestion.closedAt) ?? '',
      suggestion,
    })),
    ...reportItems,
  ].sort((a, b) => b.at.localeCompare(a.at));
  return { items: status === 'open' ? items : items.slice(0, 50), suggestions: suggestions.length, reports: reports.length };
}

export const REPORT_OUTCOMES = ['resolved', 'dismissed'] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

/** Raised inside a transaction when a report it meant to close was dealt with by someone else first. */
export class ReportsChangedError extends Error {
  constructor() {
    super('Someone else has already dealt with one of these reports.');
  }
}

/**
 * Inside a transaction: marks exactly these open reports resolved or dismissed, with who and why.
 * Throws ReportsChangedError (undoing the transaction) when any of them is no longer open.
 */
export async function markReportsClosed(
  trx: Transaction<DatabaseSchema>,
  ids: readonly string[],
  outcome: ReportOutcome,
  note: string,
  reviewerEmail: string,
  now: Date,
): Promise<void> {
  if (!ids.length) return;
  const update = await trx
    .updateTable('problem_report')
    .set({ status: outcome, resolved_at: now.toISOString(), resolved_by: reviewerEmail, resolution_note: note.trim() || null })
    .where('id', 'in', [...ids])
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(update.numUpdatedRows) !== ids.length) throw new ReportsChangedError();
  // Search stops saying a problem was reported once the listings' documents are built again.
  const services = await trx
    .selectFrom('problem_report')
    .select('service_id')
    .distinct()
    .where('id', 'in', [...ids])
    .execute();
  await queueSearchChanges(
    trx,
    services.map((row) => row.service_id),
    now.toISOString(),
  );
}

/** After reports are closed: each person who reported one and left an address is told what happened. */
export async function tellReporters(db: Db, ids: readonly string[], outcome: ReportOutcome, note: string): Promise<void> {
  if (!ids.length) return;
  const reports = await db
    .selectFrom('problem_report')
    .innerJoin('service', 'service.id', 'problem_report.service_id')
    .select(['problem_report.service_id', 'problem_report.contact_email', 'problem_report.created_at', 'service.name'])
    .where('problem_report.id', 'in', [...ids])
    .execute();
  const publicUrl = sitePublicUrl();
  for (const report of reports) {
    if (!report.contact_email) continue;
    await sendMessage(db, {
      purpose: 'report_outcome',
      to: report.contact_email,
      ...reportOutcomeMessage({
        serviceName: report.name,
        reportedAt: report.created_at,
        outcome,
        note: note.trim() || null,
        listingUrl: `${publicUrl}${servicePath(report.service_id)}`,
      }),
    });
  }
}

/**
 * Marks open reports (one, or a group of the same kind about the same listing) resolved or
 * dismissed together, in one transaction, then indexes their services again so search stops
 * saying a problem was reported. False, with nothing changed, when any was already dealt with.
 */
export async function closeReports(
  app: App,
  ids: readonly string[],
  outcome: ReportOutcome,
  note: string,
  reviewerEmail: string,
  now = new Date(),
): Promise<boolean> {
  const db = app.directory.db;
  if (!ids.length) return false;
  const services = await db
    .selectFrom('problem_report')
    .select('service_id')
    .distinct()
    .where('id', 'in', [...ids])
    .execute();
  try {
    await db.transaction().execute((trx) => markReportsClosed(trx, ids, outcome, note, reviewerEmail, now));
  } catch (error) {
    if (error instanceof ReportsChangedError) return false;
    throw error;
  }
  await applySearchOutbox(db, app.search, todayInUk(now), { serviceIds: services.map((row) => row.service_id) });
  await tellReporters(db, ids, outcome, note);
  return true;
}
