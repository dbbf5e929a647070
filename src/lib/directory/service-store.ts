// The one write path for services: every writer (a file import, a feed pull, the service editor,
// the review queue) stores validated records through storeServices, in one transaction: only the
// records that changed are written (by their hash), their rows through the bulk writer
// (service-writer.ts), another taxonomy's new terms mapped onto ours, and every service whose
// search document the change touches queued in the search outbox in the same transaction.
// Search takes them off the outbox (src/lib/search/outbox.ts): the writers that hold the search
// backend do it before their transaction commits, so what they wrote is found at once.
import type { Transaction } from 'kysely';
import type { DirectoryDatabase } from '../db/database';
import type { DatabaseSchema } from '../db/types';
import { inWriteTransaction } from '../db/writer';
import { queueSearchChanges } from '../db/search-outbox';
import type { ServiceRecord } from '../openreferral-schema/schemas';
import { isEmptyKept, type KeptProperties } from '../openreferral-schema/kept-properties';
import { pathText, type RecordError } from '../openreferral-schema/validate-record';
import { mapImportedTerms } from '../taxonomy/crosswalk-store';
import { IdConflictError, recordHash, writeServices } from './service-writer';

export { IdConflictError } from './service-writer';

const BATCH_SIZE = 500;
/** More records than this get SQLite's bigger page cache while they are written. */
const LARGE_STORE = 5_000;

type Trx = Transaction<DatabaseSchema>;

export interface StoreOptions {
  /** Where the records came from (a file name, feed address, "editor"), stored with each service. */
  source: string | null;
  /** By service id: what each record sent that has no column (kept-properties.ts). */
  kept?: Map<string, KeptProperties>;
  /**
   * Keep the objects already stored whole with each service (repeated and unfiled ones from its
   * feed), as the service editor does: the listing it edits is read without them.
   */
  keepStoredKept?: boolean;
  /** Who change_history names (default "import", with the source when there is one). */
  changedBy?: string | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Runs first inside the transaction: throwing abandons the write (the editor's check that nobody else changed the listing). */
  beforeWrite?: ((trx: Trx) => Promise<void>) | undefined;
  /** Runs last inside the transaction, after every record is written (publishing records its history there). */
  afterWrite?: ((trx: Trx) => Promise<void>) | undefined;
  /**
   * Takes a batch's services off the search outbox inside the transaction (applySearchOutbox in
   * src/lib/search/outbox.ts): the records just written, and other services their change touched
   * (sharing a place or organisation that changed). Left out, they wait there for the next run.
   */
  applySearch?: ((trx: Trx, written: ServiceRecord[], alsoTouched: string[]) => Promise<void>) | undefined;
}

export interface StoreOutcome {
  /** Records written because they were new or had changed. */
  written: number;
  unchanged: number;
}

/** What the stored services already keep whole, merged under what the records send now (keepStoredKept). */
async function withStoredKept(trx: Trx, records: ServiceRecord[], kept: Map<string, KeptProperties>): Promise<Map<string, KeptProperties>> {
  const merged = new Map(kept);
  const stored = await trx
    .selectFrom('service')
    .select(['id', 'extra_properties'])
    .where(
      'id',
      'in',
      records.map((record) => record.id),
    )
    .where('extra_properties', 'is not', null)
    .execute();
  for (const row of stored) {
    const before = JSON.parse(row.extra_properties!) as KeptProperties;
    const now = merged.get(row.id) ?? { properties: {}, kept: {} };
    const both = { ...now, kept: { ...before.kept, ...now.kept } };
    if (!isEmptyKept(both)) merged.set(row.id, both);
  }
  return merged;
}

/**
 * Stores validated service records (those changed since they were last stored) in one
 * transaction, and queues their search documents. Throws IdConflictError, writing nothing, when
 * a record's child row has an id another service's row already has.
 */
export async function storeServices(directory: DirectoryDatabase, records: ServiceRecord[], options: StoreOptions): Promise<StoreOutcome> {
  const counts = { written: 0, unchanged: 0 };
  await inWriteTransaction(directory, { large: records.length > LARGE_STORE }, async (trx, bulk) => {
    await options.beforeWrite?.(trx);
    const kept = options.keepStoredKept && records.length ? await withStoredKept(trx, records, options.kept ?? new Map()) : (options.kept ?? new Map());
    for (let start = 0; start < records.length; start += BATCH_SIZE) {
      const batch = records.slice(start, start + BATCH_SIZE);
      const stored = await bulk.storedHashes(
        'service',
        batch.map((record) => record.id),
      );
      const hashes = new Map(batch.map((record) => [record.id, recordHash(record, options.source, kept.get(record.id))]));
      const changed = batch.filter((record) => stored.get(record.id) !== hashes.get(record.id));
      counts.unchanged += batch.length - changed.length;
      if (changed.length) {
        const { affectedServiceIds } = await writeServices(bulk, changed, {
          source: options.source,
          now: new Date().toISOString(),
          hashes,
          existing: new Set(stored.keys()),
          kept,
          ...(options.changedBy ? { changedBy: options.changedBy } : {}),
        });
        // Another taxonomy's new terms are mapped onto our categories before indexing (the crosswalk).
        await mapImportedTerms(trx, changed);
        // Services sharing a place or organisation that changed show it in their results too.
        await queueSearchChanges(trx, [...changed.map((record) => record.id), ...affectedServiceIds]);
        await options.applySearch?.(trx, changed, affectedServiceIds);
        counts.written += changed.length;
      }
      options.onProgress?.(Math.min(start + BATCH_SIZE, records.length), records.length);
    }
    await options.afterWrite?.(trx);
  });
  return counts;
}

/** Where in a record an object with this id sits, e.g. "schedules[1].id". */
function pathOfId(value: unknown, id: string, path: (string | number)[] = []): (string | number)[] | null {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = pathOfId(value[i], id, [...path, i]);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    if (path.length && (value as { id?: unknown }).id === id) return [...path, 'id'];
    for (const [key, child] of Object.entries(value)) {
      if (child && typeof child === 'object') {
        const found = pathOfId(child, id, [...path, key]);
        if (found) return found;
      }
    }
  }
  return null;
}

