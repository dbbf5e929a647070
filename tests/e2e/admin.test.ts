// Admin pages in a real browser: an admin signs in, invites someone (no email set up here, so the
// link is read from "Messages not sent"), the person opens it in a fresh browser, accepts and lands
// signed in, then adds a practitioner note on a service page. axe (wcag2a, wcag2aa, wcag21a,
// wcag21aa, wcag22aa) finds nothing on the people, organisations, settings, audit, invitation and
// service-with-notes pages, including their error states; notes are not printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { service } from '../fixtures/services';
import { ADMIN } from '../fixtures/accounts';
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

const CAFE = service({ code: 'e2e-admin-cafe', name: 'Admin Test Memory Cafe', organization: 'e2e-admin-org' });
// Enough organisations for two pages of the organisations list.
const MORE = Array.from({ length: 26 }, (_, i) => service({ code: `e2e-admin-extra-${i}`, name: `Extra Group ${i}` }));

let server: RunningServer;
let browser: Browser;
let adminContext: GuardedContext;
let newcomerContext: GuardedContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ fixtures: [CAFE, ...MORE], users: [ADMIN], env: { SMTP_URL: '', PUBLIC_URL: '' } }), launchBrowser()]);
  adminContext = await guardedContext(browser, server, { bypassCSP: true });
  page = await adminContext.context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function expectNoViolations(where: Page, name: string): Promise<void> {
  const violations = await axeViolations(where);
  expect(violations.length, formatViolations(violations, name)).toBe(0);
}

