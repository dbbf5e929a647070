// Searching the sample directory in a real browser with JavaScript turned off, as on a cheap
// phone or a locked-down library computer: the home page's search box, results, filters,
// clearing them, pages of results, searches that find nothing, nonsense in the address, and
// doing all of it with the keyboard alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, ElementHandle, Page } from 'playwright-core';
import { focused, guardedContext, launchBrowser, startServer, textOf, type GuardedContext, type RunningServer } from './harness';

let server: RunningServer;
let browser: Browser;
let guarded: GuardedContext;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  guarded = await guardedContext(browser, server, { javaScriptEnabled: false });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(): Promise<Page> {
  return guarded.context.newPage();
}

function params(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

async function apiTotal(query: string): Promise<number> {
  const response = await fetch(server.url(`/api/search?${query}&per_page=1`));
  expect(response.status, query).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

/** Checks every result on the page has its name link, organisation, cost, times and checked date. */
async function checkResults(page: Page): Promise<{ name: string; href: string; cost: string }[]> {
  const results = page.locator('li.result');
  const count = await results.count();
  expect(count, 'results on the page').toBeGreaterThan(0);
  const out: { name: string; href: string; cost: string }[] = [];
  for (let i = 0; i < count; i++) {
    const result = results.nth(i);
    const link = result.locator('h3 a, h2 a').first();
    const name = ((await link.textContent()) ?? '').trim();
    const href = (await link.getAttribute('href')) ?? '';
    expect(name, `result ${i} name`).not.toBe('');
    expect(href, `result ${i} link`).toMatch(/^\/services\/[^/]+$/);
    const text = ((await result.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text, `result ${i} (${name})`).toContain('Run by');
    const terms = (await result.locator('dt').allTextContents()).map((t) => t.trim());
    expect(terms, `result ${i} (${name}) facts`).toEqual(expect.arrayContaining(['Cost', 'When']));
    const cost = ((await result.locator('dt:text-is("Cost") + dd').textContent()) ?? '').trim();
    expect(cost, `result ${i} (${name}) cost`).not.toBe('');
    expect(text, `result ${i} (${name}) checked date`).toMatch(/Checked on \d{1,2} [A-Z][a-z]+ \d{4}|Not checked yet/);
    out.push({ name, href, cost });
  }
  expect(await page.locator('li.result', { hasText: /Checked on/ }).count(), 'results showing when they were checked').toBeGreaterThan(0);
  return out;
}

describe('search with JavaScript turned off', () => {
  it('searches from the home page and lists results with cost, times and checked date', async () => {
    const page = await newPage();
    const response = await page.goto(server.url('/'));
    expect(response?.status()).toBe(200);
    const box = page.getByLabel('What are you looking for help with?');
    await box.fill('walking');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/\/search\?/);
    expect(new URL(page.url()).pathname).toBe('/search');
    expect(params(page).get('q')).toBe('walking');
    expect(await page.getByLabel('What are you looking for help with?').inputValue()).toBe('walking');
    expect(await textOf(page, 'h1')).toContain('walking');
    expect(await textOf(page, '#results-heading')).toMatch(/^\d+ services? found$/);
    const results = await checkResults(page);
    expect(
      results.some((result) => /walk/i.test(result.name)),
      results.map((r) => r.name).join(', '),
    ).toBe(true);
    await page.close();
  });

  it('filters by cost, shows only matching results, and clears the filters', async () => {
    const page = await newPage();
    await page.goto(server.url('/search?q=walking'));
    const unfiltered = await page.locator('li.result').count();
    const costGroup = page.locator('fieldset', { has: page.locator('legend', { hasText: /^\s*Cost\s*$/ }) });
    const free = costGroup.getByRole('checkbox', { name: /^Free\b/ });
    expect(await free.isChecked()).toBe(false);
    await free.check();
    await page.getByRole('button', { name: /^(Show results|Apply filters)$/ }).click();
    await page.waitForURL(/cost=free/);
    expect(params(page).getAll('cost')).toEqual(['free']);
    expect(params(page).get('q')).toBe('walking');
    expect(
      await page
        .locator('fieldset', { has: page.locator('legend', { hasText: /^\s*Cost\s*$/ }) })
        .getByRole('checkbox', { name: /^Free\b/ })
        .isChecked(),
    ).toBe(true);
    const results = await checkResults(page);
    for (const result of results) expect(result.cost, `${result.name} should be free`).toMatch(/free/i);
    expect(await textOf(page, '#results-heading')).toBe(`${await apiTotal('q=walking&cost=free')} ${results.length === 1 ? 'service' : 'services'} found`);
    expect(await apiTotal('q=walking&cost=free')).toBeLessThan(await apiTotal('q=walking'));

    await page.getByRole('link', { name: 'Clear all filters' }).first().click();
    await page.waitForURL((url) => !url.searchParams.has('cost'));
    expect(params(page).get('q')).toBe('walking');
    expect(params(page).has('cost')).toBe(false);
    expect(await page.getByRole('link', { name: 'Clear all filters' }).count()).toBeLessThanOrEqual(1); // only the one beside the filters, if any
    expect(await page.locator('input[name="cost"]:checked').count()).toBe(0);
    expect(await page.locator('li.result').count()).toBe(unfiltered);
    await page.close();
  });

  it('goes to the second page of results and keeps the search', async () => {
    const page = await newPage();
    await page.goto(server.url('/search?q=food'));
    const firstPage = (await checkResults(page)).map((r) => r.href);
    expect(firstPage.length).toBe(20);
    const nav = page.getByRole('navigation', { name: 'Pages of results' });
    await nav.getByRole('link', { name: /^Next/ }).click();
    await page.waitForURL(/page=2/);
    expect(params(page).get('q')).toBe('food');
    expect(params(page).get('page')).toBe('2');
    expect(await textOf(page, 'main')).toMatch(/Showing 21 to \d+ of \d+/);
    expect(await textOf(page, 'nav[aria-label="Pages of results"] [aria-current="page"]')).toContain('2');
    const secondPage = (await checkResults(page)).map((r) => r.href);
    expect(secondPage.filter((href) => firstPage.includes(href))).toEqual([]);
    await page
      .getByRole('navigation', { name: 'Pages of results' })
      .getByRole('link', { name: /^Previous/ })
      .click();
    await page.waitForURL((url) => url.searchParams.get('page') !== '2');
    expect((await checkResults(page)).map((r) => r.href)).toEqual(firstPage);
    await page.close();
  });

  it('says kindly when nothing is found, and offers a person to talk to', async () => {
    const page = await newPage();
    await page.goto(server.url('/'));
    await page.getByLabel('What are you looking for help with?').fill('zzzzqqqq');
    await page.getByLabel('What are you looking for help with?').press('Enter');
    await page.waitForURL(/q=zzzzqqqq/);
    expect(await textOf(page, '#results-heading')).toBe('No services found');
    expect(await page.locator('li.result').count()).toBe(0);
    const noResults = await textOf(page, '.no-results');
    expect(noResults).toMatch(/sorry/i);
    expect(noResults).toContain('does not mean there is no help');
    expect(await page.locator('.no-results').getByRole('heading', { name: 'Talk to someone' }).count()).toBe(1);
    await page.close();
  });

  it('names a filter whose removal would bring results back', async () => {
    const chosen = 'q=walking&day=sun&time=evening';
    expect(await apiTotal(chosen)).toBe(0);
    const withoutDay = await apiTotal('q=walking&time=evening');
    const withoutTime = await apiTotal('q=walking&day=sun');
    expect(withoutDay + withoutTime, 'removing one filter gives results').toBeGreaterThan(0);

    const page = await newPage();
    await page.goto(server.url(`/search?${chosen}`));
    expect(await textOf(page, '#results-heading')).toBe('No services found');
    const lines = page
      .locator('.no-results')
      .locator('li, p')
      .filter({ hasText: /would show/ });
    expect(await lines.count(), `a line in .no-results saying how many "would show"; .no-results says: ${await textOf(page, '.no-results')}`).toBeGreaterThan(
      0,
    );
    // Each filter line names how many results its removal gives, and links to that search.
    const texts = (await lines.allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    const dayLine = texts.find((t) => /Sunday/.test(t) && /would show/.test(t));
    if (withoutDay > 0) {
      expect(dayLine, texts.join('\n')).toBeDefined();
      expect(dayLine).toContain(`${withoutDay} service`);
    }
    const links = await lines.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
    const hrefs = links.map((href) => new URL(href, server.origin));
    expect(
      hrefs.some((url) => url.pathname === '/search' && !url.searchParams.has('day') && url.searchParams.get('time') === 'evening'),
      links.join('\n'),
    ).toBe(withoutDay > 0);
    // Following the link gives the results it promised.
    const target = hrefs.find((url) => url.pathname === '/search' && !url.searchParams.has('day'));
    if (target) {
      await page.goto(target.href);
      expect(await page.locator('li.result').count()).toBe(Math.min(withoutDay, 20));
    }
    await page.close();
  });

  it('answers nonsense in the address with 200 and messages, never an error page', async () => {
    const page = await newPage();
    const response = await page.goto(server.url('/search?page=-1&per_page=lots&day=funday&age=old'));
    expect(response?.status()).toBe(200);
    expect(await page.title()).toMatch(/^Error: /);
    const summary = await textOf(page, '.error-summary');
    expect(summary).toContain('There is a problem');
    expect(summary).toContain('"funday" is not a day');
    expect(summary).toContain('from 1 to 100');
    expect(summary).toMatch(/"old" is not an age/);
    expect(summary).toMatch(/"-1" is not a page number/);
    // Each message also sits beside its own field.
    expect(await textOf(page, 'fieldset:has(legend:text-is("Days you can go"))')).toContain('"funday" is not a day');
    expect(await page.locator('li.result').count()).toBeGreaterThan(0);

    for (const qs of [
      'category=unicorns',
      'cost=cheap&cost=free',
      'max_cost=%C2%A3-5',
      'sort=random',
      'include_closed=maybe',
      'capacity=lots',
      'access=lift&access=',
      'page=99999',
      'per_page=0',
      'q=%22',
      'q=NEAR(',
      `q=${'x'.repeat(3000)}`,
      'q=%27%20OR%201%3D1%20--',
      'age=200',
      'time=midnight&day=mon&day=mon',
      'page=2.5',
    ]) {
      const strange = await page.goto(server.url(`/search?${qs}`));
      expect(strange?.status(), qs).toBe(200);
      expect(await textOf(page, 'h1'), qs).not.toBe('');
    }
    // An address that is not even valid percent-encoding may be refused (400), but kindly.
    const malformed = await page.goto(server.url('/search?q=%E0%A4%A&day=%ZZ'));
    expect(malformed?.status(), 'malformed percent-encoding').toBeLessThan(500);
    expect(await textOf(page, 'h1'), 'malformed percent-encoding').not.toBe('');
    expect(await page.locator('a[href="/"]').count(), 'malformed percent-encoding: a link home').toBeGreaterThan(0);
    await page.close();
  });
});

interface FocusStyle {
  outline: string;
  boxShadow: string;
  background: string;
  color: string;
  textDecoration: string;
}

async function styleOf(handle: ElementHandle<Element>): Promise<FocusStyle> {
  return handle.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      outline:
        style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0 ? 'none' : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      boxShadow: style.boxShadow,
      background: style.backgroundColor,
      color: style.color,
      textDecoration: style.textDecorationLine,
    };
  });
}

