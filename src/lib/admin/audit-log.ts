// The audit log as admins read it (/panel/audit and its CSV): events newest first, filtered by
// kind, a page at a time, each in plain words ("Role changed: Community panel member to
// Administrator"), with who did it.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { isRole, ROLE_NAMES } from '../accounts/roles';
import { longDate, todayInUk } from '../dates';
import { csvRow } from '../panel/freshness-dashboard';

export const AUDIT_PAGE_SIZE = 100;

/** Each kind of event, in the words the log uses (also the filter's choices, in this order). */
export const AUDIT_EVENT_NAMES: Record<string, string> = {
  sign_in: 'Signed in',
  sign_in_failed: 'Failed sign-in',
  sign_in_throttled: 'Sign-in blocked: too many tries',
  sign_out: 'Signed out',
  invited: 'Invited',
  invitation_revoked: 'Invitation withdrawn',
  invitation_accepted: 'Invitation accepted',
  role_changed: 'Role changed',
  user_disabled: 'Account disabled',
  user_enabled: 'Account enabled again',
  editor_added: 'Made an organisation editor',
  editor_removed: 'No longer an organisation editor',
  organisation_trusted: 'Organisation trusted to publish',
  organisation_untrusted: 'Organisation no longer trusted',
  admin_created: 'First administrator created',
  password_reset_sent: 'Sent a link to set a new password',
  password_reset: 'Chose a new password',
};

const roleName = (code: string) => (isRole(code) ? ROLE_NAMES[code] : code);

/** "Role changed: Community panel member to Administrator", "Invited as Link worker", ... */
export function describeAuditEvent(event: { event: string; detail: string | null }): string {
  const name = AUDIT_EVENT_NAMES[event.event] ?? event.event.replace(/_/g, ' ').replace(/^./, (first) => first.toUpperCase());
  const detail = event.detail?.trim();
  if (!detail) return name;
  switch (event.event) {
    case 'role_changed': {
      const match = /^(\w+) to (\w+)$/.exec(detail);
      return match ? `${name}: ${roleName(match[1]!)} to ${roleName(match[2]!)}` : `${name}: ${detail}`;
    }
    case 'invited':
    case 'invitation_accepted':
      return `${name} as ${roleName(detail)}`;
    case 'organisation_trusted':
    case 'organisation_untrusted':
      return name; // the detail is the organisation's id; its name is the subject

    default:
      return `${name} (${detail})`;
  }
}

/** "22 November 2026 at 09:05", in UK time. */
export function whenInWords(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${longDate(todayInUk(at))} at ${time}`;
}

export interface AuditEntry {
  id: number;
  at: string;
  event: string;
  words: string;
  actor: string | null;
  subject: string | null;
  detail: string | null;
}

export interface AuditQuery {
  event?: string | null;
  page?: number;
  pageSize?: number;
}

/** One page of the log, newest first, and whether there are more. */
export async function auditPage(
  db: Kysely<DatabaseSchema>,
  query: AuditQuery = {},
): Promise<{ entries: AuditEntry[]; total: number; page: number; pages: number }> {
  const pageSize = query.pageSize ?? AUDIT_PAGE_SIZE;
  let base = db.selectFrom('audit_event');
  if (query.event) base = base.where('audit_event.event', '=', query.event);
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(query.page ?? 1)), pages);
  const rows = await base
    .leftJoin('user_account', 'user_account.id', 'audit_event.actor_id')
    .select(['audit_event.id', 'audit_event.at', 'audit_event.event', 'audit_event.subject', 'audit_event.detail', 'user_account.name', 'user_account.email'])
    .orderBy('audit_event.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { entries: rows.map(toEntry), total, page, pages };
}

/** Every entry (of one kind, if asked), newest first, for the CSV. */
export async function allAuditEntries(db: Kysely<DatabaseSchema>, event?: string | null): Promise<AuditEntry[]> {
  let query = db
    .selectFrom('audit_event')
    .leftJoin('user_account', 'user_account.id', 'audit_event.actor_id')
    .select(['audit_event.id', 'audit_event.at', 'audit_event.event', 'audit_event.subject', 'audit_event.detail', 'user_account.name', 'user_account.email']);
  if (event) query = query.where('audit_event.event', '=', event);
  return (await query.orderBy('audit_event.id', 'desc').execute()).map(toEntry);
}

function toEntry(row: {
  id: number;
  at: string;
  event: string;
  subject: string | null;
  detail: string | null;
  name: string | null;
  email: string | null;
}): AuditEntry {
  const actor = row.email ? (row.name ? `${row.name} (${row.email})` : row.email) : null;
  return { id: row.id, at: row.at, event: row.event, words: describeAuditEvent(row), actor, subject: row.subject, detail: row.detail };
}

/** The event kinds to filter by: the known ones, then any others found in the log. */
export async function auditEventKinds(db: Kysely<DatabaseSchema>): Promise<{ code: string; name: string }[]> {
  const found = (await db.selectFrom('audit_event').select('event').distinct().execute()).map((row) => row.event);
  const codes = [...Object.keys(AUDIT_EVENT_NAMES), ...found.filter((code) => !(code in AUDIT_EVENT_NAMES)).sort()];
  return codes.map((code) => ({ code, name: AUDIT_EVENT_NAMES[code] ?? code.replace(/_/g, ' ') }));
}

export const AUDIT_CSV_COLUMNS = ['at', 'event', 'what_happened', 'done_by', 'about', 'detail'] as const;

/** The log as CSV (CRLF line ends); cells that a spreadsheet would run as a formula are made safe. */
export function auditCsv(entries: AuditEntry[]): string {
  const lines = [csvRow([...AUDIT_CSV_COLUMNS])];
  for (const entry of entries) lines.push(csvRow([entry.at, entry.event, entry.words, entry.actor, entry.subject, entry.detail]));
  return `${lines.join('\r\n')}\r\n`;
}
