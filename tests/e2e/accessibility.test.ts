// axe-core (WCAG 2.0, 2.1 and 2.2 A and AA rules) on every kind of public page, at desktop and
// phone widths; screenshots of the main pages; no request to any other host; and a page weight
// budget: a results page under 100 KB with no JavaScript at all, its stylesheet cached.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
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

let server: RunningServer;
let browser: Browser;
let guarded: GuardedContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  // JavaScript on, since axe is injected; bypassCSP so the site's Content-Security-Policy lets it in.
  guarded = await guardedContext(browser, server, { bypassCSP: true });
  page = await guarded.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens the page, checks its status, runs axe and says which rules failed, if any. */
async function audit(path: string, options: { status?: number; width?: number; screenshots?: string } = {}): Promise<void> {
  const width = options.width ?? 1280;
  await page.setViewportSize({ width, height: 800 });
  const before = guarded.offOrigin.length;
  const response = await page.goto(server.url(path));
  expect(response?.status(), `status of ${path}`).toBe(options.status ?? 200);
  expect(guarded.offOrigin.slice(before), `requests to other hosts from ${path}`).toEqual([]);
  if (options.screenshots) await saveScreenshots(page, options.screenshots);
  const violations = await axeViolations(page);
  const report = formatViolations(violations, `${path} at ${width}px`);
  expect(violations.length, report).toBe(0);
}

let servicePath = '';
let organisationPath = '';

describe('accessibility (axe: wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa)', () => {
  it('home page', async () => {
    await audit('/', { screenshots: 'home' });
  });
  it('home page at 375px', async () => {
    await audit('/', { width: 375 });
  });
  it('search results', async () => {
    await audit('/search?q=walking', { screenshots: 'results' });
  });
  it('search results at 375px', async () => {
    await audit('/search?q=walking', { width: 375 });
  });
  it('a search that finds nothing', async () => {
    await audit('/search?q=zzzzqqqq');
    expect(await textOf(page, '#results-heading')).toBe('No services found');
  });
  it('a search that finds nothing with filters chosen', async () => {
    await audit('/search?q=walking&day=sun&time=evening');
    expect(await textOf(page, '#results-heading')).toBe('No services found');
  });
  it('a filtered search, with the chosen filters shown', async () => {
    await audit('/search?cost=free&day=tue&mode=in_person');
    expect(await page.locator('li.result').count()).toBeGreaterThan(0);
    expect(await textOf(page, 'main')).toContain('Your filters');
  });
  it('a search with bad values in the address (error summary and field errors)', async () => {
    await audit('/search?q=food&day=funday&per_page=lots&age=old');
    expect(await page.locator('.error-summary').count()).toBe(1);
  });

  it("a service page (the first result's)", async () => {
    await page.goto(server.url('/search?q=walking'));
    servicePath = (await page.locator('li.result a[href^="/services/"]').first().getAttribute('href')) ?? '';
    expect(servicePath).toMatch(/^\/services\/.+/);
    await audit(servicePath, { screenshots: 'service' });
  });

  it("an organisation page (from the service page's organisation link)", async () => {
    expect(servicePath, 'the service page test found a service').not.toBe('');
    await page.goto(server.url(servicePath));
    const link = page.locator('main a[href^="/organisations/"]').first();
    expect(await link.count(), `a link to /organisations/… on ${servicePath}`).toBe(1);
    organisationPath = (await link.getAttribute('href')) ?? '';
    await link.click();
    await page.waitForURL(`**${organisationPath}`);
    await audit(organisationPath);
    expect(await page.locator('main a[href^="/services/"]').count()).toBeGreaterThan(0);
  });

  it.each(['/help/about', '/help/accessibility', '/help/privacy', '/help/for-organisations', '/help/talk-to-someone'])('help page %s', async (path) => {
    await audit(path);
    expect(await textOf(page, 'h1')).not.toBe('');
  });

  it('the list of help pages', async () => {
    await audit('/help');
    expect(await page.locator('main a[href^="/help/"]').count()).toBeGreaterThanOrEqual(5);
  });

  it('the page for a web address with a broken escape (400)', async () => {
    await audit('/search?q=%ZZ', { status: 400 });
    expect(await textOf(page, 'h1')).toBe('There is a mistake in that web address');
  });

  it('the page-not-found page (/services/nope)', async () => {
    await audit('/services/nope', { status: 404 });
  });

  it('the page-not-found page (/does-not-exist)', async () => {
    await audit('/does-not-exist', { status: 404 });
  });

  it('requested nothing from any other host on all those pages', () => {
    expect(guarded.offOrigin).toEqual([]);
  });
});