describe('admin pages in a browser', () => {
  let link = '';

  it('signs in, and the people page passes axe', async () => {
    await page.goto(server.url('/panel/users'));
    expect(new URL(page.url()).pathname).toBe('/panel/sign-in');
    await page.getByLabel('Email address').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await Promise.all([page.waitForURL('**/panel/users'), page.getByRole('button', { name: 'Sign in' }).click()]);
    expect(await textOf(page, 'h1')).toBe('People and invitations');
    await expectNoViolations(page, '/panel/users');
  });

  it('shows mistakes in the invitation form beside their fields, and passes axe', async () => {
    await page.getByLabel('Their email address').fill('not an email');
    await page.getByLabel(/^Organisation editor/).check();
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Send the invitation' }).click()]);
    expect(await textOf(page, '.error-summary')).toContain('Enter an email address like name@example.org.');
    expect(await page.getByLabel('Their email address').getAttribute('aria-invalid')).toBe('true');
    await expectNoViolations(page, '/panel/users (invitation errors)');
  });

  it('invites someone; without email the link waits in "Messages not sent"', async () => {
    await page.getByLabel('Their email address').fill('newcomer@example.org');
    await page.getByLabel(/^Link worker/).check();
    await Promise.all([page.waitForURL('**/panel/users?done=invited-not-sent'), page.getByRole('button', { name: 'Send the invitation' }).click()]);
    expect(await textOf(page, '[role="status"]')).toContain('could not be emailed');
    const body = await textOf(page, '.admin-outbox__body');
    link = /(http:\/\/\S+\/invite\/\S+)/.exec(body)?.[1] ?? '';
    expect(link.startsWith(`${server.origin}/invite/`)).toBe(true);
    expect(await textOf(page, '#invitations-table')).toContain('newcomer@example.org');
    await saveScreenshots(page, 'admin-users');
    await expectNoViolations(page, '/panel/users (with invitation and outbox)');
  });

  it('the invitation opens in a fresh browser, refuses a weak password, and signs the person in', async () => {
    newcomerContext = await guardedContext(browser, server, { bypassCSP: true });
    const newcomer = await newcomerContext.context.newPage();
    await newcomer.goto(link);
    expect(await textOf(newcomer, 'h1')).toBe('Accept your invitation');
    await expectNoViolations(newcomer, '/invite/<token>');
    await newcomer.getByLabel('Your name').fill('Nia Newcomer');
    await newcomer.getByLabel('Choose a password').fill('password1234');
    await newcomer.getByLabel('Type the password again').fill('password1234');
    await Promise.all([newcomer.waitForLoadState('load'), newcomer.getByRole('button', { name: 'Create my account' }).click()]);
    expect(await textOf(newcomer, '#password-error')).toContain('one of the most common ones');
    await expectNoViolations(newcomer, '/invite/<token> (weak password)');
    await newcomer.getByLabel('Choose a password').fill('a quiet river at dawn');
    await newcomer.getByLabel('Type the password again').fill('a quiet river at dawn');
    await Promise.all([newcomer.waitForURL('**/panel'), newcomer.getByRole('button', { name: 'Create my account' }).click()]);
    expect(await textOf(newcomer, '.panel-bar__where')).toBe('Signed in as Nia Newcomer (Link worker)');

    // As a link worker, on a service page: notes, with the form; a refused note and an added one.
    await newcomer.goto(server.url(`/services/${CAFE.id}`));
    expect(await textOf(newcomer, '#notes-heading')).toBe('Notes for practitioners (not shown to the public)');
    await newcomer.getByLabel('Add a note for your team').fill('Client NHS 943 476 5919 is coming');
    await Promise.all([newcomer.waitForLoadState('load'), newcomer.getByRole('button', { name: 'Add note' }).click()]);
    expect(await textOf(newcomer, '#note-body-error')).toContain('looks like it holds an NHS number');
    await expectNoViolations(newcomer, '/services/<id> (note refused)');
    await newcomer.getByLabel('Add a note for your team').fill('Ask for Jo at the door; she meets everyone new.');
    await Promise.all([newcomer.waitForURL(/note=added/), newcomer.getByRole('button', { name: 'Add note' }).click()]);
    expect(await textOf(newcomer, '.practitioner-note__body')).toBe('Ask for Jo at the door; she meets everyone new.');
    await saveScreenshots(newcomer, 'service-with-notes');
    await expectNoViolations(newcomer, '/services/<id> (with notes)');
    await newcomer.emulateMedia({ media: 'print' });
    expect(await newcomer.locator('#notes').isVisible()).toBe(false);
    expect(await newcomer.locator('.service-actions').isVisible()).toBe(false);
    expect(newcomerContext.offOrigin).toEqual([]);

    // Accepted, so its link is dead: no longer waiting to be passed on.
    await page.goto(server.url('/panel/users'));
    expect(await textOf(page, '#outbox-none')).toBe('No messages are waiting to be passed on.');
    expect(await page.locator('#invitations-table').count()).toBe(0);
  });

  it('the organisations page passes axe, with a second page', async () => {
    await page.goto(server.url('/panel/organisations'));
    expect(await textOf(page, '#organisations-count')).toBe('27 organisations. Page 1 of 2.');
    await page.getByRole('button', { name: /^Trust e2e-admin-extra-0-org trust$/ }).click();
    await page.waitForURL(/done=trusted/);
    expect(await textOf(page, '[role="status"]')).toBe("e2e-admin-extra-0-org trust is now trusted: its editors' changes are published straight away.");
    await saveScreenshots(page, 'admin-organisations');
    await expectNoViolations(page, '/panel/organisations');
    await page.getByRole('link', { name: 'Next page' }).click();
    await page.waitForURL(/page=2/);
    await expectNoViolations(page, '/panel/organisations?page=2');
  });

  it('the settings and audit pages pass axe', async () => {
    await page.goto(server.url('/panel/settings'));
    expect(await textOf(page, 'h1')).toBe('Settings');
    await expectNoViolations(page, '/panel/settings');
    await page.goto(server.url('/panel/audit'));
    expect(await textOf(page, '#audit')).toContain('Invitation accepted as Link worker');
    await page.getByLabel('Show').selectOption('sign_in');
    await Promise.all([page.waitForURL(/event=sign_in/), page.getByRole('button', { name: 'Show' }).click()]);
    await saveScreenshots(page, 'admin-audit');
    await expectNoViolations(page, '/panel/audit');
    expect(adminContext.offOrigin).toEqual([]);
  });
});
