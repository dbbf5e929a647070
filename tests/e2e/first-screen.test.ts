// The first screen, for people in a hurry (issue 16), in Chromium at 360 and 1280 pixels wide,
// with JavaScript off (as on a cheap phone) and on (for axe): results on a phone's first screen
// with the filters folded, cards that say how to start, Call/Text/Directions at the top of a
// service page with one status, urgent help in urgent order, and "Exit this page".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, formatViolations, openBrowserSession, textOf, type BrowserSession } from './harness';

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession();
});

afterAll(async () => {
  await session?.close();
});

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const BENWELL_FOODBANK = '50a386cc-4378-5f61-9736-21937024ee2a';
const CRISIS_LINE_WITH_TEXT = '0b225cf8-b170-5a2e-a5de-9d911da0df12';
const HELP_WITH_FORMS = '583a5a4b-6578-5da0-bfba-7f3fea0fb328'; // in person, no phone, never checked
const DOMESTIC_ABUSE_LINE = '425c0c04-98b9-50d6-b50f-9b66c50673ac';

async function open(path: string, viewport: { width: number; height: number }, js = false): Promise<Page> {
  const page = await (js ? session.withAxe : session.noScript).context.newPage();
  await page.setViewportSize(viewport);
  const response = await page.goto(session.server.url(path));
  expect(response?.status(), path).toBe(200);
  return page;
}

/** Top of an element from the top of the page, in CSS pixels. */
async function topOf(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  expect(box, selector).not.toBeNull();
  return box!.y;
}

describe('search results on a phone', () => {
  it('puts the first result on the first screen, with the filters folded behind one control (no JavaScript)', async () => {
    for (const path of ['/search?q=food', '/search?q=food&cost=free&day=wed', '/search?category=food-banks']) {
      const page = await open(path, PHONE);
      const firstResult = await topOf(page, 'li.result .result__name');
      expect(firstResult, `${path}: first result at ${firstResult}px`).toBeLessThan(PHONE.height - 60);
      const details = page.locator('details#filters');
      expect(await details.getAttribute('open'), path).toBeNull();
      expect(await page.locator('#filters summary').textContent()).toMatch(/Filters and order/);
      expect(await page.getByRole('button', { name: 'Show results' }).isVisible()).toBe(false);
      // The one control opens them, without JavaScript.
      await page.locator('#filters summary').click();
      expect(await page.getByRole('button', { name: 'Show results' }).isVisible()).toBe(true);
      expect(await page.getByLabel('Sort by').isVisible()).toBe(true);
      await page.close();
    }
  });

  it('counts the chosen filters on the folded control', async () => {
    const page = await open('/search?q=food&cost=free&day=wed', PHONE);
    expect(await textOf(page, '#filters summary')).toBe('Filters and order 2 chosen');
    await page.close();
  });

  it('opens the filters when one of them needs correcting', async () => {
    const page = await open('/search?q=food&age=abc', PHONE);
    expect(await page.locator('details#filters').getAttribute('open')).not.toBeNull();
    expect(await page.locator('#age').isVisible()).toBe(true);
    await page.close();
  });

  it('shows the filters open beside the results on a wide screen, with no folding control', async () => {
    const page = await open('/search?q=food', DESKTOP);
    expect(await page.getByRole('button', { name: 'Show results' }).isVisible()).toBe(true);
    expect(await page.locator('#filters summary').isVisible()).toBe(false);
    const results = await page.locator('.results-body').boundingBox();
    const filters = await page.locator('details#filters').boundingBox();
    expect(filters!.x, 'filters to the right of the results').toBeGreaterThan(results!.x + results!.width);
    expect(await topOf(page, 'li.result .result__name')).toBeLessThan(DESKTOP.height);
    await page.close();
  });
});

