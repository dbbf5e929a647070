// Pulls another directory's Open Referral UK API into this one: pages through <base>/services,
// fetches each full record when the list gives summaries, validates and upserts them with the
// feed's address as their source, and marks inactive (never deletes) what has left the feed.
// Polite: one request at a time, a clear user agent, and a time limit on each request.
import { z } from 'zod';
import type { DirectoryDatabase } from '../db/database';
import type { SearchBackend } from '../search/search-backend';
import { readServices } from '../directory/service-reader';
import { readBody } from '../http/form-body';
import { importRecords, type ImportReport, type RecordError } from './import';

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
}

/** The feed cannot be read at all (a page failed): nothing was imported or marked inactive. */
export class FeedPullError extends Error {}

const pageSchema = z.object({
  contents: z.array(z.unknown()),
  total_pages: z.number().int().nonnegative().optional(),
  last_page: z.boolean().optional(),
}).passthrough();

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

export async function pullFeed(
  directory: DirectoryDatabase, search: SearchBackend, address: string, options: FeedPullOptions = {},
): Promise<FeedPullReport> {
  const source = feedBaseUrl(address);
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const perPage = options.perPage ?? DEFAULT_PER_PAGE;
  const maxBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const headers = { 'user-agent': options.userAgent ?? FEED_USER_AGENT, accept: 'application/json' };

  const getJson = async (url: string): Promise<{ ok: true; body: unknown } | { ok: false; message: string }> => {
    options.onFetch?.(url);
    let response: Response;
    const timeout = AbortSignal.timeout(timeoutMs);
    const reasonOf = (error: unknown) => ((error as Error).name === 'TimeoutError' || timeout.aborted
      ? `no answer within ${Math.round(timeoutMs / 1000)} seconds` : (error as Error).message);
    try {
      // Redirects are not followed: a feed may only ever make us fetch from the address given.
      response = await doFetch(url, { headers, signal: timeout, redirect: 'manual' });
    } catch (error) {
      return { ok: false, message: `could not be fetched from ${url}: ${reasonOf(error)}` };
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      const to = response.headers.get('location');
      return { ok: false, message: `could not be fetched from ${url}: it redirects${to ? ` to ${to}` : ''}, and redirects are not followed (give the final address)` };
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

  // 1. Every page of the list, in order, one request at a time.
  const entries: unknown[] = [];
  let pages = 0;
  for (let page = 1; ; page++) {
    if (page > MAX_PAGES) throw new FeedPullError(`${source}/services gave more than ${MAX_PAGES} pages; stopped.`);
    const url = `${source}/services?page=${page}&per_page=${perPage}`;
    const got = await getJson(url);
    if (!got.ok) throw new FeedPullError(`Page ${page} of the feed ${got.message}. Nothing was imported.`);
    const parsed = pageSchema.safeParse(got.body);
    if (!parsed.success) {
      throw new FeedPullError(`Page ${page} of the feed (${url}) is not an Open Referral page: it needs a "contents" list. Nothing was imported.`);
    }
    pages = page;
    entries.push(...parsed.data.contents);
    if (entries.length > MAX_ENTRIES) throw new FeedPullError(`${source}/services lists more than ${MAX_ENTRIES} services; stopped. Nothing was imported.`);
    const { contents, total_pages: totalPages, last_page: lastPage } = parsed.data;
    if (!contents.length || lastPage === true || (totalPages !== undefined && page >= totalPages)) break;
  }

  // 2. Full records: from the list when it gives them, otherwise one by one.
  const records: unknown[] = [];
  const positions: number[] = [];
  const fetchErrors: RecordError[] = [];
  let fetched = 0;
  for (const [index, entry] of entries.entries()) {
    const id = idOf(entry);
    if (isFullRecord(entry) || !id) {
      records.push(entry);
      positions.push(index);
      continue;
    }
    const got = await getJson(`${source}/services/${encodeURIComponent(id)}`);
    fetched++;
    if (got.ok) {
      records.push(got.body);
      positions.push(index);
    } else {
      fetchErrors.push({ index, id, path: '(record)', message: got.message });
    }
  }

  // 3. A feed may not overwrite a service, organisation or place that came from somewhere else
  // (this directory's own, or another feed's): the records that would are refused.
  const listedIds = new Set(entries.map(idOf).filter((id): id is string => id !== null));
  const owned = await directory.db.selectFrom('service').select(['id', 'source']).execute();
  const foreign = new Map(owned.filter((row) => row.source !== source).map((row) => [row.id, row.source]));
  const foreignOrganisations = new Map((await directory.db.selectFrom('organization').select(['id', 'source']).execute())
    .filter((row) => row.source !== source).map((row) => [row.id, row.source]));
  // A place belongs to whoever's services are there.
  const foreignPlaces = new Map((await directory.db.selectFrom('service_at_location').innerJoin('service', 'service.id', 'service_at_location.service_id')
    .select(['service_at_location.location_id', 'service.source']).execute())
    .filter((row) => row.source !== source).map((row) => [row.location_id, row.source]));
  const from = (where: string | null | undefined) => (where ? `"${where}"` : 'elsewhere');
  const refused: RecordError[] = [];
  const accepted: unknown[] = [];
  const acceptedPositions: number[] = [];
  records.forEach((record, i) => {
    const id = idOf(record);
    if (id && foreign.has(id)) {
      refused.push({
        index: positions[i]!, id, path: 'id',
        message: `belongs to a service already in this directory from ${from(foreign.get(id))}; it was not overwritten`,
      });
      return;
    }
    const organisationId = idOf((record as { organization?: unknown } | null)?.organization);
    if (organisationId && foreignOrganisations.has(organisationId)) {
      refused.push({
        index: positions[i]!, id, path: 'organization.id',
        message: `is "${organisationId}", an organisation already in this directory from ${from(foreignOrganisations.get(organisationId))}; it was not overwritten`,
      });
      return;
    }
    const places = (record as { service_at_locations?: unknown } | null)?.service_at_locations;
    const placeIds = Array.isArray(places) ? places.map((sal) => idOf((sal as { location?: unknown } | null)?.location)) : [];
    const taken = placeIds.findIndex((placeId) => placeId !== null && foreignPlaces.has(placeId));
    if (taken !== -1) {
      refused.push({
        index: positions[i]!, id, path: `service_at_locations[${taken}].location.id`,
        message: `is "${placeIds[taken]}", a place already in this directory from ${from(foreignPlaces.get(placeIds[taken]!))}; it was not overwritten`,
      });
      return;
    }
    accepted.push(record);
    acceptedPositions.push(positions[i]!);
  });

  const imported = await importRecords(directory, search, accepted, {
    strict: options.strict, source, today: options.today, onProgress: options.onProgress,
  });
  const renumber = (error: RecordError): RecordError => ({ ...error, index: acceptedPositions[error.index] ?? error.index });
  const report: FeedPullReport = {
    ...imported,
    total: entries.length,
    invalid: [...fetchErrors, ...refused, ...imported.invalid.map(renumber)].sort((a, b) => a.index - b.index),
    warnings: imported.warnings.map(renumber),
    abandoned: imported.abandoned || Boolean(options.strict && (fetchErrors.length || refused.length)),
    source, pages, listed: listedIds.size, fetched, markedInactive: [],
  };
  if (report.abandoned) return report;

  // 4. What this feed gave before and no longer lists: marked inactive, kept. A feed that lists
  // nothing at all is more likely broken than emptied: then nothing is marked.
  if (listedIds.size === 0) return report;
  const gone = owned
    .filter((row) => row.source === source && !listedIds.has(row.id))
    .map((row) => row.id);
  if (gone.length) {
    const stillOpen = (await readServices(directory.db, gone)).filter((record) => record.status !== 'inactive' && record.status !== 'defunct');
    if (stillOpen.length) {
      await importRecords(directory, search, stillOpen.map((record) => ({ ...record, status: 'inactive' })), {
        source, today: options.today, changedBy: `import from ${source}: no longer in the feed`,
      });
      report.markedInactive = stillOpen.map((record) => record.id);
    }
  }
  return report;
}
