// The shortlist in real Chromium: build a list of three services with JavaScript off (from search
// results and from a service page), open it, type a note, print it (emulated print media, a PDF
// of at most two A4 pages for three and for five services, and screenshots to look at), decode
// the QR code from the page's own pixels and check it is the short link, and run axe on the list,
// its easy-read version, an expired list and a results page with "Add to my list" buttons.
import Database from 'better-sqlite3';
import jsQR from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { todayInUk } from '../../src/lib/dates';
import { uuidFor } from '../../src/lib/ids';
import { service } from '../fixtures/services';
import { axeViolations, formatViolations, openBrowserSession, saveScreenshots, textOf, type BrowserSession } from './harness';

const today = todayInUk();
const daysFrom = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const CUPPA = service({
  code: 'e2e-sl-cuppa',
  name: 'Heaton Cuppa Club',
  description: 'A friendly weekly cuppa and a chat for adults who would like more company. Tea, cake and board games.',
  access: ['step-free', 'accessible-toilet'],
  schedules: [{ byday: 'TU', opens_at: '10:00', closes_at: '12:00' }],
  costs: [{ option: 'Everyone', amount: 0, currency: 'GBP' }],
  routes: ['drop_in', 'gp'],
  assured: daysFrom(-30),
  places: [
    {
      name: "St Gabriel's Church Hall",
      latitude: 54.98,
      longitude: -1.58,
      postcode: 'NE6 5HL',
      transport: { stops: [{ name: 'Heaton Road', mode: 'bus', routes: ['62', '63'], distance_m: 150, walk_minutes: 2, step_free_route: true }] },
    },
  ],
  extra: { phones: [{ id: uuidFor('phone', 'e2e-sl-cuppa'), number: '0191 496 0123' }], referral_instructions: 'Ask for Sam at the door.' },
});
const SHEDS = service({
  code: 'e2e-sl-sheds',
  name: 'Byker Men in Sheds',
  assured: daysFrom(-60),
  description: 'Woodwork, repairs and a brew with other men, in a friendly workshop.',
  schedules: [{ byday: 'WE', opens_at: '13:00', closes_at: '16:00' }],
  costs: [{ option: 'Per session', amount: 2, currency: 'GBP' }],
  routes: ['self'],
  extra: {
    phones: [{ id: uuidFor('phone', 'e2e-sl-sheds'), number: '0191 496 0456' }],
    funding: [{ id: uuidFor('funding', 'e2e-sl-sheds'), source: 'Lottery', end_date: daysFrom(-20) }],
  },
});
const LIBRARY = service({
  code: 'e2e-sl-library',
  name: 'Walker Home Library',
  locationType: null,
  serviceAreas: ['Newcastle upon Tyne'],
  homeVisits: true,
  description: 'Volunteers bring library books to people who cannot get out.',
  routes: ['self', 'professional'],
  assured: daysFrom(-10),
  extra: { phones: [{ id: uuidFor('phone', 'e2e-sl-library'), number: '0191 496 0789' }] },
});
const CHAT = service({
  code: 'e2e-sl-chat',
  name: 'Evening Chat Line',
  locationType: null,
  modes: ['phone'],
  assured: daysFrom(-5),
  description: 'A friendly phone call in the evening if you are on your own.',
  routes: ['self'],
  schedules: [{ byday: 'MO,TU,WE,TH,FR', opens_at: '18:00', closes_at: '21:00' }],
  extra: { phones: [{ id: uuidFor('phone', 'e2e-sl-chat'), number: '0800 000 0001' }] },
});
const WALK = service({
  code: 'e2e-sl-walk',
  name: 'Jesmond Dene Health Walk',
  assured: daysFrom(-15),
  description: 'A gentle one-hour walk through the Dene with trained walk leaders. Good for getting started.',
  schedules: [{ byday: 'SA', opens_at: '10:30', closes_at: '11:30' }],
  costs: [{ option: 'Everyone', amount: 0, currency: 'GBP' }],
  routes: ['drop_in'],
  places: [{ name: 'Pets Corner gate', latitude: 54.99, longitude: -1.6, postcode: 'NE2 2JH' }],
  extra: { phones: [{ id: uuidFor('phone', 'e2e-sl-walk'), number: '0191 496 0321' }] },
});

let session: BrowserSession;
let page: Page;
let listUrl = '';
let listId = '';

beforeAll(async () => {
  session = await openBrowserSession({ fixtures: [CUPPA, SHEDS, LIBRARY, CHAT, WALK] });
  page = await session.noScript.context.newPage();
}, 120_000);

afterAll(async () => {
  await session?.close();
});

/** Pages in a PDF from Chromium: one "/Type /Page" object each. */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

async function printedPages(target: Page): Promise<number> {
  await target.emulateMedia({ media: 'print' });
  const pdf = await target.pdf({ format: 'A4', printBackground: true });
  await target.emulateMedia({ media: 'screen' });
  return pdfPages(pdf);
}

