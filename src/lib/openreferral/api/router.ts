// The Open Referral UK 3.0 API: one dispatcher for every endpoint under /openreferral/, with
// the per-address rate limit. Pages stay thin: src/pages/openreferral/[...path].ts calls this.
import type { App } from '../../app';
import { appConfig, type Config } from '../../config';
import { checkRateLimit, rateLimitKey } from '../../http/rate-limit';
import { busyResponse, busyRetryAfter, isDatabaseBusy } from '../../http/busy-response';
import { inTurn, responseFlow } from '../../http/response-flow';
import { todayInUk } from '../../dates';
import { areaByName } from '../../geo/areas';
import {
  fullService,
  fullServiceAtLocation,
  organizationFull,
  organizationSummary,
  readApiRecords,
  serviceAtLocationSummary,
  taxonomyOf,
  taxonomyTermOf,
} from './records';
import { parsePageParameters, parseServiceParameters, parseTaxonomyTermParameters } from './parameters';
import { findServices, planSearch } from './service-search';
import { apiBaseUrl, openApiDocument } from './openapi';
import { STAND_IN_ORGANIZATION_NAME } from '../../openreferral-schema/normalise-record';
import { invalidParameters, jsonResponse, NDJSON_TYPE, notFound, pageOf, preflight, tooManyRequests, CORS_HEADERS } from './responses';

/** Where the API lives (Astro's file routing fixes it: src/pages/openreferral/). */
export const API_STUB = '/openreferral';
export const PROFILE_VERSION = 'HSDS-UK-3.0';
export const PROFILE_URL = 'https://github.com/openreferral/uk-profile';
/**
 * Full records read per batch when streaming ndjson (about 5 KB each). Each batch is read without
 * a pause (the database is synchronous), so it is kept small: other requests wait at most that long.
 */
const STREAM_BATCH = 20;
/** Full downloads (format=ndjson) served at once by each process: OPENREFERRAL_MAX_DOWNLOADS, or 2. */
export function maxDownloadsAtOnce(config: Config = appConfig()): number {
  return config.OPENREFERRAL_MAX_DOWNLOADS;
}
/** Rate-limit counting waits at most this for a writer's lock before counting in memory. */
const RATE_LIMIT_WAIT_MS = 100;
let downloadsRunning = 0;

/** Requests allowed per address per minute: OPENREFERRAL_LIMIT_PER_MINUTE, or 120. */
export function apiLimitPerMinute(config: Config = appConfig()): number {
  return config.OPENREFERRAL_LIMIT_PER_MINUTE;
}

export interface ApiRequest {
  request: Request;
  url: URL;
  /** The path after the stub, e.g. "services/123" ('' for the root). */
  path: string;
  /** The client's address, for the rate limit. */
  address: string;
}

/** Answers one API request; an unexpected failure is a JSON 500 with no technical details. */
export async function handleApiRequest(app: App, request: ApiRequest): Promise<Response> {
  try {
    return await route(app, request);
  } catch (error) {
    if (isDatabaseBusy(error)) return busyResponse(request.url.pathname, busyRetryAfter(error));
    // The path only: the query can hold someone's words or postcode.
    console.error(`Open Referral API failed on ${request.url.pathname}:`, error);
    return jsonResponse({ error: 'server_error', message: 'Something went wrong on our side. Try again later.' }, 500);
  }
}

