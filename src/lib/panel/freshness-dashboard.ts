// The data behind the panel's freshness dashboard and its CSV queue: counts by status, flag,
// category and area, the oldest checks, funding ending, open problem reports and confirmation links.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { checkDirectory, FUNDING_LIST_DAYS, type DirectoryFreshnessSummary } from '../freshness-jobs/directory-check';
import type { FreshnessSettings } from '../freshness/settings';
import type { FreshnessStatus } from '../freshness/rules';
import { documentPlaces, serviceAreaIds, serviceCategoryCodes } from '../search/search-document';
import { getTaxonomy } from '../taxonomy/taxonomy';
import { areaById, areasContaining, getAreas } from '../geo/areas';
import { MAX_SEND_ATTEMPTS, REMINDER_STAGES } from '../freshness-jobs/reminders';
import { addDays } from '../dates';

const OLDEST_SHOWN = 20;
export const NO_CATEGORY = 'No category';
export const NO_AREA = 'No area known';

/** One listing as the dashboard and the CSV see it. */
export interface DashboardService {
  id: string;
  name: string;
  organization: string;
  status: FreshnessStatus;
  /** The listing's own status: active, inactive, defunct or "temporarily closed". */
  serviceStatus: string;
  flags: string[];
  /** assured_date: null when nobody has checked it. */
  lastChecked: string | null;
  fundingEnd: string | null;
  email: string | null;
  url: string | null;
  /** Names of its top-level categories. */
  categories: string[];
  area: string;
}

export interface StatusCounts {
  name: string;
  total: number;
  ok: number;
  check: number;
  stale: number;
}

/** Open reports of one kind about one listing, shown as one row: how many, when, the newest's message. */
export interface OpenReport {
  serviceId: string;
  serviceName: string;
  kind: string;
  /** The newest report of the group (its review page deals with the whole group). */
  reportId: string;
  createdAt: string;
  message: string | null;
  count: number;
  /** When each was sent, newest first. */
  dates: string[];
}

export interface ConfirmationCounts {
  made: number;
  answered: number;
  byAnswer: { answer: string; count: number }[];
}

export interface ReminderCounts {
  /** Messages by stage and how they went: sent, waiting in the outbox, or failed. */
  byStage: { stage: string; sent: number; outbox: number; failed: number }[];
  /** Messages not sent (outbox or failed), newest first, at most 20. */
  waiting: {
    serviceId: string;
    serviceName: string;
    stage: string;
    to: string;
    subject: string;
    createdAt: string;
    error: string | null;
    attempts: number;
    givenUp: boolean;
  }[];
  waitingTotal: number;
}

export interface FreshnessDashboard {
  summary: DirectoryFreshnessSummary;
  byCategory: StatusCounts[];
  byArea: StatusCounts[];
  oldestChecks: DashboardService[];
  fundingEnding: DashboardService[];
  fundingDays: number;
  openReports: OpenReport[];
  /** Null when the confirmation_link table does not exist. */
  confirmations: ConfirmationCounts | null;
  /** Null when the reminder table does not exist. */
  reminders: ReminderCounts | null;
}

/** Every listing, assessed, with what the dashboard groups by. */
export async function dashboardServices(
  db: Kysely<DatabaseSchema>,
  today: string,
  settings: FreshnessSettings,
): Promise<{ summary: DirectoryFreshnessSummary; services: DashboardService[] }> {
  const taxonomy = getTaxonomy();
  const areas = getAreas();
  const services: DashboardService[] = [];
  // One pass: what the dashboard groups by is read from each record as it is assessed.
  const checked = await checkDirectory(db, today, settings, {
    onService(record, service) {
      const categories = serviceCategoryCodes(record)
        .map((code) => taxonomy.categoryByCode.get(code))
        .filter((term) => term && term.parent === null)
        .map((term) => term!.name);
      // Its named service area first; else the smallest area its first place lies in.
      const named = serviceAreaIds(record)
        .map((id) => areaById(id, areas)?.name)
        .find(Boolean);
      const place = documentPlaces(record)[0];
      const area = named ?? (place ? areasContaining(place, areas)[0]?.name : undefined) ?? NO_AREA;
      services.push({
        id: service.id,
        name: service.name,
        organization: service.organization,
        status: service.freshness.status,
        serviceStatus: record.status,
        flags: service.freshness.flags.map((flag) => flag.flag),
        lastChecked: service.freshness.assured_date,
        fundingEnd: service.freshness.funding_end_date,
        email: record.email ?? record.organization.email ?? null,
        url: record.url ?? null,
        categories: categories.length ? categories : [NO_CATEGORY],
        area,
      });
    },
  });
  return { summary: checked.summary, services };
}