async function expectNoViolations(target: Page, where: string): Promise<void> {
  const violations = await axeViolations(target);
  expect(violations.length, formatViolations(violations, where)).toBe(0);
}

describe('a shortlist built without JavaScript', () => {
  it('adds two services from search results and one from a service page', async () => {
    await page.goto(session.server.url('/search?q=cuppa'));
    await page.getByRole('button', { name: 'Add to my list: Heaton Cuppa Club' }).click();
    expect(new URL(page.url()).hash).toBe(`#list-${CUPPA.id}`);
    expect(await textOf(page, `#list-${CUPPA.id} [role="status"]`)).toBe('Added to your list (1 service). See your list.');
    expect(await page.getByRole('button', { name: 'Remove Heaton Cuppa Club from your list' }).count()).toBe(1);
    expect(await textOf(page, '.site-nav')).toContain('Your list (1)');

    await page.goto(session.server.url('/search?q=sheds'));
    await page.getByRole('button', { name: 'Add to my list: Byker Men in Sheds' }).click();
    expect(await textOf(page, `#list-${SHEDS.id} [role="status"]`)).toBe('Added to your list (2 services). See your list.');

    await page.goto(session.server.url(`/services/${LIBRARY.id}`));
    await page.getByRole('button', { name: 'Add to my list: Walker Home Library' }).click();
    expect(new URL(page.url()).pathname).toBe(`/services/${LIBRARY.id}`);
    expect(await textOf(page, `#list-${LIBRARY.id} [role="status"]`)).toBe('Added to your list (3 services). See your list.');
    expect(session.noScript.requests.filter((r) => r.resourceType === 'script')).toEqual([]);

    await page.getByRole('link', { name: 'Your list (3)' }).click();
    expect(new URL(page.url()).pathname).toMatch(/^\/shortlist\/[2-9a-hjkm-z]{12}$/);
    listUrl = page.url();
    listId = new URL(listUrl).pathname.split('/').pop()!;
    expect(await page.locator('.handout-service h2').allTextContents()).toEqual(['1. Heaton Cuppa Club', '2. Byker Men in Sheds', '3. Walker Home Library']);
  });

  it('prints the list with a note on at most two A4 pages, in large type, with the short link and QR code', async () => {
    await page.getByLabel('Add a note to the printed list (optional)').fill('Try the Tuesday cuppa first. Sam will meet you at the door.');
    await page.getByRole('button', { name: 'Show the note on this handout' }).click();
    expect(await textOf(page, '.handout-note h2')).toBe('Note');
    expect(await textOf(page, '.handout-note__text')).toBe('Try the Tuesday cuppa first. Sam will meet you at the door.');

    await page.emulateMedia({ media: 'print' });
    const print = (await page.evaluate(`(() => ({
      body: parseFloat(getComputedStyle(document.querySelector('.handout-service__what')).fontSize),
      controls: getComputedStyle(document.querySelector('.handout-tools')).display,
      nav: getComputedStyle(document.querySelector('.site-nav')).display,
      footer: getComputedStyle(document.querySelector('.site-footer')).display,
      qr: getComputedStyle(document.querySelector('.short-link__qr svg')).display,
      link: getComputedStyle(document.querySelector('.short-link__url')).display,
      note: getComputedStyle(document.querySelector('.handout-note')).display,
    }))()`)) as Record<string, string | number>;
    expect(print.body as number).toBeGreaterThanOrEqual((12.5 * 96) / 72 - 0.01); // 12.5pt in CSS pixels (easy read is 16pt)
    expect(print).toMatchObject({ controls: 'none', nav: 'none', footer: 'none', qr: 'block', link: 'block', note: 'block' });
    await saveScreenshots(page, 'shortlist-print');
    await page.emulateMedia({ media: 'screen' });
    expect(await printedPages(page)).toBeLessThanOrEqual(2);
    await saveScreenshots(page, 'shortlist-screen');
  });

  it('five services still print on at most two A4 pages', async () => {
    for (const [query, name] of [
      ['chat line', CHAT.name],
      ['health walk', WALK.name],
    ] as const) {
      await page.goto(session.server.url(`/search?q=${encodeURIComponent(query)}`));
      await page.getByRole('button', { name: `Add to my list: ${name}` }).click();
    }
    await page.goto(listUrl);
    expect(await page.locator('.handout-service').count()).toBe(5);
    await page.emulateMedia({ media: 'print' });
    await saveScreenshots(page, 'shortlist-print-5');
    // At the printable width of A4 (210mm less 2 x 14mm margins), how tall is it?
    await page.setViewportSize({ width: Math.round((182 / 25.4) * 96), height: 800 });
    const heightMm = (await page.evaluate(`document.documentElement.scrollHeight * 25.4 / 96`)) as number;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ media: 'screen' });
    const pages = await printedPages(page);
    expect(pages, `about ${Math.round(heightMm)}mm of print`).toBeGreaterThanOrEqual(1);
    expect(pages, `about ${Math.round(heightMm)}mm of print`).toBeLessThanOrEqual(2);
  });

  it("the QR code, read from the page's pixels, is the short link", async () => {
    const viewer = await session.withAxe.context.newPage();
    await viewer.goto(listUrl);
    const shortLink = `${session.server.origin}/l/${listId}`;
    expect(await viewer.locator('.short-link__qr svg').getAttribute('aria-label')).toBe(`QR code for the short link ${shortLink}`);
    const image = (await viewer.evaluate(`(async () => {
      const svg = document.querySelector('.short-link__qr svg');
      const source = new XMLSerializer().serializeToString(svg);
      const picture = new Image();
      picture.src = 'data:image/svg+xml;base64,' + btoa(source);
      await picture.decode();
      const size = 400;
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, size, size);
      context.drawImage(picture, 0, 0, size, size);
      return { width: size, height: size, data: Array.from(context.getImageData(0, 0, size, size).data) };
    })()`)) as { width: number; height: number; data: number[] };
    const code = jsQR(Uint8ClampedArray.from(image.data), image.width, image.height);
    expect(code?.data).toBe(shortLink);
    // And the short link leads to the list.
    await viewer.goto(shortLink);
    expect(viewer.url()).toBe(listUrl);
    await viewer.close();
  });
});