async function route(app: App, { request, url, path, address }: ApiRequest): Promise<Response> {
  if (request.method === 'OPTIONS') return preflight(request);
  const limit = await checkRateLimit(app.directory.db, {
    key: rateLimitKey('openreferral', address),
    limit: apiLimitPerMinute(app.config),
    windowSeconds: 60,
    waitAtMostMs: RATE_LIMIT_WAIT_MS,
  });
  if (!limit.allowed) return tooManyRequests(limit.retryAfterSeconds);

  let parts: string[];
  try {
    parts = path
      .split('/')
      .filter(Boolean)
      .map((part) => decodeURIComponent(part));
  } catch {
    return notFound(`There is nothing at ${url.pathname}.`);
  }
  const [collection, id, ...more] = parts;
  if (more.length) return notFound(`There is nothing at ${url.pathname}.`);
  const params = url.searchParams;
  switch (collection) {
    case undefined:
      return jsonResponse({
        version: PROFILE_VERSION,
        profile: PROFILE_URL,
        openapi_url: `${apiBaseUrl(url, API_STUB, app.config)}/openapi.json`,
        extensions: 'Extra properties this directory adds are described in its docs/data-model.md ("In the API").',
      });
    case 'openapi.json':
      return id === undefined ? jsonResponse(openApiDocument(apiBaseUrl(url, API_STUB, app.config))) : notFound(`There is nothing at ${url.pathname}.`);
    case 'services':
      return id === undefined ? listServices(app, params, request.method === 'HEAD') : oneService(app, id);
    case 'service_at_locations':
      return id === undefined ? listServiceAtLocations(app, params) : oneServiceAtLocation(app, id);
    case 'organizations':
      return id === undefined ? listOrganizations(app, params) : oneOrganization(app, id);
    case 'taxonomies':
      return id === undefined ? listTaxonomies(app, params) : oneTaxonomy(app, id);
    case 'taxonomy_terms':
      return id === undefined ? listTaxonomyTerms(app, params) : oneTaxonomyTerm(app, id);
    default:
      return notFound(`There is nothing at ${url.pathname}. The API has /services, /service_at_locations, /organizations, /taxonomies and /taxonomy_terms.`);
  }
}

async function listServices(app: App, params: URLSearchParams, headOnly: boolean): Promise<Response> {
  const parsed = parseServiceParameters(params);
  if (!parsed.ok) return invalidParameters(parsed.errors);
  const planned = await planSearch(app.directory.db, parsed.value);
  if (!planned.ok) return invalidParameters(planned.errors);
  if (parsed.value.format === 'ndjson') {
    if (headOnly) return new Response(null, { headers: NDJSON_HEADERS });
    if (downloadsRunning >= maxDownloadsAtOnce(app.config)) return tooManyDownloads();
    const { ids } = await findServices(app, planned.plan, null, { anyOrder: true });
    return ndjsonResponse(app, ids);
  }
  const { page, perPage } = parsed.value;
  const found = await findServices(app, planned.plan, { page, perPage });
  const records = await readApiRecords(app.directory.db, found.ids);
  // Full records (the profile's list allows more than its summary fields): schedules, places and
  // all, so a directory pulling this one needs one request a page, not one a service.
  const contents = pageOf(
    records.map(({ record, freshness }) => fullService(record, freshness)),
    found.total,
    page,
    perPage,
  );
  // With `search`, as on the site: the words that ran when some were misspelt (null when as typed).
  return jsonResponse(parsed.value.search ? { ...contents, corrected: found.corrected } : contents);
}

const NDJSON_HEADERS = { 'content-type': NDJSON_TYPE, 'cache-control': 'no-store', ...CORS_HEADERS };

function tooManyDownloads(): Response {
  return jsonResponse(
    {
      error: 'busy',
      message: 'Other full downloads are running. Wait a minute and try again, or read the paged list meanwhile.',
      retry_after_seconds: 30,
    },
    503,
    { 'retry-after': '30' },
  );
}

/**
 * Every service, one full record a line, read a batch at a time and only as fast as the client
 * takes them (src/lib/http/response-flow.ts), one batch at a time across all downloads, each
 * followed by a rest as long as it took (inTurn), so other requests always have at least half the
 * process's time. Each process serves maxDownloadsAtOnce() of these at a time.
 */
