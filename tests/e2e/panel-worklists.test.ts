// The panel's queue work in Chromium at 360 px and 1280 px, with axe (wcag2a, wcag2aa, wcag21a,
// wcag21aa, wcag22aa) on every page: the freshness dashboard's counts lead to a worklist whose
// one-click actions work without JavaScript and come back with a confirmation; a "closed" report
// marks its listing closed in one step; duplicate reports are one row; the editor is folded, with
// a summary at the top and the part holding an error open.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { service } from '../fixtures/services';
import { PANEL } from '../fixtures/accounts';
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

const STALE = ['Elswick Lunch Club', 'Fenham Knit Group', 'Heaton Chess Club'].map((name, n) =>
  service({ code: `e2e-wl-${n}`, name, assured: `2024-0${n + 1}-10`, categories: ['befriending'] }),
);
const REPORTED = service({ code: 'e2e-wl-reported', name: 'Walker Tea Dance', assured: '2026-11-01' });
const EDITED = service({ code: 'e2e-wl-editor', name: 'Byker Community Garden', assured: null });
const WIDTHS = [360, 1280] as const;

let server: RunningServer;
let browser: Browser;
const reportIds: string[] = [];

async function signIn(page: Page, path: string): Promise<void> {
  await page.goto(server.url(`/panel/sign-in?next=${encodeURIComponent(path)}`));
  await page.getByLabel('Email address').fill(PANEL.email);
  await page.getByLabel('Password').fill(PANEL.password);
  await Promise.all([page.waitForURL((url) => url.pathname === new URL(path, server.origin).pathname), page.getByRole('button', { name: 'Sign in' }).click()]);
}

/** axe finds nothing, and nothing spills sideways, at 360 px and at 1280 px. */
async function expectCleanAtBothWidths(page: Page, where: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const violations = await axeViolations(page);
    expect(violations.length, formatViolations(violations, `${where} at ${width} px`)).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    // Named, when something spills: the elements reaching past the right edge.
    const spilling =
      overflow > 0
        ? await page.evaluate(`[...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || el.scrollWidth > el.clientWidth + 1)
      .slice(-5).map((el) => el.tagName + '.' + el.className + ': ' + (el.textContent || '').slice(0, 60))`)
        : [];
    expect(overflow, `${where} at ${width} px spills sideways: ${JSON.stringify(spilling)}`).toBeLessThanOrEqual(0);
  }
}

