// Imports Open Referral UK service records: reads a feed's shape, validates every record with
// zod, and upserts the valid ones (and their search documents) in one transaction.
import { todayInUk } from '../dates';
import type { Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import type { DirectoryDatabase } from '../db/database';
import { serviceSchema, type ServiceRecord } from './schemas';
import { IdConflictError, recordHash, writeServices } from '../directory/service-writer';
import { bulkWriter } from '../db/bulk-writer';
import { readServices } from '../directory/service-reader';
import type { SearchBackend } from '../search/search-backend';
import { indexRecords } from '../search/reindex';
import { mapImportedTerms } from '../taxonomy/crosswalk-store';

export interface RecordError {
  /** Position of the record in the file, counting from 0. */
  index: number;
  id: string | null;
  /** Where in the record, e.g. "schedules[0].opens_at". */
  path: string;
  message: string;
}

export interface ImportOptions {
  /** Import nothing at all if any record is invalid. */
  strict?: boolean;
  /** Where the records came from (a file name or feed address), stored with each service. */
  source?: string | null;
  /** Today's date (YYYY-MM-DD), for wording schedules and costs in search documents. */
  today?: string;
  onProgress?: (done: number, total: number) => void;
  /** Who change_history names for what this import changes (default "import" or "import from <source>"). */
  changedBy?: string;
  /**
   * Runs first inside the write transaction (after validation): the service editor checks there
   * that nobody else changed the listing since it was opened. Throwing abandons the write.
   */
  beforeWrite?: (trx: Transaction<DatabaseSchema>) => Promise<void>;
  /** Runs last inside the write transaction, after every record is written (publishing records its history there). */
  afterWrite?: (trx: Transaction<DatabaseSchema>) => Promise<void>;
}

export interface ImportReport {
  total: number;
  /** Things worth fixing that did not stop a record being imported. */
  warnings: RecordError[];
  /** Records written because they were new or had changed. */
  written: number;
  unchanged: number;
  invalid: RecordError[];
  /** True when --strict stopped the import because of invalid records. */
  abandoned: boolean;
}

const BATCH_SIZE = 500;

/** The records in a feed: one service, an array of them, or a page ({ "contents": [...] }). */
export function recordsOf(feed: unknown): unknown[] {
  if (Array.isArray(feed)) return feed;
  if (feed && typeof feed === 'object') {
    const contents = (feed as { contents?: unknown }).contents;
    if (Array.isArray(contents)) return contents;
    if ('id' in feed || 'name' in feed) return [feed];
  }
  throw new Error('The file is not Open Referral service data: expected a service, an array of services, or an object with a "contents" array.');
}

export function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)), '') || '(record)';
}

function idOf(raw: unknown): string | null {
  const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}

/** Problems that do not stop a record being imported but that a person should fix. */
export function recordWarnings(record: ServiceRecord, index: number): RecordError[] {
  const warnings: RecordError[] = [];
  record.service_at_locations.forEach(({ location }, i) => {
    const { latitude, longitude } = location;
    if ((latitude != null && Math.abs(latitude) > 90) || (longitude != null && Math.abs(longitude) > 180)) {
      warnings.push({
        index, id: record.id, path: `service_at_locations[${i}].location`,
        message: `has latitude ${latitude} and longitude ${longitude}, which is not a real place; it will not be shown on maps or used for distance`,
      });
    }
    // The transport extension says how to get to a building; only physical places are one.
    if (location.transport && location.location_type !== 'physical') {
      warnings.push({
        index, id: record.id, path: `service_at_locations[${i}].location.transport`,
        message: `is given for a ${location.location_type} place, so it will not be shown or used by the transport filter; give it on the physical place instead`,
      });
    }
  });
  return warnings;
}

export function validateRecord(raw: unknown, index: number): { record: ServiceRecord } | { errors: RecordError[] } {
  const result = serviceSchema.safeParse(raw);
  if (result.success) return { record: result.data };
  return {
    errors: result.error.issues.map((issue) => ({
      index, id: idOf(raw), path: pathText(issue.path), message: issue.message,
    })),
  };
}

/** Attributes that name a taxonomy term by id alone must name one the directory knows. */
async function unknownTermErrors(directory: DirectoryDatabase, valid: { index: number; record: ServiceRecord }[]): Promise<RecordError[]> {
  const carried = new Set<string>();
  const referenced = new Map<string, { index: number; id: string; path: string }[]>();
  for (const { index, record } of valid) {
    const visit = (attributes: ServiceRecord['attributes'], prefix: string) => attributes.forEach((attribute, i) => {
      if (attribute.taxonomy_term) carried.add(attribute.taxonomy_term.id);
      else if (attribute.taxonomy_term_id) {
        const list = referenced.get(attribute.taxonomy_term_id) ?? [];
        list.push({ index, id: record.id, path: `${prefix}attributes[${i}].taxonomy_term_id` });
        referenced.set(attribute.taxonomy_term_id, list);
      }
    });
    visit(record.attributes, '');
    record.service_at_locations.forEach((sal, i) => visit(sal.location.attributes, `service_at_locations[${i}].location.`));
  }
  const missing = [...referenced.keys()].filter((id) => !carried.has(id));
  if (!missing.length) return [];
  const known = new Set(
    (await directory.db.selectFrom('taxonomy_term').select('id').where('id', 'in', missing).execute()).map((row) => row.id),
  );
  return missing
    .filter((id) => !known.has(id))
    .flatMap((id) => referenced.get(id)!.map((place) => ({
      ...place, message: `names taxonomy term "${id}", which is not in the directory and not given in the file`,
    })));
}

