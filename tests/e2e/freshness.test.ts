// Freshness where a link worker decides: in a real browser with JavaScript off, a listing whose
// funding has lapsed carries a plain banner in the results and on its page, ranks below the rest,
// and fresh=1 leaves it out; axe finds nothing on either page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { service } from '../fixtures/services';
import { uuidFor } from '../../src/lib/ids';
import { longDate, todayInUk } from '../../src/lib/dates';
import {
  axeViolations,
  formatViolations,
  saveScreenshots,
  textOf,
  type GuardedContext,
  type RunningServer,
  openBrowserSession,
  type BrowserSession,
} from './harness';

// Dates relative to the day the test runs, as the server judges freshness by today.
const TODAY = todayInUk();
const daysFromToday = (days: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const LAPSED_END = daysFromToday(-30);
const ENDING_SOON = daysFromToday(20);

const LAPSED = service({
  code: 'e2e-lapsed',
  name: 'Aardvark Knit and Natter',
  assured: daysFromToday(-120),
  extra: { funding: [{ id: uuidFor('funding', 'e2e-lapsed'), source: 'A local grant', end_date: LAPSED_END }] },
});
const ENDING = service({
  code: 'e2e-ending',
  name: 'Knit Together Café',
  assured: daysFromToday(-10),
  extra: { funding: [{ id: uuidFor('funding', 'e2e-ending'), source: 'Lottery', end_date: ENDING_SOON }] },
});
const FRESH = service({ code: 'e2e-fresh', name: 'Knitting Circle', assured: daysFromToday(-5) });

let server: RunningServer;
let noScript: GuardedContext;
let withAxe: GuardedContext;

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession({ fixtures: [LAPSED, ENDING, FRESH] });
  ({ server, noScript, withAxe } = session);
});

afterAll(async () => {
  await session?.close();
});

describe('freshness in the browser, JavaScript off', () => {
  it('puts a plain banner on a lapsed listing in the results, and ranks it last', async () => {
    const page = await noScript.context.newPage();
    await page.goto(server.url('/search?q=knit'));
    const names = await page.locator('li.result .result__name').allInnerTexts();
    // Best match first among the rest; the stale one last, though it comes first by name.
    expect(names).toHaveLength(3);
    expect(names.at(-1)).toBe('Aardvark Knit and Natter');
    const lapsed = page.locator('li.result', { hasText: 'Aardvark Knit and Natter' });
    expect(await lapsed.locator('.freshness--stale').innerText()).toBe(
      `This may be out of date: Funding for this group was due to end on ${longDate(LAPSED_END)}. It may have stopped. Ask someone who knows it, or a link worker, before you go.`, // it gives no phone
    );
    const ending = page.locator('li.result', { hasText: 'Knit Together Café' });
    expect(await ending.locator('.freshness--check').innerText()).toContain(`is due to end on ${longDate(ENDING_SOON)}`);
    expect(await page.locator('li.result', { hasText: 'Knitting Circle' }).locator('.freshness').count()).toBe(0);
    await saveScreenshots(page, 'freshness-results');
  });

  it('says every reason on the listing page, above the details', async () => {
    const page = await noScript.context.newPage();
    await page.goto(server.url(`/services/${LAPSED.id}`));
    const banner = page.locator('main .listing-status');
    expect(await banner.count()).toBe(1);
    const text = await banner.innerText();
    expect(text).toContain('This may be out of date');
    expect(text).toContain(`Funding for this group was due to end on ${longDate(LAPSED_END)}.`);
    expect(text).toContain('before you go.');
    // The banner comes before what the service is about.
    const order = await page.evaluate(() => {
      const bannerTop = document.querySelector('main .listing-status')!.getBoundingClientRect().top;
      const aboutTop = document.querySelector('#about-heading')!.getBoundingClientRect().top;
      return bannerTop < aboutTop;
    });
    expect(order).toBe(true);
  });

  it('leaves out everything but ok listings with "Recently checked", and says how many that gives', async () => {
    const page = await noScript.context.newPage();
    await page.goto(server.url('/search?q=knit'));
    const label = (await page.locator('label[for="fresh"]').innerText()).replace(/\s+/g, ' ');
    expect(label).toMatch(/Only services checked recently, with nothing reported wrong\s*\(1 service\s*\)/);
    await page.getByLabel(/Only services checked recently/).check();
    await page.getByRole('button', { name: 'Show results' }).click();
    expect(page.url()).toContain('fresh=1');
    expect(await page.locator('li.result .result__name').allInnerTexts()).toEqual(['Knitting Circle']);
    expect(await textOf(page, '#results-heading')).toBe('1 service found');
  });
});

describe('accessibility of freshness banners', () => {
  it.each([
    ['the results', '/search?q=knit'],
    ['a lapsed listing', `/services/${LAPSED.id}`],
  ])('axe finds no violations on %s', async (_, path) => {
    const page = await withAxe.context.newPage();
    await page.goto(server.url(path));
    const violations = await axeViolations(page);
    expect(violations.length, formatViolations(violations, path)).toBe(0);
  });

  it('requests nothing from any other host', () => {
    expect([...noScript.offOrigin, ...withAxe.offOrigin]).toEqual([]);
  });
});
