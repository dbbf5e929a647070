// The contract every SearchBackend must meet: ranking, lay words and every filter, on a small
// known directory. Each backend's test file runs this suite against a real instance.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importRecords } from '../../src/lib/openreferral/import';
import { parseSearchParams, type Origin } from '../../src/lib/search/filters';
import type { SearchBackend, SearchHit } from '../../src/lib/search/search-backend';
import type { DirectoryDatabase } from '../../src/lib/db/database';
import { distanceKm, type Point } from '../../src/lib/geo/distance';
import { areasContaining } from '../../src/lib/geo/areas';
import { service, TODAY, type PlaceSpec } from '../fixtures/services';
import { toForeignRecord } from '../../scripts/bench/foreign-variant';
import { evaluate, sampleRecords } from '../../scripts/bench/evaluate';
import { loadSampleRecords } from '../../src/lib/setup/sample-directory';
import { EMPTY_QUERY, PARAMETERS } from '../../src/lib/search/filters';
import { uuidFor } from '../../src/lib/ids';
import { addDays } from '../../src/lib/dates';
import { checkLanguages, directoryLanguages } from '../../src/lib/search/language-check';

/** Result names by freshness status. */
function byFreshness(hits: SearchHit[]): Record<string, string[]> {
  const groups: Record<string, string[]> = {};
  for (const hit of hits) (groups[hit.document.freshness.status] ??= []).push(hit.document.name);
  return groups;
}

const free = [{ option: 'Free', amount: 0 }];
/** Open Referral languages as records give them: by code, by name, or both. */
const speaks = (owner: string, ...languages: { code?: string; name?: string }[]) => ({
  languages: languages.map((language, i) => ({ id: uuidFor('language', `${owner}-${i}`), ...language })),
});

