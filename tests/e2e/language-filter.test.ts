// Choosing a language spoken on /search in Chromium with JavaScript off, as a link worker with
// a client who speaks Polish would: the filter offers the sample's languages by plain name with
// counts, the results are those the API gives, the chosen language is a chip that removes it,
// and a language nobody lists is explained beside the field. Every page axe-clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, formatViolations, openBrowserSession, textOf, type BrowserSession, type RunningServer } from './harness';

let session: BrowserSession;
let server: RunningServer;

beforeAll(async () => {
  session = await openBrowserSession();
  server = session.server;
});

afterAll(async () => {
  await session?.close();
});

/** Runs axe on the page the script-free browser is on, opened again where axe can run (at 360 px and 1280 px). */
async function expectAxeClean(page: Page, where: string): Promise<void> {
  const audit = await session.withAxe.context.newPage();
  const failures: string[] = [];
  for (const width of [360, 1280]) {
    await audit.setViewportSize({ width, height: 800 });
    await audit.goto(page.url());
    const violations = await axeViolations(audit);
    if (violations.length) failures.push(formatViolations(violations, `${where} at ${width}px`));
  }
  await audit.close();
  expect(failures, failures.join('\n')).toEqual([]);
}

async function apiTotal(query: string): Promise<number> {
  const response = await fetch(server.url(`/api/search?${query}&per_page=1`));
  expect(response.status, query).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

const languageGroup = (page: Page) => page.locator('fieldset', { has: page.locator('legend', { hasText: /^\s*Language spoken\s*$/ }) });

describe('the language filter, without JavaScript', () => {
  it('offers the languages by name, finds those speaking Polish, and removes the choice again', async () => {
    const page = await session.noScript.context.newPage();
    await page.goto(server.url('/search'));
    const group = languageGroup(page);
    const labels = (await group.locator('label').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim());
    expect(labels.some((label) => label.startsWith('Polish'))).toBe(true);
    expect(labels.some((label) => label.startsWith('British Sign Language'))).toBe(true);
    expect(
      labels.every((label) => !/^[a-z]{2,3}\b/.test(label)),
      labels.join(' | '),
    ).toBe(true); // names, never bare codes
    await expectAxeClean(page, '/search');

    await group.getByRole('checkbox', { name: /^Polish\b/ }).check();
    await page.getByRole('button', { name: /^(Show results|Apply filters)$/ }).click();
    await page.waitForURL(/language=pl/);
    const total = await apiTotal('language=pl');
    expect(total).toBeGreaterThan(0);
    expect(await textOf(page, '#results-heading')).toBe(`${total} ${total === 1 ? 'service' : 'services'} found`);
    expect(
      await languageGroup(page)
        .getByRole('checkbox', { name: /^Polish\b/ })
        .isChecked(),
    ).toBe(true);
    const chips = await textOf(page, '.chosen-filters');
    expect(chips).toContain('Language spoken: Polish');
    await expectAxeClean(page, '/search?language=pl');

    await page
      .getByRole('link', { name: /remove language spoken: Polish/i })
      .first()
      .click();
    await page.waitForURL((url) => !url.searchParams.has('language'));
    expect(await textOf(page, '#results-heading')).toBe(`${await apiTotal('')} services found`);
    await page.close();
  });

  it('explains a language nobody lists beside the field and in the summary', async () => {
    const page = await session.noScript.context.newPage();
    const response = await page.goto(server.url('/search?language=Klingon'));
    expect(response?.status()).toBe(200);
    expect(await textOf(page, '.error-summary')).toContain('No service here lists “Klingon”');
    expect(await textOf(page, 'fieldset:has(legend:text-is("Language spoken")) .field-error')).toContain('“Klingon”');
    await expectAxeClean(page, '/search?language=Klingon');
    await page.close();
  });
});