/**
 * The focused element's look while focused, against its look once focus has moved away (Shift+Tab):
 * it must have an outline or box shadow, and look different. Focus is then put back (Tab).
 */
async function expectVisibleFocus(page: Page, what: string): Promise<void> {
  const handle = (await page.evaluateHandle(() => document.activeElement)).asElement();
  expect(handle, `${what}: something has focus`).not.toBeNull();
  const onFocus = await styleOf(handle!);
  await page.keyboard.press('Shift+Tab');
  expect(await handle!.evaluate((element) => element === document.activeElement), `${what}: Shift+Tab moves focus away`).toBe(false);
  const unfocused = await styleOf(handle!);
  await page.keyboard.press('Tab');
  expect(await handle!.evaluate((element) => element === document.activeElement), `${what}: Tab brings focus back`).toBe(true);
  const indicator = onFocus.outline !== 'none' || onFocus.boxShadow !== 'none';
  expect(indicator, `${what}: an outline or box shadow while focused (${JSON.stringify(onFocus)})`).toBe(true);
  expect(onFocus, `${what}: looks different when focused`).not.toEqual(unfocused);
}

/** Presses Tab until the focused element passes the test (at most `limit` times). */
async function tabUntil(page: Page, test: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 400) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (test(now)) return now;
  }
  throw new Error(`Pressed Tab ${limit} times without reaching the element wanted; focus is on ${JSON.stringify(await focused(page))}`);
}

