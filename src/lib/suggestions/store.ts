// Storing and reading suggestions: a new service or a change to one, field by field (each field's
// value when suggested and the value suggested, as JSON), for the panel's review queue.
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema, SuggestionFieldRow, SuggestionRow } from '../db/types';
import { newId } from '../ids';
import type { FieldDifference, RecordField } from '../editing/publish';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export type SuggestionSource = 'public' | 'link_worker' | 'org_editor' | 'panel' | 'admin' | 'provider_link';

/**
 * Fields that are not fields of the record. `note:<what>` is said in words (times, an address) for
 * a reviewer to read and make by hand; `new:<what>` is a part of a suggested new service that is
 * not a record field of its own (its organisation's name, its address in words).
 */
export type PseudoField = `note:${string}` | `new:${string}`;

/** One suggested field: a record field (published as it is when accepted) or a pseudo field. */
export interface SuggestedField {
  field: RecordField | PseudoField;
  before: unknown;
  after: unknown;
}

export function isNoteField(field: string): field is `note:${string}` {
  return field.startsWith('note:');
}

export interface NewSuggestion {
  kind: 'change' | 'new';
  /** The listing changed, or (kind 'new') the id the new listing will have once published. */
  serviceId: string | null;
  source: SuggestionSource;
  suggestedBy?: string | null;
  contactEmail?: string | null;
  message?: string | null;
  baseVersion?: string | null;
  fields: (FieldDifference | SuggestedField)[];
  now?: Date;
}

/** Stores the suggestion and its fields in one transaction; returns its id. */
export async function createSuggestion(db: Kysely<DatabaseSchema>, suggestion: NewSuggestion): Promise<string> {
  const id = newId();
  const now = (suggestion.now ?? new Date()).toISOString();
  await db.transaction().execute(async (trx) => {
    await insertSuggestion(trx, id, now, suggestion);
  });
  return id;
}

/** The same, inside a transaction the caller already has. */
export async function insertSuggestion(trx: Db, id: string, now: string, suggestion: NewSuggestion): Promise<void> {
  const row: Omit<SuggestionRow, 'status'> = {
    id,
    kind: suggestion.kind,
    service_id: suggestion.kind === 'change' ? suggestion.serviceId : null,
    source: suggestion.source,
    suggested_by: suggestion.suggestedBy ?? null,
    contact_email: suggestion.contactEmail?.trim() || null,
    message: suggestion.message?.trim() || null,
    base_version: suggestion.baseVersion ?? null,
    created_at: now,
    closed_at: null,
    closed_by: null,
  };
  await trx.insertInto('suggestion').values(row).execute();
  if (suggestion.fields.length) {
    await trx
      .insertInto('suggestion_field')
      .values(
        suggestion.fields.map((field) => ({
          suggestion_id: id,
          field: field.field,
          old_value: JSON.stringify(field.before ?? null),
          new_value: JSON.stringify(field.after ?? null),
          decision: null,
          note: null,
          decided_by: null,
          decided_at: null,
        })),
      )
      .execute();
  }
}

/** A suggestion's field as read back: its values parsed from JSON. */
export interface StoredField {
  id: number;
  field: string;
  before: unknown;
  after: unknown;
  decision: 'accepted' | 'rejected' | null;
  note: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

export interface StoredSuggestion {
  suggestion: SuggestionRow;
  fields: StoredField[];
  /** The listing's name now (kind 'change'), or the suggested name (kind 'new'). */
  title: string;
  /** The email of the account that made it, if someone signed in made it. */
  suggestedByEmail: string | null;
}

const parse = (json: string | null): unknown => (json == null ? null : JSON.parse(json));

export function storedField(row: SuggestionFieldRow): StoredField {
  return {
    id: row.id,
    field: row.field,
    before: parse(row.old_value),
    after: parse(row.new_value),
    decision: row.decision,
    note: row.note,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
  };
}

/** The name a suggested new service would have, from its fields. */
function suggestedName(fields: { field: string; new_value: string | null }[]): string {
  const name = fields.find((field) => field.field === 'name');
  const value = name ? parse(name.new_value) : null;
  return typeof value === 'string' && value.trim() ? value.trim() : 'a service with no name';
}

/** One suggestion with its fields, or undefined. */
export async function readSuggestion(db: Db, id: string): Promise<StoredSuggestion | undefined> {
  const suggestion = await db.selectFrom('suggestion').selectAll().where('id', '=', id).executeTakeFirst();
  if (!suggestion) return undefined;
  const rows = await db.selectFrom('suggestion_field').selectAll().where('suggestion_id', '=', id).orderBy('id').execute();
  const service = suggestion.service_id ? await db.selectFrom('service').select('name').where('id', '=', suggestion.service_id).executeTakeFirst() : undefined;
  const account = suggestion.suggested_by
    ? await db.selectFrom('user_account').select('email').where('id', '=', suggestion.suggested_by).executeTakeFirst()
    : undefined;
  return {
    suggestion,
    fields: rows.map(storedField),
    title: suggestion.kind === 'new' ? suggestedName(rows) : (service?.name ?? 'a listing that is no longer there'),
    suggestedByEmail: account?.email ?? null,
  };
}

export interface SuggestionSummary {
  id: string;
  kind: 'change' | 'new';
  serviceId: string | null;
  /** The service's name, or "New: <name>". */
  title: string;
  source: string;
  createdAt: string;
  closedAt: string | null;
  fieldCount: number;
}

/** Open suggestions (newest first), or the last `limit` closed ones (most recently closed first). */
export async function listSuggestions(db: Db, status: 'open' | 'closed', limit = 500): Promise<SuggestionSummary[]> {
  const rows = await db
    .selectFrom('suggestion')
    .leftJoin('service', 'service.id', 'suggestion.service_id')
    .select([
      'suggestion.id',
      'suggestion.kind',
      'suggestion.service_id',
      'suggestion.source',
      'suggestion.created_at',
      'suggestion.closed_at',
      'service.name as service_name',
    ])
    .where('suggestion.status', '=', status)
    .orderBy(status === 'open' ? 'suggestion.created_at' : 'suggestion.closed_at', 'desc')
    .limit(limit)
    .execute();
  if (!rows.length) return [];
  const fields = await db
    .selectFrom('suggestion_field')
    .select(['suggestion_id', 'field', 'new_value'])
    .where(
      'suggestion_id',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
  return rows.map((row) => {
    const own = fields.filter((field) => field.suggestion_id === row.id);
    return {
      id: row.id,
      kind: row.kind,
      serviceId: row.service_id,
      source: row.source,
      createdAt: row.created_at,
      closedAt: row.closed_at,
      title: row.kind === 'new' ? `New: ${suggestedName(own)}` : (row.service_name ?? 'A listing that is no longer there'),
      fieldCount: own.length,
    };
  });
}

/** How many suggestions are open. */
export async function countOpenSuggestions(db: Db): Promise<number> {
  const row = await db
    .selectFrom('suggestion')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A short reference for a suggestion, for history and emails: the first 8 characters of its id. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}
