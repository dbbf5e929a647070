// The official ORUK validator's rules, run against the built server with the sample directory at
// the default rate limit: it reads `/`, follows openapi_url, checks the profile's required
// endpoints, the first, middle and last page of every list, and up to ten random ids from each
// list against the schemas. Then this directory's whole sample is pulled through its own API into
// a fresh database, as another directory would, and every service arrives: also when the server
// is already answering 429 (the pull waits as Retry-After asks).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { startServer, type RunningServer } from '../fixtures/server';
import { scratchDirectory, TODAY } from '../fixtures/services';
import { pullFeed } from '../../src/lib/openreferral/feed-pull';
import { serviceIds } from '../../src/lib/directory/service-reader';

const SCHEMAS = '../shared/oruk/schema';
const haveSchemas = existsSync(`${SCHEMAS}/openapi.json`);
if (!haveSchemas) console.warn(`Skipping the ORUK validator's rules: ${SCHEMAS} is not here (it comes with ../shared).`);

type Json = Record<string, any>;
let server: RunningServer;

async function get(path: string): Promise<{ status: number; body: Json }> {
  const response = await fetch(path.startsWith('http') ? path : server.url(path));
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  server = await startServer();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

/** The lists the validator checks, each against its schema. */
const LISTS = ['services', 'service_at_locations', 'organizations', 'taxonomies', 'taxonomy_terms'] as const;

describe.skipIf(!haveSchemas)("the ORUK validator's rules", () => {
  // Read when the tests run, not when they are collected, so that without ../shared they are skipped, not failed.
  const schema = (name: string) => JSON.parse(readFileSync(`${SCHEMAS}/${name}.json`, 'utf8'));
  let validators: Record<(typeof LISTS)[number], { list: ValidateFunction; one: ValidateFunction }>;
  let page: ValidateFunction;
  beforeAll(() => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const service = schema('service');
    const termSchema = service.properties.attributes.items.properties.taxonomy_term;
    const taxonomySchema = {
      type: 'object',
      required: ['id', 'name', 'description'],
      properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, description: { type: 'string' } },
    };
    validators = {
      services: { list: ajv.compile(schema('service_list')), one: ajv.compile(service) },
      service_at_locations: { list: ajv.compile(schema('service_at_location_list')), one: ajv.compile(schema('service_at_location')) },
      organizations: { list: ajv.compile(schema('organization_list')), one: ajv.compile(schema('organization')) },
      taxonomies: { list: ajv.compile(taxonomySchema), one: ajv.compile(taxonomySchema) },
      taxonomy_terms: { list: ajv.compile(termSchema), one: ajv.compile(termSchema) },
    };
    page = ajv.compile(schema('openapi').components.schemas.Page);
  });

  it("`/` says the version and profile, and points at this server's openapi.json, which lists every required endpoint", async () => {
    const root = await get('/openreferral/');
    expect(root.status).toBe(200);
    expect(root.body).toMatchObject({
      version: 'HSDS-UK-3.0',
      profile: expect.stringMatching(/^https:/),
      openapi_url: server.url('/openreferral/openapi.json'),
    });
    const openapi = await get(root.body.openapi_url);
    expect(openapi.status).toBe(200);
    expect(openapi.body.servers).toEqual([expect.objectContaining({ url: server.url('/openreferral') })]);
    const required = Object.keys(schema('openapi').paths);
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(required));
    // What it says of paging is what the lists do.
    const perPage = (openapi.body.paths['/services'].get.parameters as Json[]).find((parameter) => parameter.name === 'per_page')!;
    expect((await get('/openreferral/services')).body.size).toBe(perPage.schema.default);
    expect((await get('/openreferral/services?per_page=1000')).body.size).toBe(perPage.schema.maximum);
    // Each endpoint it names answers.
    for (const path of Object.keys(openapi.body.paths).filter((each) => !each.includes('{'))) {
      expect((await get(`/openreferral${path === '/' ? '/' : path}`)).status, path).toBe(200);
    }
  });

  for (const list of LISTS) {
    it(`/${list}: first, middle and last pages, and up to ten random ids, pass the schemas`, async () => {
      const first = await get(`/openreferral/${list}`);
      expect(first.status).toBe(200);
      const totalPages: number = first.body.total_pages;
      const pages = [...new Set([1, Math.max(1, Math.ceil(totalPages / 2)), Math.max(1, totalPages)])];
      const seen: Json[] = [];
      const failures: unknown[] = [];
      for (const number of pages) {
        const { status, body } = await get(`/openreferral/${list}?page=${number}`);
        expect(status).toBe(200);
        if (!page(body)) failures.push({ page: number, errors: page.errors });
        expect(body).toMatchObject({ page_number: number, first_page: number === 1, last_page: number === totalPages, size: body.contents.length });
        for (const item of body.contents) {
          if (!validators[list].list(item)) failures.push({ id: item.id, errors: validators[list].list.errors?.slice(0, 3) });
          seen.push(item);
        }
      }
      expect(seen.length).toBeGreaterThan(0);
      // Ten at random (a fixed shuffle, so a failure can be repeated).
      const picked = [...seen]
        .sort((a, b) => String(a.id).localeCompare(String(b.id)))
        .filter((_, i) => i % Math.max(1, Math.floor(seen.length / 10)) === 0)
        .slice(0, 10);
      for (const item of picked) {
        const { status, body } = await get(`/openreferral/${list}/${encodeURIComponent(item.id)}`);
        expect(status, `${list}/${item.id}`).toBe(200);
        if (!validators[list].one(body)) failures.push({ id: item.id, errors: validators[list].one.errors?.slice(0, 3) });
      }
      expect(failures).toEqual([]);
    });
  }
});

