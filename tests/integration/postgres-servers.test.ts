// Two real server processes on one PostgreSQL database, as behind a load balancer: a session,
// its form token and rate limits made on one hold on the other, and a change saved on one is in
// the other's search within seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../fixtures/server';
import { startTestPostgres, type TestPostgres } from '../fixtures/postgres';
import { PANEL, getAs, postAs, signInAs } from '../fixtures/accounts';
import { editedFields, formFields } from '../fixtures/forms';

let postgres: TestPostgres;
let first: RunningServer;
let second: RunningServer;
// Several servers share rate limits through one RATE_LIMIT_SECRET (docs/postgres.md).
const env = { REPORT_LIMIT_PER_HOUR: '2', RATE_LIMIT_SECRET: 'the-same-on-every-server' };

beforeAll(async () => {
  postgres = await startTestPostgres();
  const url = await postgres.freshDatabase();
  first = await startServer({ databasePath: url, sample: true, users: [PANEL], env });
  second = await startServer({ databasePath: url, env });
}, 240_000);

afterAll(async () => {
  await first?.stop();
  await second?.stop();
  await postgres?.stop();
});

const searchNames = async (server: RunningServer, q: string): Promise<string[]> => {
  const response = await fetch(server.url(`/api/search?q=${encodeURIComponent(q)}&per_page=50`));
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: { name: string }[] }).results.map((result) => result.name);
};

async function someService(server: RunningServer): Promise<{ id: string; name: string }> {
  const response = await fetch(server.url('/api/search?q=lunch&per_page=1'));
  return ((await response.json()) as { results: { id: string; name: string }[] }).results[0]!;
}

describe('two servers on one PostgreSQL database', () => {
  it('serve the same directory', async () => {
    const total = async (server: RunningServer) => ((await (await fetch(server.url('/api/search?per_page=1'))).json()) as { total: number }).total;
    const [a, b] = [await total(first), await total(second)];
    expect(a).toBeGreaterThan(100);
    expect(b).toBe(a);
    expect(first.output()).not.toMatch(/SQLite|sqlite/);
    expect(first.output()).not.toMatch(/RATE_LIMIT_SECRET is not set/);
  });

  it('share sessions and form tokens: signed in on one, the other knows the person and takes their forms', async () => {
    const signedIn = await signInAs(first, PANEL);
    const page = await getAs(second, signedIn, '/panel');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`value="${signedIn.csrf}"`);
    // Signing out on the second ends the session on the first too.
    expect((await postAs(second, signedIn, '/panel/sign-out', {})).status).toBe(303);
    expect((await getAs(first, signedIn, '/panel')).status).toBe(303);
  });

  it('share rate limits: the limit counts requests to both', async () => {
    const { id } = await someService(first);
    const report = (server: RunningServer) =>
      fetch(server.url(`/services/${id}/report`), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin },
        body: new URLSearchParams({ kind: 'other', message: 'The hall was locked on Tuesday.' }),
      });
    expect((await report(first)).status).toBe(303);
    expect((await report(second)).status).toBe(303);
    // The third of two an hour from this address, to whichever server.
    expect((await report(first)).status).toBe(429);
    expect((await report(second)).status).toBe(429);
  });

  it("show a change saved on one in the other's search within seconds", async () => {
    const { id } = await someService(first);
    const signedIn = await signInAs(second, PANEL);
    const editor = await getAs(second, signedIn, `/panel/services/${id}/edit`);
    expect(editor.status).toBe(200);
    const fields = editedFields(formFields(await editor.text(), 'editor-form'), { action: 'save', name: 'Zanzibar Lunch Club' });
    const body = new URLSearchParams(fields);
    body.set('csrf', signedIn.csrf);
    const saved = await fetch(second.url(`/panel/services/${id}/edit`), {
      method: 'POST',
      redirect: 'manual',
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: second.origin, Cookie: signedIn.cookie },
    });
    expect(saved.status).toBe(303);
    expect(await searchNames(second, 'zanzibar')).toEqual(['Zanzibar Lunch Club']);
    const deadline = Date.now() + 10_000;
    let seen: string[] = [];
    while (Date.now() < deadline) {
      seen = await searchNames(first, 'zanzibar');
      if (seen.length) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(seen).toEqual(['Zanzibar Lunch Club']);
    // The search page, which the first server may have kept in its page cache, says so too.
    const html = await (await fetch(first.url('/search?q=zanzibar'))).text();
    expect(html).toContain('Zanzibar Lunch Club');
  }, 60_000);
});
