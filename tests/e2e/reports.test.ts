// The reports, the gap register and key local services in Chromium (issue 7): the choropleth
// map draws one shape per area with the same numbers as the table beside it, says it shows
// outlines only when MAP_TILE_URL=none, and each area is reachable by keyboard; the table works
// without JavaScript; a gap is raised through the form; key services are marked and appear on a
// link worker's start page; "nothing suitable found" is counted from a search. axe finds no
// violations on any of these pages, and each reflows at 320 px.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { todayInUk } from '../../src/lib/dates';
import { service } from '../fixtures/services';
import { LINK_WORKER, PANEL } from '../fixtures/accounts';
import type { FixtureUser } from '../fixtures/server';
import {
  axeViolations,
  formatViolations,
  guardedContext,
  launchBrowser,
  saveScreenshots,
  startServer,
  textOf,
  type GuardedContext,
  type RunningServer,
} from './harness';
import type { Browser } from 'playwright-core';

const ELSWICK = { latitude: 54.965, longitude: -1.6385 };
const WALKER = { latitude: 54.9706, longitude: -1.5443 };
const FOOD_BANK = service({
  code: 'e2e-rep-food',
  name: 'Reports Elswick Food Bank',
  categories: ['food-banks'],
  places: [{ name: 'Elswick Hall', ...ELSWICK }],
});
const LUNCH = service({
  code: 'e2e-rep-lunch',
  name: 'Reports Elswick Lunch',
  categories: ['community-meals'],
  places: [{ name: 'Elswick Church', ...ELSWICK }],
});
const CHOIR = service({ code: 'e2e-rep-choir', name: 'Reports Walker Choir', categories: ['social-groups'], places: [{ name: 'Walker Hall', ...WALKER }] });

let server: RunningServer;
let browser: Browser;
let withJs: GuardedContext;
let noJs: GuardedContext;
let page: Page;

async function signIn(target: Page, user: FixtureUser): Promise<void> {
  await target.goto(server.url('/panel/sign-in'));
  await target.getByLabel('Email address').fill(user.email);
  await target.getByLabel('Password').fill(user.password);
  await Promise.all([target.waitForURL('**/panel'), target.getByRole('button', { name: 'Sign in' }).click()]);
}

