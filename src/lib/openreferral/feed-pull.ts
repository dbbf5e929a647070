// Pulls another directory's Open Referral UK API into this one: pages through <base>/services,
// fetches each full record when the list gives summaries, validates and upserts them with the
// feed's address as their source, and marks inactive (never deletes) what has left the feed.
// Polite: one request at a time, a clear user agent, a time limit on each request, and when the
// feed says "too many requests" (429) or "busy" (503) it waits as long as Retry-After asks (or
// backs off) and tries again. Where a pull got to is saved, so one that stops resumes.
import { z } from 'zod';
import type { DirectoryDatabase } from '../db/database';
import type { SearchBackend } from '../search/search-backend';
import { readServices } from '../directory/service-reader';
import { readBody } from '../http/form-body';
import { importRecords, type ImportReport, type RecordError } from './import';
import { servicePath } from '../service-paths';

export const FEED_USER_AGENT = 'community-asset-directory/0.1 (Open Referral UK feed pull; https://github.com/openreferral/uk-profile)';
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_PER_PAGE = 100;
/** A feed that keeps giving pages past this is not ending: stop rather than loop for ever. */
const MAX_PAGES = 10_000;
/** The most we read of one response. */
/** The most one answer may be; read no further (a page or a record is far smaller). */
const MAX_RESPONSE_BYTES = 50_000_000;
/** The most services one feed may list. */
const MAX_ENTRIES = 200_000;
/** Tries of one request answered 429 or 503 before giving up. */
const DEFAULT_MAX_TRIES = 8;
/** The longest we wait before one try; a feed asking for longer is given up on, saying so. */
const DEFAULT_MAX_WAIT_MS = 120_000;
/** Saved progress older than this is not resumed: the feed will have changed. */
const RESUME_WITHIN_MS = 24 * 60 * 60 * 1000;
/** Full records fetched, and pages read, between saves of progress. */
const SAVE_EVERY = 100;
const SAVE_EVERY_PAGES = 20;

/** The body as text, read no further than `limit` bytes; null when it is longer. */
async function readCapped(response: Response, limit: number): Promise<string | null> {
  const body = await readBody(response, limit);
  return body === null ? null : new TextDecoder().decode(body);
}

export interface FeedPullOptions {
  /** The fetch to use (tests pass their own wrapper; it must still reach a real server). */
  fetch?: typeof fetch;
  perPage?: number;
  timeoutMs?: number;
  userAgent?: string;
  /** Import nothing (and mark nothing inactive) if any record is invalid. */
  strict?: boolean;
  today?: string;
  onProgress?: (done: number, total: number) => void;
  /** Told of each page and record fetched, for a progress line. */
  onFetch?: (url: string) => void;
  /** The most one answer may be, in bytes (default 50 MB). */
  maxResponseBytes?: number;
  /** Told of each page read: its number, how many pages the feed has (when it says), entries so far. */
  onPage?: (page: number, totalPages: number | null, entries: number) => void;
  /** Told when the feed asks us to wait, before waiting. */
  onWait?: (url: string, waitMs: number, status: number) => void;
  /** Tries of a request answered 429 or 503 (default 8). */
  maxTries?: number;
  /** The longest to wait before a try (default 2 minutes); a longer Retry-After gives up. */
  maxWaitMs?: number;
  /** How to wait (tests pass a quicker clock); default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Start again from page 1 even if an earlier pull of this feed stopped part way. */
  restart?: boolean;
}

export interface FeedPullReport extends ImportReport {
  /** The feed's base address, as stored in each service's source. */
  source: string;
  pages: number;
  /** Services the feed lists. */
  listed: number;
  /** Full records fetched one by one (0 when the list gave full records). */
  fetched: number;
  /** Ids of services from this feed that it no longer lists, now marked inactive. */
  markedInactive: string[];
  /** The page an earlier, stopped pull was resumed from (null when it started afresh). */
  resumedFromPage: number | null;
  /** Times the feed asked us to wait (429 or 503) and we did. */
  waits: number;
}

/** The feed cannot be read at all (a page failed): nothing was imported or marked inactive. */
export class FeedPullError extends Error {}

const pageSchema = z
  .object({
    contents: z.array(z.unknown()),
    total_pages: z.number().int().nonnegative().optional(),
    last_page: z.boolean().optional(),
  })
  .passthrough();