describe("pulling this directory's whole sample through its own API", () => {
  it('at the default rate limit, one request a page, brings every service into a fresh database', async () => {
    const scratch = await scratchDirectory();
    try {
      const total = (await get('/openreferral/services?per_page=1')).body.total_items as number;
      expect(total).toBeGreaterThan(300);
      const report = await pullFeed(scratch.directory, scratch.search, server.url('/openreferral'), { today: TODAY });
      expect(report.invalid).toEqual([]);
      expect(report).toMatchObject({ listed: total, written: total, fetched: 0, pages: Math.ceil(total / 100) });
      // Our own freshness comes with each record; it is worked out again here, not copied.
      expect(report.dropped.filter((notice) => notice.path === 'freshness')).toHaveLength(total);
      expect(report.dropped.filter((notice) => notice.path !== 'freshness')).toEqual([]);
      expect(report.normalised).toEqual([]);
      expect(report.keptWhole).toEqual([]);
      expect((await serviceIds(scratch.directory.db)).length).toBe(total);
      expect(await scratch.search.count()).toBeGreaterThan(0);
    } finally {
      await scratch.cleanup();
    }
  }, 300_000);

  it('when the server is already answering 429, waits as its Retry-After asks, then gets every service', async () => {
    const scratch = await scratchDirectory();
    try {
      const total = (await get('/openreferral/services?per_page=1')).body.total_items as number;
      // Use up this minute's requests (at most the default 120), so the pull meets a 429 at once.
      let answer = 200;
      for (let sent = 0; answer !== 429 && sent <= 121; sent++) {
        const response = await fetch(server.url('/openreferral/'));
        answer = response.status;
        await response.body?.cancel();
      }
      expect(answer).toBe(429);
      const waited: number[] = [];
      const report = await pullFeed(scratch.directory, scratch.search, server.url('/openreferral'), {
        today: TODAY,
        onWait: (_url, ms, status) => {
          waited.push(ms);
          expect(status).toBe(429);
        },
      });
      expect(waited.length).toBeGreaterThan(0);
      expect(waited.every((ms) => ms > 0 && ms <= 61_000)).toBe(true);
      expect(report.waits).toBe(waited.length);
      expect(report.invalid).toEqual([]);
      expect(report).toMatchObject({ listed: total, written: total, fetched: 0 });
      expect((await serviceIds(scratch.directory.db)).length).toBe(total);
    } finally {
      await scratch.cleanup();
    }
  }, 300_000);
});