export async function importRecords(
  directory: DirectoryDatabase,
  search: SearchBackend,
  rawRecords: unknown[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const today = options.today ?? todayInUk();
  const source = options.source ?? null;
  const invalid: RecordError[] = [];
  let valid: { index: number; record: ServiceRecord }[] = [];
  const seen = new Map<string, number>();
  rawRecords.forEach((raw, index) => {
    const outcome = validateRecord(raw, index);
    if ('errors' in outcome) {
      invalid.push(...outcome.errors);
      return;
    }
    const earlier = seen.get(outcome.record.id);
    if (earlier !== undefined) {
      invalid.push({ index, id: outcome.record.id, path: 'id', message: `is the same as record ${earlier}'s; each service needs its own id` });
      return;
    }
    seen.set(outcome.record.id, index);
    valid.push({ index, record: outcome.record });
  });
  const termErrors = await unknownTermErrors(directory, valid);
  if (termErrors.length) {
    invalid.push(...termErrors);
    const bad = new Set(termErrors.map((error) => error.index));
    valid = valid.filter(({ index }) => !bad.has(index));
  }
  invalid.sort((a, b) => a.index - b.index);
  const warnings = valid.flatMap(({ index, record }) => recordWarnings(record, index));
  const report: ImportReport = { total: rawRecords.length, warnings, written: 0, unchanged: 0, invalid, abandoned: false };
  if (options.strict && invalid.length) {
    report.abandoned = true;
    return report;
  }

  // A large import touches pages all over the database: give it a bigger page cache meanwhile.
  const cacheSize = directory.sqlite.pragma('cache_size', { simple: true }) as number;
  if (valid.length > 5_000) directory.sqlite.pragma('cache_size = -262144');
  try {
    // An id already owned by another service's row only shows when writing: the transaction is
    // rolled back, the records concerned are reported invalid, and the rest written again.
    for (;;) {
      try {
        Object.assign(report, await writeValid(directory, search, valid, {
          source, today, onProgress: options.onProgress, changedBy: options.changedBy, beforeWrite: options.beforeWrite, afterWrite: options.afterWrite,
        }));
        break;
      } catch (error) {
        if (!(error instanceof IdConflictError)) throw error;
        const refused = conflictErrors(valid, error);
        invalid.push(...refused);
        invalid.sort((a, b) => a.index - b.index);
        const bad = new Set(refused.map((e) => e.index));
        valid = valid.filter(({ index }) => !bad.has(index));
        report.warnings = report.warnings.filter((warning) => !bad.has(warning.index));
        if (options.strict) {
          report.abandoned = true;
          return report;
        }
      }
    }
  } finally {
    directory.sqlite.pragma(`cache_size = ${cacheSize}`);
  }
  return report;
}

/** Writes the valid records (those changed since they were last imported) and their search documents, in one transaction. */
async function writeValid(
  directory: DirectoryDatabase,
  search: SearchBackend,
  valid: { index: number; record: ServiceRecord }[],
  options: {
    source: string | null; today: string; onProgress?: ((done: number, total: number) => void) | undefined;
    changedBy?: string | undefined; beforeWrite?: ((trx: Transaction<DatabaseSchema>) => Promise<void>) | undefined;
    afterWrite?: ((trx: Transaction<DatabaseSchema>) => Promise<void>) | undefined;
  },
): Promise<{ written: number; unchanged: number }> {
  const counts = { written: 0, unchanged: 0 };
  await directory.db.transaction().execute(async (trx) => {
    await options.beforeWrite?.(trx);
    for (let start = 0; start < valid.length; start += BATCH_SIZE) {
      const batch = valid.slice(start, start + BATCH_SIZE).map(({ record }) => record);
      const stored = bulkWriter(directory.sqlite).storedHashes('service', batch.map((record) => record.id));
      const hashes = new Map(batch.map((record) => [record.id, recordHash(record, options.source)]));
      const changed = batch.filter((record) => stored.get(record.id) !== hashes.get(record.id));
      counts.unchanged += batch.length - changed.length;
      if (changed.length) {
        // Raw statements on trx's connection, and so part of this transaction; the SQLite
        // search backend writes on the same connection too.
        const { affectedServiceIds } = writeServices(directory, changed, {
          source: options.source, now: new Date().toISOString(), hashes, existing: new Set(stored.keys()),
          ...(options.changedBy ? { changedBy: options.changedBy } : {}),
        });
        // Another taxonomy's new terms are mapped onto our categories before indexing (the crosswalk).
        await mapImportedTerms(trx, changed);
        // Services sharing a place or organisation that changed show it in their results too.
        const affected = affectedServiceIds.length ? await readServices(trx, affectedServiceIds) : [];
        await indexRecords(trx, search, [...changed, ...affected], options.today);
        counts.written += changed.length;
      }
      options.onProgress?.(Math.min(start + BATCH_SIZE, valid.length), valid.length);
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

function conflictErrors(valid: { index: number; record: ServiceRecord }[], error: IdConflictError): RecordError[] {
  const byService = new Map(valid.map((entry) => [entry.record.id, entry]));
  const seen = new Set<string>();
  const errors: RecordError[] = [];
  for (const conflict of error.conflicts) {
    const entry = byService.get(conflict.serviceId);
    if (!entry || seen.has(`${entry.index}:${conflict.id}`)) continue;
    seen.add(`${entry.index}:${conflict.id}`);
    const what = conflict.table.replace(/_/g, ' ');
    errors.push({
      index: entry.index, id: entry.record.id, path: pathText(pathOfId(entry.record, conflict.id) ?? [conflict.table]),
      message: `is "${conflict.id}", which belongs to another service's ${what} (or another place's); each ${what} needs its own id`,
    });
  }
  return errors;
}
