// A service page in a real browser, for a service with every field filled in: each detail is
// shown in words, the page carries schema.org structured data, it prints cleanly (navigation,
// search box and footer links hidden; the name and phone number kept) on one A4 page,
// and its organisation's page lists the organisation's services.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { uuidFor } from '../../src/lib/ids';
import { service, type ServiceFixture } from '../fixtures/services';
import { guardedContext, launchBrowser, startServer, textOf, type GuardedContext, type RunningServer } from './harness';

const ORGANISATION = {
  id: uuidFor('organization', 'e2e-heaton-friends'),
  name: 'Heaton Friends Trust',
  description: 'A fictional charity that runs friendly groups in Heaton.',
  website: 'https://example.org/heaton-friends',
  email: 'office@example.org',
};

function fullService(): ServiceFixture {
  const record = service({
    code: 'e2e-cuppa',
    name: 'Tuesday Cuppa and Chat',
    description: 'A friendly morning group with tea, cake and conversation for anyone feeling lonely. Volunteers welcome you at the door.',
    categories: ['social-groups'],
    access: ['step-free', 'accessible-toilet'],
    schedules: [
      { byday: 'TU', opens_at: '10:00', closes_at: '12:00' },
      { byday: 'TH', opens_at: '18:00', closes_at: '19:30', notes: 'The evening group is quieter.' },
      { freq: 'MONTHLY', byday: '1SA', opens_at: '10:00', closes_at: '13:00' },
    ],
    costs: [
      { option: 'Adults', amount: 3, currency: 'GBP' },
      { option: 'Concessions', amount: 1.5, currency: 'GBP', amount_description: 'if you get benefits' },
      { option: 'Carers', amount: 0, currency: 'GBP', amount_description: 'free for carers' },
    ],
    routes: ['self', 'drop_in', 'gp'],
    modes: ['in_person', 'phone'],
    capacity: 'waiting_list',
    minimumAge: 18,
    maximumAge: 99,
    assured: '2026-10-01',
    extra: {
      organization: ORGANISATION,
      alternate_name: 'The Heaton Cuppa',
      eligibility_description: 'Adults living in Heaton or Byker who would like more company.',
      not_for: 'It is not for people who need personal care, as there are no care staff.',
      referral_instructions: 'Phone Sam first, or ask your GP practice link worker to refer you.',
      first_visit: 'Sam will meet you at the door and introduce you to a few people.',
      support_to_attend: ['bring_someone', 'met_on_first_visit'],
      group_size: 'small_group',
      waiting_weeks: 6,
      capacity_updated: '2026-11-02',
      languages: [
        { id: uuidFor('language', 'e2e-cuppa-en'), name: 'English' },
        { id: uuidFor('language', 'e2e-cuppa-pl'), name: 'Polish', note: 'a volunteer on Tuesdays' },
      ],
      phones: [
        { id: uuidFor('phone', 'e2e-cuppa-1'), number: '0191 496 0123', description: 'the church office' },
        { id: uuidFor('phone', 'e2e-cuppa-2'), number: '07700 900123', extension: 2 },
      ],
      email: 'cuppa@example.org',
      url: 'https://example.org/cuppa',
      contacts: [
        {
          id: uuidFor('contact', 'e2e-cuppa-sam'),
          name: 'Sam Robson',
          title: 'Group organiser',
          email: 'sam@example.org',
          phones: [{ id: uuidFor('phone', 'e2e-cuppa-sam'), number: '0191 496 0999' }],
        },
      ],
      service_areas: [
        { id: uuidFor('service_area', 'e2e-cuppa-heaton'), name: 'Heaton' },
        { id: uuidFor('service_area', 'e2e-cuppa-byker'), name: 'Byker' },
      ],
      alert: 'Closed on Tuesday 29 December for the holidays.',
    },
  });
  // The builder's place, with how to get there and notes on access.
  const place = (record.service_at_locations as { location: Record<string, unknown> }[])[0]!.location;
  place.name = "St Gabriel's Church Hall";
  place.addresses = [
    {
      id: uuidFor('address', 'e2e-cuppa'),
      address_1: '40 Heaton Road',
      city: 'Newcastle upon Tyne',
      state_province: 'Tyne and Wear',
      postal_code: 'NE6 5HL',
      country: 'GB',
      address_type: 'physical',
    },
  ];
  place.transportation = 'Buses 38 and 63 stop outside. Chillingham Road Metro is a 5 minute walk.';
  place.accessibility = [{ id: uuidFor('accessibility', 'e2e-cuppa'), description: 'Hearing loop in the main hall.' }];
  return record;
}