/** A signed-in context (JavaScript on, so axe can run, unless asked) and its page. */
async function panelPage(path: string, javaScriptEnabled = true): Promise<{ guarded: GuardedContext; page: Page }> {
  const guarded = await guardedContext(browser, server, { bypassCSP: true, javaScriptEnabled });
  const page = await guarded.context.newPage();
  await signIn(page, path);
  return { guarded, page };
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ fixtures: [...STALE, REPORTED, EDITED], users: [PANEL] }), launchBrowser()]);
  const db = new Database(server.databasePath);
  try {
    for (const day of ['2026-11-28', '2026-11-30']) {
      const id = randomUUID();
      reportIds.push(id);
      db.prepare("insert into problem_report (id, service_id, kind, message, created_at) values (?, ?, 'closed', ?, ?)").run(
        id,
        REPORTED.id,
        `The hall was locked on ${day}.`,
        `${day}T10:00:00Z`,
      );
    }
  } finally {
    db.close();
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('worklists from the freshness dashboard', () => {
  it('follows a count to its worklist, at both widths, axe-clean', async () => {
    const { guarded, page } = await panelPage('/panel/freshness');
    await expectCleanAtBothWidths(page, '/panel/freshness');
    await page.setViewportSize({ width: 360, height: 800 });
    await Promise.all([
      page.waitForURL('**/panel/freshness/worklist?status=stale'),
      page.getByRole('link', { name: '3 listings: Stale: may have stopped' }).click(),
    ]);
    expect(await textOf(page, 'h1')).toBe('Listings: Stale: may have stopped');
    expect(await textOf(page, '#results')).toBe('3 listings, never checked and longest since a check first.');
    expect(await page.locator('.worklist-item h2').allTextContents()).toEqual(['Elswick Lunch Club', 'Fenham Knit Group', 'Heaton Chess Club']);
    // On a phone the first listing starts on the first screen; at desktop its buttons are there too.
    const heading = await page.locator('.worklist-item h2').first().boundingBox();
    expect(heading!.y + heading!.height).toBeLessThan(800);
    await page.setViewportSize({ width: 1280, height: 800 });
    const button = await page
      .locator('.worklist-item')
      .first()
      .getByRole('button', { name: /Still running/ })
      .boundingBox();
    expect(button!.y + button!.height).toBeLessThan(800);
    await expectCleanAtBothWidths(page, 'a worklist');
    await saveScreenshots(page, 'panel-worklist');
    expect(guarded.offOrigin).toEqual([]);
    await guarded.context.close();
  });

  it('records a check and a closure with JavaScript off, each back on the same list with a plain confirmation', async () => {
    const path = '/panel/freshness/worklist?status=stale';
    const { guarded, page } = await panelPage(path, false);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const row = page.locator('.worklist-item').first();
      const name = await textOf(page, '.worklist-item h2');
      if (width === 360) {
        await Promise.all([
          page.waitForURL('**/panel/freshness/worklist?status=stale&done=verify**'),
          row.getByRole('button', { name: /Still running: verified today/ }).click(),
        ]);
        expect(await textOf(page, '[role="status"]')).toContain(`Done: ${name} is marked as checked today.`);
      } else {
        await Promise.all([
          page.waitForURL('**/panel/freshness/worklist?status=stale&done=close**'),
          row.getByRole('button', { name: /Mark closed \(archive\)/ }).click(),
        ]);
        expect(await textOf(page, '[role="status"]')).toContain(`Done: ${name} is marked as closed. It is kept in the archive`);
        expect(await textOf(page, '#results')).toContain('1 more is marked closed and kept in the archive');
      }
      expect(await page.locator('.worklist-item h2').allTextContents()).not.toContain(name);
    }
    expect(await page.locator('.worklist-item').count()).toBe(1);
    await guarded.context.close();
    // axe on the page with its confirmation (JavaScript on for axe).
    const withScript = await panelPage(`${path}&done=verify&service=${STALE[0]!.id}`);
    await expectCleanAtBothWidths(withScript.page, 'a worklist with its confirmation');
    await withScript.guarded.context.close();
  });
});

describe('problem reports', () => {
  it('shows two reports of one kind about one listing as one row with both dates, at both widths', async () => {
    const { guarded, page } = await panelPage('/panel/queue');
    const rows = page.locator('tr[data-report-group]');
    expect(await rows.count()).toBe(1);
    expect(await textOf(page, 'tr[data-report-group]')).toMatch(/Problem reports \(2\)\s*Walker Tea Dance[\s\S]*30 Nov[\s\S]*28 Nov[\s\S]*dealt with together/);
    await expectCleanAtBothWidths(page, '/panel/queue');
    await guarded.context.close();
  });

  it('marks the listing closed and resolves both reports in one step, without JavaScript', async () => {
    const path = `/panel/queue/reports/${reportIds[1]}`;
    const script = await panelPage(path);
    expect(await textOf(script.page, '#same-reports')).toContain('The hall was locked on 2026-11-28.');
    await expectCleanAtBothWidths(script.page, 'a problem report with a duplicate');
    await script.guarded.context.close();

    const { guarded, page } = await panelPage(path, false);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByLabel(/It has closed: mark the listing closed and resolve/).check();
    await page.getByLabel('Note (optional)').fill('Confirmed with the hall manager.');
    await Promise.all([page.waitForURL(`**${path}?done=mark_closed`), page.getByRole('button', { name: 'Save' }).click()]);
    expect(await textOf(page, '#report-done')).toContain('The listing is marked closed and kept in the archive, and it is in its history.');
    await guarded.context.close();
    const db = new Database(server.databasePath, { readonly: true });
    try {
      expect((db.prepare('select status from service where id = ?').get(REPORTED.id) as { status: string }).status).toBe('defunct');
      expect(db.prepare('select status from problem_report where service_id = ? order by created_at').all(REPORTED.id)).toEqual([
        { status: 'resolved' },
        { status: 'resolved' },
      ]);
    } finally {
      db.close();
    }
    const after = await panelPage(`${path}?done=mark_closed`);
    await expectCleanAtBothWidths(after.page, 'a problem report dealt with');
    await after.guarded.context.close();
  });
});