describe('result cards say how to start', () => {
  it('says a voucher is needed and where from, a referral and from whom, just turn up, and full', async () => {
    const page = await open('/search?q=foodbank+benwell', DESKTOP);
    const benwell = page.locator('li.result', { has: page.locator(`a[href="/services/${BENWELL_FOODBANK}"]`) });
    expect(await textOf(page, `li.result:has(a[href="/services/${BENWELL_FOODBANK}"]) .result__start`)).toBe(
      'Voucher needed from an advice centre, your GP surgery, a link worker, a school or a housing officer',
    );
    expect(await benwell.count()).toBe(1);
    await page.close();

    const walking = await open('/search?q=walking+group', DESKTOP);
    expect(await walking.locator('.result__start', { hasText: 'Just turn up' }).count()).toBeGreaterThan(0);
    await walking.close();

    const full = await open('/search?q=english+conversation&capacity=', DESKTOP);
    const fullCard = full.locator('li.result', { hasText: 'Bensham English Conversation Club' });
    expect(await fullCard.locator('.result__start').textContent()).toMatch(/^Full: not taking new people now$/);
    await full.close();
  });
});

describe('the service page on a phone', () => {
  it('has Call, Text and Directions at the top, and the number in the key facts', async () => {
    const line = await open(`/services/${CRISIS_LINE_WITH_TEXT}`, PHONE);
    const call = line.getByRole('link', { name: /^Call 0191/ });
    const text = line.getByRole('link', { name: /^Text 07700/ });
    expect(await call.getAttribute('href')).toMatch(/^tel:0191/);
    expect(await text.getAttribute('href')).toMatch(/^sms:07700/);
    expect((await call.boundingBox())!.y, 'Call on the first screen').toBeLessThan(PHONE.height - 50);
    expect(await line.locator('.key-facts dt', { hasText: 'Phone' }).count()).toBe(1);
    expect(await line.locator('.key-facts a[href^="sms:"]').count()).toBe(1);
    // A phone line is never "gone to".
    expect(await textOf(line, 'main')).not.toMatch(/before you go/);
    await line.close();

    const foodbank = await open(`/services/${BENWELL_FOODBANK}`, PHONE);
    const directions = foodbank.getByRole('link', { name: /^Directions/ });
    expect(await directions.getAttribute('href')).toMatch(/^https:\/\/www\.google\.com\/maps\/dir\/\?api=1&destination=54\.97117%2C-1\.65769$/);
    expect((await directions.boundingBox())!.y).toBeLessThan(PHONE.height - 50);
    expect(await textOf(foodbank, '.key-facts')).toMatch(/To start\s*Voucher needed/);
    await foodbank.close();
  });

  it('says "Phone before you go" only where there is a phone', async () => {
    const page = await open(`/services/${HELP_WITH_FORMS}`, PHONE);
    const status = await textOf(page, '.listing-status');
    expect(status).toContain('Nobody has checked these details yet. Contact them before you go.');
    expect(await textOf(page, 'main')).not.toContain('Phone before you go');
    expect(await page.getByRole('link', { name: /^Call / }).count()).toBe(0);
    await page.close();
  });

  it('gives one status with the dates that matter, across the page on a wide screen', async () => {
    const page = await open(`/services/${CRISIS_LINE_WITH_TEXT}`, DESKTOP);
    const status = await textOf(page, '.listing-status');
    expect(status).toMatch(/^This may be out of date/);
    expect(status).toMatch(/last checked on \d{1,2} \w+ \d{4}/);
    expect(status).toMatch(/Space for new people: taking new people now\. Updated \d{1,2} \w+ \d{4}, more recently than the other details\./);
    const box = (await page.locator('.listing-status').boundingBox())!;
    expect(box.width, 'the warning spans both columns, never split').toBeGreaterThan(900);
    expect(await page.locator('.freshness').count(), 'no second banner').toBe(0);
    await page.close();
  });
});