const SECOND = service({
  code: 'e2e-knit',
  name: 'Heaton Knit and Natter',
  description: 'Bring your knitting, or learn how.',
  categories: ['arts-and-crafts'],
  schedules: [{ byday: 'WE', opens_at: '14:00', closes_at: '16:00' }],
  costs: [{ option: 'Everyone', amount: 0 }],
  extra: { organization: ORGANISATION },
});

const FULL = fullService();

let server: RunningServer;
let browser: Browser;
let guarded: GuardedContext;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ fixtures: [FULL, SECOND] }), launchBrowser()]);
  guarded = await guardedContext(browser, server);
  page = await guarded.context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openServicePage(): Promise<string> {
  const response = await page.goto(server.url(`/services/${FULL.id}`));
  expect(response?.status()).toBe(200);
  await page.emulateMedia({ media: 'screen' });
  return textOf(page, 'main');
}

describe('the service page of a service with every field filled', () => {
  it('serves only the fixtures (no sample directory)', async () => {
    const body = (await (await fetch(server.url('/api/search?per_page=5&include_closed=1'))).json()) as { total: number };
    expect(body.total).toBe(2);
  });

  it('shows what it is, who runs it and who it is for', async () => {
    const text = await openServicePage();
    expect(await textOf(page, 'h1')).toBe('Tuesday Cuppa and Chat');
    expect(await page.title()).toContain('Tuesday Cuppa and Chat');
    expect(text).toContain('Also called The Heaton Cuppa');
    expect(text).toContain('Run by Heaton Friends Trust');
    expect(text).toContain('A friendly morning group with tea, cake and conversation');
    expect(text).toContain('Ages 18 to 99');
    expect(text).toContain('Adults living in Heaton or Byker who would like more company.');
    expect(text, 'who it is not for (not_for)').toContain('It is not for people who need personal care, as there are no care staff.');
    expect(text).toContain('Heaton');
    expect(text).toContain('Byker');
    expect(text).toMatch(/Social groups/i);
    expect(text).toMatch(/You can take part: in person and by phone/i);
    expect(text).toMatch(/Group size: a small group/i);
  });

  it('shows how to get in, space for new people and what to expect', async () => {
    const text = await openServicePage();
    for (const words of ['You can contact them yourself', 'You can just turn up', 'Your GP can refer you']) expect(text).toContain(words);
    expect(text).toContain('Phone Sam first, or ask your GP practice link worker to refer you.');
    expect(text).toContain('There is a waiting list of about 6 weeks');
    expect(text).toMatch(/Updated 2 November 2026/);
    expect(text).toContain('Sam will meet you at the door and introduce you to a few people.');
    expect(text).toContain('You can bring someone with you');
    expect(text).toContain('Someone can meet you when you first arrive');
  });

  it('shows every schedule and every price in words', async () => {
    const text = await openServicePage();
    expect(text).toContain('Tuesdays, 10am to 12 noon');
    expect(text).toContain('Thursdays, 6pm to 7:30pm');
    expect(text).toContain('The evening group is quieter.');
    expect(text).toContain('First Saturday of the month, 10am to 1pm');
    expect(text).toContain('Adults: £3');
    expect(text).toContain('Concessions: £1.50, if you get benefits');
    expect(text).toContain('Carers: free for carers');
    expect(text).not.toContain('£0');
    expect(text).toMatch(/£1\.50 concessions/);
  });

  it('shows the place: address, getting there and accessibility', async () => {
    const text = await openServicePage();
    expect(text).toContain("St Gabriel's Church Hall");
    const address = ((await page.locator('main address').first().innerText()) ?? '').replace(/\s+/g, ' ');
    expect(address).toContain('40 Heaton Road');
    expect(address).toContain('Newcastle upon Tyne');
    expect(address).toContain('NE6 5HL');
    expect(text).toContain('Buses 38 and 63 stop outside. Chillingham Road Metro is a 5 minute walk.');
    expect(text).toContain('Step-free access');
    expect(text).toContain('Accessible toilet');
    expect(text).toContain('Hearing loop in the main hall.');
  });

  it('shows languages, contact details as links, the alert and the checked date', async () => {
    const text = await openServicePage();
    expect(text).toContain('English');
    expect(text).toContain('Polish (a volunteer on Tuesdays)');
    const telLinks = await page.locator('main a[href^="tel:"]').evaluateAll((links) => links.map((a) => `${a.getAttribute('href')} ${a.textContent}`));
    expect(telLinks).toEqual(expect.arrayContaining(['tel:01914960123 0191 496 0123', 'tel:07700900123 07700 900123', 'tel:01914960999 0191 496 0999']));
    expect(text).toContain('extension 2');
    expect(text).toContain('(the church office)');
    const mailLinks = await page.locator('main a[href^="mailto:"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(mailLinks).toEqual(expect.arrayContaining(['mailto:cuppa@example.org', 'mailto:sam@example.org']));
    expect(await page.locator('main a[href="https://example.org/cuppa"]').count()).toBeGreaterThan(0);
    expect(text).toContain('Sam Robson, Group organiser');
    expect(text).toContain('Please note: Closed on Tuesday 29 December for the holidays.');
    expect(text).toContain('Information last checked on 1 October 2026');
  });

  it('carries schema.org structured data with the service name', async () => {
    await openServicePage();
    const scripts = await page.locator('head script[type="application/ld+json"]').allTextContents();
    expect(scripts.length, 'a <script type="application/ld+json"> in <head>').toBeGreaterThan(0);
    const data = scripts.map((text) => JSON.parse(text) as Record<string, unknown>);
    const main = data.find((item) => /^https?:\/\/schema\.org\/?$/.test(String(item['@context'])));
    expect(main, JSON.stringify(data)).toBeDefined();
    expect(String(main!['@context'])).toMatch(/^https:\/\/schema\.org\/?$/);
    const names: string[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === 'name' && typeof inner === 'string') names.push(inner);
          else collect(inner);
        }
      }
    };
    collect(main);
    expect(names).toContain('Tuesday Cuppa and Chat');
  });

  it('prints cleanly: no navigation or search box, the name and phone number kept, on one A4 page', async () => {
    await openServicePage();
    await page.emulateMedia({ media: 'print' });
    const hiddenWhenPrinted = ['header nav', '.site-nav', 'footer nav', '.search-box', 'input[type="search"]', 'form[action="/search"]', '.skip-link'];
    const shown: string[] = [];
    for (const selector of hiddenWhenPrinted) {
      const elements = page.locator(selector);
      for (let i = 0; i < (await elements.count()); i++) {
        if (await elements.nth(i).isVisible()) shown.push(`${selector} #${i}: ${(await elements.nth(i).innerText()).replace(/\s+/g, ' ').slice(0, 80)}`);
      }
    }
    expect(shown, 'shown when printed but should be hidden').toEqual([]);
    expect(await page.locator('header nav, .site-nav').count(), 'the page has a header nav').toBeGreaterThan(0);
    expect(await page.locator('footer nav').count(), 'the page has a footer navigation').toBeGreaterThan(0);
    expect(await page.locator('h1', { hasText: 'Tuesday Cuppa and Chat' }).isVisible()).toBe(true);
    // The Call button is for screens; the Contact section's number is printed.
    expect(await page.locator('main a[href="tel:01914960123"]:visible').count()).toBeGreaterThan(0);

    // What the printed page looks like, to look at: an A4 sheet's printable width at 96 dpi.
    await page.setViewportSize({ width: 680, height: 960 });
    await page.screenshot({ path: 'test-results/screenshots/service-print.png', fullPage: true });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
    console.log(`Service page printed on ${pages} A4 page(s) (${pdf.length} bytes).`);
    expect(pages, `printed A4 pages of a service with every field filled`).toBe(1);
    await page.emulateMedia({ media: 'screen' });
  });

  it("links to the organisation's page, which lists its services", async () => {
    await openServicePage();
    const orgLink = page.locator('main a[href^="/organisations/"]').filter({ hasText: 'Heaton Friends Trust' });
    expect(await orgLink.count(), 'the organisation name on the service page links to /organisations/…').toBeGreaterThan(0);
    expect(await orgLink.first().getAttribute('href')).toBe(`/organisations/${ORGANISATION.id}`);

    const response = await page.goto(server.url(`/organisations/${ORGANISATION.id}`));
    expect(response?.status()).toBe(200);
    expect(await textOf(page, 'h1')).toBe('Heaton Friends Trust');
    const links = await page
      .locator('main a[href^="/services/"]')
      .evaluateAll((anchors) => anchors.map((a) => `${a.getAttribute('href')} ${(a.textContent ?? '').trim()}`));
    expect(links).toEqual(expect.arrayContaining([`/services/${FULL.id} Tuesday Cuppa and Chat`, `/services/${SECOND.id} Heaton Knit and Natter`]));
    await page.locator('main a', { hasText: 'Heaton Knit and Natter' }).first().click();
    await page.waitForURL(`**/services/${SECOND.id}`);
    expect(await textOf(page, 'h1')).toBe('Heaton Knit and Natter');

    expect((await page.goto(server.url('/organisations/no-such-organisation')))?.status()).toBe(404);
  });

  it('requests nothing from any other host and loads no scripts', () => {
    expect(guarded.offOrigin).toEqual([]);
    expect(guarded.requests.filter((r) => r.resourceType === 'script')).toEqual([]);
  });
});