describe('search with the keyboard alone (JavaScript off)', () => {
  it('skip link, search box, a filter checkbox and the submit button, each with a visible focus indicator', async () => {
    const page = await newPage();
    await page.goto(server.url('/'));

    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip.tag).toBe('a');
    expect(skip.text).toBe('Skip to main content');
    expect(skip.href).toBe('#main');
    expect(await page.locator('.skip-link').first().isVisible()).toBe(true);
    const skipBox = await page.locator('.skip-link').first().boundingBox();
    expect(skipBox && skipBox.y >= 0 && skipBox.height > 0, `skip link shown on screen when focused: ${JSON.stringify(skipBox)}`).toBe(true);
    await expectVisibleFocus(page, 'skip link');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id, 'Enter on the skip link moves focus to main').toBe('main');
    expect(new URL(page.url()).hash).toBe('#main');

    const box = await tabUntil(page, (f) => f.tag === 'input' && f.id === 'q', 10);
    expect(box.name).toBe('q');
    await page.keyboard.type('walking group');
    await expectVisibleFocus(page, 'search box');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?/);
    expect(params(page).get('q')).toBe('walking group');
    expect(await page.locator('li.result').count()).toBeGreaterThan(0);

    const checkbox = await tabUntil(page, (f) => f.tag === 'input' && f.type === 'checkbox');
    expect(checkbox.checked).toBe(false);
    await page.keyboard.press('Space');
    const ticked = await focused(page);
    expect(ticked.checked, `Space ticks ${ticked.name}=${ticked.value}`).toBe(true);
    await expectVisibleFocus(page, `checkbox ${ticked.name}=${ticked.value}`);

    await tabUntil(page, (f) => f.tag === 'button' && /^(Show results|Apply filters)$/.test(f.text));
    await expectVisibleFocus(page, 'Show results button');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.getAll(ticked.name).includes(ticked.value));
    expect(params(page).get('q')).toBe('walking group');
    expect(params(page).getAll(ticked.name)).toContain(ticked.value);
    await page.close();
  });

  it('puts the nearest first once a resident types their own postcode into a search by words', async () => {
    const page = await newPage();
    await page.goto(server.url('/search?q=food'));
    expect(await page.locator('#sort option:checked').textContent()).toBe('Best match');
    // NE4 5TG: the example the page gives, a real postcode no listing needs to be at.
    await page.locator('#near').fill('ne4 5tg');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('near') === 'ne4 5tg');
    // The order control's default was sent as no choice, and shows what is in force.
    expect(params(page).get('sort') ?? '').toBe('');
    expect(await page.locator('#sort').inputValue()).toBe('');
    expect(await page.locator('#sort option:checked').textContent()).toBe('Nearest first');
    const distances = (await page.locator('li.result dt:text-is("Distance") + dd').allTextContents())
      .map((text) => (/^Less than 0\.1 km/.test(text) ? 0 : Number(/^([\d.]+) km/.exec(text)?.[1] ?? NaN)))
      .filter((km) => !Number.isNaN(km));
    expect(distances.length).toBeGreaterThan(3);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(await page.locator('[data-near-note]').count()).toBe(0);

    // Far from the sample: placed at the middle of its sector, and the page says so.
    await page.locator('#near').fill('EH1 1YZ');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('near') === 'EH1 1YZ');
    expect(await textOf(page, '[data-near-note]')).toBe(
      'We do not know exactly where EH1 1YZ is, so distances are from the middle of EH1 1, the area around your postcode.',
    );
    expect(await textOf(page, 'h1')).toContain('near EH1 1YZ');
    await page.close();
  });

  it('requests nothing from any other host', () => {
    expect(guarded.offOrigin).toEqual([]);
    expect(guarded.requests.filter((r) => r.resourceType === 'script')).toEqual([]);
  });
});