describe('the folded editor', () => {
  const editPath = `/panel/services/${EDITED.id}/edit`;

  it('opens short, with the summary on the first screen, at both widths', async () => {
    const { guarded, page } = await panelPage(editPath);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const summary = await page.locator('#editor-summary').boundingBox();
      expect(summary!.y, `summary at ${width} px`).toBeLessThan(800);
      expect(await textOf(page, '#editor-summary')).toMatch(
        /Name\s*Byker Community Garden\s*Status\s*Running\s*Last checked\s*Never\s*What is missing\s*Any way to contact them/,
      );
      expect(await page.locator('.editor-summary__missing li').allTextContents()).toContain('When it happens (times)');
    }
    const folded = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(await page.locator('details.editor-section[open]').count()).toBe(1);
    await expectCleanAtBothWidths(page, `${editPath} (folded)`);
    await saveScreenshots(page, 'editor-folded');
    // Every part open, for comparison: the folded page is a fraction of it.
    await page.goto(server.url(`${editPath}?parts=all`));
    await page.setViewportSize({ width: 1280, height: 800 });
    const unfolded = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(folded * 3).toBeLessThan(unfolded);
    // A "missing" link opens its part.
    await page.goto(server.url(editPath));
    expect(await page.locator('details[data-section="section-times"]').getAttribute('open')).toBeNull();
    await page.getByRole('link', { name: 'When it happens (times)' }).click();
    await expect.poll(() => page.locator('details[data-section="section-times"]').getAttribute('open')).not.toBeNull();
    expect(await page.locator('#f-schedules-0-opens_at').isVisible()).toBe(true);
    await guarded.context.close();
  });

  it('opens the part holding an error, and only that one, with JavaScript off', async () => {
    const { guarded, page } = await panelPage(editPath, false);
    for (const width of WIDTHS) {
      await page.goto(server.url(editPath));
      await page.setViewportSize({ width, height: 800 });
      await page.locator('details[data-section="section-contact"] > summary').click();
      await page.locator('#f-email').fill('hello at example');
      await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Save and publish' }).click()]);
      expect(await textOf(page, '#error-summary')).toContain('Enter an email address like name@example.org');
      expect(await page.locator('details.editor-section[open]').evaluateAll((parts) => parts.map((part) => part.getAttribute('data-section')))).toEqual([
        'section-contact',
      ]);
      expect(await page.locator('#f-email').isVisible()).toBe(true);
      expect(await textOf(page, 'details[data-section="section-contact"] > summary')).toContain('There is a problem in this part');
    }
    await guarded.context.close();
    // The same error page, axe-clean (JavaScript on for axe).
    const script = await panelPage(editPath);
    await script.page.locator('details[data-section="section-contact"] > summary').click();
    await script.page.locator('#f-email').fill('hello at example');
    await Promise.all([script.page.waitForLoadState('load'), script.page.getByRole('button', { name: 'Save and publish' }).click()]);
    await expectCleanAtBothWidths(script.page, `${editPath} (an error)`);
    await script.guarded.context.close();
  });
});
