// Worklists behind the freshness dashboard's counts: the listings with one status, flag or kind of
// open problem report, in one category or area, a page at a time, most in need of a check first.
// The dashboard links each count to one; the page (src/pages/panel/freshness/worklist.astro)
// offers one-click actions per row (src/lib/panel/listing-actions.ts).
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DatabaseSchema } from '../db/types';
import { FRESHNESS_FLAGS, FRESHNESS_STATUSES, type FreshnessFlagName } from '../freshness/rules';
import { PROBLEM_KINDS } from '../freshness/problem-reports';
import type { FreshnessSettings } from '../freshness/settings';
import { readServices } from '../directory/service-reader';
import { recordVersion } from '../editing/publish';
import { dashboardServices, oldestChecks, type DashboardService } from './freshness-dashboard';
import { FLAG_NAMES, REPORT_KIND_NAMES, STATUS_NAMES } from './freshness-words';

export const WORKLIST_PATH = '/panel/freshness/worklist';
export const WORKLIST_PAGE_SIZE = 25;
const NAME_MAX = 200;

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** A worklist's filters, as its address carries them. Anything else in the address is an error, said plainly. */
export const worklistFilterSchema = z.object({
  status: z.preprocess(
    blankToUndefined,
    z.enum(FRESHNESS_STATUSES, { errorMap: () => ({ message: 'That status is not one the dashboard uses.' }) }).optional(),
  ),
  flag: z.preprocess(blankToUndefined, z.enum(FRESHNESS_FLAGS, { errorMap: () => ({ message: 'That flag is not one the dashboard uses.' }) }).optional()),
  report: z.preprocess(
    blankToUndefined,
    z.enum(PROBLEM_KINDS, { errorMap: () => ({ message: 'That kind of problem report is not one we know.' }) }).optional(),
  ),
  category: z.preprocess(blankToUndefined, z.string().max(NAME_MAX, 'That category name is too long.').optional()),
  area: z.preprocess(blankToUndefined, z.string().max(NAME_MAX, 'That area name is too long.').optional()),
  page: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ invalid_type_error: 'The page number must be a whole number.' })
      .int('The page number must be a whole number.')
      .min(1, 'Pages start at 1.')
      .max(100_000, 'There are not that many pages.')
      .default(1),
  ),
});
export type WorklistFilter = z.infer<typeof worklistFilterSchema>;
const FILTER_KEYS = ['status', 'flag', 'report', 'category', 'area'] as const;

/** Reads a worklist's address. The error, if any, is a sentence for the person who followed the link. */
export function parseWorklistFilter(params: URLSearchParams): { ok: true; filter: WorklistFilter } | { ok: false; error: string } {
  const raw: Record<string, string> = {};
  for (const key of [...FILTER_KEYS, 'page'] as const) {
    const value = params.get(key);
    if (value !== null) raw[key] = value;
  }
  const parsed = worklistFilterSchema.safeParse(raw);
  return parsed.success ? { ok: true, filter: parsed.data } : { ok: false, error: parsed.error.issues[0]!.message };
}

/** The address of a worklist (page 1 unless given). */
export function worklistHref(filter: Partial<WorklistFilter>): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (filter.page && filter.page > 1) params.set('page', String(filter.page));
  const query = params.toString();
  return query ? `${WORKLIST_PATH}?${query}` : WORKLIST_PATH;
}

/** The worklist's title in words, e.g. "Stale listings in Food, in Gateshead". */
export function worklistTitle(filter: WorklistFilter): string {
  const parts: string[] = [];
  if (filter.status) parts.push(`${STATUS_NAMES[filter.status]}`);
  if (filter.flag) parts.push(FLAG_NAMES[filter.flag]);
  if (filter.report) parts.push(`Reported: ${REPORT_KIND_NAMES[filter.report].toLowerCase()}`);
  let title = parts.length ? `Listings: ${parts.join('; ')}` : 'All listings';
  if (filter.category) title += `, in ${filter.category}`;
  if (filter.area) title += `, in ${filter.area}`;
  return title;
}

