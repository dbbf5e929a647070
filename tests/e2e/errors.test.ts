// The error pages in a real browser: an address that is not here (404) and a failure on the
// server (500, made by taking away a table the service page reads from under the running
// server). Both must be kind, offer a way on and a person to talk to, and give nothing away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { service } from '../fixtures/services';
import { guardedContext, launchBrowser, startServer, textOf, type GuardedContext, type RunningServer } from './harness';

const ONE = service({
  code: 'e2e-errors-one',
  name: 'Errors Test Lunch Club',
  schedules: [{ byday: 'FR', opens_at: '12:00', closes_at: '14:00' }],
  costs: [{ option: 'Everyone', amount: 2 }],
});

let server: RunningServer;
let browser: Browser;
let guarded: GuardedContext;
let page: Page;

beforeAll(async () => {
  // Its own server and database: the 500 test breaks the database on purpose.
  [server, browser] = await Promise.all([startServer({ fixtures: [ONE] }), launchBrowser()]);
  guarded = await guardedContext(browser, server);
  page = await guarded.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Nothing that looks like a stack trace, SQL or a file path, in the words or anywhere in the HTML. */
async function expectNothingInternal(what: string): Promise<void> {
  const text = await page.locator('body').innerText();
  const html = await page.content();
  for (const pattern of [/SqliteError/i, /no such table/i, /service_gone/i, /node_modules/, /dist\/server/, /\.(ts|mjs|js):\d+/, /\bat [\w.<>]+ \(/]) {
    expect(html, `${what} must not contain ${pattern}`).not.toMatch(pattern);
  }
  for (const pattern of [/\bSELECT\b.*\bFROM\b/i, /\bError:/, /stack trace/i, /\bat \S+:\d+:\d+/]) {
    expect(text, `${what} must not say ${pattern}`).not.toMatch(pattern);
  }
}

async function expectWayOn(what: string): Promise<void> {
  expect(await page.locator('main a[href="/"]').count(), `${what}: a link to the home page`).toBeGreaterThan(0);
  const search = page.getByLabel('What are you looking for help with?');
  expect(await search.count(), `${what}: a search box`).toBeGreaterThan(0);
  expect(await page.getByRole('heading', { name: 'Talk to someone' }).count(), `${what}: the "Talk to someone" section`).toBeGreaterThan(0);
}

describe('error pages', () => {
  it('an unknown address gives a friendly 404 with a link home and a search box that works', async () => {
    const response = await page.goto(server.url('/does-not-exist'));
    expect(response?.status()).toBe(404);
    expect(await textOf(page, 'h1')).toBe('We could not find that page');
    expect(await page.title()).toMatch(/not found/i);
    await expectWayOn('404 page');
    await expectNothingInternal('404 page');
    await page.getByLabel('What are you looking for help with?').first().fill('lunch');
    await page.getByLabel('What are you looking for help with?').first().press('Enter');
    await page.waitForURL(/\/search\?q=lunch/);
    expect(await page.locator('li.result').count()).toBe(1);
  });

  it('an unknown service gives a 404 that says it is the service that was not found', async () => {
    const response = await page.goto(server.url('/services/nope'));
    expect(response?.status()).toBe(404);
    expect(await textOf(page, 'h1')).toBe('We could not find that service');
    await expectWayOn('service 404 page');
  });

  it('a failure on the server gives a friendly 500 page that gives nothing away', async () => {
    const path = `/services/${ONE.id}`;
    expect((await page.goto(server.url(path)))?.status(), 'the service page works before the table goes').toBe(200);

    // Take the service table away from under the running server (startup checks are long done).
    const db = new Database(server.databasePath);
    try {
      db.pragma('busy_timeout = 5000');
      db.exec('ALTER TABLE service RENAME TO service_gone');
    } finally {
      db.close();
    }

    const response = await page.goto(server.url(path));
    expect(response?.status()).toBe(500);
    expect(await textOf(page, 'h1')).toMatch(/Sorry, something went wrong/i);
    await expectWayOn('500 page');
    expect(await page.locator('a[href="/help/talk-to-someone"]').count(), '500 page: the "Talk to someone" route').toBeGreaterThan(0);
    await expectNothingInternal('500 page');
    expect(server.output(), 'the server log has the real error').toMatch(/no such table: service/);

    // The failure is only on that page: the home page still works.
    expect((await page.goto(server.url('/')))?.status()).toBe(200);
  });

  it('requests nothing from any other host', () => {
    expect(guarded.offOrigin).toEqual([]);
  });
});