async function expectAccessible(target: Page, where: string): Promise<void> {
  const violations = await axeViolations(target);
  expect(violations.length, formatViolations(violations, where)).toBe(0);
  await target.setViewportSize({ width: 320, height: 800 });
  const overflow = await target.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${where} at 320 px`).toBeLessThanOrEqual(0);
  await target.setViewportSize({ width: 1280, height: 800 });
}

/** Presses Tab until `selector` has focus; false if it never does within `limit` presses. */
async function tabTo(target: Page, selector: string, limit = 120): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await target.keyboard.press('Tab');
    if (await target.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
  }
  return false;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([
    startServer({ fixtures: [FOOD_BANK, LUNCH, CHOIR], users: [PANEL, LINK_WORKER], env: { MAP_TILE_URL: 'none' } }),
    launchBrowser(),
  ]);
  const db = new Database(server.databasePath);
  try {
    const today = todayInUk();
    db.prepare("insert into referral_count (day, service_id, kind, area_id, count) values (?, ?, 'referred', 'newcastle-elswick', 6)").run(today, FOOD_BANK.id);
    db.prepare("insert into referral_count (day, service_id, kind, area_id, count) values (?, ?, 'signposted', 'newcastle-walker', 2)").run(today, CHOIR.id);
  } finally {
    db.close();
  }
  withJs = await guardedContext(browser, server, { bypassCSP: true });
  noJs = await guardedContext(browser, server, { javaScriptEnabled: false });
  page = await withJs.context.newPage();
  await signIn(page, PANEL);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The table's numbers for one measure, by area id. */
async function tableValues(target: Page, measure: string): Promise<Record<string, string>> {
  return target.evaluate(
    (column) =>
      Object.fromEntries(
        [...document.querySelectorAll('[data-report-table^="areas-"] tbody tr')].map((row) => [
          (row as HTMLElement).dataset.key!,
          (row.querySelector(`td[data-column="${column}"]`) as HTMLElement).dataset.value ?? '',
        ]),
      ),
    measure,
  );
}

/** The map's numbers, by area id, from the shapes it drew. */
async function mapValues(target: Page): Promise<Record<string, string>> {
  return target.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('.reports-map path[data-area]')].map((path) => [path.getAttribute('data-area')!, path.getAttribute('data-value') ?? '']),
    ),
  );
}

describe('the reports map and table', () => {
  it('draws one shape per ward, with the same numbers as the table, outlines only, and passes axe', async () => {
    await page.goto(server.url('/panel/reports'));
    await page.locator('[data-reports-map][data-map-ready="true"]').waitFor({ timeout: 15_000 });
    expect(await textOf(page, 'h1')).toBe('Reports: map of areas');
    expect(await textOf(page, '.reports-map')).toContain('This map shows only area outlines, without streets.');
    const table = await tableValues(page, 'services');
    const map = await mapValues(page);
    expect(Object.keys(table).length).toBe(48); // every ward of Newcastle and Gateshead
    expect(map).toEqual(table);
    expect(map['newcastle-elswick']).toBe('2');
    expect(map['newcastle-walker']).toBe('1');
    expect(map['newcastle-byker']).toBe('0');
    // No picture was asked for anywhere else.
    expect(withJs.offOrigin).toEqual([]);
    await saveScreenshots(page, 'reports-map');
    await expectAccessible(page, '/panel/reports');
  });

  it('each area is reachable by keyboard and names itself with its number', async () => {
    await page.goto(server.url('/panel/reports?measure=referrals'));
    await page.locator('[data-reports-map][data-map-ready="true"]').waitFor({ timeout: 15_000 });
    const map = await mapValues(page);
    expect(map).toEqual(await tableValues(page, 'referrals'));
    expect(map['newcastle-elswick']).toBe('6');
    expect(map['newcastle-walker']).toBe('2');
    expect(await tabTo(page, '.reports-map path[data-area]')).toBe(true);
    const label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(label).toMatch(/^[A-Z].*: \d+$/);
    await page.locator('.reports-map__tooltip').waitFor({ timeout: 5_000 });
    expect(await textOf(page, '.reports-map__tooltip')).toBe(label);
    await expectAccessible(page, '/panel/reports?measure=referrals');
  });

  it('districts and rates work too; without JavaScript the table has the numbers and the page says the map needs JavaScript', async () => {
    await page.goto(server.url('/panel/reports?measure=per_10000&level=district'));
    await page.locator('[data-reports-map][data-map-ready="true"]').waitFor({ timeout: 15_000 });
    const map = await mapValues(page);
    expect(Object.keys(map).sort()).toEqual(['gateshead', 'newcastle']);
    expect(map).toEqual(await tableValues(page, 'per_10000'));
    // 3 open services in Newcastle's 300,200 people: 0.1 per 10,000.
    expect(map.newcastle).toBe('0.1');

    const plain = await noJs.context.newPage();
    await signIn(plain, PANEL);
    await plain.goto(server.url('/panel/reports'));
    expect(await plain.locator('.reports-map__fallback').isVisible()).toBe(true);
    expect(await plain.locator('.reports-map path').count()).toBe(0);
    expect(await textOf(plain, '[data-report-table="areas-ward"] tr[data-key="newcastle-elswick"] td[data-column="services"]')).toBe('2');
    await plain.close();
  });

  it('every other report page passes axe', async () => {
    for (const path of ['/panel/reports/services', '/panel/reports/referrals', '/panel/reports/unmet-needs', '/panel/reports/closed']) {
      const response = await page.goto(server.url(path));
      expect(response?.status(), path).toBe(200);
      await expectAccessible(page, path);
    }
    expect(await page.locator('script[src*="AreaMap"]').count()).toBe(0);
  });
});

describe('the gap register and key local services', () => {
  it('raises a gap through the form, shows errors accessibly, and moves it on', async () => {
    await page.goto(server.url('/panel/gaps'));
    await expectAccessible(page, '/panel/gaps (empty)');
    // The browser's own checks are skipped, to see the page's.
    await page.evaluate(() => document.querySelector('#raise-gap')?.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Record the gap' }).click();
    await page.waitForLoadState();
    expect(await textOf(page, '.error-summary')).toContain('Choose the area where the gap is.');
    await expectAccessible(page, '/panel/gaps (errors)');
    await page.getByLabel('Area').selectOption('newcastle-walker');
    await page.getByLabel('Type of help that is missing').selectOption('food');
    await page.getByLabel('What is missing').fill('No food bank open at weekends.');
    await Promise.all([page.waitForURL('**/panel/gaps?done=raised*'), page.getByRole('button', { name: 'Record the gap' }).click()]);
    expect(await textOf(page, '.gap h3')).toBe('Food in Walker');
    expect(await textOf(page, '.gap__status')).toBe('Raised');
    await page.locator('.gap__move select[name="status"]').selectOption('acknowledged');
    await Promise.all([page.waitForURL('**/panel/gaps?done=status*'), page.getByRole('button', { name: 'Change status of this gap' }).click()]);
    expect(await textOf(page, '.gap__status')).toBe('Acknowledged');
    await saveScreenshots(page, 'gap-register');
    await expectAccessible(page, '/panel/gaps');
  });

  it("marks a key service for a type of help, and a link worker's start page lists it", async () => {
    await page.goto(server.url('/panel/key-services'));
    await expectAccessible(page, '/panel/key-services');
    await page.getByLabel('Type of help').selectOption('food');
    await page.getByLabel('Find a service by name (optional)').fill('Food Bank');
    await Promise.all([page.waitForURL('**/panel/key-services?*'), page.getByRole('button', { name: 'Show' }).click()]);
    await Promise.all([page.waitForURL('**done=mark*'), page.getByRole('button', { name: 'Mark as key Reports Elswick Food Bank' }).click()]);
    expect(await textOf(page, '.panel-message--ok')).toBe('Reports Elswick Food Bank is now a key service for Food.');
    await expectAccessible(page, '/panel/key-services (marked)');

    const worker = await (await browser.newContext({ bypassCSP: true })).newPage();
    await worker.context().route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    await signIn(worker, LINK_WORKER);
    expect(await textOf(worker, '#key-services-heading')).toBe('Key local services to know');
    expect(await textOf(worker, '.key-services-start')).toContain('Reports Elswick Food Bank');
    await saveScreenshots(worker, 'start-page-key-services');
    await expectAccessible(worker, '/panel as a link worker');

    // From a search that found nothing, the link worker counts the unmet need in one form.
    await worker.goto(server.url('/search?q=zqxwv+unicorn&category=food&near=Walker'));
    expect(await worker.locator('#unmet-area').inputValue()).toBe('newcastle-walker');
    expect(await worker.locator('#unmet-category').inputValue()).toBe('food');
    await saveScreenshots(worker, 'search-unmet-need');
    await expectAccessible(worker, '/search (nothing found, as a link worker)');
    await worker.getByLabel('Too far away').check();
    await Promise.all([worker.waitForURL('**recorded=unmet*'), worker.getByRole('button', { name: 'Count this unmet need' }).click()]);
    expect(await textOf(worker, '#unmet-need')).toContain('Counted. Thank you.');
    await worker.context().close();
    const db = new Database(server.databasePath, { readonly: true });
    try {
      expect(db.prepare('select category_id, area_id, reason, count from unmet_need_count order by reason').all()).toEqual([
        { category_id: 'food', area_id: 'newcastle-walker', reason: 'no_results', count: 1 },
        { category_id: 'food', area_id: 'newcastle-walker', reason: 'too_far', count: 1 },
      ]);
    } finally {
      db.close();
    }
  });
});
