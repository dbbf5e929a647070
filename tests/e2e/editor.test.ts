// The service editor in a real browser: a panel member signs in, opens a folded part, changes a name and a time,
// previews, saves and sees it on the public page; two people edit at once and the conflict page is
// answered; the history page; axe finds nothing on the editor, preview, conflict and history pages;
// and a save with JavaScript turned off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { service } from '../fixtures/services';
import { ADMIN, PANEL } from '../fixtures/accounts';
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

const LISTING = service({
  code: 'e2e-editor',
  name: 'Benwell Craft Cafe',
  categories: ['befriending'],
  schedules: [{ byday: 'WE', opens_at: '13:00', closes_at: '15:00' }],
});
const CONFLICTED = service({
  code: 'e2e-editor-conflict',
  name: 'Scotswood Allotment Group',
  schedules: [{ byday: 'SA', opens_at: '10:00', closes_at: '12:00' }],
});
const NO_SCRIPT = service({ code: 'e2e-editor-noscript', name: 'Kenton Reading Circle' });

let server: RunningServer;
let browser: Browser;
let guarded: GuardedContext;
let page: Page;

async function signIn(target: Page, who: { email: string; password: string }, path: string): Promise<void> {
  await target.goto(server.url(path));
  await target.getByLabel('Email address').fill(who.email);
  await target.getByLabel('Password').fill(who.password);
  await Promise.all([target.waitForURL(`**${path}`), target.getByRole('button', { name: 'Sign in' }).click()]);
}

