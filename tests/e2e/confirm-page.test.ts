// "Confirm in one click" in a real browser with JavaScript turned off: a provider opens their
// link, answers "still running" and sees what was recorded; the used link then gets the kind
// page with 410. Then axe (in a JavaScript context) on the form, with mistakes, and the thank-you.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openDatabase } from '../../src/lib/db/database';
import { createConfirmationLink } from '../../src/lib/freshness-jobs/confirmation-links';
import { service } from '../fixtures/services';
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

const SERVICE = service({ code: 'e2e-confirm', name: 'Tuesday Knit and Natter', assured: '2024-02-01' });

let server: RunningServer;
let noScript: GuardedContext;
let withAxe: GuardedContext;

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession({ fixtures: [SERVICE] });
  ({ server, noScript, withAxe } = session);
});

afterAll(async () => {
  await session?.close();
});

/** A fresh link, made as the emailing job will: on the server's own database file (WAL). */
async function newLink(): Promise<string> {
  const directory = openDatabase(server.databasePath);
  try {
    return await createConfirmationLink(directory.db, SERVICE.id);
  } finally {
    await directory.close();
  }
}

function assuredDate(): string | null {
  const directory = openDatabase(server.databasePath);
  try {
    return (directory.sqlite.prepare('select assured_date from service where id = ?').get(SERVICE.id) as { assured_date: string | null }).assured_date;
  } finally {
    directory.sqlite.close();
  }
}

/** Sends the form and waits for the answer page (same address, so waiting for the URL would not do). */
async function submit(page: Page): Promise<number | undefined> {
  const [response] = await Promise.all([
    page.waitForResponse((answer) => answer.request().method() === 'POST' && answer.request().isNavigationRequest()),
    page.getByRole('button', { name: 'Send answer' }).click(),
  ]);
  await page.waitForLoadState();
  return response.status();
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations.length, formatViolations(violations, where)).toBe(0);
}

describe('confirming a listing with JavaScript turned off', () => {
  it('answers "still running", says what was recorded, and the link then cannot be used again', async () => {
    const path = await newLink();
    const page = await noScript.context.newPage();
    const response = await page.goto(server.url(path));
    expect(response?.status()).toBe(200);
    expect(await textOf(page, 'h1')).toBe('Is Tuesday Knit and Natter still running?');
    await page.getByLabel('Yes, it is still running and nothing has changed').check();
    await submit(page);
    expect(await textOf(page, 'h1')).toBe('Thank you, we have recorded your answer');
    expect(await textOf(page, 'main')).toContain('it is still running and its details are right');
    expect(assuredDate()).not.toBe('2024-02-01');

    // The listing shows it was checked just now.
    await page.getByRole('link', { name: 'See the listing for Tuesday Knit and Natter' }).click();
    expect(await textOf(page, 'h1')).toBe('Tuesday Knit and Natter');

    const again = await page.goto(server.url(path));
    expect(again?.status()).toBe(410);
    expect(await textOf(page, 'h1')).toBe('This link has already been used');
    expect(await textOf(page, 'main')).toContain('please use "Report a problem" on the listing');
    expect(noScript.offOrigin).toEqual([]);
    await page.close();
  });

  it('shows each mistake beside its field and keeps what was typed', async () => {
    const path = await newLink();
    const page = await noScript.context.newPage();
    await page.goto(server.url(path));
    await page.getByLabel('It has closed for good').check();
    await page.getByLabel('Why it closed (optional)').fill('funding ended');
    await submit(page);
    expect(await textOf(page, '.error-summary')).toContain('There is a problem');
    expect(await textOf(page, '#confirm-closing-date-error')).toContain('Enter the date it closed');
    expect(await page.locator('#confirm-closing-date').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Why it closed (optional)').inputValue()).toBe('funding ended');
    expect(await page.locator('#confirm-answer-closed').isChecked()).toBe(true);
    await page.close();
  });

  it('says plainly when a link is not right: 404 for a changed or cut-short link', async () => {
    const path = await newLink();
    const page = await noScript.context.newPage();
    for (const broken of [`${path.slice(0, -1)}${path.endsWith('A') ? 'B' : 'A'}`, path.slice(0, 30), '/confirm/nothing']) {
      const response = await page.goto(server.url(broken));
      expect(response?.status(), broken).toBe(404);
      expect(await textOf(page, 'h1')).toBe('We could not find this link');
    }
    await page.close();
  });

  it('refuses a post from another site', async () => {
    const path = await newLink();
    const response = await fetch(server.url(path), {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'answer=closed&closing_date=01/01/2026',
    });
    expect(response.status).toBe(403);
  });
});

describe('accessibility of the confirmation pages (axe: wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa)', () => {
  it('the form, the form with mistakes, and the thank-you page', async () => {
    const path = await newLink();
    const page = await withAxe.context.newPage();
    await page.goto(server.url(path));
    await expectNoViolations(page, 'the confirmation form');
    await page.getByLabel('Yes, it is running, but some details have changed').check();
    await page.getByLabel('How many weeks is the wait? (optional)').fill('lots');
    await submit(page);
    expect(await page.locator('.field-error').count()).toBeGreaterThanOrEqual(2);
    await saveScreenshots(page, 'confirm-errors');
    await expectNoViolations(page, 'the confirmation form with mistakes');
    await page.getByLabel('What has changed?').fill('We now meet at 2pm.');
    await page.getByLabel('How many weeks is the wait? (optional)').fill('');
    await submit(page);
    expect(await textOf(page, 'h1')).toBe('Thank you, we have recorded your answer');
    await expectNoViolations(page, 'the thank-you page');
    const used = await page.goto(server.url(path));
    expect(used?.status()).toBe(410);
    await expectNoViolations(page, 'the used-link page');
    expect(withAxe.offOrigin).toEqual([]);
    await page.close();
  });
});
