// Publishing a listing someone has edited (or a suggestion's accepted fields): validated with the
// same zod schema as every import, stored through the one write path (src/lib/directory/
// service-store.ts) in one transaction with its search document, refused
// if someone else changed the listing since it was opened (optimistic concurrency), and every
// changed field recorded in change_history with who did it.
import { createHash } from 'node:crypto';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { todayInUk } from '../dates';
import type { DirectoryDatabase } from '../db/database';
import type { DatabaseSchema } from '../db/types';
import { HISTORY_SERVICE_FIELDS } from '../directory/service-writer';
import { readServices } from '../directory/service-reader';
import { IdConflictError, conflictErrors, knownTerms, storeServices } from '../directory/service-store';
import { validateRecord, type RecordError } from '../openreferral-schema/validate-record';
import { isEmptyKept } from '../openreferral-schema/kept-properties';
import type { ServiceRecord } from '../openreferral-schema/schemas';
import type { SearchBackend } from '../search/search-backend';
import { applySearchOutbox } from '../search/outbox';

type Db = Kysely<DatabaseSchema> | Transaction<DatabaseSchema>;

/** The version of a listing as read: a hash of its whole record. Any change anywhere gives a new one. */
export function recordVersion(record: ServiceRecord): string {
  return createHash('sha256').update(JSON.stringify(record)).digest('base64url').slice(0, 22);
}

export async function readRecord(db: Db, id: string): Promise<ServiceRecord | null> {
  return (await readServices(db, [id]))[0] ?? null;
}

/** Top-level fields of a record that people edit, in the order an editor shows them. */
export const RECORD_FIELDS = [
  'name',
  'alternate_name',
  'description',
  'organization',
  'status',
  'alert',
  'url',
  'email',
  'service_at_locations',
  'schedules',
  'cost_options',
  'fees',
  'fees_description',
  'funding',
  'referral_routes',
  'referral_instructions',
  'first_visit',
  'eligibility_description',
  'not_for',
  'minimum_age',
  'maximum_age',
  'capacity_status',
  'waiting_weeks',
  'capacity_updated',
  'delivery_modes',
  'support_to_attend',
  'transport_offered',
  'home_visits',
  'group_size',
  'attributes',
  'phones',
  'contacts',
  'languages',
  'service_areas',
  'accreditations',
  'assured_date',
  'assurer_email',
] as const satisfies readonly (keyof ServiceRecord)[];
export type RecordField = (typeof RECORD_FIELDS)[number];