function countBy(services: DashboardService[], keys: (service: DashboardService) => string[]): StatusCounts[] {
  const counts = new Map<string, StatusCounts>();
  for (const service of services) {
    for (const name of keys(service)) {
      let row = counts.get(name);
      if (!row) counts.set(name, (row = { name, total: 0, ok: 0, check: 0, stale: 0 }));
      row.total++;
      row[service.status]++;
    }
  }
  return [...counts.values()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** Never-checked listings first, then the longest since a check; by name when equal. */
export function oldestChecks(services: DashboardService[], count = OLDEST_SHOWN): DashboardService[] {
  return [...services].sort((a, b) => (a.lastChecked ?? '').localeCompare(b.lastChecked ?? '') || a.name.localeCompare(b.name, 'en-GB')).slice(0, count);
}

async function openReports(db: Kysely<DatabaseSchema>): Promise<OpenReport[]> {
  const rows = await db
    .selectFrom('problem_report')
    .innerJoin('service', 'service.id', 'problem_report.service_id')
    .select(['problem_report.id', 'problem_report.service_id', 'service.name', 'problem_report.kind', 'problem_report.created_at', 'problem_report.message'])
    .where('problem_report.status', '=', 'open')
    .orderBy('problem_report.created_at', 'desc')
    .execute();
  const groups = new Map<string, OpenReport>();
  for (const row of rows) {
    const key = JSON.stringify([row.service_id, row.kind]);
    const group = groups.get(key);
    if (group) {
      group.count++;
      group.dates.push(row.created_at);
    } else {
      groups.set(key, {
        serviceId: row.service_id,
        serviceName: row.name,
        kind: row.kind,
        reportId: row.id,
        createdAt: row.created_at,
        message: row.message,
        count: 1,
        dates: [row.created_at],
      });
    }
  }
  return [...groups.values()];
}

async function confirmationCounts(db: Kysely<DatabaseSchema>): Promise<ConfirmationCounts | null> {
  const tables = await db.introspection.getTables();
  if (!tables.some((table) => table.name === 'confirmation_link')) return null;
  const rows = await db
    .selectFrom('confirmation_link')
    .select(['used_answer', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy('used_answer')
    .execute();
  let made = 0;
  let answered = 0;
  const byAnswer: { answer: string; count: number }[] = [];
  for (const row of rows) {
    const count = Number(row.count);
    made += count;
    if (row.used_answer) {
      answered += count;
      byAnswer.push({ answer: row.used_answer, count });
    }
  }
  byAnswer.sort((a, b) => a.answer.localeCompare(b.answer));
  return { made, answered, byAnswer };
}

const WAITING_LISTED = 20;

async function reminderCounts(db: Kysely<DatabaseSchema>): Promise<ReminderCounts | null> {
  const tables = await db.introspection.getTables();
  if (!tables.some((table) => table.name === 'reminder')) return null;
  const rows = await db
    .selectFrom('reminder')
    .select(['stage', 'status', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['stage', 'status'])
    .execute();
  const byStage = REMINDER_STAGES.map((stage) => {
    const count = (status: string) => Number(rows.find((row) => row.stage === stage && row.status === status)?.count ?? 0);
    return { stage, sent: count('sent'), outbox: count('outbox'), failed: count('failed') };
  });
  const waitingRows = await db
    .selectFrom('reminder')
    .innerJoin('service', 'service.id', 'reminder.service_id')
    .select([
      'reminder.service_id',
      'service.name',
      'reminder.stage',
      'reminder.to_address',
      'reminder.subject',
      'reminder.created_at',
      'reminder.error',
      'reminder.attempts',
    ])
    .where('reminder.status', 'in', ['outbox', 'failed'])
    .orderBy('reminder.created_at', 'desc')
    .limit(WAITING_LISTED)
    .execute();
  return {
    byStage,
    waiting: waitingRows.map((row) => ({
      serviceId: row.service_id,
      serviceName: row.name,
      stage: row.stage,
      to: row.to_address,
      subject: row.subject,
      createdAt: row.created_at,
      error: row.error,
      attempts: row.attempts,
      givenUp: row.attempts >= MAX_SEND_ATTEMPTS,
    })),
    waitingTotal: byStage.reduce((sum, stage) => sum + stage.outbox + stage.failed, 0),
  };
}

export async function freshnessDashboard(db: Kysely<DatabaseSchema>, today: string, settings: FreshnessSettings): Promise<FreshnessDashboard> {
  const { summary, services } = await dashboardServices(db, today, settings);
  const horizon = addDays(today, FUNDING_LIST_DAYS);
  return {
    summary,
    byCategory: countBy(services, (service) => service.categories),
    byArea: countBy(services, (service) => [service.area]),
    oldestChecks: oldestChecks(services),
    fundingEnding: services
      .filter((service) => service.fundingEnd && service.fundingEnd >= today && service.fundingEnd <= horizon)
      .sort((a, b) => a.fundingEnd!.localeCompare(b.fundingEnd!) || a.name.localeCompare(b.name, 'en-GB')),
    fundingDays: FUNDING_LIST_DAYS,
    openReports: await openReports(db),
    confirmations: await confirmationCounts(db),
    reminders: await reminderCounts(db),
  };
}

// ---------------------------------------------------------------------------------------------
// The queue as CSV

export const QUEUE_COLUMNS = ['service_id', 'name', 'organisation', 'status', 'flags', 'last_checked', 'funding_end', 'contact_email', 'url'] as const;

/**
 * One CSV cell: a cell a spreadsheet would read as a formula (starting =, +, -, @, tab or carriage
 * return) gets a leading single quote; then any cell with a comma, quote or line break is quoted.
 */
export function csvCell(value: string | null | undefined): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: (string | null | undefined)[]): string {
  return values.map(csvCell).join(',');
}

/** Every listing not ok, stale first, then by name: one CSV line each after the header, CRLF line ends. */
export function queueCsv(services: DashboardService[]): string {
  const order: Record<FreshnessStatus, number> = { stale: 0, check: 1, ok: 2 };
  const queue = services
    .filter((service) => service.status !== 'ok')
    .sort((a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name, 'en-GB'));
  const lines = [csvRow([...QUEUE_COLUMNS])];
  for (const service of queue) {
    lines.push(
      csvRow([
        service.id,
        service.name,
        service.organization,
        service.status,
        service.flags.join('; '),
        service.lastChecked,
        service.fundingEnd,
        service.email,
        service.url,
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
