// The community panel in a real browser: sign in through the form as a panel member, land on
// the freshness dashboard, and run axe on it (JavaScript on for axe; bypassCSP lets it in).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { todayInUk } from '../../src/lib/dates';
import { uuidFor } from '../../src/lib/ids';
import { service } from '../fixtures/services';
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
import { PANEL } from '../fixtures/accounts';

const today = todayInUk();
const daysFrom = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const FIXTURES = [
  service({ code: 'e2e-panel-fresh', name: 'Panel Fresh Cafe', assured: daysFrom(-10), categories: ['money-benefits-debt'] }),
  service({ code: 'e2e-panel-stale', name: 'Panel Old Lunch Club', assured: '2024-01-01' }),
  service({
    code: 'e2e-panel-funded',
    name: 'Panel Funded Garden',
    assured: daysFrom(-10),
    extra: { funding: [{ id: uuidFor('funding', 'e2e-panel-funded'), source: 'Lottery', end_date: daysFrom(30) }] },
  }),
];

let server: RunningServer;
let browser: Browser;
let guarded: GuardedContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ fixtures: FIXTURES, users: [PANEL] }), launchBrowser()]);
  guarded = await guardedContext(browser, server, { bypassCSP: true });
  page = await guarded.context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('community panel (axe: wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa)', () => {
  it('signs in through the form and the dashboard passes axe', async () => {
    await page.goto(server.url('/panel/freshness'));
    expect(new URL(page.url()).pathname).toBe('/panel/sign-in');
    const signInViolations = await axeViolations(page);
    expect(signInViolations.length, formatViolations(signInViolations, '/panel/sign-in')).toBe(0);
    await page.getByLabel('Email address').fill(PANEL.email);
    await page.getByLabel('Password').fill(PANEL.password);
    await Promise.all([page.waitForURL('**/panel/freshness'), page.getByRole('button', { name: 'Sign in' }).click()]);
    expect(await textOf(page, 'h1')).toBe('Freshness dashboard');
    // The count links to its worklist, and says what it counts to a screen reader.
    expect(await textOf(page, '#by-status tr[data-status="stale"] td')).toBe('1 listing: Stale: may have stopped');
    expect(await page.locator('#by-status tr[data-status="stale"] td a').getAttribute('href')).toBe('/panel/freshness/worklist?status=stale');
    await saveScreenshots(page, 'panel-freshness');
    const violations = await axeViolations(page);
    expect(violations.length, formatViolations(violations, '/panel/freshness')).toBe(0);
    expect(guarded.offOrigin).toEqual([]);
  });
});