function ndjsonResponse(app: App, ids: string[]): Response {
  let next = 0;
  const today = todayInUk();
  const encoder = new TextEncoder();
  const flow = responseFlow();
  downloadsRunning++;
  let released = false;
  const release = () => {
    if (!released) downloadsRunning--;
    released = true;
  };
  flow.onClose(release);
  const stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (next >= ids.length || !(await flow.ready())) {
          release();
          controller.close();
          return;
        }
        const batch = ids.slice(next, next + STREAM_BATCH);
        next += STREAM_BATCH;
        try {
          controller.enqueue(
            await inTurn(async () => {
              const records = await readApiRecords(app.directory.db, batch, today);
              return encoder.encode(records.map(({ record, freshness }) => `${JSON.stringify(fullService(record, freshness))}\n`).join(''));
            }),
          );
        } catch (error) {
          release();
          console.error('Open Referral API: a full download stopped part way:', error);
          controller.error(error);
        }
      },
      cancel: release,
    },
    { highWaterMark: 0 },
  );
  return new Response(stream, { headers: NDJSON_HEADERS });
}

async function oneService(app: App, id: string): Promise<Response> {
  const [found] = await readApiRecords(app.directory.db, [id]);
  if (!found) return notFound(`There is no service with id "${id.slice(0, 100)}".`);
  return jsonResponse(fullService(found.record, found.freshness));
}

async function listServiceAtLocations(app: App, params: URLSearchParams): Promise<Response> {
  const parsed = parseServiceParameters(params);
  if (!parsed.ok) return invalidParameters(parsed.errors);
  if (parsed.value.format !== 'json') return invalidParameters([{ parameter: 'format', message: 'ndjson is offered on /services only.' }]);
  const planned = await planSearch(app.directory.db, parsed.value);
  if (!planned.ok) return invalidParameters(planned.errors);
  const { ids } = await findServices(app, planned.plan, null);
  const { page, perPage, proximityMetres } = parsed.value;
  const origin = planned.plan.origin;
  // The profile: "If service_area is available, only return results where the postcode exists
  // within the service_area." Service areas we cannot place on our map do not count.
  const outside = origin ? await servicesCoveringElsewhere(app, origin.areaIds, ids) : new Set<string>();
  const kept = outside.size ? ids.filter((id) => !outside.has(id)) : ids;
  // One row per service at each of its places, services in search order, places in their order.
  const wanted =
    origin && proximityMetres !== null ? await placesWithin(app, kept, origin, proximityMetres) : await placesOnPage(app, kept, (page - 1) * perPage, perPage);
  const pageRows = wanted.rows.slice((page - 1) * perPage - wanted.from).slice(0, perPage);
  const records = new Map(
    (await readApiRecords(app.directory.db, [...new Set(pageRows.map((row) => row.service_id))])).map((entry) => [entry.record.id, entry]),
  );
  const contents = pageRows.flatMap((row) => {
    const entry = records.get(row.service_id);
    const sal = entry?.record.service_at_locations.find((each) => each.id === row.id && each.location);
    return entry && sal ? [serviceAtLocationSummary(sal, entry.record, entry.freshness)] : [];
  });
  return jsonResponse(pageOf(contents, wanted.total, page, perPage));
}

interface PlaceRow {
  id: string;
  service_id: string;
}
/** The rows from the `from`th on (counting from 0), and how many there are in all. */
interface PlaceRows {
  rows: PlaceRow[];
  from: number;
  total: number;
}

/**
 * The service-at-location rows of one page, without reading every row: how many places each
 * service has (one pass over an index), then the rows of the services that page shows.
 */
