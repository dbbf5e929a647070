// The language filter over HTTP, on the built server with the sample directory: the JSON API
// and the search page, by code and by name, and a language nobody lists refused by name.
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

const api = async (qs: string) => {
  const response = await fetch(`${base}/api/search?${qs}`);
  return { status: response.status, body: await response.json() };
};

describe('GET /api/search?language=…', () => {
  it('counts the languages the sample directory has, with no language chosen', async () => {
    const { status, body } = await api('per_page=1');
    expect(status).toBe(200);
    expect(body.facets.language.pl).toBeGreaterThan(0);
    expect(body.facets.language.bfi).toBeGreaterThan(0);
  });
  it('finds the services speaking Polish, by code or by name in any case', async () => {
    const byCode = await api('language=pl&per_page=100');
    expect(byCode.status).toBe(200);
    expect(byCode.body.total).toBeGreaterThan(0);
    expect(byCode.body.total).toBe(byCode.body.facets.language.pl);
    for (const result of byCode.body.results) expect(result.languages).toContain('Polish');
    const byName = await api('language=POLISH&per_page=100');
    expect(byName.body.results.map((result: { id: string }) => result.id)).toEqual(byCode.body.results.map((result: { id: string }) => result.id));
  });
  it('finds services where British Sign Language is used, and any of two languages', async () => {
    const bsl = await api('language=British%20Sign%20Language');
    expect(bsl.status).toBe(200);
    expect(bsl.body.total).toBeGreaterThan(0);
    expect(bsl.body.results[0].languages).toContain('British Sign Language');
    const either = await api('language=pl&language=bsl');
    expect(either.body.total).toBeGreaterThanOrEqual(Math.max(bsl.body.total, either.body.facets.language.pl));
  });
  it('refuses a language no service lists with 400 naming the parameter, never a 500', async () => {
    for (const [qs, words] of [
      ['language=Klingon', '“Klingon”'],
      ['language=%3Cb%3E', 'is not a language'],
      ['language=x'.repeat(1), '“X”'],
    ] as const) {
      const { status, body } = await api(qs);
      expect(status, qs).toBe(400);
      expect(body.error).toBe('invalid_parameter');
      expect(body.errors[0].parameter).toBe('language');
      expect(body.errors[0].message).toContain(words);
    }
  });
});

describe('/search?language=…', () => {
  it('shows a language nobody lists beside the field, and still searches (200)', async () => {
    const response = await fetch(`${base}/search?language=Klingon`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('No service here lists “Klingon” as a language spoken');
    expect(html).toMatch(/<legend>Language spoken<\/legend>/);
    expect(html).toContain('name="language" value="pl"');
  });
});