export const CONTRACT_SERVICES = [
  service({
    code: 'walk',
    name: 'Heaton Walking Group',
    categories: ['walking-groups'],
    access: ['step-free'],
    routes: ['self', 'drop_in'],
    schedules: [{ byday: 'TU', opens_at: '10:00', closes_at: '12:00' }],
    costs: free,
    assured: '2026-11-01',
    description: 'A gentle hour-long stroll round Heaton Park, finishing with a cup of tea.',
  }),
  service({
    code: 'pantry',
    name: 'Elswick Community Pantry',
    categories: ['community-pantries'],
    routes: ['self'],
    schedules: [{ byday: 'SA', opens_at: '10:00', closes_at: '12:00' }],
    costs: [{ option: 'Weekly shop', amount: 3.5, amount_description: 'per visit' }],
    description: 'Members pay a small amount each week for a bag of groceries.',
  }),
  service({
    code: 'byker-food',
    name: 'Byker Foodbank',
    categories: ['food-banks'],
    routes: ['professional'],
    schedules: [{ byday: 'FR', opens_at: '13:00', closes_at: '15:00' }],
    costs: free,
    description: 'Emergency food parcels with a voucher.',
  }),
  service({
    code: 'gateshead-food',
    name: 'Gateshead Food Bank',
    categories: ['food-banks'],
    routes: ['professional'],
    schedules: [{ byday: 'MO', opens_at: '10:00', closes_at: '12:00' }],
    costs: free,
    description: 'Three days of emergency food.',
    extra: speaks('gateshead-food', { code: 'pl', name: 'Polish' }, { code: 'ar', name: 'Arabic' }),
  }),
  service({
    code: 'friendship',
    name: 'Tuesday Friendship Club',
    categories: ['social-groups'],
    routes: ['drop_in'],
    schedules: [{ byday: 'TU', opens_at: '18:00', closes_at: '20:00' }],
    costs: [{ option: 'Pay what you can', amount_description: 'Suggested £1' }],
    description: 'Meet new people over tea, cake and a game of dominoes.',
  }),
  service({
    code: 'phone-befriend',
    name: 'Telephone Befriending',
    categories: ['befriending'],
    locationType: null,
    modes: ['phone'],
    routes: ['professional', 'gp'],
    capacity: 'waiting_list',
    costs: free,
    description: 'A volunteer rings you for a chat once a week.',
  }),
  service({
    code: 'debt-line',
    name: 'Debt Advice Line',
    categories: ['debt-advice'],
    locationType: null,
    modes: ['phone'],
    routes: ['self'],
    schedules: [{ byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' }],
    costs: free,
    minimumAge: 18,
    assured: '2026-06-01',
    description: 'Free, confidential help to deal with debts, bailiffs and bills.',
    extra: speaks('debt-line', { name: 'polish' }, { code: 'ur' }),
  }),
  service({
    code: 'art60',
    name: 'Art Club for Over 60s',
    categories: ['arts-and-crafts'],
    access: ['step-free', 'hearing-loop'],
    routes: ['self'],
    schedules: [{ byday: 'WE', opens_at: '14:00', closes_at: '16:00' }],
    minimumAge: 60,
    capacity: 'full',
    assured: '2025-01-01',
    costs: [
      { option: 'Standard', amount: 5, amount_description: 'per session' },
      { option: 'Concessions', amount: 2.5 },
    ],
    description: 'Painting and drawing for beginners.',
  }),
  service({
    code: 'closed',
    name: 'Riverside Bereavement Cafe',
    categories: ['bereavement-support'],
    status: 'defunct',
    costs: free,
    schedules: [{ byday: 'TH', opens_at: '10:00', closes_at: '12:00' }],
    description: 'A place to talk after losing someone.',
    extra: speaks('closed', { code: 'so', name: 'Somali' }),
  }),
  service({
    code: 'mindful',
    name: 'Online Mindfulness Course',
    categories: ['wellbeing-courses'],
    locationType: 'virtual',
    capacity: 'paused',
    assured: null,
    costs: [{ option: 'Course fee', amount: 12 }],
    schedules: [{ byday: 'TH', opens_at: '19:00', closes_at: '20:30' }],
    description: 'Six online sessions to help with stress and low mood.',
  }),
  service({
    code: 'creme',
    name: 'Café Crème Social',
    categories: ['social-groups'],
    routes: ['drop_in'],
    costs: [{ option: 'Entry', amount: 12 }],
    schedules: [{ byday: 'SU', opens_at: '11:00', closes_at: '13:00' }],
    description: 'Sunday brunch and conversation.',
  }),
  service({
    code: 'coffee',
    name: 'Sunday Coffee Morning',
    categories: ['social-groups'],
    routes: ['drop_in'],
    costs: free,
    schedules: [{ byday: 'SU', opens_at: '10:00', closes_at: '11:30' }],
    description: 'Coffee in the church hall, a short walking distance from the Metro.',
  }),
];

// Places in and around Newcastle, measured from Central Station (distances worked out by the
// tests from these points, with the great-circle formula).
const CENTRAL_STATION: Point = { latitude: 54.9686, longitude: -1.6174 };
export const NEWCASTLE_PLACES = {
  graingerMarket: { latitude: 54.9718, longitude: -1.6146 }, // 0.40 km
  quayside: { latitude: 54.969, longitude: -1.605 }, // 0.79 km
  leazesPark: { latitude: 54.979, longitude: -1.624 }, // 1.23 km
  elswickLibrary: { latitude: 54.96466, longitude: -1.64695 }, // 1.94 km
  heatonPark: { latitude: 54.9817, longitude: -1.59 }, // 2.28 km
  metrocentre: { latitude: 54.9587, longitude: -1.666 }, // 3.29 km
  whitleyBay: { latitude: 55.0447, longitude: -1.447 }, // 13.77 km
  gatesheadHighStreet: { latitude: 54.955, longitude: -1.6 }, // in Gateshead
} satisfies Record<string, Point>;
type PlaceName = keyof typeof NEWCASTLE_PLACES;

const originAt = (point: Point): Origin => ({ ...point, areaIds: areasContaining(point).map((area) => area.id) });
const placeAt = (where: PlaceName, transport?: Record<string, unknown>): PlaceSpec => ({
  name: `${where} venue`,
  ...NEWCASTLE_PLACES[where],
  ...(transport ? { transport } : {}),
});
const busStop = (distance_m: number | null, extra: Record<string, unknown> = {}) => ({
  name: 'Stop',
  mode: 'bus',
  routes: ['1'],
  ...(distance_m === null ? {} : { distance_m }),
  ...extra,
});

/**
 * Services at known distances from Central Station, covering areas, by phone or online, with every
 * kind of transport fact. Names are chosen so that name order and the order asked for differ.
 */
export const PLACE_SERVICES = [
  // Three places; the nearest (Grainger Market, 0.40 km) counts. Blue badge spaces only, at Whitley Bay.
  service({
    code: 'three-venues',
    name: 'Three Venues Club',
    places: [placeAt('whitleyBay', { stops: [], parking: { available: false, blue_badge: true } }), placeAt('heatonPark'), placeAt('graingerMarket')],
  }),
  // 0.79 km; a bus stop 120 m away with a step-free route.
  service({
    code: 'quayside',
    name: 'Quayside Walk',
    description: 'A riverside stroll with befriending over coffee afterwards.',
    places: [placeAt('quayside', { stops: [busStop(120, { routes: ['Q1', 'Q2'], step_free_route: true })] })],
  }),
  // 1.23 km; a bus stop 450 m away (too far to count) and a station that is not step-free.
  service({
    code: 'leazes',
    name: 'Leazes Park Tai Chi',
    places: [
      placeAt('leazesPark', {
        stops: [busStop(450), { name: 'St James', mode: 'metro', routes: ['Green'], distance_m: 300, step_free_route: false }],
      }),
    ],
  }),
  // 1.94 km; a bus stop given only as 4 minutes' walk, and a car park.
  service({
    code: 'elswick',
    name: 'Elswick Library Reading Group',
    places: [
      placeAt('elswickLibrary', {
        stops: [busStop(null, { walk_minutes: 4 })],
        parking: { available: true, free: true },
      }),
    ],
  }),
  // 3.29 km; a bus stop exactly 400 m away, and a minibus.
  service({
    code: 'metrocentre',
    name: 'Metrocentre Befriending Craft Group',
    places: [placeAt('metrocentre', { stops: [busStop(400)] })],
    transportOffered: { description: 'Our minibus picks people up from home.' },
  }),
  // 13.77 km, right by a step-free bus stop.
  service({ code: 'whitley-swim', name: 'Whitley Bay Swim', places: [placeAt('whitleyBay', { stops: [busStop(50, { step_free_route: true })] })] }),
  // 13.77 km, but also by phone.
  service({ code: 'coast-advice', name: 'Coast Advice Point', modes: ['in_person', 'phone'], places: [placeAt('whitleyBay')] }),
  // No place: across Newcastle, in person (they come to you).
  service({
    code: 'handyperson',
    name: 'Newcastle Handyperson Scheme',
    locationType: null,
    serviceAreas: ['Newcastle upon Tyne'],
    description: 'Small repairs at home, with befriending calls for those who want them.',
  }),
  // No place: across Newcastle, and they visit people at home.
  service({ code: 'tea-visitors', name: 'Newcastle Tea and Befriending Visitors', locationType: null, serviceAreas: ['Newcastle'], homeVisits: true }),
  // No place: across Gateshead only.
  service({ code: 'gateshead-gardening', name: 'Gateshead Gardening Help', locationType: null, serviceAreas: ['Gateshead'] }),
  // By phone or online; parking given for an online place does not count.
  service({ code: 'phone-befriending', name: 'Telephone Befriending Service', locationType: null, modes: ['phone'] }),
  service({
    code: 'advice-line',
    name: 'Advice Phone Line',
    locationType: null,
    modes: ['phone'],
    description: 'Advice on money and benefits, and befriending for anyone on their own.',
  }),
  service({
    code: 'online-art',
    name: 'Online Art Class',
    places: [{ name: 'Video call', type: 'virtual', transport: { stops: [], parking: { available: true } } }],
  }),
];

/** The distance-sorted order, from Central Station with no radius: places by nearest place, then area, then phone or online, then the rest. */
const BY_DISTANCE = [
  'Three Venues Club',
  'Quayside Walk',
  'Leazes Park Tai Chi',
  'Elswick Library Reading Group',
  'Metrocentre Befriending Craft Group',
  'Coast Advice Point',
  'Whitley Bay Swim', // the same place: by name
  'Newcastle Handyperson Scheme',
  'Newcastle Tea and Befriending Visitors',
  'Advice Phone Line',
  'Online Art Class',
  'Telephone Befriending Service',
  'Gateshead Gardening Help',
];
/** Nearest place of each service, from Central Station. */
const NEAREST: Record<string, PlaceName> = {
  'Three Venues Club': 'graingerMarket',
  'Quayside Walk': 'quayside',
  'Leazes Park Tai Chi': 'leazesPark',
  'Elswick Library Reading Group': 'elswickLibrary',
  'Metrocentre Befriending Craft Group': 'metrocentre',
  'Coast Advice Point': 'whitleyBay',
  'Whitley Bay Swim': 'whitleyBay',
};

type Fixture = { directory: DirectoryDatabase; search: SearchBackend; cleanup(): Promise<void> };

export function describeSearchBackendContract(name: string, open: () => Promise<Fixture>): void {
  describe(`search backend contract: ${name}`, () => {
    let fixture: Fixture;
    beforeAll(async () => {
      fixture = await open();
      const report = await importRecords(fixture.directory, fixture.search, CONTRACT_SERVICES, { today: TODAY, strict: true });
      expect(report.invalid).toEqual([]);
    });
    afterAll(async () => {
      await fixture.cleanup();
    });

    const names = async (qs: string) => {
      const parsed = parseSearchParams(new URLSearchParams(qs));
      expect(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors)).toBe(true);
      const result = await fixture.search.search({ ...parsed.query, per_page: 100 });
      return result.hits.map((hit) => hit.document.name);
    };
    const sorted = async (qs: string) => (await names(qs)).sort();

    describe('ranking and words', () => {
      it('ranks a match in the name above one in the description', async () => {
        expect(await names('q=walking')).toEqual(['Heaton Walking Group', 'Sunday Coffee Morning']);
      });
      it('finds by prefix and by stem', async () => {
        expect(await names('q=walk')).toContain('Heaton Walking Group');
        expect(await names('q=walks')).toContain('Heaton Walking Group');
        expect((await names('q=befriend'))[0]).toBe('Telephone Befriending');
      });
      it('finds services from partly typed words', async () => {
        expect(await names('q=communit')).toEqual(['Elswick Community Pantry']);
        expect((await names('q=befriendin'))[0]).toBe('Telephone Befriending');
        expect(await names('q=mindfulnes')).toEqual(['Online Mindfulness Course']);
        expect(await names('q=friendshi')).toEqual(['Tuesday Friendship Club']);
        expect(await names('q=grocerie')).toEqual(['Elswick Community Pantry']);
        expect(await names('q=bereavem&include_closed=1')).toEqual(['Riverside Bereavement Cafe']);
        expect(await names('q=heaton+walkin')).toEqual(['Heaton Walking Group']);
      });
      it('finds a word by its stem when the service uses another form of it', async () => {
        expect(await names('q=strolling')).toEqual(['Heaton Walking Group']); // "stroll"
        expect(await names('q=paintings')).toEqual(['Art Club for Over 60s']); // "Painting"
        expect(await names('q=sessions+online')).toEqual(['Online Mindfulness Course']);
      });
      it('does not match the internal tokens that stand for categories', async () => {
        const everything = (await names('')).length;
        for (const q of ['cat', 'catf', 'accstep', 'catfoodbanks']) expect(await names(`q=${q}`), q).toEqual([]);
        // "acc" is the start of "access" (as in "Step-free access"), but not of every service.
        expect(await sorted('q=acc')).toEqual(['Art Club for Over 60s', 'Heaton Walking Group']);
        expect((await names('q=acc')).length).toBeLessThan(everything);
      });
      it('finds friendship groups for "lonely", a word none of them uses', async () => {
        const found = await sorted('q=lonely');
        expect(found).toEqual(expect.arrayContaining(['Tuesday Friendship Club', 'Telephone Befriending', 'Café Crème Social', 'Sunday Coffee Morning']));
        expect(found).not.toContain('Heaton Walking Group');
      });
      it('gives the same services for "foodbank" and "food bank"', async () => {
        const oneWord = await sorted('q=foodbank');
        expect(oneWord).toEqual(expect.arrayContaining(['Byker Foodbank', 'Gateshead Food Bank']));
        expect(await sorted('q=food+bank')).toEqual(oneWord);
      });
      it('folds accents both ways', async () => {
        expect(await names('q=cafe+creme')).toEqual(['Café Crème Social']);
        expect(await names('q=caf%C3%A9&include_closed=1')).toEqual(expect.arrayContaining(['Café Crème Social', 'Riverside Bereavement Cafe']));
      });
      it('falls back to any word when nothing matches them all', async () => {
        const parsed = parseSearchParams(new URLSearchParams('q=walking+chess'));
        const result = await fixture.search.search(parsed.query);
        expect(result.matched).toBe('any');
        expect(result.hits[0]!.document.name).toBe('Heaton Walking Group');
      });
      it('only loosens to any word when no service has every word, not when filters leave none', async () => {
        // Both words are in the Tuesday walking group; on a Sunday nothing has them, and "walking"
        // alone (the Sunday coffee morning) must not be offered as if it were what was asked for.
        const parsed = parseSearchParams(new URLSearchParams('q=walking+tea&day=sun'));
        const result = await fixture.search.search(parsed.query, { facets: true });
        expect(result.total).toBe(0);
        expect(result.matched).toBe('all');
        // The facet counts say what choosing a value gives, and it does.
        expect(result.facets!.day.tue).toBe(1);
        expect(await names('q=walking+tea&day=tue')).toEqual(['Heaton Walking Group']);
        expect(result.facets!.day.sun).toBe(0);
      });
      it('never fails on strange input', async () => {
        const errors = vi.spyOn(console, 'error');
        try {
          const everything = (await fixture.search.search(parseSearchParams(new URLSearchParams('')).query)).total;
          for (const q of [
            '"',
            '*',
            'NEAR(a b)',
            'AND OR NOT',
            '🙂',
            "'",
            '-',
            '^x',
            'a"b*c',
            'x'.repeat(10_000),
            '\u0000',
            '(((',
            'col:name',
            '{name}: x',
            'terms : catfoodbanks',
            '"walk"*',
            'x AND',
            ':',
            'OR',
            'NOT walking',
            '""""',
            'name:walking',
          ]) {
            const parsed = parseSearchParams(new URLSearchParams({ q }));
            await expect(fixture.search.search(parsed.query, { facets: true }), q).resolves.toBeDefined();
          }
          // Punctuation alone is no words at all: everything, as with an empty search.
          expect((await fixture.search.search(parseSearchParams(new URLSearchParams({ q: '"' })).query)).total).toBe(everything);
          expect(errors).not.toHaveBeenCalled();
        } finally {
          errors.mockRestore();
        }
      });
    });

    describe('filters', () => {
      it('category includes the category below it', async () => {
        expect(await sorted('category=food')).toEqual(['Byker Foodbank', 'Elswick Community Pantry', 'Gateshead Food Bank']);
        expect(await sorted('category=food-banks&category=debt-advice')).toEqual(['Byker Foodbank', 'Debt Advice Line', 'Gateshead Food Bank']);
      });
      it('cost and max_cost', async () => {
        expect(await sorted('cost=pwyc')).toEqual(['Tuesday Friendship Club']);
        expect(await sorted('cost=concessions')).toEqual(['Art Club for Over 60s']);
        expect(await sorted('max_cost=4&category=food')).toEqual(['Byker Foodbank', 'Elswick Community Pantry', 'Gateshead Food Bank']);
        expect(await sorted('max_cost=3')).not.toContain('Elswick Community Pantry');
        expect(await sorted('max_cost=3')).toContain('Art Club for Over 60s'); // £2.50 concessions
      });
      it('mode, including modes worked out from places', async () => {
        expect(await sorted('mode=phone')).toEqual(['Debt Advice Line', 'Telephone Befriending']);
        expect(await sorted('mode=online')).toEqual(['Online Mindfulness Course']);
      });
      it('day and time together', async () => {
        expect(await sorted('day=tue')).toEqual(['Debt Advice Line', 'Heaton Walking Group', 'Tuesday Friendship Club']);
        expect(await sorted('day=tue&time=evening')).toEqual(['Tuesday Friendship Club']);
        expect(await sorted('time=evening')).toEqual(['Online Mindfulness Course', 'Tuesday Friendship Club']);
        expect(await sorted('day=sat&day=sun')).toEqual(['Café Crème Social', 'Elswick Community Pantry', 'Sunday Coffee Morning']);
      });
      it('age', async () => {
        expect(await names('age=30')).not.toContain('Art Club for Over 60s');
        expect(await names('age=70')).toContain('Art Club for Over 60s');
        expect(await names('age=16')).not.toContain('Debt Advice Line');
      });
      it('referral route', async () => {
        expect(await sorted('referral=gp')).toEqual(['Telephone Befriending']);
        expect(await sorted('referral=drop_in')).toEqual(['Café Crème Social', 'Heaton Walking Group', 'Sunday Coffee Morning', 'Tuesday Friendship Club']);
      });
      it('access needs every feature chosen', async () => {
        expect(await sorted('access=step-free')).toEqual(['Art Club for Over 60s', 'Heaton Walking Group']);
        expect(await sorted('access=step-free&access=hearing-loop')).toEqual(['Art Club for Over 60s']);
      });
      it('capacity hides full and paused services on request', async () => {
        expect(await names('')).toContain('Art Club for Over 60s');
        const available = await names('capacity=available');
        expect(available).not.toContain('Art Club for Over 60s');
        expect(available).not.toContain('Online Mindfulness Course');
        expect(available).toContain('Telephone Befriending');
        expect(await names('capacity=accepting')).toEqual([]);
      });
      it('closed services only with include_closed', async () => {
        expect(await names('q=bereavement')).toEqual([]);
        expect(await names('q=bereavement&include_closed=1')).toEqual(['Riverside Bereavement Cafe']);
      });
      it('language spoken, by code or name in any case, any of those chosen', async () => {
        expect(await sorted('language=pl')).toEqual(['Debt Advice Line', 'Gateshead Food Bank']);
        expect(await sorted('language=POLISH')).toEqual(['Debt Advice Line', 'Gateshead Food Bank']);
        expect(await sorted('language=urdu&language=ar')).toEqual(['Debt Advice Line', 'Gateshead Food Bank']);
        expect(await sorted('language=ur')).toEqual(['Debt Advice Line']);
        expect(await sorted('language=so')).toEqual([]);
        expect(await sorted('language=so&include_closed=1')).toEqual(['Riverside Bereavement Cafe']);
        const facets = (await fixture.search.search(parseSearchParams(new URLSearchParams('language=ur')).query, { facets: true })).facets!;
        // Each count says what choosing that language (too) would give.
        expect(facets.language).toEqual({ ar: 1, pl: 2, so: 0, ur: 1 });
      });
      it('offers only the languages the directory has, and refuses others by name', async () => {
        expect(await directoryLanguages(fixture.search)).toEqual(['ar', 'pl', 'so', 'ur']);
        const known = await checkLanguages(fixture.search, parseSearchParams(new URLSearchParams('language=Arabic')).query);
        expect(known.error).toBeNull();
        const unknown = await checkLanguages(fixture.search, parseSearchParams(new URLSearchParams('language=Welsh&language=pl')).query);
        expect(unknown.query.language).toEqual(['pl']);
        expect(unknown.error).toEqual(expect.objectContaining({ parameter: 'language', message: expect.stringContaining('“Welsh”') }));
      });
      it('combines text and filters', async () => {
        expect(await names('q=food&cost=free&referral=professional&day=fri')).toEqual(['Byker Foodbank']);
      });
    });

    describe('documents shown', () => {
      it('shows each document as stored now, even one changed behind its back, and never lets a page change it', async () => {
        const walking = parseSearchParams(new URLSearchParams('q=heaton+walking')).query;
        const first = async () => (await fixture.search.search({ ...walking, per_page: 1 })).hits[0]!.document;
        const shown = await first();
        expect(shown.name).toBe('Heaton Walking Group');
        // Parsed copies may be kept between searches (src/lib/search/document-cache.ts): not changeable.
        expect(() => {
          (shown as { name: string }).name = 'Changed by a page';
        }).toThrow(TypeError);
        expect((await first()).name).toBe('Heaton Walking Group');
        const db = fixture.directory.db;
        const stored = await db
          .selectFrom('search_document')
          .select('document')
          .where('service_id', '=', shown.id)
          .where('removed', '=', 0)
          .executeTakeFirstOrThrow();
        try {
          // Changed in the table without the backend being told: shown as stored.
          await db
            .updateTable('search_document')
            .set({ document: JSON.stringify({ ...JSON.parse(stored.document), name: 'Heaton Walking Group (renamed)' }) })
            .where('service_id', '=', shown.id)
            .execute();
          expect((await first()).name).toBe('Heaton Walking Group (renamed)');
        } finally {
          await db.updateTable('search_document').set({ document: stored.document }).where('service_id', '=', shown.id).execute();
        }
        expect((await first()).name).toBe('Heaton Walking Group');
      });
    });

    describe('facets, sorting and pages', () => {
      it('counts what each filter value would give', async () => {
        const parsed = parseSearchParams(new URLSearchParams('cost=free&day=tue'));
        const result = await fixture.search.search(parsed.query, { facets: true });
        expect(result.total).toBe(2); // walking group and debt line
        const facets = result.facets!;
        expect(facets.cost).toEqual({ free: 2, pwyc: 1, concessions: 0 });
        expect(facets.day.mon).toBe(2); // free on a Monday: the debt line and Gateshead Food Bank
        expect(facets.day.tue).toBe(2);
        expect(facets.mode).toEqual({ in_person: 1, phone: 1, online: 0 });
        expect(facets.category['walking-groups']).toBe(1);
        expect(facets.category['physical-activity']).toBe(1);
        expect(facets.closed).toBe(0);
        const all = await fixture.search.facetCounts(parseSearchParams(new URLSearchParams('')).query);
        expect(all.closed).toBe(1);
        expect(all.capacity).toEqual({ accepting: 0, waiting_list: 1, full: 1, paused: 1, unknown: 8 });
        // Of the 11 open services: the art club (£2.50 concessions), the pantry (£3.50), two at £12, seven free or pay what you can.
        expect(all.max_cost).toEqual({ 0: 7, 2: 7, 5: 9, 10: 9 });
        expect(all.age).toEqual({ 8: 9, 16: 9, 30: 10, 70: 11 });
        const withAge = await fixture.search.facetCounts(parseSearchParams(new URLSearchParams('age=30&max_cost=3')).query);
        expect(withAge.age[70]).toBe(8); // within £3, any age: everything free plus the art club
        expect(withAge.max_cost[0]).toBe(7); // aged 30, free: the art club is for over 60s anyway
      });
      it('sorts by most recently checked', async () => {
        const found = await names('sort=recently_verified&category=loneliness-social');
        expect(found[0]).toBe('Café Crème Social'); // checked 2026-10-01 like the others, first by name
        expect(await names('sort=recently_verified&q=advice')).toEqual(['Debt Advice Line']);
        const everything = await names('sort=recently_verified');
        expect(everything[0]).toBe('Heaton Walking Group');
        // Never checked comes last of the listings that are not stale; the stale one (checked in
        // January 2025, long overdue) comes after everything.
        expect(everything.slice(-2)).toEqual(['Online Mindfulness Course', 'Art Club for Over 60s']);
      });
      it('ranks stale listings below the rest in every order, never hides them, and fresh=1 keeps only ok ones', async () => {
        const everything = await names('');
        expect(everything.at(-1)).toBe('Art Club for Over 60s'); // stale: last, though "A" comes first by name
        expect(everything).toHaveLength(11);
        expect(await names('q=art+club+painting')).toContain('Art Club for Over 60s');
        expect((await names('q=club')).at(-1)).toBe('Art Club for Over 60s');
        const fresh = await fixture.search.search(parseSearchParams(new URLSearchParams('fresh=1&per_page=100')).query, { facets: true });
        const freshNames = fresh.hits.map((hit) => hit.document.name);
        expect(freshNames).not.toContain('Art Club for Over 60s');
        expect(freshNames).not.toContain('Online Mindfulness Course'); // never checked: "check", not ok
        for (const hit of fresh.hits) expect(hit.document.freshness.status, hit.document.name).toBe('ok');
        const all = await fixture.search.search(parseSearchParams(new URLSearchParams('per_page=100')).query, { facets: true });
        expect(all.facets!.fresh).toBe(fresh.total);
        expect(byFreshness(all.hits)).toMatchObject({ stale: ['Art Club for Over 60s'] });
      });
      it('pages through results', async () => {
        const parsed = parseSearchParams(new URLSearchParams('per_page=4&page=3'));
        const result = await fixture.search.search(parsed.query);
        expect(result.total).toBe(11);
        expect(result.hits).toHaveLength(3);
        const first = await fixture.search.search({ ...parsed.query, page: 1 });
        expect(first.hits.map((h) => h.document.name)).toEqual((await names('')).slice(0, 4));
      });
      it('removes a document from search but keeps the service', async () => {
        const id = CONTRACT_SERVICES[0]!.id as string;
        await fixture.search.remove([id]);
        expect(await names('q=walking')).toEqual(['Sunday Coffee Morning']);
        expect(await fixture.search.count()).toBe(11);
        const kept = await fixture.directory.db.selectFrom('service').select('id').where('id', '=', id).executeTakeFirst();
        expect(kept).toBeDefined();
      });

      it('keeps when its documents were all built, and says when they must be built again', async () => {
        // The importer built these documents, but no full build has been recorded yet.
        expect(await fixture.search.needsRebuild(TODAY)).toBe(true);
        await fixture.search.markAllBuilt(TODAY);
        expect(await fixture.search.needsRebuild(TODAY)).toBe(false);
        expect(await fixture.search.needsRebuild(addDays(TODAY, -1))).toBe(false);
        // The next day (schedule and cost wording may have changed).
        expect(await fixture.search.needsRebuild(addDays(TODAY, 1))).toBe(true);
        // Built for an earlier day, it is out of date today.
        await fixture.search.markAllBuilt(addDays(TODAY, -3));
        expect(await fixture.search.needsRebuild(TODAY)).toBe(true);
        await fixture.search.markAllBuilt(TODAY);
        expect(await fixture.search.needsRebuild(TODAY)).toBe(false);
      });
    });

    describePlaces(open);
    describeMeaning(open);
    describeEvaluation(open);
  });
}

/**
 * Services as two publishers send them: some with our categories, some with a council's own
 * taxonomy (foreign-variant.ts), whose words are not ours.
 */
export const MEANING_SERVICES = [
  toForeignRecord(
    service({
      code: 'm-isolated',
      name: 'Northside Friendship Circle',
      categories: ['social-groups'],
      description: 'For anyone who feels isolated or alone. Tea, biscuits and good company.',
    }),
  ),
  toForeignRecord(
    service({
      code: 'm-grief',
      name: 'Tuesday Bereavement Café',
      categories: ['bereavement-support'],
      description: 'A friendly place to talk after someone close to you has died.',
    }),
  ),
  toForeignRecord(
    service({
      code: 'm-welfare',
      name: 'Welfare Rights Surgery',
      categories: ['benefits-advice'],
      description: 'Help to claim everything you are entitled to.',
    }),
  ),
  toForeignRecord(
    service({ code: 'm-foodclub', name: 'Saturday Food Club', categories: ['food-banks'], description: 'A bag of shopping for anyone who needs it.' }),
  ),
  service({
    code: 'm-food-open',
    name: 'Hilltop Pantry',
    categories: ['food'],
    capacity: 'accepting',
    assured: '2026-11-01',
    description: 'Free food for anyone who needs it.',
  }),
  service({
    code: 'm-food-full',
    name: 'Riverside Pantry',
    categories: ['food'],
    capacity: 'full',
    assured: '2026-11-01',
    description: 'Free food, free food, free food every week: free hot food and free food parcels.',
  }),
  service({
    code: 'm-food-paused',
    name: 'Quayside Pantry',
    categories: ['food'],
    capacity: 'paused',
    assured: '2026-11-01',
    description: 'Free food and free food parcels.',
  }),
  service({
    code: 'm-food-unchecked',
    name: 'Moorside Pantry',
    categories: ['food'],
    assured: null,
    description: 'Free food for all, free food parcels, free food vouchers.',
  }),
  service({ code: 'm-talk', name: 'Talk It Through', categories: ['talking-therapies'], description: 'Counselling.' }),
  service({
    code: 'm-talk-more',
    name: 'Listening Line',
    categories: ['talking-therapies'],
    description: 'Talk it through, talk it out, talk to us: we talk and we listen, talk any time, it helps to talk it through.',
  }),
  service({ code: 'm-felling', name: 'Felling Knit Group', categories: ['arts-and-crafts'], description: 'Knitting and a chat.' }),
  service({ code: 'm-walker', name: 'Walker Chess Club', categories: ['arts-crafts-music'], description: 'Chess and draughts.' }),
  service({ code: 'm-heaton', name: 'Heaton Card Club', categories: ['arts-crafts-music'], description: 'Whist and bridge.' }),
];

function describeMeaning(open: () => Promise<Fixture>): void {
  describe('finding what people mean', () => {
    let fixture: Fixture;
    beforeAll(async () => {
      fixture = await open();
      const report = await importRecords(fixture.directory, fixture.search, MEANING_SERVICES, { today: TODAY, strict: true });
      expect(report.invalid).toEqual([]);
    });
    afterAll(async () => {
      await fixture.cleanup();
    });
    const search = async (qs: string) => fixture.search.search({ ...parseSearchParams(new URLSearchParams(qs)).query, per_page: 100 }, { facets: true });
    const names = async (qs: string) => (await search(qs)).hits.map((hit) => hit.document.name);

    it("corrects a misspelt word against the directory's words, says so, and searches the words as typed when asked", async () => {
      const result = await search('q=lonley');
      expect(result.corrected).toEqual({ q: 'lonely', words: [{ from: 'lonley', to: 'lonely' }] });
      expect(result.hits.map((hit) => hit.document.name)).toContain('Northside Friendship Circle');
      expect((await search('q=councelling')).corrected?.q).toBe('counselling');
      expect((await search('q=Saturday+Food+Clubb')).corrected?.q).toBe('Saturday Food club');
      const asTyped = await search('q=lonley&as_typed=1');
      expect(asTyped.corrected).toBeNull();
      expect(asTyped.total).toBe(0);
    });
    it('never corrects a word the directory knows, or one partly typed', async () => {
      for (const q of ['chess', 'whist', 'draughts', 'knit', 'pantr', 'northside', 'felling']) expect((await search(`q=${q}`)).corrected, q).toBeNull();
    });
    it('finds imported services by what people mean, whatever their taxonomy', async () => {
      expect(await names('q=lonely')).toContain('Northside Friendship Circle');
      expect(await names('q=feeling+lonely')).toContain('Northside Friendship Circle');
      expect(await names('q=grief')).toContain('Tuesday Bereavement Café');
      expect(await names('q=skint')).toContain('Welfare Rights Surgery');
      expect(await names('q=benefits')).toContain('Welfare Rights Surgery');
      expect(await names('q=food+bank')).toContain('Saturday Food Club');
    });
    it('puts imported services under our categories through the crosswalk: filters and facets', async () => {
      expect(await names('category=money-benefits-debt')).toEqual(['Welfare Rights Surgery']);
      expect(await names('category=bereavement')).toEqual(['Tuesday Bereavement Café']);
      expect(await names('category=loneliness-social')).toEqual(['Northside Friendship Circle']);
      expect(await names('category=food-banks')).toEqual(['Saturday Food Club']);
      const facets = (await search('')).facets!;
      expect(facets.category['money-benefits-debt']).toBe(1);
      expect(facets.category.bereavement).toBe(1);
    });
    it('ranks open and checked listings before full, paused and never-checked ones that match as well, and hides none', async () => {
      const found = await names('q=free+food');
      const less = ['Riverside Pantry', 'Quayside Pantry', 'Moorside Pantry']; // full, paused, never checked
      expect(found).toEqual(expect.arrayContaining(['Hilltop Pantry', ...less]));
      // Riverside says "free food" most, yet comes after the open, checked pantry.
      for (const name of less) expect(found.indexOf('Hilltop Pantry'), name).toBeLessThan(found.indexOf(name));
    });
    it('puts an exact name first, above services that use its words more', async () => {
      expect((await names('q=talk+it+through'))[0]).toBe('Talk It Through');
      expect((await names('q=walker+chess+club'))[0]).toBe('Walker Chess Club');
    });
    it('never lets a stem or a feeling word reach a place name', async () => {
      expect(await names('q=feeling+anxious')).not.toContain('Felling Knit Group');
      expect(await names('q=feeling+lonely')).not.toContain('Felling Knit Group');
      expect(await names('q=walking')).not.toContain('Walker Chess Club');
      expect(await names('q=heating')).not.toContain('Heaton Card Club');
      // The places themselves are still found when typed.
      expect(await names('q=felling')).toContain('Felling Knit Group');
      expect(await names('q=walker')).toContain('Walker Chess Club');
      expect(await names('q=heaton')).toContain('Heaton Card Club');
    });
    it('answers every kind of query without failing', async () => {
      const odd = [
        'q=' + 'lonley '.repeat(80),
        'q=' + 'ä'.repeat(600),
        'q=zzzzzzzzzzzz',
        'q="lonley" OR NEAR(x)',
        'q=*',
        'q=-',
        'q=%00',
        'q=feeling&as_typed=1',
        'q=councelling&category=food&as_typed=0',
        'q=lonley&sort=recently_verified',
        'q=fodbank&near=NE6+5LA',
      ];
      for (const qs of odd) {
        const query = parseSearchParams(new URLSearchParams(qs)).query;
        await expect(fixture.search.search(query, { facets: true }), qs).resolves.toBeDefined();
      }
      expect(PARAMETERS).toContain('as_typed');
      expect(EMPTY_QUERY.as_typed).toBe(false);
    });
  });
}

/** The evaluation set (scripts/bench/evaluation-cases.ts): every backend finds what people mean, on the sample and with a council taxonomy. */
function describeEvaluation(open: () => Promise<Fixture>): void {
  describe('the evaluation set', () => {
    for (const [name, transform] of [
      ['the sample', (record: unknown) => record],
      ['the sample with a council taxonomy', toForeignRecord],
    ] as const) {
      it(`finds an answer in the first three for at least 90% of queries on ${name}`, async () => {
        const fixture = await open();
        try {
          await importRecords(fixture.directory, fixture.search, loadSampleRecords(TODAY).map(transform), { today: TODAY });
          const report = await evaluate(name, fixture.search, sampleRecords(TODAY));
          expect(report.cases).toBeGreaterThanOrEqual(150);
          expect(
            report.successAt3,
            report.results
              .filter((r) => !r.successAt3)
              .map((r) => r.case.q)
              .join(', '),
          ).toBeGreaterThanOrEqual(0.9);
          expect(report.ndcgAt10).toBeGreaterThanOrEqual(0.85);
          for (const kind of Object.values(report.byKind)) if (kind.cases) expect(kind.successAt3).toBeGreaterThanOrEqual(0.75);
        } finally {
          await fixture.cleanup();
        }
      }, 120_000);
    }
  });
}

function describePlaces(open: () => Promise<Fixture>): void {
  describe('places and getting there', () => {
    let fixture: Fixture;
    beforeAll(async () => {
      fixture = await open();
      const report = await importRecords(fixture.directory, fixture.search, PLACE_SERVICES, { today: TODAY, strict: true });
      expect(report.invalid).toEqual([]);
    });
    afterAll(async () => {
      await fixture?.cleanup();
    });

    const station = originAt(CENTRAL_STATION);
    const km = (place: PlaceName) => distanceKm(CENTRAL_STATION, NEWCASTLE_PLACES[place]);
    const find = async (qs: string, origin: Origin | null = station, page?: { page: number; per_page: number }) => {
      const parsed = parseSearchParams(new URLSearchParams(`near=Central+Station&${qs}`));
      expect(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors)).toBe(true);
      return fixture.search.search({ ...parsed.query, per_page: 100, ...page }, { facets: true, origin });
    };
    const names = async (qs: string, origin: Origin | null = station) => (await find(qs, origin)).hits.map((hit) => hit.document.name);
    const sorted = async (qs: string, origin: Origin | null = station) => (await names(qs, origin)).sort();
    const byName = (hits: SearchHit[]) => new Map(hits.map((hit) => [hit.document.name, hit]));

    it('is measured from a place in Newcastle city centre', () => {
      expect(station.areaIds).toEqual(['newcastle-monument', 'newcastle']);
      expect(km('graingerMarket')).toBeCloseTo(0.398, 2);
      expect(km('whitleyBay')).toBeCloseTo(13.772, 2);
    });

    it('sorts places nearest first, a service with several places by its nearest, then area, then phone or online', async () => {
      expect(await names('')).toEqual(BY_DISTANCE);
      expect(await names('sort=distance')).toEqual(BY_DISTANCE);
    });

    it('gives each hit its distance (to its nearest place) and how it is reached', async () => {
      const result = await find('');
      expect(result.total).toBe(BY_DISTANCE.length);
      for (const hit of result.hits) {
        const nearest = NEAREST[hit.document.name];
        if (nearest) {
          expect(hit.distanceKm, hit.document.name).not.toBeNull();
          expect(Math.abs(hit.distanceKm! - km(nearest)), hit.document.name).toBeLessThan(Math.max(0.005, km(nearest) * 0.005));
          expect(hit.reach, hit.document.name).toBe('place');
        } else {
          expect(hit.distanceKm, hit.document.name).toBeNull();
        }
      }
      const reach = Object.fromEntries(result.hits.map((hit) => [hit.document.name, hit.reach]));
      expect(reach).toMatchObject({
        'Newcastle Handyperson Scheme': 'area',
        'Newcastle Tea and Befriending Visitors': 'area',
        'Advice Phone Line': 'remote',
        'Online Art Class': 'remote',
        'Telephone Befriending Service': 'remote',
        'Gateshead Gardening Help': 'unknown',
      });
      // Without a searched place, nothing is measured.
      for (const hit of (await find('sort=relevance', null)).hits) expect([hit.distanceKm, hit.reach]).toEqual([null, null]);
    });

    it('says which services cover the searched area by the areas the place is in', async () => {
      const gateshead = originAt(NEWCASTLE_PLACES.gatesheadHighStreet);
      expect(gateshead.areaIds).toContain('gateshead');
      expect(gateshead.areaIds).not.toContain('newcastle');
      const hits = byName((await find('', gateshead)).hits);
      expect(hits.get('Gateshead Gardening Help')!.reach).toBe('area');
      expect(hits.get('Newcastle Handyperson Scheme')!.reach).toBe('unknown');
      expect(hits.get('Newcastle Tea and Befriending Visitors')!.reach).toBe('remote'); // home visits, but not here
    });

    it('keeps within the radius, and services covering the area or needing no travel; drops the far ones', async () => {
      const within2 = [
        'Three Venues Club',
        'Quayside Walk',
        'Leazes Park Tai Chi',
        'Elswick Library Reading Group',
        'Newcastle Handyperson Scheme',
        'Newcastle Tea and Befriending Visitors',
        'Advice Phone Line',
        'Coast Advice Point',
        'Online Art Class',
        'Telephone Befriending Service', // Coast Advice: far, but by phone
      ];
      const result = await find('radius_km=2');
      expect(result.hits.map((hit) => hit.document.name)).toEqual(within2);
      expect(result.total).toBe(within2.length);
      expect(byName(result.hits).get('Coast Advice Point')!.reach).toBe('remote');
      expect(byName(result.hits).get('Coast Advice Point')!.distanceKm).toBeCloseTo(km('whitleyBay'), 1);
      // A place right at the edge: Elswick Library is 1.94 km away.
      expect(await names('radius_km=1.9')).not.toContain('Elswick Library Reading Group');
      expect(await names('radius_km=2')).toContain('Elswick Library Reading Group');
      expect(await names('radius_km=0.5')).toEqual([
        'Three Venues Club',
        'Newcastle Handyperson Scheme',
        'Newcastle Tea and Befriending Visitors',
        'Advice Phone Line',
        'Coast Advice Point',
        'Online Art Class',
        'Telephone Befriending Service',
      ]);
      expect(await sorted('radius_km=20')).toEqual([...BY_DISTANCE].filter((name) => name !== 'Gateshead Gardening Help').sort());
    });

    it('sorted by distance, keeps the groups in order: place by distance, then area, then remote, then unknown', async () => {
      for (const qs of ['', 'radius_km=2', 'radius_km=5', 'q=befriending', 'transport=no_travel']) {
        const hits = (await find(qs)).hits;
        const groups = hits.map((hit) => ['place', 'area', 'remote', 'unknown'].indexOf(hit.reach!));
        expect(groups, qs).toEqual([...groups].sort((a, b) => a - b));
        const distances = hits.filter((hit) => hit.reach === 'place').map((hit) => hit.distanceKm!);
        expect(distances, qs).toEqual([...distances].sort((a, b) => a - b));
      }
    });

    describe('getting there', () => {
      it('bus: a bus stop within 400 m (or 5 minutes) of one of its places; one 450 m away does not count', async () => {
        expect(await sorted('transport=bus')).toEqual([
          'Elswick Library Reading Group',
          'Metrocentre Befriending Craft Group',
          'Quayside Walk',
          'Whitley Bay Swim',
        ]);
        expect(await names('transport=bus')).not.toContain('Leazes Park Tai Chi');
      });
      it('step_free: a stop with a step-free route', async () => {
        expect(await sorted('transport=step_free')).toEqual(['Quayside Walk', 'Whitley Bay Swim']);
      });
      it('parking: a car park, or blue badge spaces only; never at an online place', async () => {
        expect(await sorted('transport=parking')).toEqual(['Elswick Library Reading Group', 'Three Venues Club']);
      });
      it('provided: transport or lifts offered', async () => {
        expect(await names('transport=provided')).toEqual(['Metrocentre Befriending Craft Group']);
      });
      it('no_travel: by phone, online, or home visits', async () => {
        expect(await names('transport=no_travel')).toEqual([
          'Coast Advice Point', // by phone, and has a place 13.8 km away
          'Newcastle Tea and Befriending Visitors', // home visits; covers the area
          'Advice Phone Line',
          'Online Art Class',
          'Telephone Befriending Service',
        ]);
      });
      it('walk: the nearest place within walk_km, 1.5 km when not given', async () => {
        expect(await names('transport=walk')).toEqual(['Three Venues Club', 'Quayside Walk', 'Leazes Park Tai Chi']);
        expect(await names('transport=walk&walk_km=2')).toEqual(['Three Venues Club', 'Quayside Walk', 'Leazes Park Tai Chi', 'Elswick Library Reading Group']);
        expect(await names('transport=walk&walk_km=0.5')).toEqual(['Three Venues Club']);
        // Nothing can be walked to without a place to walk from; the other options still hold.
        expect(await sorted('transport=walk&transport=provided', null)).toEqual(['Metrocentre Befriending Craft Group']);
      });
      it('needs every option chosen', async () => {
        expect(await names('transport=bus&transport=walk')).toEqual(['Quayside Walk']);
        expect(await names('transport=bus&transport=step_free')).toEqual(['Quayside Walk', 'Whitley Bay Swim']);
        expect(await names('transport=bus&transport=parking')).toEqual(['Elswick Library Reading Group']);
        expect(await names('transport=bus&transport=provided&transport=walk')).toEqual([]);
        expect(await names('transport=parking&transport=walk&radius_km=1')).toEqual(['Three Venues Club']);
      });
    });

    it('counts each way of getting there, and each distance, as if it were chosen', async () => {
      const all = (await find('')).facets!;
      expect(all.transport).toEqual({ bus: 4, walk: 3, step_free: 2, parking: 2, provided: 1, no_travel: 5 });
      // Within 1 km: two places, plus the two covering Newcastle and the four by phone or online.
      expect(all.radius_km).toEqual({ 1: 8, 2: 10, 5: 11, 10: 11 });
      const within2 = (await find('radius_km=2')).facets!;
      expect(within2.radius_km).toEqual({ 1: 8, 2: 10, 5: 11, 10: 11 });
      expect(within2.transport).toEqual({ bus: 2, walk: 3, step_free: 1, parking: 2, provided: 0, no_travel: 5 });
      const bus = (await find('transport=bus')).facets!;
      expect(bus.radius_km).toEqual({ 1: 1, 2: 2, 5: 3, 10: 3 });
      expect(bus.transport).toEqual({ bus: 4, walk: 1, step_free: 2, parking: 1, provided: 1, no_travel: 0 });
      // Each count is what choosing it gives.
      for (const [option, count] of Object.entries(all.transport)) expect((await find(`transport=${option}`)).total, option).toBe(count);
      for (const [radius, count] of Object.entries(all.radius_km)) expect((await find(`radius_km=${radius}`)).total, radius).toBe(count);
      // Without a place: no distance, no walking.
      const nowhere = await fixture.search.facetCounts(parseSearchParams(new URLSearchParams('')).query, { origin: null });
      expect(nowhere.radius_km).toEqual({ 1: 0, 2: 0, 5: 0, 10: 0 });
      expect(nowhere.transport).toEqual({ bus: 4, walk: 0, step_free: 2, parking: 2, provided: 1, no_travel: 5 });
    });

    it('pages through the groups in one order', async () => {
      for (const perPage of [3, 4, 5]) {
        const pages: string[] = [];
        for (let page = 1; page <= Math.ceil(BY_DISTANCE.length / perPage); page++) {
          const result = await find('', station, { page, per_page: perPage });
          expect(result.total).toBe(BY_DISTANCE.length);
          expect(result.hits.length).toBe(Math.min(perPage, BY_DISTANCE.length - (page - 1) * perPage));
          pages.push(...result.hits.map((hit) => hit.document.name));
        }
        expect(pages, `per_page=${perPage}`).toEqual(BY_DISTANCE);
      }
      const beyond = await find('', station, { page: 5, per_page: 4 });
      expect([beyond.total, beyond.hits.length]).toEqual([BY_DISTANCE.length, 0]);
      // The second page of two within 2 km runs from the last place into the area group.
      const second = await find('radius_km=2', station, { page: 2, per_page: 3 });
      expect(second.hits.map((hit) => [hit.document.name, hit.reach])).toEqual([
        ['Elswick Library Reading Group', 'place'],
        ['Newcastle Handyperson Scheme', 'area'],
        ['Newcastle Tea and Befriending Visitors', 'area'],
      ]);
    });

    it('measures only from places where the service happens, not from a postal address', async () => {
      // documentPlaces says "physical places"; the transport rules already ignore postal ones.
      const letters = await open();
      try {
        const report = await importRecords(
          letters.directory,
          letters.search,
          [
            service({
              code: 'letters',
              name: 'Letters of Comfort',
              modes: ['phone'],
              places: [{ name: 'PO Box 12', type: 'postal', ...NEWCASTLE_PLACES.quayside, postcode: 'NE1 3AA' }],
            }),
          ],
          { today: TODAY, strict: true },
        );
        expect(report.invalid).toEqual([]);
        const parsed = parseSearchParams(new URLSearchParams('near=Central+Station')).query;
        const [hit] = (await letters.search.search(parsed, { origin: station })).hits;
        expect(hit!.document.name).toBe('Letters of Comfort');
        expect([hit!.reach, hit!.distanceKm]).toEqual(['remote', null]);
        expect((await letters.search.search({ ...parsed, radius_km: null, transport: ['walk'] }, { origin: station })).total).toBe(0);
      } finally {
        await letters.cleanup();
      }
    });

    it('with words, keeps places by distance and puts the best match first within the area and phone groups', async () => {
      // Name order would put the Handyperson Scheme and the Advice Phone Line first in their groups;
      // "befriending" is in the names of the others, so they match better.
      expect(await names('q=befriending')).toEqual([
        'Quayside Walk',
        'Metrocentre Befriending Craft Group',
        'Newcastle Tea and Befriending Visitors',
        'Newcastle Handyperson Scheme',
        'Telephone Befriending Service',
        'Advice Phone Line',
      ]);
      const result = await find('q=befriending');
      for (const hit of result.hits) expect(hit.score, hit.document.name).not.toBeNull();
      // Best match first when asked, still with distances.
      const relevance = await find('q=befriending&sort=relevance');
      expect(
        relevance.hits
          .slice(0, 3)
          .map((hit) => hit.document.name)
          .sort(),
      ).toEqual(['Metrocentre Befriending Craft Group', 'Newcastle Tea and Befriending Visitors', 'Telephone Befriending Service']);
      expect(byName(relevance.hits).get('Quayside Walk')!.distanceKm).toBeCloseTo(km('quayside'), 1);
      expect(byName(relevance.hits).get('Quayside Walk')!.reach).toBe('place');
    });
  });
}