describe('urgent help', () => {
  it('lists the national numbers first, then lines open 24 hours, crisis lines first', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const page = await open('/urgent-help', viewport);
      const numbers = await page.locator('.national-numbers a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(numbers.slice(0, 3)).toEqual(['tel:999', 'tel:111', 'tel:116123']);
      const headings = (await page.locator('main h2').allTextContents()).map((text) => text.trim());
      expect(headings.slice(0, 2)).toEqual(['Call now, any time', 'Open 24 hours, every day']);
      expect(headings.indexOf('Help you can get today: food, money, somewhere to stay')).toBeLessThan(headings.indexOf('More urgent help'));
      const first = (await page.locator('.urgent-group').first().locator('li.result .result__name').allTextContents()).map((t) => t.trim());
      expect(first[0], first.join(', ')).toMatch(/Line/);
      expect(
        first.every((name) => !/Food Bank/i.test(name)),
        first.join(', '),
      ).toBe(true);
      // Each 24-hour line can be called from its card.
      expect(await page.locator('.urgent-group').first().locator('.result__call a[href^="tel:"]').count()).toBe(first.length);
      expect(await textOf(page, '.urgent-group')).not.toMatch(/Phone before you go/);
      await page.close();
    }
  });

  it('is linked from every page header and from the home page', async () => {
    const page = await open('/', PHONE);
    expect(await page.locator('.site-nav a', { hasText: 'Urgent help now' }).getAttribute('href')).toBe('/urgent-help');
    expect(await page.locator('#urgent-help .national-numbers a[href="tel:999"]').count()).toBe(1);
    await page.close();
  });
});

describe('Exit this page', () => {
  it('is a plain link at the top of domestic abuse results and service pages, and nowhere else', async () => {
    for (const path of ['/search?category=domestic-abuse', `/services/${DOMESTIC_ABUSE_LINE}`]) {
      const page = await open(path, PHONE);
      const exit = page.getByRole('link', { name: /^Exit this page/ });
      expect(await exit.getAttribute('href')).toBe('https://www.bbc.co.uk/weather');
      expect((await exit.boundingBox())!.y, path).toBeLessThan(200);
      // Still in reach after scrolling down.
      await page.mouse.wheel(0, 2000);
      await page.evaluate('window.scrollTo(0, 2000)');
      const after = await exit.boundingBox();
      expect(after!.y, `${path} after scrolling`).toBeLessThan(10);
      await page.close();
    }
    const other = await open(`/services/${BENWELL_FOODBANK}`, PHONE);
    expect(await other.getByRole('link', { name: /^Exit this page/ }).count()).toBe(0);
    await other.close();
  });
});