describe('axe (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa)', () => {
  let viewer: Page;

  beforeAll(async () => {
    // The same browser's list: its cookie, in the context that lets axe in.
    await session.withAxe.context.addCookies(await session.noScript.context.cookies());
    viewer = await session.withAxe.context.newPage();
  });

  it('the list page, with a note error showing, passes', async () => {
    await viewer.goto(listUrl);
    await expectNoViolations(viewer, '/shortlist/<id>');
    // The box stops typing at 300; a pasted or older browser's longer note is refused by the server.
    await viewer.evaluate(`document.querySelector('#note').removeAttribute('maxlength')`);
    await viewer.getByLabel('Add a note to the printed list (optional)').fill('x'.repeat(301));
    await viewer.getByRole('button', { name: 'Show the note on this handout' }).click();
    expect(await textOf(viewer, '[role="alert"]')).toContain('Your note is too long');
    await expectNoViolations(viewer, '/shortlist/<id> with a note error');
  });

  it('the easy-read version passes, and reads one idea per line', async () => {
    await viewer.goto(`${listUrl}?format=easy-read`);
    const first = viewer.locator('.easy-read-service').first();
    const lines = (await first.locator('li').allTextContents()).map((line) => line.replace(/\s+/g, ' ').trim());
    // One short sentence a line, each with its picture.
    expect(await first.locator('li svg.easy-read-picture').count()).toBe(lines.length);
    expect(lines.some((line) => line.startsWith('When: '))).toBe(true);
    expect(lines.some((line) => line.startsWith('Go to: '))).toBe(true);
    expect(lines.some((line) => line.startsWith('Phone: '))).toBe(true);
    expect(lines.at(-1)).toMatch(/^(We checked this on|Nobody has checked)/);
    await saveScreenshots(viewer, 'shortlist-easy-read');
    for (const path of [listUrl, `${listUrl}?format=easy-read`]) {
      await viewer.setViewportSize({ width: 320, height: 640 });
      await viewer.goto(path);
      const overflow = (await viewer.evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`)) as number;
      expect(overflow, `${path} is wider than a 320px screen by ${overflow}px`).toBeLessThanOrEqual(0);
    }
    await viewer.setViewportSize({ width: 1280, height: 800 });
    await viewer.goto(`${listUrl}?format=easy-read`);
    await expectNoViolations(viewer, '/shortlist/<id>?format=easy-read');
  });

  it('a results page with "Add to my list" and "On your list" passes, and loads no JavaScript', async () => {
    const before = session.withAxe.requests.length;
    await viewer.goto(session.server.url('/search?q=club'));
    expect(await viewer.getByRole('button', { name: 'Remove Heaton Cuppa Club from your list' }).count()).toBe(1);
    expect(session.withAxe.requests.slice(before).filter((r) => r.resourceType === 'script')).toEqual([]);
    await expectNoViolations(viewer, '/search?q=club');
    await viewer.goto(session.server.url('/search?q=walk'));
    expect(await viewer.getByRole('button', { name: /^(Add to my list: |Remove )/ }).count()).toBeGreaterThan(0);
    await expectNoViolations(viewer, '/search?q=walk');
  });

  it('an expired list gives a kind page (410) that passes', async () => {
    const db = new Database(session.server.databasePath);
    db.prepare('update shortlist set expires_at = ? where id = ?').run(new Date(Date.now() - 1000).toISOString(), listId);
    db.close();
    const response = await viewer.goto(listUrl);
    expect(response?.status()).toBe(410);
    expect(await textOf(viewer, 'h1')).toBe('This list has expired');
    expect(await textOf(viewer, '.talk-to-someone')).toContain('Talk to someone');
    await saveScreenshots(viewer, 'shortlist-expired');
    await expectNoViolations(viewer, 'an expired list');
    expect(session.withAxe.offOrigin).toEqual([]);
    expect(session.noScript.offOrigin).toEqual([]);
  });
});