async function placesOnPage(app: App, ids: string[], offset: number, perPage: number): Promise<PlaceRows> {
  const db = app.directory.db;
  const counts = new Map(
    (
      await db
        .selectFrom('service_at_location')
        .select(['service_id', (eb) => eb.fn.countAll<number>().as('places')])
        .groupBy('service_id')
        .execute()
    ).map((row) => [row.service_id, Number(row.places)]),
  );
  let total = 0;
  let skipped = 0;
  const onPage: string[] = [];
  for (const id of ids) {
    const places = counts.get(id) ?? 0;
    if (total + places > offset && total < offset + perPage) {
      if (!onPage.length) skipped = total;
      onPage.push(id);
    }
    total += places;
  }
  if (!onPage.length) return { rows: [], from: offset, total };
  const rows = await db
    .selectFrom('service_at_location')
    .select(['id', 'service_id'])
    .where('service_id', 'in', onPage)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const byService = groupByService(rows);
  const ordered = onPage.flatMap((id) => byService.get(id) ?? []);
  return { rows: ordered.slice(offset - skipped), from: offset, total };
}

/**
 * Rows at places within `metres` of the origin: only places inside a box around it are read
 * (the location_latitude_longitude index), then each is measured.
 */
async function placesWithin(app: App, ids: string[], origin: { latitude: number; longitude: number }, metres: number): Promise<PlaceRows> {
  const latitudeSpan = metres / 111_000;
  const longitudeSpan = metres / (111_000 * Math.max(0.01, Math.cos((origin.latitude * Math.PI) / 180)));
  const rows = await app.directory.db
    .selectFrom('location')
    .innerJoin('service_at_location', 'service_at_location.location_id', 'location.id')
    .select(['service_at_location.id', 'service_at_location.service_id', 'location.latitude', 'location.longitude'])
    .where('location.latitude', '>=', origin.latitude - latitudeSpan)
    .where('location.latitude', '<=', origin.latitude + latitudeSpan)
    .where('location.longitude', '>=', origin.longitude - longitudeSpan)
    .where('location.longitude', '<=', origin.longitude + longitudeSpan)
    .orderBy('service_at_location.position')
    .orderBy('service_at_location.id')
    .execute();
  const near = rows.filter(
    (row) => row.latitude !== null && row.longitude !== null && metresBetween(origin, { latitude: row.latitude, longitude: row.longitude }) <= metres,
  );
  const byService = groupByService(near);
  const ordered = ids.flatMap((id) => byService.get(id) ?? []);
  return { rows: ordered, from: 0, total: ordered.length };
}

function groupByService<T extends PlaceRow>(rows: T[]): Map<string, T[]> {
  const byService = new Map<string, T[]>();
  for (const row of rows) {
    const list = byService.get(row.service_id);
    if (list) list.push(row);
    else byService.set(row.service_id, [row]);
  }
  return byService;
}

/** Of these services, those whose service areas we know, none of which is (or is inside) one of these areas. */
async function servicesCoveringElsewhere(app: App, areaIds: string[], serviceIds: string[]): Promise<Set<string>> {
  const here = new Set(areaIds);
  const covered = new Map<string, boolean>();
  const asked = new Set(serviceIds);
  for (const row of await app.directory.db.selectFrom('service_area').select(['service_id', 'name']).execute()) {
    if (!asked.has(row.service_id)) continue;
    const area = row.name ? areaByName(row.name) : undefined;
    if (!area) continue;
    covered.set(row.service_id, (covered.get(row.service_id) ?? false) || here.has(area.id));
  }
  return new Set([...covered].filter(([, coversHere]) => !coversHere).map(([id]) => id));
}

/** Great-circle distance in metres. */
function metresBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

async function oneServiceAtLocation(app: App, id: string): Promise<Response> {
  const row = await app.directory.db.selectFrom('service_at_location').select('service_id').where('id', '=', id).executeTakeFirst();
  const [entry] = row ? await readApiRecords(app.directory.db, [row.service_id]) : [];
  const sal = entry?.record.service_at_locations.find((each) => each.id === id && each.location);
  if (!entry || !sal) return notFound(`There is no service at location with id "${id.slice(0, 100)}".`);
  return jsonResponse(fullServiceAtLocation(sal, entry.record, entry.freshness));
}