export function conflictErrors(valid: { index: number; record: ServiceRecord }[], error: IdConflictError): RecordError[] {
  const byService = new Map(valid.map((entry) => [entry.record.id, entry]));
  const seen = new Set<string>();
  const errors: RecordError[] = [];
  for (const conflict of error.conflicts) {
    const entry = byService.get(conflict.serviceId);
    if (!entry || seen.has(`${entry.index}:${conflict.id}`)) continue;
    seen.add(`${entry.index}:${conflict.id}`);
    const what = conflict.table.replace(/_/g, ' ');
    errors.push({
      index: entry.index,
      id: entry.record.id,
      path: pathText(pathOfId(entry.record, conflict.id) ?? [conflict.table]),
      message: `is "${conflict.id}", which belongs to another service's ${what} (or another place's); each ${what} needs its own id`,
    });
  }
  return errors;
}

/** Taxonomy term ids named anywhere in the records; which of them the directory or the records themselves hold. */
export async function knownTerms(directory: DirectoryDatabase, rawRecords: unknown[]): Promise<Set<string>> {
  const carried = new Set<string>();
  const named = new Set<string>();
  const walk = (value: unknown, key: string | null) => {
    if (Array.isArray(value)) value.forEach((item) => walk(item, key));
    else if (value && typeof value === 'object') {
      const object = value as Record<string, unknown>;
      if (key === 'taxonomy_term' && typeof object.id === 'string') carried.add(object.id);
      if (typeof object.taxonomy_term_id === 'string') named.add(object.taxonomy_term_id);
      for (const [childKey, child] of Object.entries(object)) if (child && typeof child === 'object') walk(child, childKey);
    }
  };
  rawRecords.forEach((raw) => walk(raw, null));
  const missing = [...named].filter((id) => !carried.has(id));
  for (let i = 0; i < missing.length; i += 500) {
    const rows = await directory.db
      .selectFrom('taxonomy_term')
      .select('id')
      .where('id', 'in', missing.slice(i, i + 500))
      .execute();
    for (const row of rows) carried.add(row.id);
  }
  return carried;
}