/** "https://example.org/api/" -> "https://example.org/api"; anything but http(s) is refused. */
export function feedBaseUrl(address: string): string {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new FeedPullError(`"${address}" is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FeedPullError(`"${address}" must start with http:// or https://.`);
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

export function isFeedAddress(argument: string): boolean {
  return /^https?:\/\//i.test(argument);
}

/** How long Retry-After asks us to wait, in ms (seconds or an HTTP date); null when it says nothing usable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** The wait before try n (1-based) when the feed gives no Retry-After: 1 s, 2 s, 4 s ... with some jitter. */
export function backoffMs(attempt: number, random = Math.random): number {
  return Math.round(1000 * 2 ** (attempt - 1) * (0.75 + random() * 0.5));
}

/** A list entry that is already a full record (it has the nested lists a summary leaves out). */
function isFullRecord(entry: unknown): boolean {
  if (!entry || typeof entry !== 'object') return false;
  const record = entry as Record<string, unknown>;
  return Array.isArray(record.service_at_locations) && Array.isArray(record.schedules);
}

function idOf(entry: unknown): string | null {
  const id = entry && typeof entry === 'object' ? (entry as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.trim() ? id.trim() : null;
}

export async function pullFeed(directory: DirectoryDatabase, search: SearchBackend, address: string, options: FeedPullOptions = {}): Promise<FeedPullReport> {
  const source = feedBaseUrl(address);
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const perPage = options.perPage ?? DEFAULT_PER_PAGE;
  const maxBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const headers = { 'user-agent': options.userAgent ?? FEED_USER_AGENT, accept: 'application/json' };
  const maxTries = options.maxTries ?? DEFAULT_MAX_TRIES;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let waits = 0;

  const getJson = async (url: string): Promise<{ ok: true; body: unknown } | { ok: false; message: string }> => {
    let response: Response;
    let timeout: AbortSignal;
    const reasonOf = (error: unknown) =>
      (error as Error).name === 'TimeoutError' || timeout.aborted ? `no answer within ${Math.round(timeoutMs / 1000)} seconds` : (error as Error).message;
    for (let attempt = 1; ; attempt++) {
      options.onFetch?.(url);
      timeout = AbortSignal.timeout(timeoutMs);
      try {
        // Redirects are not followed: a feed may only ever make us fetch from the address given.
        response = await doFetch(url, { headers, signal: timeout, redirect: 'manual' });
      } catch (error) {
        return { ok: false, message: `could not be fetched from ${url}: ${reasonOf(error)}` };
      }
      if (response.status !== 429 && response.status !== 503) break;
      await response.body?.cancel();
      const asked = retryAfterMs(response.headers.get('retry-after'));
      const wait = asked ?? backoffMs(attempt);
      if (attempt >= maxTries) {
        return { ok: false, message: `could not be fetched from ${url}: the server answered ${response.status} (too busy) ${maxTries} times` };
      }
      if (wait > maxWaitMs) {
        return {
          ok: false,
          message: `could not be fetched from ${url}: the server answered ${response.status} and asked us to wait ${Math.ceil(wait / 1000)} seconds, longer than we wait (${Math.round(maxWaitMs / 1000)})`,
        };
      }
      options.onWait?.(url, wait, response.status);
      waits++;
      await sleep(wait);
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      const to = response.headers.get('location');
      return {
        ok: false,
        message: `could not be fetched from ${url}: it redirects${to ? ` to ${to}` : ''}, and redirects are not followed (give the final address)`,
      };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, message: `could not be fetched from ${url}: the server answered ${response.status}` };
    }
    let text: string;
    try {
      const body = await readCapped(response, maxBytes);
      if (body === null) return { ok: false, message: `from ${url} is too large to read (over ${maxBytes.toLocaleString('en-GB')} bytes)` };
      text = body;
    } catch (error) {
      return { ok: false, message: `could not be read from ${url}: ${reasonOf(error)}` };
    }
    try {
      return { ok: true, body: JSON.parse(text) };
    } catch {
      return { ok: false, message: `from ${url} is not JSON` };
    }
  };

  // 0. Where an earlier pull of this feed stopped, if it did lately, with the same page size.
  const progress = createProgress(directory, source, perPage);
  const saved = options.restart ? null : await progress.load();
  const entries: unknown[] = saved?.entries ?? [];
  const resumedFromPage = saved ? saved.nextPage : null;
  const resumeNote = ' What was read is saved: run the pull again to carry on from there.';

  // 1. Every page of the list, in order, one request at a time.
  let pages = saved ? saved.nextPage - 1 : 0;
  for (let page = pages + 1; saved?.complete !== true; page++) {
    if (page > MAX_PAGES) throw new FeedPullError(`${source}/services gave more than ${MAX_PAGES} pages; stopped.`);
    const url = `${source}/services?page=${page}&per_page=${perPage}`;
    const got = await getJson(url);
    if (!got.ok) {
      if (page > 1) await progress.save(entries, page, false);
      throw new FeedPullError(`Page ${page} of the feed ${got.message}. Nothing was imported.${page > 1 ? resumeNote : ''}`);
    }
    const parsed = pageSchema.safeParse(got.body);
    if (!parsed.success) {
      throw new FeedPullError(`Page ${page} of the feed (${url}) is not an Open Referral page: it needs a "contents" list. Nothing was imported.`);
    }
    pages = page;
    entries.push(...parsed.data.contents);
    if (entries.length > MAX_ENTRIES) throw new FeedPullError(`${source}/services lists more than ${MAX_ENTRIES} services; stopped. Nothing was imported.`);
    const { contents, total_pages: totalPages, last_page: lastPage } = parsed.data;
    options.onPage?.(page, totalPages ?? null, entries.length);
    const done = !contents.length || lastPage === true || (totalPages !== undefined && page >= totalPages);
    // Saved now and then as well as on failure, in case the pull itself is stopped.
    if (done || page % SAVE_EVERY_PAGES === 0) await progress.save(entries, page + 1, done);
    if (done) break;
  }

  // 2. Full records: from the list when it gives them, otherwise one by one. Each one fetched
  // takes its summary's place in the saved progress, so a resumed pull does not fetch it again.
  const records: unknown[] = [];
  const positions: number[] = [];
  const fetchErrors: RecordError[] = [];
  let fetched = 0;
  let unsaved = 0;
  for (const [index, entry] of entries.entries()) {
    const id = idOf(entry);
    if (isFullRecord(entry) || !id) {
      records.push(entry);
      positions.push(index);
      continue;
    }
    const got = await getJson(`${source}${servicePath(id)}`);
    fetched++;
    if (got.ok) {
      records.push(got.body);
      positions.push(index);
      entries[index] = got.body;
      if (++unsaved >= SAVE_EVERY) {
        await progress.save(entries, pages + 1, true);
        unsaved = 0;
      }
    } else {
      fetchErrors.push({ index, id, path: '(record)', message: got.message });
    }
  }
  if (unsaved) await progress.save(entries, pages + 1, true);

  // 3. A feed may not overwrite a service, organisation or place that came from somewhere else
  // (this directory's own, or another feed's): the records that would are refused.
  const listedIds = new Set(entries.map(idOf).filter((id): id is string => id !== null));
  const owned = await directory.db.selectFrom('service').select(['id', 'source']).execute();
  const foreign = new Map(owned.filter((row) => row.source !== source).map((row) => [row.id, row.source]));
  const foreignOrganisations = new Map(
    (await directory.db.selectFrom('organization').select(['id', 'source']).execute())
      .filter((row) => row.source !== source)
      .map((row) => [row.id, row.source]),
  );
  // A place belongs to whoever's services are there.
  const foreignPlaces = new Map(
    (
      await directory.db
        .selectFrom('service_at_location')
        .innerJoin('service', 'service.id', 'service_at_location.service_id')
        .select(['service_at_location.location_id', 'service.source'])
        .execute()
    )
      .filter((row) => row.source !== source)
      .map((row) => [row.location_id, row.source]),
  );
  const from = (where: string | null | undefined) => (where ? `"${where}"` : 'elsewhere');
  const refused: RecordError[] = [];
  const accepted: unknown[] = [];
  const acceptedPositions: number[] = [];
  records.forEach((record, i) => {
    const id = idOf(record);
    if (id && foreign.has(id)) {
      refused.push({
        index: positions[i]!,
        id,
        path: 'id',
        message: `belongs to a service already in this directory from ${from(foreign.get(id))}; it was not overwritten`,
      });
      return;
    }
    // A record with no organisation may name one by organization_id alone; it is filed under it
    // if the directory has it, so the same rule applies (else its editors would gain the service).
    const nested = (record as { organization?: unknown } | null)?.organization;
    const organisationId = nested == null ? idOf({ id: (record as { organization_id?: unknown } | null)?.organization_id }) : idOf(nested);
    if (organisationId && foreignOrganisations.has(organisationId)) {
      refused.push({
        index: positions[i]!,
        id,
        path: nested == null ? 'organization_id' : 'organization.id',
        message: `is "${organisationId}", an organisation already in this directory from ${from(foreignOrganisations.get(organisationId))}; it was not overwritten`,
      });
      return;
    }
    const places = (record as { service_at_locations?: unknown } | null)?.service_at_locations;
    const placeIds = Array.isArray(places) ? places.map((sal) => idOf((sal as { location?: unknown } | null)?.location)) : [];
    const taken = placeIds.findIndex((placeId) => placeId !== null && foreignPlaces.has(placeId));
    if (taken !== -1) {
      refused.push({
        index: positions[i]!,
        id,
        path: `service_at_locations[${taken}].location.id`,
        message: `is "${placeIds[taken]}", a place already in this directory from ${from(foreignPlaces.get(placeIds[taken]!))}; it was not overwritten`,
      });
      return;
    }
    accepted.push(record);
    acceptedPositions.push(positions[i]!);
  });

  const imported = await importRecords(directory, search, accepted, {
    strict: options.strict,
    source,
    today: options.today,
    onProgress: options.onProgress,
  });
  const renumber = (error: RecordError): RecordError => ({ ...error, index: acceptedPositions[error.index] ?? error.index });
  const report: FeedPullReport = {
    ...imported,
    total: entries.length,
    invalid: [...fetchErrors, ...refused, ...imported.invalid.map(renumber)].sort((a, b) => a.index - b.index),
    warnings: imported.warnings.map(renumber),
    normalised: imported.normalised.map(renumber),
    keptWhole: imported.keptWhole.map(renumber),
    dropped: imported.dropped.map(renumber),
    abandoned: imported.abandoned || Boolean(options.strict && (fetchErrors.length || refused.length)),
    source,
    pages,
    listed: listedIds.size,
    fetched,
    markedInactive: [],
    resumedFromPage,
    waits,
  };
  // The pull is done (what could not be fetched is reported): the next one starts afresh.
  await progress.clear();
  if (report.abandoned) return report;

  // 4. What this feed gave before and no longer lists: marked inactive, kept. A feed that lists
  // nothing at all is more likely broken than emptied: then nothing is marked.
  if (listedIds.size === 0) return report;
  const gone = owned.filter((row) => row.source === source && !listedIds.has(row.id)).map((row) => row.id);
  if (gone.length) {
    const stillOpen = (await readServices(directory.db, gone)).filter((record) => record.status !== 'inactive' && record.status !== 'defunct');
    if (stillOpen.length) {
      // Read back without the objects kept whole (repeated, unfiled): keepKeptObjects keeps them.
      await importRecords(
        directory,
        search,
        stillOpen.map((record) => ({ ...record, status: 'inactive' })),
        {
          source,
          today: options.today,
          changedBy: `import from ${source}: no longer in the feed`,
          keepKeptObjects: true,
        },
      );
      report.markedInactive = stillOpen.map((record) => record.id);
    }
  }
  return report;
}

/** Where a pull of one feed got to, in the feed_pull table. */
function createProgress(directory: DirectoryDatabase, source: string, perPage: number) {
  const db = directory.db;
  return {
    async load(): Promise<{ entries: unknown[]; nextPage: number; complete: boolean } | null> {
      const row = await db.selectFrom('feed_pull').selectAll().where('source', '=', source).executeTakeFirst();
      if (!row || row.per_page !== perPage || Date.now() - Date.parse(row.updated_at) > RESUME_WITHIN_MS) return null;
      const saved = JSON.parse(row.entries) as { entries: unknown[]; complete: boolean };
      return { entries: saved.entries, nextPage: row.next_page, complete: saved.complete };
    },
    async save(entries: unknown[], nextPage: number, complete: boolean): Promise<void> {
      const now = new Date().toISOString();
      const text = JSON.stringify({ entries, complete });
      await db
        .insertInto('feed_pull')
        .values({ source, per_page: perPage, next_page: nextPage, entries: text, started_at: now, updated_at: now })
        .onConflict((oc) => oc.column('source').doUpdateSet({ per_page: perPage, next_page: nextPage, entries: text, updated_at: now }))
        .execute();
    },
    async clear(): Promise<void> {
      await db.deleteFrom('feed_pull').where('source', '=', source).execute();
    },
  };
}
