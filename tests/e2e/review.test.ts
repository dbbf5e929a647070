// Suggestions and the review queue in a real browser: someone suggests a change with JavaScript
// turned off; a panel member signs in (JavaScript still off), accepts one field and rejects
// another, and the public page shows the change. Then axe (in a JavaScript context) on the
// suggestion forms, their thank-you pages, the queue, a review page and a problem report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { service } from '../fixtures/services';
import { PANEL } from '../fixtures/accounts';
import {
  axeViolations,
  formatViolations,
  openBrowserSession,
  saveScreenshots,
  textOf,
  type BrowserSession,
  type GuardedContext,
  type RunningServer,
} from './harness';

const SERVICE = service({
  code: 'e2e-review',
  name: 'Hawthorn Coffee Morning',
  description: 'Coffee, cake and a chat.',
  schedules: [{ byday: 'FR', opens_at: '10:00', closes_at: '12:00' }],
  extra: { url: 'https://hawthorn.example.org' },
});
const OTHER = service({ code: 'e2e-review-other', name: 'Rowan Walking Group' });

let session: BrowserSession;
let server: RunningServer;
let noScript: GuardedContext;
let withAxe: GuardedContext;

beforeAll(async () => {
  session = await openBrowserSession({ fixtures: [SERVICE, OTHER], users: [PANEL] });
  ({ server, noScript, withAxe } = session);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

/** Clicks a submit button and waits for the page the post leads to. */
async function send(page: Page, button: string): Promise<void> {
  await Promise.all([
    page.waitForResponse((answer) => answer.request().method() === 'POST' && answer.request().isNavigationRequest()),
    page.getByRole('button', { name: button }).click(),
  ]);
  await page.waitForLoadState();
}

async function signIn(page: Page, path: string): Promise<void> {
  await page.goto(server.url(path));
  expect(new URL(page.url()).pathname).toBe('/panel/sign-in');
  await page.getByLabel('Email address').fill(PANEL.email);
  await page.getByLabel('Password').fill(PANEL.password);
  await Promise.all([page.waitForURL(`**${path}`), page.getByRole('button', { name: 'Sign in' }).click()]);
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations.length, formatViolations(violations, where)).toBe(0);
}

describe('from a suggestion to the public page, with JavaScript turned off', () => {
  it('suggests a change, then the panel accepts one field and rejects another', async () => {
    const page = await noScript.context.newPage();
    await page.goto(server.url(`/services/${SERVICE.id}/suggest`));
    expect(await textOf(page, 'h1')).toBe('Suggest a change to Hawthorn Coffee Morning');
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Hawthorn Coffee Morning');
    await page.getByLabel('Name', { exact: true }).fill('Hawthorn Coffee and Cake Morning');
    await page.getByLabel('Website').fill('https://elsewhere.example.org');
    await page.getByLabel('Your email address (optional)').fill('neighbour@example.net');
    await send(page, 'Send suggestion');
    expect(await textOf(page, 'h1')).toBe('Thank you. We will check your suggestion.');

    await signIn(page, '/panel/queue');
    expect(await textOf(page, 'h1')).toBe('Review queue');
    await page.getByRole('link', { name: 'Hawthorn Coffee Morning' }).click();
    expect(await textOf(page, 'h1')).toBe('Suggested change to Hawthorn Coffee Morning');

    // Without decisions the page says what is missing.
    await send(page, 'Publish accepted changes');
    expect(await textOf(page, '.error-summary')).toContain('Name: Choose whether to accept or reject this change.');

    await page.getByRole('group', { name: 'Name', exact: true }).getByLabel('Accept').check();
    const website = page.getByRole('group', { name: 'Website', exact: true });
    await website.getByLabel('Reject').check();
    await website.getByLabel('Note (optional)').fill('The old website is still right.');
    await send(page, 'Publish accepted changes');
    expect(await textOf(page, '[role="status"]')).toContain('Published: Name.');
    expect(await textOf(page, 'main')).toContain('The old website is still right.');

    await page.goto(server.url(`/services/${SERVICE.id}`));
    expect(await textOf(page, 'h1')).toBe('Hawthorn Coffee and Cake Morning');
    expect(await textOf(page, 'main')).toContain('hawthorn.example.org');
    expect(noScript.offOrigin).toEqual([]);
    await page.close();
  });
});

describe('accessibility of suggestions and the review queue (axe: wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa)', () => {
  it('the suggestion forms, with mistakes, and their thank-you pages', async () => {
    const page = await withAxe.context.newPage();
    await page.goto(server.url(`/services/${OTHER.id}/suggest`));
    await expectNoViolations(page, 'the suggest-a-change form');
    await page.getByLabel('Email', { exact: true }).fill('not an email');
    await send(page, 'Send suggestion');
    expect(await page.locator('.field-error').count()).toBe(1);
    await saveScreenshots(page, 'suggest-errors');
    await expectNoViolations(page, 'the suggest-a-change form with a mistake');
    await page.getByLabel('Email', { exact: true }).fill('');
    await page.getByLabel('What it costs').fill('Free');
    await send(page, 'Send suggestion');
    expect(await textOf(page, 'h1')).toBe('Thank you. We will check your suggestion.');
    await expectNoViolations(page, 'the suggestion thank-you page');

    await page.goto(server.url('/suggest'));
    await expectNoViolations(page, 'the new group form');
    await send(page, 'Send');
    await expectNoViolations(page, 'the new group form with mistakes');
    await page.getByLabel('Name of the group or service').fill('Larch Repair Cafe');
    await page.getByLabel('What it is').fill('Bring broken things and we help mend them.');
    await page.getByLabel('Where it happens (optional)').fill('Larch Hall, NE4 5TG');
    await send(page, 'Send');
    expect(await textOf(page, 'h1')).toBe('Thank you. We will look into it.');
    await expectNoViolations(page, 'the new group thank-you page');
    expect(withAxe.offOrigin).toEqual([]);
    await page.close();
  });

  it('the queue, a suggestion to review, a closed one, and a problem report', async () => {
    const page = await withAxe.context.newPage();
    await page.goto(server.url(`/services/${OTHER.id}/report`));
    await page.getByLabel('It is full or not taking new people').check();
    await send(page, 'Send report');

    await signIn(page, '/panel/queue');
    await saveScreenshots(page, 'review-queue');
    await expectNoViolations(page, 'the review queue');

    await page.getByRole('link', { name: 'New: Larch Repair Cafe' }).click();
    expect(await textOf(page, 'h1')).toBe('New service: Larch Repair Cafe');
    await saveScreenshots(page, 'review-new-service');
    await expectNoViolations(page, 'a new service to review');
    await send(page, 'Publish the new service');
    await expectNoViolations(page, 'a review with mistakes');

    await page.goto(server.url('/panel/queue'));
    await page.getByRole('link', { name: 'Rowan Walking Group' }).first().click();
    await expectNoViolations(page, 'a page from the queue about Rowan Walking Group');

    await page.goto(server.url('/panel/queue'));
    const report = page.locator('a[href^="/panel/queue/reports/"]').first();
    await report.click();
    expect(await textOf(page, 'h1')).toBe('Problem report: Rowan Walking Group');
    await expectNoViolations(page, 'a problem report');
    await page.getByLabel('Dismissed: nothing needed changing').check();
    await send(page, 'Save');
    expect(await textOf(page, '[role="status"]')).toContain('Done.');
    await expectNoViolations(page, 'a problem report dealt with');

    await page.goto(server.url('/panel/queue?show=closed'));
    await expectNoViolations(page, 'the queue of closed items');
    await page.getByRole('link', { name: 'Hawthorn Coffee and Cake Morning' }).click();
    await expectNoViolations(page, 'a closed suggestion');
    expect(withAxe.offOrigin).toEqual([]);
    await page.close();
  });
});
