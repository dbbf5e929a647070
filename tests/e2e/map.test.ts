// The map view of search results (view=map) in Chromium: markers and clusters drawn from the page's
// own data, nothing fetched from another host but tiles (and those refused here, so the map says
// it shows outlines only), every marker and cluster usable by keyboard, the same services as the
// list below it, no axe failures, the list still there with JavaScript off, and no script or
// map styles on any other page.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  focused,
  formatViolations,
  freePort,
  guardedContext,
  launchBrowser,
  saveScreenshots,
  startServer,
  textOf,
  type GuardedContext,
  type RunningServer,
} from './harness';

const MAP_PATH = '/search?view=map&per_page=50';
const TILE_FAILURE_MESSAGE = 'Map pictures could not be loaded, so the map shows only area outlines.';
const NO_TILES_MESSAGE = 'This map shows only area outlines, without streets.';
const FALLBACK_SENTENCE = 'The map needs JavaScript. The same services are listed below.';
const OSM_TILE = /^https:\/\/tile\.openstreetmap\.org\/\d+\/\d+\/\d+\.png$/;

interface MapData {
  markers: { name: string; url: string; latitude: number; longitude: number; distance: string | null }[];
  withoutPlace: { name: string; url: string }[];
  tiles: { url: string } | null;
  areas: { name: string }[];
  origin: { latitude: number; longitude: number; label: string } | null;
}

let server: RunningServer; // default settings: OpenStreetMap's tiles
let plainServer: RunningServer; // MAP_TILE_URL=none
let tiledServer: RunningServer; // tiles from a little tile server on this machine
let tileServer: Server;
let tileOrigin = '';
const tileRequests: { path: string; referer: string }[] = [];
let browser: Browser;

// Every tile the same: a pale square with a grid line, as an SVG picture.
const TILE_PICTURE = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="256" height="256" fill="#ece8dc"/><path d="M0 0H256V256" fill="none" stroke="#c8c2b0"/></svg>',
);

