// Imports Open Referral UK service records: reads a feed's shape, validates every record with
// zod, and upserts the valid ones (and their search documents) in one transaction.
import { todayInUk } from '../dates';
import type { Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import type { DirectoryDatabase } from '../db/database';
import { serviceSchema, type ServiceRecord } from '../openreferral-schema/schemas';
import { canonicalJson, isEmptyKept, originalPath, separateRepeats, unknownProperties, type KeptProperties, type Notice } from '../openreferral-schema/kept-properties';
import { isStandInOrganization, normaliseRecord } from '../openreferral-schema/normalise-record';
import { IdConflictError, recordHash, writeServices } from '../directory/service-writer';
import { inWriteTransaction } from '../db/writer';
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
  /**
   * Keep the objects stored whole with each service (repeated and unfiled ones from its feed),
   * as the service editor does: the listing it edits is read without them.
   */
  keepKeptObjects?: boolean;
  /** Runs last inside the write transaction, after every record is written (publishing records its history there). */
  afterWrite?: (trx: Transaction<DatabaseSchema>) => Promise<void>;
}

export interface ImportReport {
  total: number;
  /** Things worth fixing that did not stop a record being imported. */
  warnings: RecordError[];
  /** Values read from a looser form than the standard's (a date as 15/03/2023), and stand-ins given. */
  normalised: RecordError[];
  /** Objects kept and served back as sent but not used by the directory (an attribute with no term). */
  keptWhole: RecordError[];
  /** Values sent that are not kept, and why (a copy of another directory's freshness, worked out here instead). */
  dropped: RecordError[];
  /** Records written because they were new or had changed. */
  written: number;
  unchanged: number;
  invalid: RecordError[];
  /** True when --strict stopped the import because of invalid records. */
  abandoned: boolean;
}

const BATCH_SIZE = 500;
/** More records than this get SQLite's bigger page cache while they are written. */
const LARGE_IMPORT = 5_000;

type JsonObject = Record<string, unknown>;
const isJsonObject = (value: unknown): value is JsonObject => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/**
 * The services an entry of a feed holds: a service is itself; an organisation (organization_full)
 * holds its services, each imported under it (its other fields kept with it, served back); a
 * service at one place (service_at_location_full) is its service with that place.
 */
function servicesIn(entry: unknown): unknown[] {
  if (!isJsonObject(entry) || 'status' in entry) return [entry];
  if (Array.isArray(entry.services)) {
    const { services, ...organization } = entry;
    return services.map((service) => (isJsonObject(service) && service.organization == null ? { ...service, organization } : service));
  }
  if (isJsonObject(entry.service)) {
    const { service, ...atThePlace } = entry;
    const places = Array.isArray(service.service_at_locations) ? service.service_at_locations : [];
    if (places.some((place) => isJsonObject(place) && place.id === atThePlace.id)) return [service];
    return [{ ...service, service_at_locations: [...places, atThePlace] }];
  }
  return [entry];
}

/**
 * The service records in a feed: one service, an array of them, or a page ({ "contents": [...] });
 * organisations and services at locations (as their own endpoints give them) give their services.
 */
