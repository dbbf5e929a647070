// The real built server over HTTP, started the way `npm start` starts it, on a fresh database:
// it loads the sample directory, and serves the JSON search API and the search page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    expect(Object.keys(body.results[0]).sort()).toEqual(expect.arrayContaining(
      ['id', 'name', 'organization', 'description', 'categories', 'cost', 'schedule_text', 'delivery_modes', 'assured_date', 'url'],
    ));
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
      'page=1e309', 'page=99999999999999999999', 'per_page=0', 'age=-5', 'max_cost=NaN', 'sort=__proto__',
      'constructor=1&__proto__=x', 'category=%22)%20OR%201=1--', 'day=mon&day=mon&day=mon', 'time=', 'q=%00%00',
      'access[]=x', 'q=a&q=b', `category=${'x'.repeat(5000)}`,
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
  });
});
