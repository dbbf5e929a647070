// The Open Referral UK 3.0 API (/openreferral/) on the built server with the sample directory:
// conformance with the official schemas, every parameter, pagination edges, errors, CORS,
// ndjson streaming, agreement with /api/search, and the rate limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { startServer, type RunningServer } from '../fixtures/server';
import { service } from '../fixtures/services';
import { getTaxonomy, ACCESSIBILITY_TAXONOMY, CATEGORY_TAXONOMY } from '../../src/lib/taxonomy/taxonomy';
import { MAX_PER_PAGE } from '../../src/lib/openreferral/api/parameters';

const SCHEMAS = '../shared/oruk/schema';
const haveSchemas = existsSync(`${SCHEMAS}/service.json`);
if (!haveSchemas) console.warn(`Skipping Open Referral UK API schema conformance: ${SCHEMAS} is not here (it comes with ../shared).`);

type Json = Record<string, any>;
interface Got {
  status: number;
  headers: Headers;
  body: Json;
}

let server: RunningServer;
/** Every service in full, from the ndjson download, for working out expected answers. */
let everything: Json[];

async function get(path: string, init?: RequestInit): Promise<Got> {
  const response = await fetch(server.url(path), init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}

/** Every item of a paginated list, page by page (per_page 100). */
async function allPages(path: string): Promise<Json[]> {
  const items: Json[] = [];
  for (let page = 1; ; page++) {
    const { status, body } = await get(`${path}${path.includes('?') ? '&' : '?'}per_page=100&page=${page}`);
    expect(status).toBe(200);
    items.push(...body.contents);
    if (body.last_page) return items;
  }
}

const ids = (items: Json[]) => items.map((item) => item.id as string);

beforeAll(async () => {
  server = await startServer({ env: { OPENREFERRAL_LIMIT_PER_MINUTE: '100000' } });
  const response = await fetch(server.url('/openreferral/services?format=ndjson'));
  everything = (await response.text())
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe.skipIf(!haveSchemas)('conformance with the Open Referral UK schemas', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const validator = (name: string) => ajv.compile(JSON.parse(readFileSync(`${SCHEMAS}/${name}.json`, 'utf8')));
  const failuresOf = (items: Json[], validate: ReturnType<typeof validator>) =>
    items
      .map((item) => ({ id: item.id, ok: validate(item), errors: validate.errors }))
      .filter((outcome) => !outcome.ok)
      .slice(0, 3);

  it('/services: every page of the sample validates against service_list.json', async () => {
    const items = await allPages('/openreferral/services');
    expect(items).toHaveLength(359);
    expect(failuresOf(items, validator('service_list'))).toEqual([]);
  });

  it('/services/{id}: every sample service validates against service.json', async () => {
    const validate = validator('service');
    const records: Json[] = [];
    for (let i = 0; i < everything.length; i += 20) {
      const batch = await Promise.all(everything.slice(i, i + 20).map((record) => get(`/openreferral/services/${record.id}`)));
      for (const got of batch) {
        expect(got.status).toBe(200);
        records.push(got.body);
      }
    }
    expect(records).toHaveLength(359);
    expect(failuresOf(records, validate)).toEqual([]);
    // The download (ndjson) gives the same full records.
    expect(failuresOf(everything, validate)).toEqual([]);
    expect(records[0]).toEqual(everything[0]);
  });

  it('/service_at_locations and /service_at_locations/{id} validate against their schemas', async () => {
    const items = await allPages('/openreferral/service_at_locations');
    const places = everything.reduce((sum, record) => sum + record.service_at_locations.length, 0);
    expect(items).toHaveLength(places);
    expect(failuresOf(items, validator('service_at_location_list'))).toEqual([]);
    const validate = validator('service_at_location');
    const full: Json[] = [];
    for (const item of items) {
      const got = await get(`/openreferral/service_at_locations/${item.id}`);
      expect(got.status).toBe(200);
      expect(got.body).toMatchObject({ id: item.id, service_id: item.service_id, location_id: item.location_id });
      full.push(got.body);
    }
    expect(failuresOf(full, validate)).toEqual([]);
  });

  it('/organizations and /organizations/{id} validate against organization_list.json and organization.json', async () => {
    const items = await allPages('/openreferral/organizations');
    expect(items).toHaveLength(154);
    expect(failuresOf(items, validator('organization_list'))).toEqual([]);
    const validate = validator('organization');
    const full = await Promise.all(items.slice(0, 20).map(async (item) => (await get(`/openreferral/organizations/${item.id}`)).body));
    expect(failuresOf(full, validate)).toEqual([]);
    expect(full.every((organization) => organization.services.every((each: Json) => each.organization_id === organization.id))).toBe(true);
  });

  it('the validators really check (a broken record fails)', () => {
    expect(validator('service')({ ...everything[0], status: 'open' })).toBe(false);
    expect(validator('service_list')({ ...everything[0], id: 'not-a-uuid' })).toBe(false);
  });
});

describe('the API', () => {
  it('GET / says which profile and version it serves', async () => {
    for (const path of ['/openreferral', '/openreferral/']) {
      const { status, body, headers } = await get(path);
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(body).toMatchObject({
        version: 'HSDS-UK-3.0',
        profile: 'https://github.com/openreferral/uk-profile',
        openapi_url: expect.stringMatching(/openapi\.json$/),
      });
    }
  });

  it('full services carry the extensions and the freshness status', async () => {
    const withFunding = everything.find((record) => record.funding?.length && record.referral_routes?.length && record.capacity_status)!;
    const { body } = await get(`/openreferral/services/${withFunding.id}`);
    expect(body).toMatchObject({
      id: withFunding.id,
      organization_id: withFunding.organization.id,
      referral_routes: expect.any(Array),
      capacity_status: expect.any(String),
      funding: expect.arrayContaining([expect.objectContaining({ start_date: expect.any(String) })]),
      freshness: { status: expect.stringMatching(/^(ok|check|stale)$/), flags: expect.any(Array) },
    });
    const { body: page } = await get('/openreferral/services?per_page=1');
    expect(page.contents[0].freshness.status).toMatch(/^(ok|check|stale)$/);
  });

  it('taxonomies and taxonomy terms, with top_only, parent_id and taxonomy_id', async () => {
    const taxonomies = await get('/openreferral/taxonomies');
    expect(taxonomies.body.contents.map((each: Json) => each.id).sort()).toEqual([ACCESSIBILITY_TAXONOMY.id, CATEGORY_TAXONOMY.id].sort());
    const one = await get(`/openreferral/taxonomies/${CATEGORY_TAXONOMY.id}`);
    expect(one.body.taxonomy_terms).toHaveLength(getTaxonomy().categories.length);

    const all = await allPages('/openreferral/taxonomy_terms');
    const taxonomy = getTaxonomy();
    expect(all).toHaveLength(taxonomy.categories.length + taxonomy.accessibility.length);
    const top = await allPages('/openreferral/taxonomy_terms?top_only=true');
    expect(top.every((term) => term.parent_id === undefined)).toBe(true);
    expect(top.length).toBe(taxonomy.categories.filter((term) => !term.parent).length + taxonomy.accessibility.length);
    const food = taxonomy.categoryByCode.get('food')!;
    const children = await allPages(`/openreferral/taxonomy_terms?parent_id=${food.uuid}`);
    expect(children.map((term) => term.code).sort()).toEqual(
      taxonomy.categories
        .filter((term) => term.parent === 'food')
        .map((term) => term.id)
        .sort(),
    );
    const access = await allPages(`/openreferral/taxonomy_terms?taxonomy_id=${ACCESSIBILITY_TAXONOMY.id}`);
    expect(access).toHaveLength(taxonomy.accessibility.length);
    const term = await get(`/openreferral/taxonomy_terms/${food.uuid}`);
    expect(term.body).toMatchObject({ id: food.uuid, code: 'food', name: food.name, taxonomy_id: CATEGORY_TAXONOMY.id });
    expect((await get('/openreferral/taxonomy_terms?top_only=maybe')).body.errors[0].parameter).toBe('top_only');
  });
});

describe('parameters', () => {
  /** The ids /api/search gives for the same search, every page, closed services included. */
  async function siteIds(params: string): Promise<string[]> {
    const out: string[] = [];
    for (let page = 1; ; page++) {
      const { body } = await get(`/api/search?${params}&include_closed=1&per_page=100&page=${page}`);
      out.push(...body.results.map((result: Json) => result.id));
      if (page >= body.total_pages) return out;
    }
  }

  it('search: the same services in the same order as the site', async () => {
    for (const words of ['food', 'walking group', 'debt advice', 'zzzznothing']) {
      const api = await allPages(`/openreferral/services?search=${encodeURIComponent(words)}`);
      expect(ids(api)).toEqual(await siteIds(`q=${encodeURIComponent(words)}`));
    }
    expect((await allPages('/openreferral/services?search=food')).length).toBeGreaterThan(5);
  });

  it('taxonomy_term_id: a category (with everything under it) or an accessibility feature, as the site filters', async () => {
    const taxonomy = getTaxonomy();
    const food = taxonomy.categoryByCode.get('food')!;
    const api = await allPages(`/openreferral/services?taxonomy_term_id=${food.uuid}`);
    expect(api.length).toBeGreaterThan(0);
    expect(ids(api)).toEqual(await siteIds('category=food'));
    const step = taxonomy.accessibility[0]!;
    expect(ids(await allPages(`/openreferral/services?taxonomy_term_id=${step.uuid}`))).toEqual(await siteIds(`access=${step.id}`));
    const bad = await get('/openreferral/services?taxonomy_term_id=no-such-term');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ parameter: 'taxonomy_term_id', message: expect.stringContaining('"no-such-term" is not a taxonomy term') }]);
  });

  it('taxonomy_id: services with any term of that taxonomy', async () => {
    const access = await allPages(`/openreferral/services?taxonomy_id=${ACCESSIBILITY_TAXONOMY.id}`);
    const expected = everything.filter((record) =>
      record.service_at_locations.some((sal: Json) =>
        (sal.location.attributes ?? []).some((attribute: Json) => attribute.taxonomy_term?.taxonomy_id === ACCESSIBILITY_TAXONOMY.id),
      ),
    );
    expect(ids(access).sort()).toEqual(ids(expected).sort());
    expect(access.length).toBeGreaterThan(0);
    expect(access.length).toBeLessThan(359);
    const categories = await allPages(`/openreferral/services?taxonomy_id=${CATEGORY_TAXONOMY.id}`);
    expect(ids(categories).sort()).toEqual(
      ids(everything.filter((record) => record.attributes.some((a: Json) => a.taxonomy_term?.taxonomy_id === CATEGORY_TAXONOMY.id))).sort(),
    );
    expect((await get('/openreferral/services?taxonomy_id=nope')).body.errors[0].parameter).toBe('taxonomy_id');
  });

  it("minimum_age and maximum_age, as the profile means them (the service's own ages)", async () => {
    const atLeast18 = await allPages('/openreferral/services?minimum_age=18');
    expect(ids(atLeast18).sort()).toEqual(ids(everything.filter((record) => (record.minimum_age ?? 0) >= 18)).sort());
    expect(atLeast18.length).toBeGreaterThan(0);
    const atMost18 = await allPages('/openreferral/services?maximum_age=18');
    expect(ids(atMost18).sort()).toEqual(ids(everything.filter((record) => record.maximum_age !== undefined && record.maximum_age <= 18)).sort());
    expect(atMost18.length).toBeGreaterThan(0);
    const both = await allPages('/openreferral/services?minimum_age=11&maximum_age=18');
    expect(both.every((record) => record.minimum_age >= 11 && record.maximum_age <= 18)).toBe(true);
    expect((await get('/openreferral/services?minimum_age=old')).body.errors[0].parameter).toBe('minimum_age');
  });

  it("day: as the site's day filter; MO and mon and Monday all work", async () => {
    const tuesday = await siteIds('day=tue');
    expect(tuesday.length).toBeGreaterThan(0);
    for (const day of ['TU', 'tue', 'Tuesday']) expect(ids(await allPages(`/openreferral/services?day=${day}`))).toEqual(tuesday);
    const bad = await get('/openreferral/services?day=someday');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ parameter: 'day', message: expect.stringContaining('is not a day') });
  });

  it('start_time and end_time: a session opening at or after, and closing at or before', async () => {
    const minutes = (time: string | undefined) => (time ? Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) : NaN);
    const expected = everything.filter((record) =>
      record.schedules.some(
        (schedule: Json) =>
          minutes(schedule.opens_at) >= 9 * 60 &&
          minutes(schedule.closes_at) <= 12 * 60 &&
          !(schedule.valid_to && schedule.valid_to < new Date().toISOString().slice(0, 10)),
      ),
    );
    const api = await allPages('/openreferral/services?start_time=09:00&end_time=12:00');
    expect(ids(api).sort()).toEqual(ids(expected).sort());
    expect(api.length).toBeGreaterThan(0);
    expect((await get('/openreferral/services?start_time=25:00')).body.errors[0].parameter).toBe('start_time');
    expect((await get('/openreferral/services?end_time=noon')).body.errors[0].parameter).toBe('end_time');
  });

  it('modified_after: only services modified on or after it', async () => {
    const api = await allPages('/openreferral/services?modified_after=2026-09-01');
    const expected = everything.filter((record) => record.last_modified && Date.parse(record.last_modified) >= Date.parse('2026-09-01T00:00:00Z'));
    expect(ids(api).sort()).toEqual(ids(expected).sort());
    expect(api.length).toBeGreaterThan(0);
    expect(api.length).toBeLessThan(359);
    const precise = await allPages('/openreferral/services?modified_after=2026-09-01T12:00:00Z');
    expect(precise.length).toBeLessThanOrEqual(api.length);
    expect((await get('/openreferral/services?modified_after=yesterday')).body.errors[0].parameter).toBe('modified_after');
  });

  it('postcode and proximity (metres) on /service_at_locations: only places that near, nearest first', async () => {
    const near = (await get('/api/search?near=NE4%208RQ&per_page=1')).body.near;
    expect(near).toMatchObject({ latitude: expect.any(Number), longitude: expect.any(Number) });
    const metres = (latitude: number, longitude: number) => {
      const rad = Math.PI / 180;
      const h =
        Math.sin(((latitude - near.latitude) * rad) / 2) ** 2 +
        Math.cos(near.latitude * rad) * Math.cos(latitude * rad) * Math.sin(((longitude - near.longitude) * rad) / 2) ** 2;
      return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
    };
    const api = await allPages('/openreferral/service_at_locations?postcode=NE4%208RQ&proximity=1500');
    // NE4 8RQ is in Newcastle: services covering only other areas are left out.
    const coversNewcastle = (record: Json) => !record.service_areas?.length || record.service_areas.some((area: Json) => area.name === 'Newcastle upon Tyne');
    const expected = everything
      .filter(coversNewcastle)
      .flatMap((record) =>
        record.service_at_locations.filter((sal: Json) => sal.location.latitude !== undefined && metres(sal.location.latitude, sal.location.longitude) <= 1500),
      );
    expect(ids(api).sort()).toEqual(ids(expected).sort());
    expect(api.length).toBeGreaterThan(0);
    expect(api.length).toBeLessThan(expected.length + 1);
    const distances = api.map((item) => metres(item.location.latitude, item.location.longitude));
    expect(distances[0]).toBe(Math.min(...distances));
    // /services with a postcode: the site's nearest-first order.
    expect(ids(await allPages('/openreferral/services?postcode=NE4%208RQ&proximity=1500'))).toEqual(await siteIds('near=NE4%208RQ&radius_km=1.5'));

    // A postcode alone: services whose service areas do not include it are left out.
    const onlyIn = (name: string) =>
      everything.find((record) => record.service_at_locations.length && record.service_areas?.length === 1 && record.service_areas[0].name === name)!;
    const newcastleOnly = onlyIn('Newcastle upon Tyne');
    const gatesheadOnly = onlyIn('Gateshead');
    const inGateshead = new Set((await allPages('/openreferral/service_at_locations?postcode=NE8%204YX')).map((item) => item.service_id));
    expect(inGateshead.has(gatesheadOnly.id)).toBe(true);
    expect(inGateshead.has(newcastleOnly.id)).toBe(false);
    const inNewcastle = new Set((await allPages('/openreferral/service_at_locations?postcode=NE4%208RQ')).map((item) => item.service_id));
    expect(inNewcastle.has(newcastleOnly.id)).toBe(true);
    expect(inNewcastle.has(gatesheadOnly.id)).toBe(false);

    const unknown = await get('/openreferral/service_at_locations?postcode=ZZ99%209ZZ');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].parameter).toBe('postcode');
    const alone = await get('/openreferral/service_at_locations?proximity=1000');
    expect(alone.body.errors).toEqual([{ parameter: 'proximity', message: 'needs a postcode to measure from: add postcode=' }]);
    expect((await get('/openreferral/service_at_locations?postcode=NE4&proximity=far')).body.errors[0].parameter).toBe('proximity');
  });

  it('several bad parameters are each named', async () => {
    const { status, body, headers } = await get('/openreferral/services?per_page=0&format=xml&minimum_age=-3');
    expect(status).toBe(400);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(body.error).toBe('invalid_parameter');
    expect(body.errors.map((error: Json) => error.parameter)).toEqual(['per_page', 'minimum_age', 'format']);
  });
});