beforeAll(async () => {
  const tilePort = await freePort();
  tileOrigin = `http://127.0.0.1:${tilePort}`;
  tileServer = createServer((request, response) => {
    tileRequests.push({ path: request.url ?? '', referer: request.headers.referer ?? '' });
    response.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Content-Length': TILE_PICTURE.length });
    response.end(TILE_PICTURE);
  });
  await new Promise<void>((resolve) => tileServer.listen(tilePort, '127.0.0.1', resolve));
  [server, plainServer, tiledServer, browser] = await Promise.all([
    startServer(),
    startServer({ env: { MAP_TILE_URL: 'none' } }),
    startServer({ env: { MAP_TILE_URL: `${tileOrigin}/tiles/{z}/{x}/{y}.png`, MAP_ATTRIBUTION: '© Test Tiles|https://example.org/tiles' } }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([server?.stop(), plainServer?.stop(), tiledServer?.stop()]);
  await new Promise((resolve) => tileServer?.close(resolve));
});

async function openMap(guarded: GuardedContext, target: RunningServer, path = MAP_PATH): Promise<Page> {
  const page = await guarded.context.newPage();
  const response = await page.goto(target.url(path));
  expect(response?.status(), path).toBe(200);
  await page.locator('[data-results-map][data-map-ready="true"]').waitFor({ timeout: 15_000 });
  return page;
}

async function mapData(page: Page): Promise<MapData> {
  return JSON.parse((await page.locator('#results-map-data').textContent()) ?? 'null') as MapData;
}

/** Presses Tab until `selector` has focus; false if it never does within `limit` presses. */
async function tabTo(page: Page, selector: string, limit = 80): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return true;
  }
  return false;
}

describe('the map view with the default tiles (refused, as every other host is here)', () => {
  let guarded: GuardedContext;
  let page: Page;

  beforeAll(async () => {
    guarded = await guardedContext(browser, server);
    page = await openMap(guarded, server);
  });
  afterAll(async () => {
    await guarded?.context.close();
  });

  it('draws a marker or cluster for the places of the results, in a named region', async () => {
    const data = await mapData(page);
    expect(data.markers.length, 'markers in the data').toBeGreaterThan(10);
    expect(data.tiles?.url).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(data.areas.map((area) => area.name).sort()).toEqual(['Gateshead', 'Newcastle upon Tyne']);
    const region = page.getByRole('region', { name: 'Map of these results' });
    expect(await region.count()).toBe(1);
    const icons = await page.locator('.results-map .leaflet-marker-icon').count();
    const clusters = await page.locator('.results-map .marker-cluster').count();
    const singles = await page.locator('.results-map .results-map__marker').count();
    console.log(`Map of ${MAP_PATH}: ${data.markers.length} places, ${singles} single markers and ${clusters} clusters shown`);
    expect(clusters, 'clusters for the dense areas').toBeGreaterThan(0);
    expect(icons).toBe(clusters + singles);
    expect(singles).toBeLessThan(data.markers.length);
    // Every marker and cluster has a name a screen reader can say, and can be reached by Tab.
    const unnamed = await page
      .locator('.results-map .leaflet-marker-icon')
      .evaluateAll(
        (icons) =>
          icons.filter((icon) => icon.getAttribute('role') !== 'button' || icon.getAttribute('tabindex') !== '0' || !(icon.textContent ?? '').trim()).length,
      );
    expect(unnamed, 'markers without role, tabindex or name').toBe(0);
  });

  it('asked no other host for anything but map tiles, and says the map shows outlines only', async () => {
    await expect.poll(() => page.locator('.results-map__message').count(), { timeout: 10_000 }).toBe(1);
    expect(await textOf(page, '.results-map__message')).toBe(TILE_FAILURE_MESSAGE);
    expect(await page.locator('.results-map__message').isVisible()).toBe(true);
    expect(guarded.offOrigin.length, 'tile requests attempted').toBeGreaterThan(0);
    expect(
      guarded.offOrigin.filter((url) => !OSM_TILE.test(url)),
      'off-site requests that are not tiles',
    ).toEqual([]);
    // After the first failures it stops asking: moving the map asks for no more tiles.
    const asked = guarded.offOrigin.length;
    await page.locator('.leaflet-control-zoom-in').click();
    await page.waitForTimeout(500);
    expect(guarded.offOrigin.length, 'tile requests after giving up').toBe(asked);
    // No picture was shown, so no credit for pictures; the page's own script and styles came from this site.
    expect(await textOf(page, '.leaflet-control-attribution')).not.toContain('OpenStreetMap');
    const scripts = guarded.requests.filter((r) => r.resourceType === 'script').map((r) => r.url);
    expect(scripts.length).toBeGreaterThan(0);
    for (const url of scripts) expect(url.startsWith(`${server.origin}/_astro/`), url).toBe(true);
  });

  it('numbers each pin as its service is numbered in the list below, to the eye and to a screen reader', async () => {
    const listed = new Map(
      await page.locator('li.result[data-result-number]').evaluateAll((items) =>
        items.map(
          (item) =>
            [
              item.getAttribute('data-result-number'),
              item
                .querySelector('a[href^="/services/"]')
                ?.textContent?.replace(/^\d+\.\s*/, '')
                .trim() ?? '',
            ] as [string, string],
        ),
      ),
    );
    expect(listed.size).toBe(50);
    // The list's own numbers show beside each name.
    expect(await page.locator('li.result[data-result-number="1"] .result__number').innerText()).toBe('1');
    const pins = await page.locator('.results-map .results-map__marker').evaluateAll((icons) =>
      icons.map((icon) => ({
        shown: icon.querySelector('.results-map__number')?.textContent ?? '',
        said: icon.querySelector('.visually-hidden')?.textContent ?? '',
        title: icon.getAttribute('title') ?? '',
        width: icon.getBoundingClientRect().width,
        height: icon.getBoundingClientRect().height,
      })),
    );
    expect(pins.length).toBeGreaterThan(0);
    for (const pin of pins) {
      expect(listed.get(pin.shown), `pin ${pin.shown} names the service with that number in the list`).toBe(pin.said.replace(/^\d+\.\s*/, ''));
      expect(pin.said).toBe(`${pin.shown}. ${listed.get(pin.shown)}`);
      expect(pin.title).toBe(pin.said);
      // A target of at least 24 by 24 CSS pixels (WCAG 2.5.8).
      expect(Math.min(pin.width, pin.height)).toBeGreaterThanOrEqual(24);
    }
  });

  it('shows the same services as the list below it', async () => {
    const listed = await page.locator('li.result a[href^="/services/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    const data = await mapData(page);
    const mapped = new Set([...data.markers.map((marker) => marker.url), ...data.withoutPlace.map((service) => service.url)]);
    expect(listed.length).toBe(50);
    expect([...mapped].sort()).toEqual([...new Set(listed)].sort());
    expect(await page.locator('#results-map-data').getAttribute('type')).toBe('application/json');
  });

  it('takes screenshots at phone and desktop widths', async () => {
    const paths = await saveScreenshots(page, 'map');
    expect(paths).toHaveLength(2);
  });
});

describe('the map by keyboard', () => {
  let guarded: GuardedContext;
  let page: Page;

  beforeAll(async () => {
    guarded = await guardedContext(browser, plainServer);
    page = await openMap(guarded, plainServer);
  });
  afterAll(async () => {
    await guarded?.context.close();
  });

  it('a skip link leads past the map to the list', async () => {
    await page.locator('.results-map__skip').focus();
    expect(await textOf(page, '.results-map__skip')).toBe('Skip the map');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('results-map-end');
    await page.keyboard.press('Tab');
    const next = await focused(page);
    expect(next.href, 'the next thing after the map is in the list').toMatch(/^\/(services|organisations)\//);
  });

  it('Enter on a cluster zooms in or spreads it out', async () => {
    await page.locator('.results-map__skip').focus();
    expect(await tabTo(page, '.marker-cluster'), 'Tab reaches a cluster').toBe(true);
    const before = await page.locator('.results-map__marker').count();
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await page.locator('.results-map__marker').count()) + (await page.locator('.leaflet-cluster-spider-leg').count()), { timeout: 5_000 })
      .toBeGreaterThan(before);
  });

  it('Tab to a marker and Enter opens its popup with a link to the service; Escape closes it', async () => {
    await page.locator('.results-map__skip').focus();
    // Open clusters by keyboard until a single service marker can be reached.
    let reached = false;
    for (let attempt = 0; attempt < 6 && !reached; attempt++) {
      await page.locator('.results-map__skip').focus();
      reached = await tabTo(page, '.results-map__marker, .marker-cluster');
      if (reached && (await page.evaluate(() => document.activeElement?.matches('.marker-cluster') ?? false))) {
        reached = false;
        await page.keyboard.press('Enter');
        await page.waitForTimeout(400);
      }
    }
    expect(reached, 'Tab reaches a service marker').toBe(true);
    const name = await page.evaluate(() => document.activeElement?.getAttribute('title') ?? '');
    expect(name).not.toBe('');
    // What a screen reader says is its number and name, as the title; the number shows on the pin.
    expect(await page.evaluate(() => (document.activeElement?.querySelector('.visually-hidden')?.textContent ?? '').trim())).toBe(name);
    const [, number, serviceName] = /^(\d+)\. (.+)$/.exec(name) ?? [];
    expect(await page.evaluate(() => document.activeElement?.querySelector('.results-map__number')?.textContent ?? '')).toBe(number);

    await page.keyboard.press('Enter');
    const popup = page.locator('.leaflet-popup');
    await popup.waitFor({ state: 'visible', timeout: 5_000 });
    const link = popup.locator('a[href^="/services/"]');
    expect(await link.count()).toBe(1);
    expect((await link.textContent())?.trim()).toBe(serviceName);
    expect(await textOf(page, '.leaflet-popup')).toMatch(/Cost.+When/);
    const inPopup = await focused(page);
    expect(inPopup.href, 'focus moves to the link in the popup').toMatch(/^\/services\//);

    await page.keyboard.press('Escape');
    await popup.waitFor({ state: 'detached', timeout: 5_000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('title') ?? '')).toBe(name);
  });

  it('does not trap focus: Tab goes on past the map to the list', async () => {
    await page.locator('.leaflet-control-zoom-in').focus();
    let left = false;
    for (let i = 0; i < 20 && !left; i++) {
      await page.keyboard.press('Tab');
      left = await page.evaluate(() => !document.activeElement?.closest('.leaflet-container'));
    }
    expect(left, 'focus leaves the map').toBe(true);
  });

  it('with no tiles set, asks no other host for anything and shows the district outlines', async () => {
    expect(guarded.offOrigin).toEqual([]);
    expect((await mapData(page)).tiles).toBeNull();
    expect(await textOf(page, '.results-map__message')).toBe(NO_TILES_MESSAGE);
    expect(await page.locator('.results-map path.leaflet-interactive, .results-map .leaflet-overlay-pane path').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('.results-map__area-name').allTextContents()).toEqual(expect.arrayContaining(['Newcastle upon Tyne', 'Gateshead']));
    await saveScreenshots(page, 'map-no-tiles');
  });
});

describe('the map with tiles that load', () => {
  it("shows the tiles, allowed by the page's policy, with their credit; the tile server learns the site, not the search", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const elsewhere: string[] = [];
    await context.route('**/*', (route) => {
      const origin = new URL(route.request().url()).origin;
      if (origin === tiledServer.origin || origin === tileOrigin) return route.continue();
      elsewhere.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    try {
      const page = await context.newPage();
      const response = await page.goto(tiledServer.url(MAP_PATH));
      expect(response?.headers()['content-security-policy']).toContain(`img-src 'self' data: ${tileOrigin};`);
      await page.locator('[data-map-ready="true"]').waitFor();
      await expect.poll(() => page.locator('img.leaflet-tile-loaded').count(), { timeout: 10_000 }).toBeGreaterThan(3);
      await page.waitForTimeout(300);
      expect(await page.locator('.results-map__message').count(), 'no message when the tiles load').toBe(0);
      expect(await textOf(page, '.leaflet-control-attribution')).toContain('© Test Tiles');
      expect(await page.locator('.leaflet-control-attribution a[href="https://example.org/tiles"]').count()).toBe(1);
      expect(tileRequests.length).toBeGreaterThan(3);
      for (const request of tileRequests) {
        expect(request.path).toMatch(/^\/tiles\/\d+\/\d+\/\d+\.png$/);
        expect(request.referer, 'only the site is sent, not the search').toBe(`${tiledServer.origin}/`);
      }
      expect(elsewhere).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the map near a place, and for people who move differently', () => {
  it('marks the searched place, fits it in, and gives each place its distance', async () => {
    const guarded = await guardedContext(browser, plainServer);
    try {
      const page = await openMap(guarded, plainServer, '/search?view=map&near=Heaton');
      const data = await mapData(page);
      expect(data.origin?.label).toBe('Heaton');
      expect(data.markers.every((marker) => marker.distance !== null && /km/.test(marker.distance))).toBe(true);
      const origin = page.locator('.results-map__origin');
      expect(await origin.count()).toBe(1);
      expect(await origin.getAttribute('title')).toBe('You searched near Heaton');
      expect(await textOf(page, '.results-map__origin')).toBe('You searched near Heaton');
      expect(await origin.isVisible()).toBe(true);
      await origin.focus();
      await page.keyboard.press('Enter');
      expect(await textOf(page, '.leaflet-popup')).toContain('You searched near Heaton');
      expect(guarded.offOrigin).toEqual([]);
    } finally {
      await guarded.context.close();
    }
  });

  it('with reduced motion asked for, turns off fading and zoom animation', async () => {
    const guarded = await guardedContext(browser, plainServer, { reducedMotion: 'reduce' });
    try {
      const page = await openMap(guarded, plainServer);
      const classes = (await page.locator('.leaflet-container').getAttribute('class')) ?? '';
      expect(classes).not.toContain('leaflet-fade-anim');
      // Zooming in jumps: the map never takes the class Leaflet animates a zoom with.
      await page.evaluate(() => {
        const map = document.querySelector('.leaflet-container')!;
        (window as unknown as { zoomAnimated: boolean }).zoomAnimated = false;
        new MutationObserver(() => {
          if (map.querySelector('.leaflet-zoom-anim')) (window as unknown as { zoomAnimated: boolean }).zoomAnimated = true;
        }).observe(map, { attributes: true, subtree: true, attributeFilter: ['class'] });
      });
      await page.locator('.leaflet-control-zoom-in').click();
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => (window as unknown as { zoomAnimated: boolean }).zoomAnimated)).toBe(false);
    } finally {
      await guarded.context.close();
    }
  });

  it('the mouse wheel scrolls the page until the map is clicked', async () => {
    const guarded = await guardedContext(browser, plainServer, { viewport: { width: 1280, height: 700 } });
    try {
      const page = await openMap(guarded, plainServer);
      const canvas = page.locator('.results-map__canvas');
      await canvas.scrollIntoViewIfNeeded();
      const box = (await canvas.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      const before = await page.evaluate(() => window.scrollY);
      await page.mouse.wheel(0, 200);
      await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before);
      // Once chosen, the wheel zooms the map instead.
      const chosen = (await canvas.boundingBox())!;
      await page.mouse.click(chosen.x + 20, chosen.y + chosen.height - 20);
      const scrolled = await page.evaluate(() => window.scrollY);
      await page.mouse.wheel(0, -200);
      await page.waitForTimeout(400);
      expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    } finally {
      await guarded.context.close();
    }
  });

  it('on a touch screen, one finger scrolls the page (the map moves with two)', async () => {
    const guarded = await guardedContext(browser, plainServer, { viewport: { width: 375, height: 700 }, hasTouch: true, isMobile: true });
    try {
      const page = await openMap(guarded, plainServer);
      const classes = (await page.locator('.leaflet-container').getAttribute('class')) ?? '';
      expect(classes).not.toContain('leaflet-touch-drag');
      expect(await page.locator('.leaflet-container').evaluate((map) => getComputedStyle(map).touchAction)).toBe('pan-x pan-y');
    } finally {
      await guarded.context.close();
    }
  });
});

describe('accessibility of the map view (axe)', () => {
  it('finds no violations on the map, with and without a popup open', async () => {
    const guarded = await guardedContext(browser, server, { bypassCSP: true });
    try {
      const page = await openMap(guarded, server);
      await page.locator('.results-map__message').waitFor({ timeout: 10_000 });
      let violations = await axeViolations(page);
      expect(violations.length, formatViolations(violations, MAP_PATH)).toBe(0);

      await page.setViewportSize({ width: 375, height: 800 });
      violations = await axeViolations(page);
      expect(violations.length, formatViolations(violations, `${MAP_PATH} at 375px`)).toBe(0);

      await page.setViewportSize({ width: 1280, height: 800 });
      const cluster = page.locator('.marker-cluster').first();
      for (let i = 0; i < 6 && (await page.locator('.results-map__marker').count()) === 0; i++) {
        await cluster.click();
        await page.waitForTimeout(400);
      }
      await page.locator('.results-map__marker').first().click();
      await page.locator('.leaflet-popup').waitFor({ state: 'visible' });
      // Once it has faded in: half-faded text would fail contrast.
      await expect.poll(() => page.locator('.leaflet-popup').evaluate((popup) => getComputedStyle(popup).opacity)).toBe('1');
      violations = await axeViolations(page);
      expect(violations.length, formatViolations(violations, `${MAP_PATH} with a popup open`)).toBe(0);
    } finally {
      await guarded.context.close();
    }
  });
});

describe('without JavaScript', () => {
  it('the map view says the map needs JavaScript and still lists the results', async () => {
    const guarded = await guardedContext(browser, server, { javaScriptEnabled: false });
    try {
      const page = await guarded.context.newPage();
      expect((await page.goto(server.url(MAP_PATH)))?.status()).toBe(200);
      expect(await textOf(page, '.results-map__fallback')).toBe(FALLBACK_SENTENCE);
      expect(await page.locator('.results-map__fallback').isVisible()).toBe(true);
      expect(await page.locator('.results-map__canvas').isVisible()).toBe(false);
      expect(await page.locator('li.result').count()).toBe(50);
      expect(await page.locator('.view-switch a[aria-current="page"]').textContent()).toBe('Map');
      expect(guarded.offOrigin).toEqual([]);
    } finally {
      await guarded.context.close();
    }
  });
});

describe('only the map view has the map', () => {
  let guarded: GuardedContext;
  beforeAll(async () => {
    guarded = await guardedContext(browser, server);
  });
  afterAll(async () => {
    await guarded?.context.close();
  });

  async function stylesheetText(page: Page): Promise<string> {
    const hrefs = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    const inline = await page.locator('style').allTextContents();
    const linked = await Promise.all(hrefs.map(async (href) => (await fetch(new URL(href, server.origin))).text()));
    return [...inline, ...linked].join('\n');
  }

  it('the home page, the list view and a service page load no script and no map styles', async () => {
    const page = await guarded.context.newPage();
    const listPath = '/search?per_page=50';
    await page.goto(server.url(listPath));
    const servicePath = (await page.locator('li.result a[href^="/services/"]').first().getAttribute('href')) ?? '';
    expect(servicePath).toMatch(/^\/services\//);
    expect(await page.locator('.view-switch a[aria-current="page"]').textContent()).toBe('List');
    expect(await page.locator('.view-switch a:text-is("Map")').getAttribute('href')).toBe('/search?view=map&per_page=50');

    for (const path of ['/', listPath, '/search?q=walking', servicePath]) {
      const start = guarded.requests.length;
      await page.goto(server.url(path), { waitUntil: 'load' });
      const scripts = guarded.requests
        .slice(start)
        .filter((r) => r.resourceType === 'script')
        .map((r) => r.url);
      expect(scripts, `script requests on ${path}`).toEqual([]);
      expect(await page.locator('script:not([type="application/ld+json"])').count(), `script elements on ${path}`).toBe(0);
      expect(await page.locator('.results-map').count(), `map on ${path}`).toBe(0);
      expect(await stylesheetText(page), `styles on ${path}`).not.toMatch(/leaflet|marker-cluster|results-map__/);
    }
    expect(guarded.offOrigin).toEqual([]);
  });

  it('the map view has the map styles, served from this site', async () => {
    const page = await openMap(guarded, server);
    const css = guarded.requests.filter((r) => r.resourceType === 'stylesheet').map((r) => r.url);
    for (const url of css) expect(url.startsWith(server.origin), url).toBe(true);
    expect(await stylesheetText(page)).toMatch(/\.leaflet-container/);
    expect(await page.locator('.view-switch a:text-is("List")').getAttribute('href')).toBe('/search?per_page=50');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.results-map__canvas')!).position)).toBe('relative');
  });
});