describe('reflow (WCAG 1.4.10): at 320px wide, as at 400% zoom, nothing needs sideways scrolling', () => {
  it.each(['/', '/search?q=walking&cost=free', '/help/accessibility'])('%s', async (path) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(server.url(path));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${path} is wider than the screen by ${overflow}px`).toBeLessThanOrEqual(0);
  });

  it('a service page', async () => {
    expect(servicePath, 'the service page test found a service').not.toBe('');
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(server.url(servicePath));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${servicePath} is wider than the screen by ${overflow}px`).toBeLessThanOrEqual(0);
  });
});

describe('page weight and caching', () => {
  it('a results page is under 100 KB in all and loads no JavaScript', async () => {
    const fresh = await guardedContext(browser, server); // a new context: an empty cache
    const weightPage = await fresh.context.newPage();
    const responses: Response[] = [];
    weightPage.on('response', (response) => {
      responses.push(response);
    });
    const response = await weightPage.goto(server.url('/search?q=food'), { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    const rows: string[] = [];
    let transferred = 0;
    for (const item of responses) {
      const body = (await item.body().catch(() => Buffer.alloc(0))).length;
      const sizes = await item
        .request()
        .sizes()
        .catch(() => null);
      const bytes = sizes && sizes.responseBodySize > 0 ? sizes.responseHeadersSize + sizes.responseBodySize : body;
      transferred += bytes;
      rows.push(`${item.request().resourceType()} ${item.url().replace(server.origin, '')}: ${bytes} bytes (${body} decoded)`);
    }
    console.log(`Page weight of /search?q=food: ${transferred} bytes\n  ${rows.join('\n  ')}`);
    expect(transferred, rows.join('\n')).toBeLessThan(100 * 1024);
    expect(
      fresh.requests.filter((r) => r.resourceType === 'script').map((r) => r.url),
      'script requests',
    ).toEqual([]);
    expect(await weightPage.locator('script:not([type="application/ld+json"])').count(), 'script elements').toBe(0);
    expect(fresh.offOrigin).toEqual([]);
    await fresh.context.close();
  });

  it('stylesheets are served with a cache lifetime (hashed /_astro/ files immutable)', async () => {
    await page.goto(server.url('/search?q=food'));
    const hrefs = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.length, 'stylesheets linked').toBeGreaterThan(0);
    for (const href of hrefs) {
      const url = new URL(href, server.origin);
      expect(url.origin, `${href} is served by the site itself`).toBe(server.origin);
      const response = await fetch(url);
      expect(response.status, href).toBe(200);
      const cacheControl = response.headers.get('cache-control') ?? '';
      const maxAge = Number(/max-age=(\d+)/.exec(cacheControl)?.[1] ?? 0);
      expect(maxAge, `${href}: cache-control "${cacheControl}" should have a max-age`).toBeGreaterThan(0);
      if (url.pathname.startsWith('/_astro/')) {
        expect(cacheControl, `${href} is a hashed file`).toContain('immutable');
        expect(maxAge, `${href} is a hashed file`).toBeGreaterThanOrEqual(31_536_000);
      }
    }
  });
});
