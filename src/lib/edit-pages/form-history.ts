// A listing's history of changes (change_history rows for the service and its funding), newest
// first, in words for the history page and as CSV with HSDS metadata column names.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { csvRow } from '../panel/freshness-dashboard';
import { describeValue, fieldLabel } from '../editing/describe';
import { can } from '../accounts/roles';
import { editorOrganisationIds } from '../accounts/users';
import type { SessionUser } from '../accounts/sessions';

export interface HistoryEntry {
  id: number;
  resourceType: string;
  resourceId: string;
  action: string;
  field: string;
  before: string | null;
  after: string | null;
  at: string;
  by: string;
  reason: string | null;
}

/** Funding ids in a stored value (funding rows are recorded by their own id; removed ones too). */
function fundingIdsIn(value: string | null): string[] {
  if (!value || !value.startsWith('[')) return [];
  try {
    const list = JSON.parse(value) as unknown;
    return Array.isArray(list)
      ? list.flatMap((item) => (item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? [(item as { id: string }).id] : []))
      : [];
  } catch {
    return [];
  }
}

/** Every change to the service and to its funding (present and past rows), newest first. */
export async function serviceHistory(db: Kysely<DatabaseSchema>, serviceId: string): Promise<HistoryEntry[]> {
  const serviceRows = await db.selectFrom('change_history').selectAll().where('entity', '=', 'service').where('entity_id', '=', serviceId).execute();
  const fundingIds = new Set((await db.selectFrom('funding').select('id').where('service_id', '=', serviceId).execute()).map((row) => row.id));
  for (const row of serviceRows)
    if (row.field === 'funding') for (const id of [...fundingIdsIn(row.old_value), ...fundingIdsIn(row.new_value)]) fundingIds.add(id);
  const fundingRows = fundingIds.size
    ? await db
        .selectFrom('change_history')
        .selectAll()
        .where('entity', '=', 'funding')
        .where('entity_id', 'in', [...fundingIds])
        .execute()
    : [];
  return [...serviceRows, ...fundingRows]
    .sort((a, b) => (a.changed_at < b.changed_at ? 1 : a.changed_at > b.changed_at ? -1 : b.id - a.id))
    .map((row) => ({
      id: row.id,
      resourceType: row.entity,
      resourceId: row.entity_id,
      action: row.action,
      field: row.field,
      before: row.old_value,
      after: row.new_value,
      at: row.changed_at,
      by: row.changed_by,
      reason: row.reason,
    }));
}

/** A stored value in words: JSON lists and objects are read back first. */
export function historyValueLines(field: string, value: string | null): string[] {
  if (value == null) return describeValue(field, null);
  if (/^[[{]/.test(value)) {
    try {
      return describeValue(field, JSON.parse(value));
    } catch {
      /* plain text that looks like JSON */
    }
  }
  return describeValue(field, value);
}

/** The field in words; funding rows say which part of the funding. */
export function historyFieldLabel(entry: Pick<HistoryEntry, 'resourceType' | 'field'>): string {
  if (entry.resourceType === 'funding')
    return `Funding: ${{ source: 'who pays', start_date: 'start date', end_date: 'end date' }[entry.field] ?? entry.field.replace(/_/g, ' ')}`;
  if (entry.field === 'organization_id') return 'Organisation';
  if (entry.field === 'id') return 'Listing added';
  return fieldLabel(entry.field);
}

export const HISTORY_CSV_COLUMNS = [
  'resource_id',
  'resource_type',
  'last_action_date',
  'last_action_type',
  'field_name',
  'previous_value',
  'replacement_value',
  'updated_by',
  'reason',
] as const;

/** The history as CSV (HSDS metadata names), formula-safe, CRLF line ends. */
export function historyCsv(entries: HistoryEntry[]): string {
  const lines = [csvRow([...HISTORY_CSV_COLUMNS])];
  for (const entry of entries) {
    lines.push(csvRow([entry.resourceId, entry.resourceType, entry.at, entry.action, entry.field, entry.before, entry.after, entry.by, entry.reason]));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** May this person see this listing's history? The panel and admins always; org editors only for their own organisations. */
export async function canViewHistory(db: Kysely<DatabaseSchema>, user: SessionUser, organisationId: string): Promise<boolean> {
  if (!can(user.role, 'history:view')) return false;
  if (can(user.role, 'service:edit-any')) return true;
  return (await editorOrganisationIds(db, user.id)).includes(organisationId);
}
