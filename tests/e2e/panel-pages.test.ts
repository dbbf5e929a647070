// Every signed-in page in Chromium, as each role that may open it: axe (wcag2a, wcag2aa, wcag21a,
// wcag21aa, wcag22aa) finds no violations, and each page reflows at 320 px without sideways
// scrolling. The pages come from the role matrix's routes (tests/integration/role-matrix.test.ts).
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { service } from '../fixtures/services';
import { ADMIN, LINK_WORKER, ORG_EDITOR, PANEL } from '../fixtures/accounts';
import type { FixtureUser } from '../fixtures/server';
import { axeViolations, formatViolations, openBrowserSession, type BrowserSession } from './harness';

const OWN = service({ code: 'pages-own', name: 'Pages Own Lunch Club', organization: 'Pages Own', extra: { assurer_email: 'lunch@example.org' } });
const OTHER = service({ code: 'pages-other', name: 'Pages Other Choir', organization: 'Pages Other' });
const EDITOR: FixtureUser = { ...ORG_EDITOR, organisations: [(OWN.organization as { id: string }).id] };
const SUGGESTION = randomUUID();
const REPORT = randomUUID();

let session: BrowserSession;

beforeAll(async () => {
  session = await openBrowserSession({ fixtures: [OWN, OTHER], users: [ADMIN, PANEL, EDITOR, LINK_WORKER] });
  const db = new Database(session.server.databasePath);
  try {
    const now = new Date().toISOString();
    db.prepare(
      "insert into suggestion (id, kind, service_id, source, message, contact_email, created_at) values (?, 'change', ?, 'public', 'It meets on Fridays now.', null, ?)",
    ).run(SUGGESTION, OTHER.id, now);
    db.prepare("insert into problem_report (id, service_id, kind, message, created_at) values (?, ?, 'full', 'Full up.', ?)").run(REPORT, OTHER.id, now);
    db.prepare("insert into audit_event (at, event, subject) values (?, 'sign_in_failed', 'someone@example.org')").run(now);
  } finally {
    db.close();
  }
}, 180_000);

afterAll(async () => {
  await session?.close();
});

async function signIn(page: Page, user: FixtureUser): Promise<void> {
  await page.goto(session.server.url('/panel/sign-in'));
  await page.getByLabel('Email address').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await Promise.all([page.waitForURL('**/panel'), page.getByRole('button', { name: 'Sign in' }).click()]);
}

async function checkPages(user: FixtureUser, paths: string[]): Promise<void> {
  const context = await session.browser.newContext({ bypassCSP: true });
  await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
  const page = await context.newPage();
  try {
    await signIn(page, user);
    for (const path of paths) {
      const response = await page.goto(session.server.url(path));
      expect(response?.status(), `${path} as ${user.role}`).toBe(200);
      const violations = await axeViolations(page);
      expect(violations.length, formatViolations(violations, `${path} as ${user.role}`)).toBe(0);
      await page.setViewportSize({ width: 320, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} at 320 px as ${user.role}`).toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  } finally {
    await context.close();
  }
}

describe('every signed-in page passes axe and reflows', () => {
  it('as an administrator', async () => {
    await checkPages(ADMIN, [
      '/panel',
      '/panel/freshness',
      '/panel/freshness/worklist?status=stale',
      '/panel/freshness/worklist',
      '/panel/queue',
      `/panel/queue/suggestions/${SUGGESTION}`,
      `/panel/queue/reports/${REPORT}`,
      '/panel/services/new',
      `/panel/services/${OTHER.id}/edit`,
      `/panel/services/${OTHER.id}/history`,
      '/panel/users',
      '/panel/organisations',
      '/panel/settings',
      '/panel/audit',
      `/services/${OTHER.id}`,
    ]);
  });

  it('as an organisation editor and a link worker, whose pages differ', async () => {
    await checkPages(EDITOR, ['/panel', `/panel/services/${OWN.id}/edit`, `/panel/services/${OWN.id}/history`, '/panel/services/new', `/services/${OWN.id}`]);
    await checkPages(LINK_WORKER, ['/panel', `/services/${OWN.id}`]);
  });
});