export interface FieldDifference {
  field: RecordField;
  before: unknown;
  after: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The top-level fields whose values differ between two versions of a record. */
export function diffRecords(before: ServiceRecord | null, after: ServiceRecord): FieldDifference[] {
  return RECORD_FIELDS.filter((field) => !same(before?.[field], after[field])).map((field) => ({
    field,
    before: before?.[field] ?? null,
    after: after[field] ?? null,
  }));
}

export class EditConflictError extends Error {
  constructor(
    readonly current: ServiceRecord | null,
    readonly currentVersion: string | null,
  ) {
    super('Someone else changed this listing after you opened it.');
  }
}

export class InvalidRecordError extends Error {
  constructor(readonly errors: RecordError[]) {
    super(`The listing is not valid: ${errors.map((error) => `${error.path} ${error.message}`).join('; ')}`);
  }
}

export interface PublishOptions {
  /** The version the editor opened (null for a new listing: then the id must not exist yet). */
  expectedVersion: string | null;
  /** Who is publishing, as change_history names them: "user <email>", ... */
  changedBy: string;
  /** Why, in words (e.g. "Suggestion 12 accepted"), kept with each history row. */
  reason?: string | null;
  now?: Date;
  /**
   * Runs last inside the write transaction, after the listing and its history are written (for
   * what must happen with it or not at all, such as resolving the problem reports it answers).
   * Throwing undoes the whole publish.
   */
  alsoInTransaction?: (trx: Transaction<DatabaseSchema>) => Promise<void>;
}

export interface PublishResult {
  record: ServiceRecord;
  version: string;
  changes: FieldDifference[];
}

/**
 * Validates and writes `record` as the listing's new version. Throws InvalidRecordError (with
 * each field's problem), or EditConflictError when the stored listing is no longer the version
 * the editor opened; in both cases nothing is written.
 */
export async function publishRecord(
  directory: DirectoryDatabase,
  search: SearchBackend,
  record: ServiceRecord,
  options: PublishOptions,
): Promise<PublishResult> {
  const now = options.now ?? new Date();
  const edited = { ...record, last_modified: now.toISOString() };
  let before = null as ServiceRecord | null;
  let stored = null as ServiceRecord | null;
  let changes: FieldDifference[] = [];
  let lastHistoryId = 0;
  const source = (await directory.db.selectFrom('service').select('source').where('id', '=', record.id).executeTakeFirst())?.source ?? 'editor';
  const at = now.toISOString();
  const reason = options.reason ?? null;
  const terms = await knownTerms(directory, [edited]);
  const checked = validateRecord(edited, 0, (id) => terms.has(id));
  if ('errors' in checked) throw new InvalidRecordError(checked.errors);
  const today = todayInUk(now);
  const store = () =>
    storeServices(directory, [checked.record], {
      source,
      changedBy: options.changedBy,
      keepStoredKept: true,
      kept: isEmptyKept(checked.kept) ? new Map() : new Map([[checked.record.id, checked.kept]]),
      applySearch: (trx, written, alsoTouched) => applySearchOutbox(trx, search, today, { records: written, serviceIds: alsoTouched }).then(() => undefined),
      beforeWrite: async (trx) => {
        before = await readRecord(trx, record.id);
        const version = before ? recordVersion(before) : null;
        if (version !== options.expectedVersion) throw new EditConflictError(before, version);
        lastHistoryId = Number(
          (
            await trx
              .selectFrom('change_history')
              .select((eb) => eb.fn.max('id').as('id'))
              .executeTakeFirst()
          )?.id ?? 0,
        );
      },
      // The history is written in the same transaction as the listing: both, or neither.
      afterWrite: async (trx) => {
        stored = await readRecord(trx, record.id);
        if (!stored) return;
        changes = diffRecords(before, stored);
        // writeServices has recorded its own fields (status, checks, capacity, funding, contact
        // details); the rest of the record's fields are recorded here, whole (lists as JSON).
        const tracked = new Set<string>([...HISTORY_SERVICE_FIELDS, 'funding']);
        const rows: Insertable<DatabaseSchema['change_history']>[] = [];
        if (!before)
          rows.push({
            entity: 'service',
            entity_id: record.id,
            action: 'create',
            field: 'id',
            old_value: null,
            new_value: record.id,
            changed_at: at,
            changed_by: options.changedBy,
            reason,
          });
        for (const change of changes) {
          if (before && tracked.has(change.field)) continue;
          rows.push({
            entity: 'service',
            entity_id: record.id,
            action: before ? 'update' : 'create',
            field: change.field,
            old_value: historyValue(change.before),
            new_value: historyValue(change.after),
            changed_at: at,
            changed_by: options.changedBy,
            reason,
          });
        }
        if (rows.length) await trx.insertInto('change_history').values(rows).execute();
        // The rows writeServices wrote in this transaction carry the reason too.
        if (reason) await trx.updateTable('change_history').set({ reason }).where('id', '>', lastHistoryId).where('reason', 'is', null).execute();
        await options.alsoInTransaction?.(trx);
      },
    });
  try {
    await store();
  } catch (error) {
    if (error instanceof IdConflictError) throw new InvalidRecordError(conflictErrors([{ index: 0, record: checked.record }], error));
    throw error;
  }
  const published = stored ?? (await readRecord(directory.db, record.id))!;
  return { record: published, version: recordVersion(published), changes };
}

function historyValue(value: unknown): string | null {
  if (value == null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