async function listOrganizations(app: App, params: URLSearchParams): Promise<Response> {
  const parsed = parsePageParameters(params);
  if (!parsed.ok) return invalidParameters(parsed.errors);
  const { page, perPage } = parsed.value;
  const db = app.directory.db;
  // Stand-ins for services whose record named no organisation are not organisations anyone gave.
  const given = db.selectFrom('organization').where('name', '!=', STAND_IN_ORGANIZATION_NAME);
  const total = Number((await given.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()).count);
  const rows = await given
    .selectAll()
    .orderBy('name')
    .orderBy('id')
    .limit(perPage)
    .offset((page - 1) * perPage)
    .execute();
  return jsonResponse(pageOf(rows.map(organizationSummary), total, page, perPage));
}

async function oneOrganization(app: App, id: string): Promise<Response> {
  const db = app.directory.db;
  const organization = await db.selectFrom('organization').selectAll().where('id', '=', id).where('name', '!=', STAND_IN_ORGANIZATION_NAME).executeTakeFirst();
  if (!organization) return notFound(`There is no organization with id "${id.slice(0, 100)}".`);
  const identifiers = await db.selectFrom('organization_identifier').selectAll().where('organization_id', '=', id).orderBy('id').execute();
  const serviceIds = (await db.selectFrom('service').select('id').where('organization_id', '=', id).orderBy('name').execute()).map((row) => row.id);
  const services = (await readApiRecords(db, serviceIds)).map(({ record, freshness }) => fullService(record, freshness));
  return jsonResponse(organizationFull(organization, identifiers, services));
}

async function listTaxonomies(app: App, params: URLSearchParams): Promise<Response> {
  const parsed = parsePageParameters(params);
  if (!parsed.ok) return invalidParameters(parsed.errors);
  const { page, perPage } = parsed.value;
  const rows = await app.directory.db.selectFrom('taxonomy').selectAll().orderBy('name').execute();
  return jsonResponse(pageOf(rows.slice((page - 1) * perPage, page * perPage).map(taxonomyOf), rows.length, page, perPage));
}

async function oneTaxonomy(app: App, id: string): Promise<Response> {
  const db = app.directory.db;
  const taxonomy = await db.selectFrom('taxonomy').selectAll().where('id', '=', id).executeTakeFirst();
  if (!taxonomy) return notFound(`There is no taxonomy with id "${id.slice(0, 100)}".`);
  const terms = await db.selectFrom('taxonomy_term').selectAll().where('taxonomy_id', '=', id).orderBy('name').execute();
  return jsonResponse({ ...taxonomyOf(taxonomy), taxonomy_terms: terms.map(taxonomyTermOf) });
}

async function listTaxonomyTerms(app: App, params: URLSearchParams): Promise<Response> {
  const parsed = parseTaxonomyTermParameters(params);
  if (!parsed.ok) return invalidParameters(parsed.errors);
  const { page, perPage, topOnly, parentId, taxonomyId } = parsed.value;
  let query = app.directory.db.selectFrom('taxonomy_term').selectAll();
  if (topOnly) query = query.where('parent_id', 'is', null);
  if (parentId) query = query.where('parent_id', '=', parentId);
  if (taxonomyId) query = query.where('taxonomy_id', '=', taxonomyId);
  const rows = await query.orderBy('taxonomy').orderBy('name').orderBy('id').execute();
  return jsonResponse(pageOf(rows.slice((page - 1) * perPage, page * perPage).map(taxonomyTermOf), rows.length, page, perPage));
}

async function oneTaxonomyTerm(app: App, id: string): Promise<Response> {
  const term = await app.directory.db.selectFrom('taxonomy_term').selectAll().where('id', '=', id).executeTakeFirst();
  if (!term) return notFound(`There is no taxonomy term with id "${id.slice(0, 100)}".`);
  return jsonResponse(taxonomyTermOf(term));
}
