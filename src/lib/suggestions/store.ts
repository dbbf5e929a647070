// Storing a suggestion: a new service or a change to one, field by field (each field's value when
// suggested and the value suggested, as JSON), for the panel's review queue.
import type { Kysely, Transaction } from 'kysely';
import type { DatabaseSchema, SuggestionRow } from '../db/types';
import { newId } from '../ids';
import type { FieldDifference } from '../editing/publish';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

export type SuggestionSource = 'public' | 'link_worker' | 'org_editor' | 'panel' | 'admin' | 'provider_link';

export interface NewSuggestion {
  kind: 'change' | 'new';
  /** The listing changed, or (kind 'new') the id the new listing will have once published. */
  serviceId: string | null;
  source: SuggestionSource;
  suggestedBy?: string | null;
  contactEmail?: string | null;
  message?: string | null;
  baseVersion?: string | null;
  fields: FieldDifference[];
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
    id, kind: suggestion.kind, service_id: suggestion.kind === 'change' ? suggestion.serviceId : null, source: suggestion.source,
    suggested_by: suggestion.suggestedBy ?? null, contact_email: suggestion.contactEmail?.trim() || null,
    message: suggestion.message?.trim() || null, base_version: suggestion.baseVersion ?? null, created_at: now, closed_at: null, closed_by: null,
  };
  await trx.insertInto('suggestion').values(row).execute();
  if (suggestion.fields.length) {
    await trx.insertInto('suggestion_field').values(suggestion.fields.map((field) => ({
      suggestion_id: id, field: field.field, old_value: JSON.stringify(field.before ?? null), new_value: JSON.stringify(field.after ?? null),
      decision: null, note: null, decided_by: null, decided_at: null,
    }))).execute();
  }
}
