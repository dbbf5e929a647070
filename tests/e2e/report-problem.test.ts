// "Report a problem" in a real browser with JavaScript turned off: open it at the end of a
// service page, send a report, see the thank-you; make mistakes and see each message beside its
// field with what was typed kept. Then axe (in a JavaScript context) on the form, the mistakes
// and the thank-you page.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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

const SERVICE = service({ code: 'e2e-report', name: 'Saturday Walking Group', schedules: [{ byday: 'SA', opens_at: '10:00', closes_at: '12:00' }] });
const SERVICE_PATH = `/services/${SERVICE.id}`;

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

function storedReports(): { kind: string; details: string; message: string | null; contact_email: string | null }[] {
  const db = new Database(server.databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select kind, details, message, contact_email from problem_report order by created_at').all() as never;
  } finally {
    db.close();
  }
}

/** Opens the service page and unfolds the form at its end. */
async function openForm(page: Page): Promise<void> {
  const response = await page.goto(server.url(SERVICE_PATH));
  expect(response?.status()).toBe(200);
  await page.getByText('Report a problem with this information').click();
  await expect.poll(() => page.getByRole('group', { name: 'What is wrong?' }).isVisible()).toBe(true);
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations.length, formatViolations(violations, where)).toBe(0);
}

describe('reporting a problem with JavaScript turned off', () => {
  it('sends a report from the service page and says thank you, with a way back', async () => {
    const page = await noScript.context.newPage();
    await openForm(page);
    await page.getByLabel('Some of the details are wrong').check();
    await page.getByLabel('Days or times').check();
    await page.getByLabel('Tell us more').fill('It now meets at 11am, not 10am.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForURL(/\/report\?sent=1$/);
    expect(await textOf(page, 'h1')).toBe('Thank you. We will check it.');
    await page.getByRole('link', { name: 'Back to Saturday Walking Group' }).click();
    await page.waitForURL(`**${SERVICE_PATH}`);
    expect(await textOf(page, 'h1')).toBe('Saturday Walking Group');
    expect(storedReports()).toEqual([{ kind: 'details_wrong', details: '["times"]', message: 'It now meets at 11am, not 10am.', contact_email: null }]);
    expect(noScript.offOrigin).toEqual([]);
    await page.close();
  });

  it('shows each mistake beside its field, a summary at the top, and keeps what was typed', async () => {
    const page = await noScript.context.newPage();
    await openForm(page);
    const before = storedReports().length;
    await page.getByLabel('Something else').first().check();
    await page.getByLabel('Your email address (optional)').fill('sam at example');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForURL(`**${SERVICE_PATH}/report`);

    expect(await textOf(page, '.error-summary')).toContain('There is a problem');
    const messageField = page.locator('.field', { has: page.locator('#report-message') });
    expect(await textOf(page, '#report-message-error')).toBe('Error: Tell us what is wrong.');
    expect(await messageField.locator('.field-error').count()).toBe(1);
    const emailField = page.locator('.field', { has: page.locator('#report-email') });
    expect(await textOf(page, '#report-email-error')).toBe('Error: Enter an email address like name@example.com, or leave this empty.');
    expect(await emailField.locator('.field-error').count()).toBe(1);
    // The fields are described by their messages, for screen readers.
    expect(await page.locator('#report-message').getAttribute('aria-describedby')).toContain('report-message-error');
    expect(await page.locator('#report-email').getAttribute('aria-invalid')).toBe('true');
    // What was chosen and typed is still there.
    expect(await page.locator('#report-kind-other').isChecked()).toBe(true);
    expect(await page.getByLabel('Your email address (optional)').inputValue()).toBe('sam at example');
    // The summary's links go to the fields.
    await page.locator('.error-summary a', { hasText: 'Tell us what is wrong.' }).click();
    expect(new URL(page.url()).hash).toBe('#report-message');

    // Put right, it is sent.
    await page.getByLabel('Tell us more').fill('The phone number rings a different group.');
    await page.getByLabel('Your email address (optional)').fill('');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForURL(/\/report\?sent=1$/);
    expect(await textOf(page, 'h1')).toBe('Thank you. We will check it.');
    expect(storedReports()).toHaveLength(before + 1);
    expect(storedReports().at(-1)).toMatchObject({ kind: 'other', message: 'The phone number rings a different group.', contact_email: null });
    await page.close();
  });

  it('is left off when the service page is printed', async () => {
    const page = await noScript.context.newPage();
    await openForm(page);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form.report-form').isVisible()).toBe(false);
    expect(await page.locator('.report-problem').isVisible()).toBe(false);
    await page.close();
  });
});

describe('accessibility of the report form (axe: wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa)', () => {
  it('the service page with the form unfolded', async () => {
    const page = await withAxe.context.newPage();
    await openForm(page);
    await expectNoViolations(page, `${SERVICE_PATH} with the form open`);
    await page.close();
  });

  it('the form on its own page, with mistakes shown', async () => {
    const page = await withAxe.context.newPage();
    await page.goto(server.url(`${SERVICE_PATH}/report`));
    await expectNoViolations(page, `${SERVICE_PATH}/report`);
    await page.getByLabel('It has moved to a new place').check();
    await page.getByLabel('Tell us more').fill('x'.repeat(1001));
    await page.getByLabel('Your email address (optional)').fill('nope');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('.field-error').count()).toBe(2);
    await saveScreenshots(page, 'report-problem-errors');
    await expectNoViolations(page, `${SERVICE_PATH}/report with mistakes`);
    await page.setViewportSize({ width: 375, height: 800 });
    await expectNoViolations(page, `${SERVICE_PATH}/report with mistakes at 375px`);
    await page.close();
  });

  it('the thank-you page', async () => {
    const page = await withAxe.context.newPage();
    await page.goto(server.url(`${SERVICE_PATH}/report`));
    await page.getByLabel('It has closed or stopped running').check();
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.waitForURL(/\/report\?sent=1$/);
    await expectNoViolations(page, `${SERVICE_PATH}/report?sent=1`);
    await page.close();
  });

  it('asked no other host for anything', () => {
    expect(withAxe.offOrigin).toEqual([]);
  });
});