describe('pagination', () => {
  it("gives the profile's page fields", async () => {
    const { body } = await get('/openreferral/services?per_page=100&page=2');
    expect(body).toMatchObject({ total_items: 359, total_pages: 4, page_number: 2, size: 100, first_page: false, last_page: false, empty: false });
    const last = (await get('/openreferral/services?per_page=100&page=4')).body;
    expect(last).toMatchObject({ page_number: 4, size: 59, first_page: false, last_page: true, empty: false });
    const first = (await get('/openreferral/services')).body;
    expect(first).toMatchObject({ page_number: 1, size: 20, first_page: true, last_page: false, total_pages: 18 });
  });

  it('refuses page 0 and negative pages with 400 (pages count from 1)', async () => {
    for (const page of ['0', '-1', 'two']) {
      const { status, body } = await get(`/openreferral/services?page=${page}`);
      expect(status).toBe(400);
      expect(body.errors[0].parameter).toBe('page');
    }
  });

  it('refuses a page number too large to be real with 400, on every list (never a 500)', async () => {
    for (const list of ['services', 'service_at_locations', 'organizations', 'taxonomies', 'taxonomy_terms']) {
      const { status, body } = await get(`/openreferral/${list}?page=99999999999999999999`);
      expect(status, list).toBe(400);
      expect(body.errors[0].parameter).toBe('page');
    }
  });

  it('answers HEAD like GET, without a body', async () => {
    const response = await fetch(server.url('/openreferral/services'), { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.text()).toBe('');
  });

  it('past the end: an empty page that says so', async () => {
    const { status, body } = await get('/openreferral/services?page=99&per_page=10');
    expect(status).toBe(200);
    expect(body).toEqual({ total_items: 359, total_pages: 36, page_number: 99, size: 0, first_page: false, last_page: true, empty: true, contents: [] });
    const filtered = (await get('/openreferral/services?page=99&minimum_age=18')).body;
    expect(filtered).toMatchObject({ page_number: 99, size: 0, empty: true, contents: [] });
  });

  it(`caps per_page at ${MAX_PER_PAGE}`, async () => {
    const { body } = await get('/openreferral/services?per_page=5000');
    expect(body.size).toBe(MAX_PER_PAGE);
    expect(body.total_pages).toBe(Math.ceil(359 / MAX_PER_PAGE));
  });

  it('pages of a filtered search join up to the whole', async () => {
    const whole = ids(await allPages('/openreferral/services?minimum_age=18'));
    const pieces: string[] = [];
    for (let page = 1; page <= Math.ceil(whole.length / 7); page++) {
      pieces.push(...ids((await get(`/openreferral/services?minimum_age=18&per_page=7&page=${page}`)).body.contents));
    }
    expect(pieces).toEqual(whole);
  });
});

describe('errors and CORS', () => {
  it('unknown ids and addresses get 404 with a JSON error', async () => {
    for (const path of ['services', 'service_at_locations', 'organizations', 'taxonomies', 'taxonomy_terms']) {
      const { status, body, headers } = await get(`/openreferral/${path}/00000000-0000-4000-8000-000000000000`);
      expect(status).toBe(404);
      expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(headers.get('access-control-allow-origin')).toBe('*');
      expect(body).toEqual({ error: 'not_found', message: expect.stringContaining('00000000-0000-4000-8000-000000000000') });
    }
    expect((await get('/openreferral/nothing-here')).status).toBe(404);
    expect((await get('/openreferral/services/a/b')).body.error).toBe('not_found');
  });

  it("an address with a broken % escape gets a 400 JSON error, with CORS, not the site's HTML page", async () => {
    for (const path of ['/openreferral/services?search=50%', '/openreferral/services/%E0%A4%A']) {
      const { status, body, headers } = await get(path);
      expect(status, path).toBe(400);
      expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(headers.get('access-control-allow-origin')).toBe('*');
      expect(body.error).toBe('invalid_address');
    }
  });

  it('is read-only: other methods get 405 with a JSON error', async () => {
    const { status, body, headers } = await get('/openreferral/services', {
      method: 'DELETE',
      headers: { origin: server.origin },
    });
    expect(status).toBe(405);
    expect(headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(body).toEqual({ error: 'method_not_allowed', message: 'This API is read-only: use GET.' });
  });

  it('every answer allows any origin, and a preflight is answered', async () => {
    for (const path of ['/openreferral/', '/openreferral/services', '/openreferral/services?page=0']) {
      expect((await fetch(server.url(path))).headers.get('access-control-allow-origin')).toBe('*');
    }
    const preflight = await fetch(server.url('/openreferral/services'), {
      method: 'OPTIONS',
      headers: { origin: 'https://council.example.org', 'access-control-request-method': 'GET', 'access-control-request-headers': 'accept' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('GET');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('accept');
  });
});

describe('format=ndjson', () => {
  it('streams one full service a line, as many as total_items', async () => {
    const response = await fetch(server.url('/openreferral/services?format=ndjson'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('content-length')).toBeNull();
    // Read as a stream, line by line.
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    let chunks = 0;
    const lines: Json[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      buffered += value;
      const complete = buffered.split('\n');
      buffered = complete.pop()!;
      lines.push(...complete.map((line) => JSON.parse(line)));
    }
    expect(buffered).toBe('');
    expect(chunks).toBeGreaterThan(1);
    const { body } = await get('/openreferral/services');
    expect(lines).toHaveLength(body.total_items);
    expect(new Set(ids(lines)).size).toBe(359);
    expect(lines.every((line) => Array.isArray(line.service_at_locations) && line.freshness)).toBe(true);
  });

  it('with a search, streams just what the search finds', async () => {
    const text = await (await fetch(server.url('/openreferral/services?format=ndjson&search=food'))).text();
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(ids(lines)).toEqual(ids(await allPages('/openreferral/services?search=food')));
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After and a JSON error past OPENREFERRAL_LIMIT_PER_MINUTE', async () => {
    const limited = await startServer({ fixtures: [service({ code: 'api-limit', name: 'Limit test group' })], env: { OPENREFERRAL_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      let refused: Response | undefined;
      for (let i = 0; i < 10 && !refused; i++) {
        const response = await fetch(`${limited.origin}/openreferral/services`);
        statuses.push(response.status);
        if (response.status === 429) refused = response;
        else await response.text();
      }
      expect(refused).toBeDefined();
      // At most 3 in a minute: 3 before the refusal, or 6 if a new minute began meanwhile.
      expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(3);
      expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(6);
      const retryAfter = Number(refused!.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
      expect(refused!.headers.get('access-control-allow-origin')).toBe('*');
      expect(await refused!.json()).toMatchObject({ error: 'rate_limited', retry_after_seconds: retryAfter });
    } finally {
      await limited.stop();
    }
  }, 120_000);
});