async function expectNoViolations(target: Page, where: string): Promise<void> {
  const violations = await axeViolations(target);
  expect(violations.length, formatViolations(violations, where)).toBe(0);
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ fixtures: [LISTING, CONFLICTED, NO_SCRIPT], users: [PANEL, ADMIN] }), launchBrowser()]);
  guarded = await guardedContext(browser, server, { bypassCSP: true });
  page = await guarded.context.newPage();
  await signIn(page, PANEL, `/panel/services/${LISTING.id}/edit`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the service editor (axe: wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa)', () => {
  it('changes the name and a time, previews, saves, and the public page shows it', async () => {
    const editPath = `/panel/services/${LISTING.id}/edit`;
    expect(await textOf(page, 'h1')).toBe('Edit Benwell Craft Cafe');
    await expectNoViolations(page, editPath);
    await saveScreenshots(page, 'editor');

    await page.locator('#f-name').fill('Benwell Craft and Chat Cafe');
    // The form is folded: "Times" opens by its heading.
    await page.locator('details[data-section="section-times"] > summary').click();
    await page.locator('#f-schedules-0-opens_at').fill('13:30');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Preview changes' }).click()]);
    expect(await textOf(page, '#preview-heading')).toBe('Preview of your changes');
    expect(await textOf(page, '#change-list tr[data-field="name"]')).toContain('Benwell Craft and Chat Cafe');
    expect(await page.locator('#change-list tr[data-field="schedules"]').count()).toBe(1);
    await expectNoViolations(page, `${editPath} (preview)`);
    // Nothing saved yet.
    expect(await (await fetch(server.url(`/services/${LISTING.id}`))).text()).not.toContain('Benwell Craft and Chat Cafe');

    await Promise.all([page.waitForURL(`**${editPath}?saved=1`), page.getByRole('button', { name: 'Save and publish' }).click()]);
    expect(await textOf(page, '#saved-message h2')).toBe('Saved');
    await Promise.all([page.waitForURL(`**/services/${LISTING.id}`), page.getByRole('link', { name: 'See the listing as the public sees it' }).click()]);
    expect(await textOf(page, 'h1')).toBe('Benwell Craft and Chat Cafe');
    expect(await textOf(page, 'main')).toMatch(/1:30\s?pm|13:30/);
    expect(guarded.offOrigin).toEqual([]);
  });

  it('shows an error next to a bad time, and the page passes axe', async () => {
    const editPath = `/panel/services/${LISTING.id}/edit`;
    await page.goto(server.url(editPath));
    await page.locator('details[data-section="section-times"] > summary').click();
    await page.locator('#f-schedules-0-closes_at').fill('3pm');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Save and publish' }).click()]);
    expect(await textOf(page, '#error-summary h2')).toBe('There is a problem');
    expect(await textOf(page, '#f-schedules-0-closes_at-error')).toBe('Error: Enter a time on the 24-hour clock, like 09:30 or 14:00');
    expect(await page.locator('#f-schedules-0-closes_at').getAttribute('aria-invalid')).toBe('true');
    await expectNoViolations(page, `${editPath} (errors)`);
  });

  it('two people at once: the conflict page lists the field and "Use mine" keeps mine', async () => {
    const editPath = `/panel/services/${CONFLICTED.id}/edit`;
    await page.goto(server.url(editPath));
    const other = await guardedContext(browser, server, { bypassCSP: true });
    const otherPage = await other.context.newPage();
    await signIn(otherPage, ADMIN, editPath);
    await otherPage.locator('#f-name').fill('Scotswood Allotments (theirs)');
    await Promise.all([otherPage.waitForURL(`**${editPath}?saved=1`), otherPage.getByRole('button', { name: 'Save and publish' }).click()]);
    await other.context.close();

    await page.locator('#f-name').fill('Scotswood Allotments (mine)');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Save and publish' }).click()]);
    expect(await textOf(page, 'h1')).toBe('Someone else changed this listing while you were editing');
    expect(await textOf(page, 'section[data-field="name"] .conflict-theirs')).toBe('Scotswood Allotments (theirs)');
    expect(await textOf(page, 'section[data-field="name"] .conflict-mine')).toBe('Scotswood Allotments (mine)');
    await saveScreenshots(page, 'editor-conflict');
    await expectNoViolations(page, `${editPath} (conflict)`);
    // No choice made: asked again, nothing saved.
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Save these choices' }).click()]);
    expect(await textOf(page, '#error-summary')).toContain('Name: choose “Keep theirs” or “Use mine”');
    await expectNoViolations(page, `${editPath} (conflict, no choice)`);
    await page.getByLabel('Use mine').check();
    await Promise.all([page.waitForURL(`**${editPath}?saved=1`), page.getByRole('button', { name: 'Save these choices' }).click()]);
    expect(await page.locator('#f-name').inputValue()).toBe('Scotswood Allotments (mine)');
  });

  it('the history page lists the changes and passes axe', async () => {
    const historyPath = `/panel/services/${CONFLICTED.id}/history`;
    await page.goto(server.url(historyPath));
    expect(await textOf(page, 'h1')).toBe('History of Scotswood Allotments (mine)');
    const rows = await page.locator('#history tbody tr[data-field="name"]').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('panel@example.org');
    expect(rows[0]).toContain('Scotswood Allotments (mine)');
    expect(rows[1]).toContain('admin@example.org');
    await expectNoViolations(page, historyPath);
  });

  it('the add-a-service page passes axe', async () => {
    await page.goto(server.url('/panel/services/new'));
    expect(await textOf(page, 'h1')).toBe('Add a service');
    await expectNoViolations(page, '/panel/services/new');
  });

  it('saves with JavaScript turned off', async () => {
    const noScript = await guardedContext(browser, server, { javaScriptEnabled: false });
    const plain = await noScript.context.newPage();
    const editPath = `/panel/services/${NO_SCRIPT.id}/edit`;
    await signIn(plain, PANEL, editPath);
    await plain.locator('#f-name').fill('Kenton Readers');
    // Folded parts open without JavaScript too.
    await plain.locator('details[data-section="section-times"] > summary').click();
    await plain.locator('#f-schedules-0-days-TU').check();
    await plain.locator('#f-schedules-0-opens_at').fill('18:00');
    await plain.locator('#f-schedules-0-closes_at').fill('19:30');
    await Promise.all([plain.waitForURL(`**${editPath}?saved=1`), plain.getByRole('button', { name: 'Save and publish' }).click()]);
    expect(await textOf(plain, '#saved-message h2')).toBe('Saved');
    await plain.goto(server.url(`/services/${NO_SCRIPT.id}`));
    expect(await textOf(plain, 'h1')).toBe('Kenton Readers');
    expect(await textOf(plain, 'main')).toMatch(/Tuesday/);
    await noScript.context.close();
  });
});