describe('compressed responses in the browser', () => {
  it('gets pages and the stylesheet brotli-compressed', async () => {
    const page = await session.noScript.context.newPage();
    const encodings = new Map<string, string | undefined>();
    page.on('response', (response) => {
      encodings.set(new URL(response.url()).pathname, response.headers()['content-encoding']);
    });
    const response = await page.goto(session.server.url('/search?q=food'));
    expect(response?.headers()['content-encoding']).toBe('br');
    const css = [...encodings.keys()].find((path) => path.endsWith('.css'));
    expect(css).toBeDefined();
    expect(encodings.get(css!)).toBe('br');
    expect(await page.locator('li.result').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('axe at both widths', () => {
  it('finds nothing on the search, service, urgent and domestic abuse pages, filters open and closed', async () => {
    const paths = [
      '/search?q=food',
      '/search?category=domestic-abuse',
      `/services/${CRISIS_LINE_WITH_TEXT}`,
      `/services/${BENWELL_FOODBANK}`,
      '/urgent-help',
      '/',
    ];
    const failures: string[] = [];
    for (const viewport of [PHONE, DESKTOP]) {
      for (const path of paths) {
        const page = await open(path, viewport, true);
        failures.push(formatViolations(await axeViolations(page), `${path} at ${viewport.width}px`));
        if (path.startsWith('/search') && viewport === PHONE) {
          await page.locator('#filters summary').click();
          failures.push(formatViolations(await axeViolations(page), `${path} at ${viewport.width}px, filters open`));
        }
        await page.close();
      }
    }
    expect(failures.filter(Boolean).join('\n')).toBe('');
  });
});

describe('the handout', () => {
  /** A list of the first three results for `q`, made by pressing "Add to my list" with JavaScript off. */
  async function listOfThree(q: string): Promise<{ path: string; close(): Promise<void> }> {
    const context = await session.browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP });
    const page = await context.newPage();
    for (let i = 0; i < 3; i++) {
      await page.goto(session.server.url(`/search?q=${encodeURIComponent(q)}`));
      await page
        .locator('li.result')
        .nth(i)
        .getByRole('button', { name: /^Add to my list/ })
        .click();
    }
    await page.goto(session.server.url('/'));
    const href = await page.locator('.site-nav a', { hasText: 'Your list (3)' }).getAttribute('href');
    await context.close();
    return { path: href!, close: async () => {} };
  }

  const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

  it('prints three services on at most two A4 pages, standard and easy read', async () => {
    const lists = [await listOfThree('food'), await listOfThree('mental health')];
    for (const path of lists.flatMap((list) => [list.path, `${list.path}?format=easy-read`])) {
      const page = await open(path, DESKTOP, true);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      expect(pdfPages(pdf), `${path} printed`).toBeLessThanOrEqual(2);
      expect(pdfPages(pdf)).toBeGreaterThanOrEqual(1);
      await page.close();
    }
  });

  it('gives easy read a picture and one short sentence a line, in large type, and credits the pictures', async () => {
    const list = await listOfThree('food');
    const page = await open(`${list.path}?format=easy-read`, PHONE);
    const lines = page.locator('.easy-read-service .easy-read-line');
    expect(await lines.count()).toBeGreaterThan(15);
    expect(await page.locator('.easy-read-service .easy-read-line svg.easy-read-picture[aria-hidden="true"]').count()).toBe(await lines.count());
    for (const text of await page.locator('.easy-read-service .easy-read-line > span').allTextContents()) {
      expect(text.trim().split(/[.!?]\s+(?=[A-Z])/).length, text).toBeLessThanOrEqual(2);
    }
    const size = await page
      .locator('.easy-read-service .easy-read-line > span')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(22);
    expect(await textOf(page, 'main')).toContain('Pictures: Tabler Icons');
    expect(await textOf(page, 'main')).not.toMatch(/(\b[A-Z][\w ]+), \1,/);
    await page.close();
  });

  it('has a Print button only where JavaScript runs', async () => {
    const list = await listOfThree('walking group');
    const off = await open(list.path, PHONE);
    expect(await off.getByRole('button', { name: 'Print this list' }).isVisible()).toBe(false);
    await off.close();
    const on = await open(list.path, PHONE, true);
    const button = on.getByRole('button', { name: 'Print this list' });
    await button.waitFor({ state: 'visible' });
    await on.evaluate('window.print = () => { window.__printed = true; }');
    await button.click();
    expect(await on.evaluate('window.__printed === true')).toBe(true);
    await on.close();
  });

  it('offers a text version with every address and session', async () => {
    const list = await listOfThree('food');
    const response = await fetch(session.server.url(`${list.path}.txt`));
    const text = await response.text();
    expect((text.match(/^Where: /gm) ?? []).length).toBeGreaterThanOrEqual(2);
    expect((text.match(/^When: /gm) ?? []).length).toBeGreaterThanOrEqual(3);
    expect((text.match(/^(Phone|Text): /gm) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it('is axe-clean at both widths, standard and easy read', async () => {
    const list = await listOfThree('food');
    const failures: string[] = [];
    for (const viewport of [PHONE, DESKTOP]) {
      for (const path of [list.path, `${list.path}?format=easy-read`]) {
        const page = await open(path, viewport, true);
        failures.push(formatViolations(await axeViolations(page), `${path} at ${viewport.width}px`));
        await page.close();
      }
    }
    expect(failures.filter(Boolean).join('\n')).toBe('');
  });
});
