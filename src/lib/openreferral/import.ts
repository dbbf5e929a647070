// Imports Open Referral UK service records: reads a feed's shape, validates every record with
// zod, and upserts the valid ones (and their search documents) in one transaction.
import { todayInUk } from '../dates';
import type { Transaction } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import type { DirectoryDatabase } from '../db/database';
import type { ServiceRecord } from '../openreferral-schema/schemas';
import { canonicalJson, isEmptyKept, type KeptProperties, type Notice } from '../openreferral-schema/kept-properties';
import { isStandInOrganization } from '../openreferral-schema/normalise-record';
import { validateRecord, type RecordError } from '../openreferral-schema/validate-record';
import { IdConflictError, conflictErrors, knownTerms, storeServices } from '../directory/service-store';
import type { SearchBackend } from '../search/search-backend';
import { applySearchOutbox } from '../search/outbox';

// Checking one record lives with the standard's schemas (every writer checks with it); said here
// too, for the commands and tests that import and check.
export { pathText, validateRecord, type RecordError, type ValidRecord } from '../openreferral-schema/validate-record';

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

/** Problems that do not stop a record being imported but that a person should fix. */
export function recordWarnings(record: ServiceRecord, index: number): RecordError[] {
  const warnings: RecordError[] = [];
  record.service_at_locations.forEach(({ location }, i) => {
    const { latitude, longitude } = location;
    if ((latitude != null && Math.abs(latitude) > 90) || (longitude != null && Math.abs(longitude) > 180)) {
      warnings.push({
        index,
        id: record.id,
        path: `service_at_locations[${i}].location`,
        message: `has latitude ${latitude} and longitude ${longitude}, which is not a real place; it will not be shown on maps or used for distance`,
      });
    }
    // The transport extension says how to get to a building; only physical places are one.
    if (location.transport && location.location_type !== 'physical') {
      warnings.push({
        index,
        id: record.id,
        path: `service_at_locations[${i}].location.transport`,
        message: `is given for a ${location.location_type} place, so it will not be shown or used by the transport filter; give it on the physical place instead`,
      });
    }
  });
  return warnings;
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
    const rawPlaces = Array.isArray(raw.service_at_locations) ? (raw.service_at_locations as { location?: { id?: unknown } }[]) : [];
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
          index,
          id: record.id,
          path,
          message: `is the ${what} "${value.id}", which record ${before.index} gave differently; one ${what} is stored for every service that names it, so the last one given is kept`,
        });
      }
      latest.set(key, { index, json });
    }
  }
  return warnings;
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
      invalid.push({
        index,
        id: outcome.record.id,
        path: 'id',
        message: `is the same as record ${earlier}'s, with different content; each service needs its own id`,
      });
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
  invalid.sort((a, b) => a.index - b.index);
  const warnings = [...repeatWarnings, ...sharedObjectWarnings(valid, rawRecords), ...valid.flatMap(({ index, record }) => recordWarnings(record, index))].sort(
    (a, b) => a.index - b.index,
  );
  const report: ImportReport = {
    total: rawRecords.length,
    warnings,
    normalised,
    keptWhole,
    dropped,
    written: 0,
    unchanged: 0,
    invalid,
    abandoned: false,
  };
  if (options.strict && invalid.length) {
    report.abandoned = true;
    return report;
  }

  // An id already owned by another service's row only shows when writing: the transaction is
  // rolled back, the records concerned are reported invalid, and the rest written again.
  for (;;) {
    try {
      Object.assign(
        report,
        await storeServices(
          directory,
          valid.map(({ record }) => record),
          {
            source,
            kept: keptById,
            keepStoredKept: options.keepKeptObjects ?? false,
            onProgress: options.onProgress,
            changedBy: options.changedBy,
            beforeWrite: options.beforeWrite,
            afterWrite: options.afterWrite,
            // The documents are built in the same transaction: what an import wrote is found as soon as it commits.
            applySearch: (trx, written, alsoTouched) =>
              applySearchOutbox(trx, search, today, { records: written, serviceIds: alsoTouched }).then(() => undefined),
          },
        ),
      );
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