export function recordsOf(feed: unknown): unknown[] {
  if (Array.isArray(feed)) return feed.flatMap(servicesIn);
  if (feed && typeof feed === 'object') {
    const contents = (feed as { contents?: unknown }).contents;
    if (Array.isArray(contents)) return contents.flatMap(servicesIn);
    if ('id' in feed || 'name' in feed) return servicesIn(feed);
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

export interface ValidRecord {
  record: ServiceRecord;
  /** What the record sent that has no column, to store and serve back. */
  kept: KeptProperties;
  normalised: Notice[];
  keptWhole: Notice[];
  dropped: Notice[];
  warnings: Notice[];
}

/**
 * Checks one record as sent: loose dates and times read, repeated objects taken as one, what
 * cannot be filed kept whole, then the schema. `termKnown` says whether the directory has a
 * taxonomy term (an attribute naming one it has not is kept whole rather than filed).
 */
export function validateRecord(raw: unknown, index: number, termKnown: (id: string) => boolean = () => true): ValidRecord | { errors: RecordError[] } {
  const error = (path: string, message: string): RecordError => ({ index, id: idOf(raw), path, message });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { errors: [error('(record)', 'must be an object with fields')] };
  const normalised = normaliseRecord(raw as Record<string, unknown>);
  const separated = separateRepeats(normalised.record, termKnown);
  const result = serviceSchema.safeParse(separated.record);
  if (!result.success || normalised.errors.length) {
    // A value that could not be read is said once, in the reading's words.
    const unread = new Set(normalised.errors.map((notice) => notice.path));
    const schemaErrors = (result.error?.issues ?? []).map((issue) => error(pathText(originalPath(issue.path, separated.positions)), issue.message));
    return { errors: [...normalised.errors.map((notice) => error(notice.path, notice.message)), ...schemaErrors.filter((e) => !unread.has(e.path))] };
  }
  return {
    record: result.data,
    kept: { properties: unknownProperties(result.data), kept: separated.kept, sent: separated.sent },
    normalised: normalised.normalised,
    keptWhole: separated.notices,
    dropped: normalised.dropped,
    warnings: separated.warnings,
  };
}

/**
 * Places and organisations are shared by every record that names them, and stored once: when a
 * record gives one differently from the record before it that named it, say so (the last one
 * given is what every service there shows). Stand-ins for an organisation not given are not counted.
 */
function sharedObjectWarnings(valid: { index: number; record: ServiceRecord }[], rawRecords: unknown[]): RecordError[] {
  const latest = new Map<string, { index: number; json: string }>();
  const warnings: RecordError[] = [];
  for (const { index, record } of valid) {
    const raw = rawRecords[index] as { service_at_locations?: unknown };
    const rawPlaces = Array.isArray(raw.service_at_locations) ? raw.service_at_locations as { location?: { id?: unknown } }[] : [];
    const shared: { path: string; what: string; value: { id: string } }[] = record.service_at_locations.map((sal) => {
      const at = rawPlaces.findIndex((each) => each?.location?.id === sal.location.id);
      return { path: `service_at_locations[${at === -1 ? 0 : at}].location`, what: 'place', value: sal.location };
    });
    if (!isStandInOrganization(record.organization)) shared.push({ path: 'organization', what: 'organisation', value: record.organization });
    for (const { path, what, value } of shared) {
      const key = `${what}:${value.id}`;
      const json = canonicalJson(value);
      const before = latest.get(key);
      if (before && before.index !== index && before.json !== json) {
        warnings.push({
          index, id: record.id, path,
          message: `is the ${what} "${value.id}", which record ${before.index} gave differently; one ${what} is stored for every service that names it, so the last one given is kept`,
        });
      }
      latest.set(key, { index, json });
    }
  }
  return warnings;
}

/** Taxonomy term ids named anywhere in the records; which of them the directory or the records themselves hold. */
async function knownTerms(directory: DirectoryDatabase, rawRecords: unknown[]): Promise<Set<string>> {
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
    const rows = await directory.db.selectFrom('taxonomy_term').select('id').where('id', 'in', missing.slice(i, i + 500)).execute();
    for (const row of rows) carried.add(row.id);
  }
  return carried;
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
  const normalised: RecordError[] = [];
  const keptWhole: RecordError[] = [];
  const dropped: RecordError[] = [];
  const repeatWarnings: RecordError[] = [];
  let valid: { index: number; record: ServiceRecord }[] = [];
  const keptById = new Map<string, KeptProperties>();
  const seen = new Map<string, number>();
  const terms = await knownTerms(directory, rawRecords);
  rawRecords.forEach((raw, index) => {
    const outcome = validateRecord(raw, index, (id) => terms.has(id));
    if ('errors' in outcome) {
      invalid.push(...outcome.errors);
      return;
    }
    const said = (notice: Notice): RecordError => ({ index, id: outcome.record.id, ...notice });
    const earlier = seen.get(outcome.record.id);
    if (earlier !== undefined) {
      // A feed whose pages shifted while it was read lists a service twice: the same record is one service.
      const first = valid.find((entry) => entry.index === earlier);
      if (first && canonicalJson(first.record) === canonicalJson(outcome.record)) {
        repeatWarnings.push({ index, id: outcome.record.id, path: 'id', message: `is record ${earlier} again, with the same content; it is imported once` });
        return;
      }
      invalid.push({ index, id: outcome.record.id, path: 'id', message: `is the same as record ${earlier}'s, with different content; each service needs its own id` });
      return;
    }
    seen.set(outcome.record.id, index);
    valid.push({ index, record: outcome.record });
    if (!isEmptyKept(outcome.kept)) keptById.set(outcome.record.id, outcome.kept);
    normalised.push(...outcome.normalised.map(said));
    keptWhole.push(...outcome.keptWhole.map(said));
    dropped.push(...outcome.dropped.map(said));
    repeatWarnings.push(...outcome.warnings.map(said));
  });
  if (options.keepKeptObjects && valid.length) {
    const stored = await directory.db.selectFrom('service').select(['id', 'extra_properties'])
      .where('id', 'in', valid.map(({ record }) => record.id)).where('extra_properties', 'is not', null).execute();
    for (const row of stored) {
      const before = JSON.parse(row.extra_properties!) as KeptProperties;
      const now = keptById.get(row.id) ?? { properties: {}, kept: {} };
      const merged = { ...now, kept: { ...before.kept, ...now.kept } };
      if (!isEmptyKept(merged)) keptById.set(row.id, merged);
    }
  }
  invalid.sort((a, b) => a.index - b.index);
  const warnings = [...repeatWarnings, ...sharedObjectWarnings(valid, rawRecords), ...valid.flatMap(({ index, record }) => recordWarnings(record, index))]
    .sort((a, b) => a.index - b.index);
  const report: ImportReport = {
    total: rawRecords.length, warnings, normalised, keptWhole, dropped, written: 0, unchanged: 0, invalid, abandoned: false,
  };
  if (options.strict && invalid.length) {
    report.abandoned = true;
    return report;
  }

  // An id already owned by another service's row only shows when writing: the transaction is
  // rolled back, the records concerned are reported invalid, and the rest written again.
  for (;;) {
    try {
      Object.assign(report, await writeValid(directory, search, valid, {
        source, today, kept: keptById, onProgress: options.onProgress, changedBy: options.changedBy, beforeWrite: options.beforeWrite, afterWrite: options.afterWrite,
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
      report.normalised = report.normalised.filter((notice) => !bad.has(notice.index));
      report.keptWhole = report.keptWhole.filter((notice) => !bad.has(notice.index));
      report.dropped = report.dropped.filter((notice) => !bad.has(notice.index));
      if (options.strict) {
        report.abandoned = true;
        return report;
      }
    }
  }
  return report;
}

/** Writes the valid records (those changed since they were last imported) and their search documents, in one transaction. */
async function writeValid(
  directory: DirectoryDatabase,
  search: SearchBackend,
  valid: { index: number; record: ServiceRecord }[],
  options: {
    source: string | null; today: string; kept: Map<string, KeptProperties>; onProgress?: ((done: number, total: number) => void) | undefined;
    changedBy?: string | undefined; beforeWrite?: ((trx: Transaction<DatabaseSchema>) => Promise<void>) | undefined;
    afterWrite?: ((trx: Transaction<DatabaseSchema>) => Promise<void>) | undefined;
  },
): Promise<{ written: number; unchanged: number }> {
  const counts = { written: 0, unchanged: 0 };
  await inWriteTransaction(directory, { large: valid.length > LARGE_IMPORT }, async (trx, bulk) => {
    await options.beforeWrite?.(trx);
    for (let start = 0; start < valid.length; start += BATCH_SIZE) {
      const batch = valid.slice(start, start + BATCH_SIZE).map(({ record }) => record);
      const stored = await bulk.storedHashes('service', batch.map((record) => record.id));
      const hashes = new Map(batch.map((record) => [record.id, recordHash(record, options.source, options.kept.get(record.id))]));
      const changed = batch.filter((record) => stored.get(record.id) !== hashes.get(record.id));
      counts.unchanged += batch.length - changed.length;
      if (changed.length) {
        const { affectedServiceIds } = await writeServices(bulk, changed, {
          source: options.source, now: new Date().toISOString(), hashes, existing: new Set(stored.keys()), kept: options.kept,
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
