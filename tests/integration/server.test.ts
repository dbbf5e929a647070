// The real built server over HTTP, started the way `npm start` starts it, on a fresh database:
// it loads the sample directory, and serves the JSON search API and the search page.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceKm, type Point } from '../../src/lib/geo/distance';
import { getAreas } from '../../src/lib/geo/areas';
import { startServer, type RunningServer } from '../fixtures/server';

let server: RunningServer;
let base: string;

beforeAll(async () => {
  server = await startServer();
  base = server.origin;
});

afterAll(async () => {
  await server?.stop();
});

describe('the built server', () => {
  it('loads the sample directory into an empty database', async () => {
    expect(server.output()).toContain('loading the sample directory');
    const body = await (await fetch(`${base}/api/search?per_page=1&include_closed=1`)).json();
    expect(body.total).toBeGreaterThanOrEqual(250);
  });

  it('answers GET /api/search with results and facet counts', async () => {
    const response = await fetch(`${base}/api/search?q=walking&cost=free&per_page=5`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = await response.json();
    expect(body).toMatchObject({ page: 1, per_page: 5 });
    expect(body.total).toBeGreaterThan(0);
    expect(Object.keys(body.results[0]).sort()).toEqual(
      expect.arrayContaining(['id', 'name', 'organization', 'description', 'categories', 'cost', 'schedule_text', 'delivery_modes', 'assured_date', 'url']),
    );
    expect(body.results[0].url).toBe(`/services/${body.results[0].id}`);
    for (const result of body.results) expect(result.cost).toMatch(/free/i);
    expect(body.facets.cost.free).toBe(body.total);
    expect(Object.keys(body.facets)).toEqual(expect.arrayContaining(['category', 'cost', 'mode', 'day', 'time', 'referral', 'access', 'capacity']));
  });

  it.each([
    ['per_page=lots', 'per_page', 'from 1 to 100'],
    ['day=funday', 'day', '"funday" is not a day'],
    ['category=unicorns', 'category', 'not a category'],
  ])('refuses %s with 400 naming the parameter', async (qs, parameter, words) => {
    const response = await fetch(`${base}/api/search?${qs}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe('invalid_parameter');
    expect(body.errors[0].parameter).toBe(parameter);
    expect(body.errors[0].message).toContain(words);
  });

  it('never gives an error page for strange search text', async () => {
    for (const q of ['"', 'NEAR(', '🙂', '*', 'x'.repeat(10_000), "' OR 1=1 --"]) {
      const api = await fetch(`${base}/api/search?${new URLSearchParams({ q })}`);
      expect(api.status, q).toBe(200);
      const page = await fetch(`${base}/search?${new URLSearchParams({ q })}`);
      expect(page.status, q).toBe(200);
    }
  });

  it('shows a bad filter value on the search page beside the filter, not as an error page', async () => {
    const response = await fetch(`${base}/search?q=food&day=funday&per_page=lots`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('&quot;funday&quot; is not a day');
    expect(html).toContain('from 1 to 100');
  });

  it('serves the home page and a service page', async () => {
    expect((await fetch(`${base}/`)).status).toBe(200);
    const body = await (await fetch(`${base}/api/search?q=food&per_page=1`)).json();
    const page = await fetch(`${base}${body.results[0].url}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(body.results[0].name.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
    expect((await fetch(`${base}/services/no-such-service`)).status).toBe(404);
  });

  it('answers an address with a broken escape with a kind page (400), not a bare error', async () => {
    for (const path of ['/search?q=%ZZ', '/search?q=50%', '/services/%E0%A4%A']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('content-type'), path).toContain('text/html');
      const html = await response.text();
      expect(html, path).toContain('There is a mistake in that web address');
      expect(html, path).toContain('action="/search"');
    }
  });

  it('never answers a strange query string with a server error', async () => {
    const strange = [
      'page=1e309',
      'page=99999999999999999999',
      'per_page=0',
      'age=-5',
      'max_cost=NaN',
      'sort=__proto__',
      'constructor=1&__proto__=x',
      'category=%22)%20OR%201=1--',
      'day=mon&day=mon&day=mon',
      'time=',
      'q=%00%00',
      'access[]=x',
      'q=a&q=b',
      `category=${'x'.repeat(5000)}`,
    ];
    for (const query of strange) {
      expect((await fetch(`${base}/search?${query}`)).status, query).toBe(200);
      expect((await fetch(`${base}/api/search?${query}`)).status, query).toBeLessThan(500);
    }
  });

  it('gives every response its security headers, and caches hashed files for good but not pages', async () => {
    const page = await fetch(`${base}/search?q=food`);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('referrer-policy')).toBe('same-origin');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('private, no-cache');
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(await page.text())?.[1];
    expect(stylesheet).toMatch(/^\/_astro\//);
    const asset = await fetch(`${base}${stylesheet}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    // An address that is not one of the built files is a page (here "not found"), never cached in public.
    const missing = await fetch(`${base}/_astro/not-a-file.css`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).not.toMatch(/public/);
  });
});

// ---------------------------------------------------------------------------------------------
// Searching near a place, on the sample directory. What to expect is read from the sample file
// itself (content/sample/directory.json), not from the server.

type Json = Record<string, any>;
const sample = (JSON.parse(readFileSync(new URL('../../content/sample/directory.json', import.meta.url), 'utf8')) as { contents: Json[] }).contents;
const sampleService = (name: string) => {
  const found = sample.find((record) => record.name === name);
  if (!found) throw new Error(`The sample has no service called ${name}`);
  return found;
};

/** Each postcode of the sample's addresses at the mean of its places, as the directory's postcode table holds it. */
/** Where the shipped postcode data (content/postcodes) puts a postcode or a district, read here on its own. */
function shippedPoint(code: string): Point {
  const rows: string[][] = code.includes(' ')
    ? parse(gunzipSync(readFileSync('content/postcodes/north-east.csv.gz')))
    : parse(readFileSync('content/postcodes/districts.csv'));
  const row = rows.find((fields) => fields[0] === code);
  if (!row) throw new Error(`${code} is not in the shipped postcodes`);
  return { latitude: Number(row[1]), longitude: Number(row[2]) };
}

function samplePostcodes(): Map<string, Point & { outward: string }> {
  const sums = new Map<string, { outward: string; latitude: number; longitude: number; count: number }>();
  for (const record of sample) {
    for (const { location } of record.service_at_locations as Json[]) {
      if (typeof location.latitude !== 'number' || typeof location.longitude !== 'number') continue;
      for (const address of location.addresses ?? []) {
        const compact = String(address.postal_code ?? '')
          .replace(/\s+/g, '')
          .toUpperCase();
        if (!/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact)) continue;
        const postcode = `${compact.slice(0, -3)} ${compact.slice(-3)}`;
        const sum = sums.get(postcode) ?? { outward: compact.slice(0, -3), latitude: 0, longitude: 0, count: 0 };
        sum.latitude += location.latitude;
        sum.longitude += location.longitude;
        sum.count += 1;
        sums.set(postcode, sum);
      }
    }
  }
  return new Map(
    [...sums].map(([postcode, sum]) => [postcode, { outward: sum.outward, latitude: sum.latitude / sum.count, longitude: sum.longitude / sum.count }]),
  );
}

interface ApiResult {
  name: string;
  url: string;
  delivery_modes: string[];
  places: (Point & { name: string })[];
  distance_km: number | null;
  distance_text: string | null;
  reach: 'place' | 'area' | 'remote' | 'unknown' | null;
  freshness: { status: 'ok' | 'check' | 'stale'; flags: { flag: string; severity: string; message: string }[] };
}
interface ApiBody {
  total: number;
  total_pages: number;
  results: ApiResult[];
  near: (Point & { label: string }) | null;
  facets: Json;
}

const api = async (qs: string): Promise<ApiBody> => {
  const response = await fetch(`${base}/api/search?${qs}`);
  expect(response.status, qs).toBe(200);
  return response.json() as Promise<ApiBody>;
};

/** Every result of a search, page by page. */
async function allResults(qs: string): Promise<{ first: ApiBody; results: ApiResult[] }> {
  const first = await api(`${qs}&per_page=100`);
  const results = [...first.results];
  for (let page = 2; page <= first.total_pages; page++) results.push(...(await api(`${qs}&per_page=100&page=${page}`)).results);
  expect(results).toHaveLength(first.total);
  return { first, results };
}

const GROUP_ORDER = ['place', 'area', 'remote', 'unknown'];

/**
 * Checks the distance order: places nearest first (each at its nearest place), then area, then
 * phone or online; stale listings (freshness) come after all of those, in the same order.
 */
function expectDistanceOrder(results: ApiResult[], from: Point, what: string): void {
  const staleAt = results.findIndex((result) => result.freshness.status === 'stale');
  if (staleAt >= 0)
    expect(
      results.slice(staleAt).every((result) => result.freshness.status === 'stale'),
      `${what}: stale last`,
    ).toBe(true);
  const fresh = staleAt >= 0 ? results.slice(0, staleAt) : results;
  const stale = staleAt >= 0 ? results.slice(staleAt) : [];
  expectGroupOrder(fresh, from, what, true);
  if (stale.length) expectGroupOrder(stale, from, `${what} (stale)`, false);
}

function expectGroupOrder(results: ApiResult[], from: Point, what: string, main: boolean): void {
  const groups = results.map((result) => GROUP_ORDER.indexOf(result.reach!));
  expect(groups, what).toEqual([...groups].sort((a, b) => a - b));
  expect(
    groups.every((group) => group >= 0),
    what,
  ).toBe(true);
  const placed = results.filter((result) => result.reach === 'place');
  if (main) expect(placed.length, what).toBeGreaterThan(150);
  const distances = placed.map((result) => result.distance_km!);
  expect(distances, what).toEqual([...distances].sort((a, b) => a - b));
  for (const result of placed) {
    const nearest = Math.min(...result.places.map((place) => distanceKm(from, place)));
    expect(Math.abs(result.distance_km! - nearest), `${what}: ${result.name}`).toBeLessThan(0.006 + nearest * 0.005);
    expect(result.distance_text, `${what}: ${result.name}`).toMatch(/^(\d+(\.\d)? km|Less than 0\.1 km)(, about an? \d+ minute walk)?$/);
  }
  const remote = results.filter((result) => result.reach === 'remote');
  if (main) expect(remote.length, what).toBeGreaterThan(0);
  // By phone or online with no place: no distance at all.
  for (const result of remote.filter((r) => r.places.length === 0)) expect([result.distance_km, result.distance_text], result.name).toEqual([null, null]);
  for (const result of results.filter((r) => r.reach === 'area')) expect(result.places.length === 0 || result.distance_km !== null, result.name).toBe(true);
}

describe('finding what people mean', () => {
  const api = async (qs: string) => (await fetch(`${base}/api/search?${qs}`)).json();
  const page = async (qs: string) => {
    const response = await fetch(`${base}/search?${qs}`);
    expect(response.status, qs).toBe(200);
    return response.text();
  };

  it('corrects misspelt words in /api/search and says what it searched for', async () => {
    const corrected = await api('q=lonley');
    expect(corrected.corrected).toEqual({ q: 'lonely', words: [{ from: 'lonley', to: 'lonely' }] });
    expect(corrected.total).toBe((await api('q=lonely')).total);
    expect(corrected.total).toBeGreaterThan(0);
    for (const [typed, meant] of [
      ['fodbank', 'foodbank'],
      ['councelling', 'counselling'],
      ['benfits', 'benefits'],
    ]) {
      const body = await api(`q=${typed}`);
      expect(body.corrected?.q, typed).toBe(meant);
      expect(body.total, typed).toBeGreaterThan(0);
    }
    expect((await api('q=lonely')).corrected).toBeNull();
    const asTyped = await api('q=lonley&as_typed=1');
    expect(asTyped).toMatchObject({ corrected: null, total: 0 });
  });

  it("corrects the Open Referral API's search the same way", async () => {
    const body = await (await fetch(`${base}/openreferral/services?search=lonley&per_page=5`)).json();
    expect(body.corrected).toEqual({ q: 'lonely', words: [{ from: 'lonley', to: 'lonely' }] });
    expect(body.total_items).toBe((await (await fetch(`${base}/openreferral/services?search=lonely&per_page=5`)).json()).total_items);
    const plain = await (await fetch(`${base}/openreferral/services?per_page=1`)).json();
    expect(plain).not.toHaveProperty('corrected');
  });

  it('says on the search page what it searched for instead, with a link to the words as typed', async () => {
    const html = await page('q=lonley');
    expect(html).toContain('Showing results for <strong>lonely</strong>');
    expect(html).toMatch(/Search for <a href="\/search\?q=lonley&(amp|#38);as_typed=1">lonley<\/a> instead\?/);
    expect(html).toContain('Services for “lonely”');
    expect(await page('q=lonley&as_typed=1')).toContain('No services found');
  });

  it('finds what the home page suggests and what feelings mean', async () => {
    const names = async (q: string) => (await api(`q=${encodeURIComponent(q)}&per_page=5`)).results.map((r: { name: string }) => r.name);
    expect((await names('feeling lonely')).join(' ')).not.toMatch(/Felling Lunch|Pay As You Feel/);
    for (const q of ['feeling low', 'feeling anxious', 'sad', "can't cope", 'need someone to talk to']) {
      expect((await api(`q=${encodeURIComponent(q)}`)).total, q).toBeGreaterThan(0);
    }
  });

  it('on a search that finds nothing: what was searched, what would find something, and no filters that cannot help', async () => {
    const html = await page('q=zzzzqqqq');
    expect(html).toContain('We searched for <strong>“zzzzqqqq”</strong>');
    expect(html).not.toContain('id="filters"');
    expect(html).toContain('Talk to someone');
    // Words and filters that together find nothing: the types of help the words belong to, with counts.
    const qs = 'q=lonely&day=sun&time=evening&cost=free&mode=online';
    expect((await api(qs)).total).toBe(0);
    const empty = await page(qs);
    expect(empty).toContain('Types of help for “lonely”');
    // None with these filters, so each is counted without them.
    const befriending = (await api('category=befriending')).total;
    expect(empty).toMatch(new RegExp(`Befriending</a>: ${befriending} services without your filters`));
    // The chosen filters are kept for the next search from the box.
    expect(empty).toContain('<input type="hidden" name="day" value="sun">');
  });

  it('answers every kind of query, misspelt, corrected or as typed, without a server error', async () => {
    for (const qs of [
      'q=lonley&as_typed=1',
      'q=lonley&as_typed=maybe',
      'q=fodbank&near=NE6',
      'q=councelling&category=food&day=sun',
      `q=${'lonley '.repeat(100)}`,
      'q=%E2%80%8B',
      'q=feeling&sort=recently_verified',
    ]) {
      expect((await fetch(`${base}/api/search?${qs}`)).status, qs).toBeLessThan(500);
      expect((await fetch(`${base}/search?${qs}`)).status, qs).toBeLessThan(500);
      expect((await fetch(`${base}/openreferral/services?search=${qs.slice(2)}`)).status, qs).toBeLessThan(500);
    }
  });
});

describe('searching near a place', () => {
  const postcodes = samplePostcodes();
  const lantern = sampleService('The Lantern Crisis Café');
  const lanternPlace = lantern.service_at_locations[0].location as Json;
  const lanternPostcode = lanternPlace.addresses[0].postal_code as string;

  it('near a postcode from the sample: where the postcode really is, nearest first, then area, then phone or online', async () => {
    // Every place in the sample has the real postcode nearest it, so its postcode is placed from
    // the shipped data (a surveyed position), not from the listing.
    expect(postcodes.get(lanternPostcode)).toBeDefined();
    const point = shippedPoint(lanternPostcode);
    const { first, results } = await allResults(`near=${encodeURIComponent(lanternPostcode.toLowerCase().replace(' ', ''))}`);
    expect(first.near!.label).toBe(lanternPostcode);
    expect(first.near!.latitude).toBeCloseTo(point.latitude, 6);
    expect(first.near!.longitude).toBeCloseTo(point.longitude, 6);
    expectDistanceOrder(results, point, lanternPostcode);
    // Every open service is there, in one of the groups.
    expect(first.total).toBe((await api('per_page=1')).total);
    expect(first.near).toMatchObject({ precision: 'exact', note: null });
    expect(results[0]).toMatchObject({ name: lantern.name, reach: 'place' });
    expect(results[0]!.distance_km).toBeLessThan(0.2);
    expect(results[0]!.distance_text).toMatch(/^(Less than 0\.1|0\.1) km, about a 1 minute walk$/);
    expect(results.at(-1)!.reach).toBe('remote');
  });

  it('near a postcode district: the middle of all its postcodes, from the shipped data', async () => {
    const middle = shippedPoint('NE6');
    const { first, results } = await allResults('near=ne6');
    expect(first.near!.label).toBe('NE6');
    expect(first.near!.latitude).toBeCloseTo(middle.latitude, 6);
    expect(first.near!.longitude).toBeCloseTo(middle.longitude, 6);
    expectDistanceOrder(results, middle, 'NE6');
  });

  it('near an area by name: its centre, and services covering it are in the area group', async () => {
    const heaton = getAreas().find((area) => area.id === 'newcastle-heaton')!;
    const { first, results } = await allResults('near=heaton');
    expect(first.near).toEqual({ label: 'Heaton', latitude: heaton.latitude, longitude: heaton.longitude, precision: 'exact', note: null });
    expectDistanceOrder(results, heaton, 'Heaton');
    // A Newcastle-wide service with no place covers Heaton; a Gateshead-only one reaches it by phone.
    const byName = new Map(results.map((result) => [result.name, result]));
    const newcastleWide = sample.find(
      (r) => r.status === 'active' && r.service_at_locations.length === 0 && r.service_areas?.map((a: Json) => a.name).join() === 'Newcastle upon Tyne',
    )!;
    const gatesheadOnly = sample.find(
      (r) => r.status === 'active' && r.service_at_locations.length === 0 && r.service_areas?.map((a: Json) => a.name).join() === 'Gateshead',
    )!;
    expect(byName.get(newcastleWide.name)!.reach).toBe('area');
    expect(byName.get(gatesheadOnly.name)!.reach).toBe(
      gatesheadOnly.delivery_modes?.some((m: string) => m === 'phone' || m === 'online') || gatesheadOnly.home_visits ? 'remote' : 'unknown',
    );
  });

  it('near a postcode far from the sample that no file here lists one by one: the middle of its sector, said', async () => {
    const { first, results } = await allResults(`near=${encodeURIComponent('cf10 1ep')}`);
    const sector = { latitude: 51.47815, longitude: -3.17991 }; // CF10 1 in content/postcodes/sectors.csv
    expect(first.near).toEqual({
      label: 'CF10 1EP',
      ...sector,
      precision: 'sector',
      note: 'We do not know exactly where CF10 1EP is, so distances are from the middle of CF10 1, the area around your postcode.',
    });
    expectDistanceOrder(results, sector, 'CF10 1EP');
    expect(results[0]!.distance_km).toBeGreaterThan(350); // Cardiff to Tyneside
  });

  it('near "lat,lng": that point', async () => {
    const { first, results } = await allResults('near=54.97,-1.61');
    expect(first.near).toEqual({ label: '54.97, -1.61', latitude: 54.97, longitude: -1.61, precision: 'exact', note: null });
    expectDistanceOrder(results, { latitude: 54.97, longitude: -1.61 }, 'lat,lng');
  });

  it('sorts by best match when asked, still giving distances', async () => {
    const body = await api(`near=${encodeURIComponent(lanternPostcode)}&q=food&sort=relevance&per_page=100`);
    expect(body.results.length).toBeGreaterThan(3);
    const distances = body.results.filter((r) => r.reach === 'place').map((r) => r.distance_km!);
    expect(distances).not.toEqual([...distances].sort((a, b) => a - b));
    for (const result of body.results) expect(result.reach).not.toBeNull();
  });

  it.each([
    ['Elswik', ['Elswick'], 'We do not know the place "Elswik". Did you mean Elswick?'],
    ['ZZ9 9ZZ', [], 'We could not find the postcode "ZZ9 9ZZ" in the places we know.'],
    ['NE4 5TGG', [], '"NE4 5TGG" is not a whole postcode.'],
    ['Atlantis', [], 'We do not know the place "Atlantis".'],
  ])('refuses near=%s with 400, the message and suggestions', async (near, suggestions, words) => {
    const response = await fetch(`${base}/api/search?${new URLSearchParams({ near })}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe('invalid_parameter');
    expect(body.errors).toEqual([{ parameter: 'near', message: expect.stringContaining(words), suggestions }]);
    expect(body.message).toContain(`near: ${words}`);
  });

  it('refuses a distance, walking or distance order without near, naming the parameter', async () => {
    for (const [qs, parameter] of [
      ['radius_km=2', 'radius_km'],
      ['transport=walk', 'transport'],
      ['sort=distance', 'sort'],
    ]) {
      const response = await fetch(`${base}/api/search?${qs}`);
      expect(response.status, qs).toBe(400);
      expect(
        (await response.json()).errors.map((e: Json) => e.parameter),
        qs,
      ).toEqual([parameter]);
    }
  });

  it('filters by radius: places within it, and services covering the area or needing no travel', async () => {
    const near = `near=${encodeURIComponent(lanternPostcode)}`;
    const everything = await allResults(near);
    const { first, results } = await allResults(`${near}&radius_km=1`);
    expect(Object.keys(everything.first.facets.radius_km)).toEqual(['1', '2', '5', '10']);
    for (const [km, count] of Object.entries(everything.first.facets.radius_km)) {
      expect((await api(`${near}&radius_km=${km}&per_page=1`)).total, `radius_km=${km}`).toBe(count);
    }
    expect(everything.first.facets.radius_km['10']).toBeLessThan(everything.first.total);
    expect(first.total).toBeLessThan(everything.first.total);
    for (const result of results) {
      if (result.reach === 'place') expect(result.distance_km!, result.name).toBeLessThanOrEqual(1);
      else expect(['area', 'remote'], result.name).toContain(result.reach);
    }
    const kept = new Set(results.map((r) => r.name));
    // Everything within 1 km, and nothing more than 1 km away that only has a place, is as it should be.
    for (const result of everything.results) {
      if (result.reach === 'place' && result.distance_km! <= 0.99) expect(kept.has(result.name), result.name).toBe(true);
    }
    const dropped = everything.results.filter((r) => !kept.has(r.name));
    expect(dropped.length).toBe(everything.first.total - first.total);
    for (const result of dropped) {
      expect(result.reach, result.name).toBe('place');
      expect(result.distance_km!, result.name).toBeGreaterThan(0.99);
    }
    // Sorted by distance, the groups stay in order within the radius too (stale listings last).
    const notStale = results.filter((result) => result.freshness.status !== 'stale');
    const groups = notStale.map((result) => GROUP_ORDER.indexOf(result.reach!));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
    expect(results.slice(notStale.length).every((result) => result.freshness.status === 'stale')).toBe(true);
    expect(new Set(results.map((r) => r.reach))).toEqual(new Set(['place', 'area', 'remote']));
  });

  it('filters by ways of getting there, every one chosen, with counts that match', async () => {
    const near = `near=${encodeURIComponent(lanternPostcode)}`;
    const all = await api(`${near}&per_page=1`);
    for (const option of ['bus', 'walk', 'step_free', 'parking', 'provided', 'no_travel']) {
      expect((await api(`${near}&transport=${option}&per_page=1`)).total, option).toBe(all.facets.transport[option]);
      expect(all.facets.transport[option], option).toBeGreaterThan(0);
    }
    // Within walking distance (1.5 km unless given): places only, each within it.
    const walk = await allResults(`${near}&transport=walk`);
    for (const result of walk.results) {
      expect(result.reach, result.name).toBe('place');
      expect(result.distance_km!, result.name).toBeLessThanOrEqual(1.5);
    }
    const shortWalk = await allResults(`${near}&transport=walk&walk_km=0.5`);
    expect(shortWalk.first.total).toBeGreaterThan(0);
    expect(shortWalk.first.total).toBeLessThan(walk.first.total);
    for (const result of shortWalk.results) expect(result.distance_km!, result.name).toBeLessThanOrEqual(0.5);
    // Transport offered: exactly the sample's services that offer it.
    const offered = await allResults(`${near}&transport=provided`);
    expect(offered.results.map((r) => r.name).sort()).toEqual(
      sample
        .filter((r) => r.transport_offered && r.status === 'active')
        .map((r) => r.name)
        .sort(),
    );
    // Two at once: only services with both, as many as the facet said.
    const bus = await api(`${near}&transport=bus&per_page=1`);
    const busAndWalk = await allResults(`${near}&transport=bus&transport=walk`);
    expect(busAndWalk.first.total).toBe(bus.facets.transport.walk);
    expect(busAndWalk.first.total).toBeGreaterThan(0);
    const walkNames = new Set(walk.results.map((r) => r.name));
    for (const result of busAndWalk.results) expect(walkNames.has(result.name), result.name).toBe(true);
    expect(busAndWalk.first.total).toBeLessThan(walk.first.total);
  });
});

describe('the search page near a place', () => {
  const lantern = sampleService('The Lantern Crisis Café');
  const lanternPostcode = lantern.service_at_locations[0].location.addresses[0].postal_code as string;
  const page = async (qs: string) => {
    const response = await fetch(`${base}/search?${qs}`);
    expect(response.status, qs).toBe(200);
    return response.text();
  };
  /** The HTML of one result in a list, found by its name. */
  const resultOf = (html: string, name: string) => {
    const escaped = name.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
    const start = html.indexOf(`>${escaped}</a></h`);
    expect(start, name).toBeGreaterThan(0);
    return html.slice(start, html.indexOf('</li>', start));
  };

  it('shows distances in words, grouped, with the heading for services by phone or online', async () => {
    const near = `near=${encodeURIComponent(lanternPostcode)}`;
    const first = await page(`${near}&per_page=100`);
    expect(first).toContain(`near ${lanternPostcode}</h1>`);
    expect(first).toContain(`Nearest to ${lanternPostcode} first</h3>`);
    expect(resultOf(first, lantern.name)).toMatch(/<dt>Distance<\/dt><dd>(Less than 0\.1|0\.1) km, about a 1 minute walk<\/dd>/);
    // The last page has the area and phone groups, each with its own words.
    const body = await api(`${near}&per_page=100`);
    const last = await page(`${near}&per_page=100&page=${body.total_pages}`);
    expect(last).toContain('Covering your area (they come to you or work across it)</h3>');
    expect(last).toContain('Available by phone or online, or at home (no travel needed)</h3>');
    expect(last.indexOf('Covering your area')).toBeLessThan(last.indexOf('Available by phone or online'));
    const lastResults = (await api(`${near}&per_page=100&page=${body.total_pages}`)).results;
    const phoneOnly = lastResults.find((r) => r.reach === 'remote' && r.places.length === 0)!;
    const covering = lastResults.find((r) => r.reach === 'area')!;
    expect(resultOf(last, phoneOnly.name)).toContain('<dt>Distance</dt><dd>No travel needed: by phone or online</dd>');
    expect(resultOf(last, covering.name)).toContain('<dt>Distance</dt><dd>Covers your area</dd>');
  });

  it('does not say "by phone or online" of a service that visits people at home but has no phone or online service', async () => {
    // Outside the radius, home visits count as needing no travel; the words must not claim phone or online.
    const near = `near=${encodeURIComponent(lanternPostcode)}&radius_km=1`;
    const { results } = await allResults(near);
    const visiting = results.filter((r) => r.reach === 'remote' && !r.delivery_modes.includes('phone') && !r.delivery_modes.includes('online'));
    expect(visiting.length).toBeGreaterThan(0);
    for (const result of visiting) expect(sampleService(result.name).home_visits, result.name).toBe(true);
    const html = await page(`${near}&per_page=100`);
    const words = resultOf(html, visiting[0]!.name);
    expect(words).toContain('<dt>Distance</dt>');
    expect(words).not.toContain('by phone or online');
    expect(words).toMatch(/home/i);
  });

  it('shows a place it cannot find beside the Near field, with a link to each suggestion', async () => {
    const html = await page('near=Elswik&q=food');
    expect(html).toMatch(
      /<p class="field-error" id="near-error"><span class="visually-hidden">Error: <\/span>We do not know the place &quot;Elswik&quot;. Did you mean Elswick\?<\/p>/,
    );
    expect(html).toMatch(/Search near:\s*<a href="\/search\?q=food&(amp;|#38;)?near=Elswick">Elswick<\/a>/);
    expect(html).toMatch(/<input type="text" id="near" name="near" value="Elswik"[^>]*aria-describedby="near-hint near-error" aria-invalid="true"/);
    // The suggestion works.
    const suggested = await page('q=food&near=Elswick');
    expect(suggested).not.toContain('id="near-error"');
    expect(suggested).toContain('Nearest to Elswick first');
  });

  it('offers the Distance filter and walking distance only with a place to measure from', async () => {
    const withPlace = await page(`near=${encodeURIComponent(lanternPostcode)}`);
    const without = await page('q=food');
    const notFound = await page('near=Atlantis');
    expect(withPlace).toMatch(/<legend>Distance<\/legend>/);
    expect(withPlace).toMatch(/<input type="radio" id="radius_km-1" name="radius_km" value="1"/);
    expect(withPlace).toContain('name="transport" value="walk"');
    expect(withPlace).toContain('Within walking distance (1.5 km)');
    for (const [what, html] of [
      ['no near', without],
      ['a near not found', notFound],
    ] as const) {
      expect(html, what).not.toContain('name="radius_km"');
      expect(html, what).not.toContain('value="walk"');
      expect(html, what).toContain('enter a postcode or place in “Near” to search by distance');
    }
    // The other ways of getting there need no place.
    for (const html of [withPlace, without, notFound]) {
      expect(html).toMatch(/<legend>Getting there<\/legend>/);
      expect(html).toContain('name="transport" value="bus"');
      expect(html).toContain('name="transport" value="provided"');
    }
  });

  it('shows the map region only in the map view, and no script at all without it', async () => {
    const map = await page(`view=map&near=${encodeURIComponent(lanternPostcode)}`);
    expect(map).toContain('data-results-map');
    expect(map).toContain('<script type="application/json" id="results-map-data">');
    expect(map).toMatch(/<script type="module" src="\/_astro\/[^"]+\.js"><\/script>/);
    const data = JSON.parse(/<script type="application\/json" id="results-map-data">([\s\S]*?)<\/script>/.exec(map)![1]!);
    expect(data.origin).toMatchObject({ label: lanternPostcode });
    expect(data.markers.length).toBeGreaterThan(0);
    for (const qs of ['', `near=${encodeURIComponent(lanternPostcode)}`, 'q=food&view=list']) {
      const html = await page(qs);
      expect(html, qs).not.toMatch(/<script/i);
      expect(html, qs).not.toContain('data-results-map');
    }
  });
});

describe('getting there on a service page', () => {
  const servicePage = async (record: Json) => {
    const response = await fetch(`${base}/services/${record.id}`);
    expect(response.status, record.name).toBe(200);
    return (await response.text()).replace(/&#39;/g, "'");
  };

  it('gives the stops near a place, their distance and routes, in words', async () => {
    const lantern = sampleService('The Lantern Crisis Café');
    const stop = lantern.service_at_locations[0].location.transport.stops[0];
    expect(stop).toMatchObject({ mode: 'bus', routes: ['10', '12'] });
    const html = await servicePage(lantern);
    expect(html).toMatch(/<h4>Getting there<\/h4>/);
    expect(html).toContain(
      `<li>Bus stop: ${stop.name}, ${stop.distance_m} metres away (about ${stop.walk_minutes} minutes' walk). Buses 10 and 12 stop there. The route from the stop is step-free.</li>`,
    );
    expect(html).toContain('Metro station: Central Station');
    expect(html).toContain('Green and Yellow line trains stop there.');
  });

  it('says when the service offers transport, and who can use it', async () => {
    const lunch = sampleService('Gateshead Big Lunch');
    const html = await servicePage(lunch);
    expect(html).toContain('<h3>Help getting there</h3>');
    expect(html).toContain(`They offer transport: ${lunch.transport_offered.description} Who can use it: ${lunch.transport_offered.eligibility}`);
    // A service that offers none has no such heading.
    expect(await servicePage(sampleService('The Lantern Crisis Café'))).not.toContain('Help getting there');
  });
});
