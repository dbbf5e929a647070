// Browser end-to-end harness: the built server on a scratch database, Debian's Chromium driven by
// playwright-core (never a downloaded browser), contexts that refuse every request to another
// host (and remember it), full-page screenshots at phone and desktop widths, and axe-core.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { ROOT, startServer, type RunningServer, type ServerOptions } from '../fixtures/server';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

export { ROOT, startServer, type RunningServer, type ServerOptions } from '../fixtures/server';
export { freePort } from '../fixtures/ports';

// ---------------------------------------------------------------------------------------------
// The browser

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium).`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface GuardedContext {
  context: BrowserContext;
  /** Every request to anywhere but the server's own origin: each was refused. */
  offOrigin: string[];
  /** Every request the browser made, in order. */
  requests: { url: string; resourceType: string }[];
}

/**
 * A browser context whose every request goes through a route: the server's own origin is let
 * through, anything else is aborted and remembered in `offOrigin`, so a test can say that no
 * other host was asked for anything. (Routing also turns off the HTTP cache: every load is fresh.)
 */
export async function guardedContext(browser: Browser, server: RunningServer, options: BrowserContextOptions = {}): Promise<GuardedContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB', ...options });
  const offOrigin: string[] = [];
  const requests: { url: string; resourceType: string }[] = [];
  context.on('request', (request) => {
    requests.push({ url: request.url(), resourceType: request.resourceType() });
  });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    let origin = '';
    try {
      origin = new URL(url).origin;
    } catch {
      /* not a URL we know */
    }
    if (origin === server.origin) return route.continue();
    offOrigin.push(url);
    return route.abort('blockedbyclient');
  });
  return { context, offOrigin, requests };
}

// ---------------------------------------------------------------------------------------------
// Screenshots

/** Full-page screenshots at 375 and 1280 pixels wide: test-results/screenshots/<name>-375.png and -1280.png. */
export async function saveScreenshots(page: Page, name: string): Promise<string[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const original = page.viewportSize();
  const paths: string[] = [];
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const path = join(SCREENSHOT_DIR, `${name}-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    paths.push(path);
  }
  if (original) await page.setViewportSize(original);
  return paths;
}

// ---------------------------------------------------------------------------------------------
// axe-core

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/**
 * Runs axe on the page as it is now (needs JavaScript on; a context with `bypassCSP: true` keeps
 * a Content-Security-Policy from refusing the injected script).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  // A string, so nothing the test compiler adds to functions ends up in the page.
  return page.evaluate(`(async () => {
    const results = await window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } });
    return results.violations.map((v) => ({
      id: v.id, impact: v.impact ?? null, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), html: n.html.slice(0, 200), summary: (n.failureSummary || '').replace(/\\s+/g, ' ') })),
    }));
  })()`) as Promise<AxeViolation[]>;
}

/** Violations in words: one block per rule, with the elements it found. '' when there are none. */
export function formatViolations(violations: AxeViolation[], where: string): string {
  if (!violations.length) return '';
  const lines = [`${violations.length} axe rule(s) failed on ${where}:`];
  for (const v of violations) {
    lines.push(`- ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help} [${v.helpUrl}]`);
    for (const node of v.nodes.slice(0, 8)) {
      lines.push(`    at ${node.target}`);
      lines.push(`       ${node.html}`);
      if (node.summary) lines.push(`       ${node.summary.slice(0, 400)}`);
    }
    if (v.nodes.length > 8) lines.push(`    …and ${v.nodes.length - 8} more`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Small page helpers

/** The page's text with runs of white space made single spaces. */
export async function textOf(page: Page, selector = 'body'): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** What has focus: tag, id, type, name, value, checked, href and text. */
export async function focused(
  page: Page,
): Promise<{ tag: string; id: string; type: string; name: string; value: string; checked: boolean; href: string; text: string }> {
  return page.evaluate(`(() => {
    const el = document.activeElement;
    if (!el) return { tag: '', id: '', type: '', name: '', value: '', checked: false, href: '', text: '' };
    return {
      tag: el.tagName.toLowerCase(), id: el.id || '', type: el.getAttribute('type') || '', name: el.getAttribute('name') || '',
      value: 'value' in el ? String(el.value) : '', checked: Boolean(el.checked), href: el.getAttribute('href') || '',
      text: (el.textContent || '').replace(/\\s+/g, ' ').trim(),
    };
  })()`);
}

// ---------------------------------------------------------------------------------------------
// A server and a browser with the two contexts most tests want

export interface BrowserSession {
  server: RunningServer;
  browser: Browser;
  /** JavaScript off, as many residents' browsers effectively are. */
  noScript: GuardedContext;
  /** JavaScript on, since axe is injected; bypassCSP so the site's Content-Security-Policy lets it in. */
  withAxe: GuardedContext;
  close(): Promise<void>;
}

export async function openBrowserSession(options: ServerOptions = {}): Promise<BrowserSession> {
  const [server, browser] = await Promise.all([startServer(options), launchBrowser()]);
  const noScript = await guardedContext(browser, server, { javaScriptEnabled: false });
  const withAxe = await guardedContext(browser, server, { bypassCSP: true });
  return {
    server,
    browser,
    noScript,
    withAxe,
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}
