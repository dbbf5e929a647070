// The contract every SearchBackend must meet: ranking, lay words and every filter, on a small
// known directory. Each backend's test file runs this suite against a real instance.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importRecords } from '../../src/lib/openreferral/import';
import { parseSearchParams } from '../../src/lib/search/filters';
import type { SearchBackend } from '../../src/lib/search/search-backend';
import type { DirectoryDatabase } from '../../src/lib/db/database';
import { service, TODAY } from '../fixtures/services';

const free = [{ option: 'Free', amount: 0 }];

export const CONTRACT_SERVICES = [
  service({ code: 'walk', name: 'Heaton Walking Group', categories: ['walking-groups'], access: ['step-free'], routes: ['self', 'drop_in'],
    schedules: [{ byday: 'TU', opens_at: '10:00', closes_at: '12:00' }], costs: free, assured: '2026-11-01',
    description: 'A gentle hour-long stroll round Heaton Park, finishing with a cup of tea.' }),
  service({ code: 'pantry', name: 'Elswick Community Pantry', categories: ['community-pantries'], routes: ['self'],
    schedules: [{ byday: 'SA', opens_at: '10:00', closes_at: '12:00' }], costs: [{ option: 'Weekly shop', amount: 3.5, amount_description: 'per visit' }],
    description: 'Members pay a small amount each week for a bag of groceries.' }),
  service({ code: 'byker-food', name: 'Byker Foodbank', categories: ['food-banks'], routes: ['professional'],
    schedules: [{ byday: 'FR', opens_at: '13:00', closes_at: '15:00' }], costs: free, description: 'Emergency food parcels with a voucher.' }),
  service({ code: 'gateshead-food', name: 'Gateshead Food Bank', categories: ['food-banks'], routes: ['professional'],
    schedules: [{ byday: 'MO', opens_at: '10:00', closes_at: '12:00' }], costs: free, description: 'Three days of emergency food.' }),
  service({ code: 'friendship', name: 'Tuesday Friendship Club', categories: ['social-groups'], routes: ['drop_in'],
    schedules: [{ byday: 'TU', opens_at: '18:00', closes_at: '20:00' }], costs: [{ option: 'Pay what you can', amount_description: 'Suggested £1' }],
    description: 'Meet new people over tea, cake and a game of dominoes.' }),
  service({ code: 'phone-befriend', name: 'Telephone Befriending', categories: ['befriending'], locationType: null, modes: ['phone'],
    routes: ['professional', 'gp'], capacity: 'waiting_list', costs: free, description: 'A volunteer rings you for a chat once a week.' }),
  service({ code: 'debt-line', name: 'Debt Advice Line', categories: ['debt-advice'], locationType: null, modes: ['phone'], routes: ['self'],
    schedules: [{ byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' }], costs: free, minimumAge: 18, assured: '2026-06-01',
    description: 'Free, confidential help to deal with debts, bailiffs and bills.' }),
  service({ code: 'art60', name: 'Art Club for Over 60s', categories: ['arts-and-crafts'], access: ['step-free', 'hearing-loop'], routes: ['self'],
    schedules: [{ byday: 'WE', opens_at: '14:00', closes_at: '16:00' }], minimumAge: 60, capacity: 'full', assured: '2025-01-01',
    costs: [{ option: 'Standard', amount: 5, amount_description: 'per session' }, { option: 'Concessions', amount: 2.5 }],
    description: 'Painting and drawing for beginners.' }),
  service({ code: 'closed', name: 'Riverside Bereavement Cafe', categories: ['bereavement-support'], status: 'defunct', costs: free,
    schedules: [{ byday: 'TH', opens_at: '10:00', closes_at: '12:00' }], description: 'A place to talk after losing someone.' }),
  service({ code: 'mindful', name: 'Online Mindfulness Course', categories: ['wellbeing-courses'], locationType: 'virtual', capacity: 'paused',
    assured: null, costs: [{ option: 'Course fee', amount: 12 }], schedules: [{ byday: 'TH', opens_at: '19:00', closes_at: '20:30' }],
    description: 'Six online sessions to help with stress and low mood.' }),
  service({ code: 'creme', name: 'Café Crème Social', categories: ['social-groups'], routes: ['drop_in'], costs: [{ option: 'Entry', amount: 12 }],
    schedules: [{ byday: 'SU', opens_at: '11:00', closes_at: '13:00' }], description: 'Sunday brunch and conversation.' }),
  service({ code: 'coffee', name: 'Sunday Coffee Morning', categories: ['social-groups'], routes: ['drop_in'], costs: free,
    schedules: [{ byday: 'SU', opens_at: '10:00', closes_at: '11:30' }], description: 'Coffee in the church hall, a short walking distance from the Metro.' }),
];

type Fixture = { directory: DirectoryDatabase; search: SearchBackend; cleanup(): Promise<void> };

export function describeSearchBackendContract(name: string, open: () => Promise<Fixture>): void {
  describe(`search backend contract: ${name}`, () => {
    let fixture: Fixture;
    beforeAll(async () => {
      fixture = await open();
      const report = await importRecords(fixture.directory, fixture.search, CONTRACT_SERVICES, { today: TODAY, strict: true });
      expect(report.invalid).toEqual([]);
    });
    afterAll(async () => { await fixture.cleanup(); });

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
          for (const q of ['"', '*', 'NEAR(a b)', 'AND OR NOT', '🙂', "'", '-', '^x', 'a"b*c', 'x'.repeat(10_000), '\u0000', '(((', 'col:name',
            '{name}: x', 'terms : catfoodbanks', '"walk"*', 'x AND', ':', 'OR', 'NOT walking', '""""', 'name:walking']) {
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
      it('combines text and filters', async () => {
        expect(await names('q=food&cost=free&referral=professional&day=fri')).toEqual(['Byker Foodbank']);
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
        expect(everything.at(-1)).toBe('Online Mindfulness Course'); // never checked comes last
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
    });
  });
}