/** One row of a worklist: the listing as the dashboard sees it, and what its actions need. */
export interface WorklistRow extends DashboardService {
  /** Open problem reports about it, by kind. */
  openReports: { kind: string; count: number; ids: string[] }[];
  /** Its version now, so an action is refused if it changes before the button is pressed. */
  version: string;
}

export interface Worklist {
  filter: WorklistFilter;
  rows: WorklistRow[];
  /** Listings matching, on every page. */
  total: number;
  pages: number;
  /** The page shown (the last one, if the address asked for one beyond it). */
  page: number;
  /** Listings that match but are already marked closed (kept in the archive): not listed. */
  closedHidden: number;
  /** Every category and area the dashboard counts, for the filter form. */
  categories: string[];
  areas: string[];
}

/** Closed listings are kept (archived) but have nothing left to check. */
const isClosed = (service: DashboardService) => service.serviceStatus === 'defunct' || service.serviceStatus === 'inactive';

async function openReportsBy(db: Kysely<DatabaseSchema>): Promise<Map<string, { kind: string; id: string }[]>> {
  const rows = await db.selectFrom('problem_report').select(['service_id', 'kind', 'id']).where('status', '=', 'open').orderBy('created_at', 'desc').execute();
  const byService = new Map<string, { kind: string; id: string }[]>();
  for (const row of rows) {
    const list = byService.get(row.service_id) ?? [];
    list.push({ kind: row.kind, id: row.id });
    byService.set(row.service_id, list);
  }
  return byService;
}

export function matches(service: DashboardService, filter: WorklistFilter, reportKinds: readonly string[]): boolean {
  if (filter.status && service.status !== filter.status) return false;
  if (filter.flag && !service.flags.includes(filter.flag as FreshnessFlagName)) return false;
  if (filter.report && !reportKinds.includes(filter.report)) return false;
  if (filter.category && !service.categories.includes(filter.category)) return false;
  if (filter.area && service.area !== filter.area) return false;
  return true;
}

/** The page of the worklist `filter` asks for: never-checked listings first, then the longest since a check. */
export async function readWorklist(
  db: Kysely<DatabaseSchema>,
  today: string,
  settings: FreshnessSettings,
  filter: WorklistFilter,
  pageSize = WORKLIST_PAGE_SIZE,
): Promise<Worklist> {
  const { services } = await dashboardServices(db, today, settings);
  const reports = await openReportsBy(db);
  const matching = services.filter((service) =>
    matches(
      service,
      filter,
      (reports.get(service.id) ?? []).map((report) => report.kind),
    ),
  );
  const open = matching.filter((service) => !isClosed(service));
  const ordered = oldestChecks(open, open.length);
  const pages = Math.max(1, Math.ceil(ordered.length / pageSize));
  const page = Math.min(filter.page, pages);
  const shown = ordered.slice((page - 1) * pageSize, page * pageSize);
  const records = new Map(
    (
      await readServices(
        db,
        shown.map((service) => service.id),
      )
    ).map((record) => [record.id, record]),
  );
  const rows: WorklistRow[] = shown.flatMap((service) => {
    const record = records.get(service.id);
    if (!record) return [];
    const byKind = new Map<string, string[]>();
    for (const report of reports.get(service.id) ?? []) byKind.set(report.kind, [...(byKind.get(report.kind) ?? []), report.id]);
    return [
      {
        ...service,
        version: recordVersion(record),
        openReports: [...byKind].map(([kind, ids]) => ({ kind, count: ids.length, ids })),
      },
    ];
  });
  const names = (list: string[]) => [...new Set(list)].sort((a, b) => a.localeCompare(b, 'en-GB'));
  return {
    filter: { ...filter, page },
    rows,
    total: ordered.length,
    pages,
    page,
    closedHidden: matching.length - open.length,
    categories: names(services.flatMap((service) => service.categories)),
    areas: names(services.map((service) => service.area)),
  };
}
