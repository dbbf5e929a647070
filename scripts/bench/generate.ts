// Synthetic but varied Open Referral UK service records for the benchmark, from a seeded PRNG:
// the same seed and count always give the same directory.
import type { ServiceRecordInput } from '../../src/lib/openreferral-schema/schemas';
import { prng } from '../../src/lib/random';
import { ACCESSIBILITY_TAXONOMY, CATEGORY_TAXONOMY, getTaxonomy } from '../../src/lib/taxonomy/taxonomy';
import type { AccessibilityTerm, CategoryTerm } from '../../src/lib/taxonomy/schema';
import {
  CATEGORY_WORDS,
  FIRST_NAMES,
  FUNDERS,
  GENERIC_SENTENCES,
  ORG_DESCRIPTIONS,
  ORG_PATTERNS,
  PLACE_QUALIFIERS,
  PLACE_SUFFIXES,
  PLACES,
  STREETS,
  SUPPORT_SENTENCES,
  VENUES,
} from './words';

type Attribute = NonNullable<ServiceRecordInput['attributes']>[number];
type Location = NonNullable<ServiceRecordInput['service_at_locations']>[number]['location'];
type Organization = ServiceRecordInput['organization'];
type Schedule = NonNullable<ServiceRecordInput['schedules']>[number];
type CostOption = NonNullable<ServiceRecordInput['cost_options']>[number];

export interface GeneratedDirectory {
  records: ServiceRecordInput[];
  organizations: number;
  locations: number;
}

interface Venue {
  place: string;
  location: Location;
}

interface Org {
  place: string;
  short: string;
  venue: Venue;
  record: Organization;
}

/** Days are written relative to this date, which is also passed to the import as "today". */
export const BENCH_TODAY = '2025-06-02';
const TODAY_MS = Date.parse(`${BENCH_TODAY}T00:00:00Z`);

function dateFrom(days: number): string {
  return new Date(TODAY_MS + days * 86_400_000).toISOString().slice(0, 10);
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function generateDirectory(count: number, seed = 1): GeneratedDirectory {
  const random = prng(seed);
  const chance = (p: number) => random() < p;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const hex = (digits: number) => {
    let out = '';
    while (out.length < digits)
      out += Math.floor(random() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    return out.slice(0, digits);
  };
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  /** Picks up to `n` distinct items, each by weight. */
  const weighted = <T>(items: readonly T[], weights: readonly number[], n: number): T[] => {
    const total = weights.reduce((a, b) => a + b, 0);
    const out: T[] = [];
    for (let tries = 0; out.length < n && tries < n * 10; tries++) {
      let r = random() * total;
      let i = 0;
      while (r >= weights[i]! && i < items.length - 1) r -= weights[i++]!;
      if (!out.includes(items[i]!)) out.push(items[i]!);
    }
    return out;
  };

  const taxonomy = getTaxonomy();
  const leaves = taxonomy.categories.filter((term) => term.parent);
  const parents = taxonomy.categories.filter((term) => !term.parent);
  const leafWeights = leaves.map((term) => CATEGORY_WORDS[term.id]?.weight ?? 1);
  const access = taxonomy.accessibility;
  // How often a place has each accessibility feature.
  const accessOdds: Record<string, number> = {
    'step-free': 0.55,
    'accessible-toilet': 0.4,
    'changing-places': 0.03,
    'hearing-loop': 0.15,
    bsl: 0.04,
    'large-print': 0.1,
    'easy-read': 0.06,
    'quiet-space': 0.1,
    'dementia-friendly': 0.08,
    'autism-friendly': 0.06,
    lift: 0.15,
    seating: 0.35,
    'assistance-dogs': 0.2,
    interpreters: 0.05,
    'baby-change': 0.12,
    'accessible-parking': 0.2,
    'public-transport': 0.45,
    'home-visits': 0.03,
  };

  const placeName = () => `${pick(PLACE_QUALIFIERS)}${pick(PLACES)}${pick(PLACE_SUFFIXES)}`.trim();

  const termAttribute = (term: CategoryTerm | AccessibilityTerm, isCategory: boolean): Attribute => {
    // Most feeds name the term by id; some carry the whole term.
    if (!chance(0.25)) return { id: uuid(), taxonomy_term_id: term.uuid };
    const parent = isCategory && (term as CategoryTerm).parent ? taxonomy.categoryByCode.get((term as CategoryTerm).parent!)!.uuid : null;
    const tax = isCategory ? CATEGORY_TAXONOMY : ACCESSIBILITY_TAXONOMY;
    return {
      id: uuid(),
      taxonomy_term: {
        id: term.uuid,
        code: term.id,
        name: term.name,
        description: term.description,
        parent_id: parent,
        taxonomy: tax.code,
        taxonomy_id: tax.id,
        language: 'en',
      },
    };
  };

  // Places where services happen, shared between services (several groups meet in one hall).
  const venueCount = Math.max(1, Math.ceil(count / 3));
  const venues: Venue[] = [];
  for (let i = 0; i < venueCount; i++) {
    const place = placeName();
    const virtual = chance(0.06);
    const features = access.filter((term) => chance(accessOdds[term.id] ?? 0.05));
    const location: Location = virtual
      ? { id: uuid(), location_type: 'virtual', name: `${place} online sessions`, url: `https://meet.example.org/${slug(place)}-${i}` }
      : {
          id: uuid(),
          location_type: 'physical',
          name: `${place} ${pick(VENUES)}`,
          latitude: Math.round((50.5 + random() * 5) * 1e5) / 1e5,
          longitude: Math.round((-3 + random() * 2.5) * 1e5) / 1e5,
          transportation: chance(0.4) ? `Buses ${int(1, 99)} and ${int(100, 399)} stop outside.` : null,
          addresses: [
            {
              id: uuid(),
              address_1: `${int(1, 240)} ${pick(STREETS)}`,
              city: place,
              region: null,
              state_province: 'England',
              postal_code: `${pick(['NE', 'SR', 'DH', 'B', 'LS', 'M', 'L', 'BS'])}${int(1, 40)} ${int(1, 9)}${pick(['AB', 'DX', 'HT', 'QP', 'RW', 'NY'])}`,
              country: 'GB',
            },
          ],
          phones: chance(0.2) ? [{ id: uuid(), number: `0191 ${int(200, 999)} ${int(1000, 9999)}` }] : [],
          accessibility: features.length && chance(0.5) ? [{ id: uuid(), description: `${features.map((t) => t.name).join(', ')}.` }] : [],
          attributes: features.map((term) => termAttribute(term, false)),
        };
    venues.push({ place, location });
  }

  // Organisations: about one for every four services.
  const orgCount = Math.max(1, Math.round(count / 4));
  const orgs: Org[] = [];
  for (let i = 0; i < orgCount; i++) {
    const venue = pick(venues);
    const place = venue.place;
    const name = pick(ORG_PATTERNS).replace('{p}', place);
    const site = slug(name);
    orgs.push({
      place,
      short: name,
      venue,
      record: {
        id: uuid(),
        name,
        description: pick(ORG_DESCRIPTIONS).replace('{p}', place),
        website: chance(0.7) ? `https://www.${site}.org.uk` : null,
        email: chance(0.6) ? `info@${site}.org.uk` : null,
        organization_identifiers: chance(0.5)
          ? [{ id: uuid(), identifier_scheme: 'GB-CHC', identifier_type: 'Charity number', identifier: String(int(200000, 1199999)) }]
          : [],
      },
    });
  }

  const schedule = (): Schedule => {
    const slots: [string, string][] = [
      ['09:30', '11:30'],
      ['10:00', '12:00'],
      ['10:30', '12:30'],
      ['13:00', '15:00'],
      ['13:30', '15:30'],
      ['14:00', '16:00'],
      ['18:00', '20:00'],
      ['18:30', '21:00'],
      ['19:00', '21:00'],
      ['09:00', '17:00'],
      ['11:00', '14:00'],
      ['16:00', '18:00'],
    ];
    const [opens, closes] = pick(slots);
    const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
    const dayWeights = [1, 1.1, 1.1, 1, 0.9, 0.45, 0.25];
    const monthly = chance(0.2);
    let byday: string;
    if (monthly) byday = `${pick(['1', '2', '3', '4', '-1'])}${weighted(days, dayWeights, 1)[0]}`;
    else if (chance(0.1)) byday = 'MO,TU,WE,TH,FR';
    else byday = weighted(days, dayWeights, chance(0.75) ? 1 : 2).join(',');
    const out: Schedule = {
      id: uuid(),
      freq: monthly ? 'MONTHLY' : 'WEEKLY',
      interval: !monthly && chance(0.08) ? 2 : null,
      byday,
      opens_at: opens,
      closes_at: closes,
    };
    if (chance(0.03))
      out.valid_to = dateFrom(-int(1, 200)); // ended: no longer counts for day/time filters
    else if (chance(0.05)) out.valid_to = dateFrom(int(10, 300));
    if (chance(0.03)) out.valid_from = dateFrom(int(1, 60));
    if (chance(0.1)) out.description = 'Not on bank holidays';
    return out;
  };

  const costOptions = (): { options: CostOption[]; fees: string | null } => {
    const r = random();
    const money = () => pick([1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 10, 12, 15]);
    if (r < 0.38)
      return { options: [chance(0.7) ? { id: uuid(), option: 'Free', amount: 0, currency: 'GBP' } : { id: uuid(), option: 'Free of charge' }], fees: null };
    if (r < 0.5) {
      return {
        options: [
          {
            id: uuid(),
            option: pick(['Pay what you can', 'Pay as you feel', 'Donation']),
            amount_description: pick(['Suggested donation £2', 'Whatever you can afford', null]),
          },
        ],
        fees: null,
      };
    }
    if (r < 0.65) {
      const full = money();
      return {
        options: [
          { id: uuid(), option: 'Per session', amount: full, currency: 'GBP', amount_description: 'per session' },
          {
            id: uuid(),
            option: pick(['Concessions', 'Reduced rate for people on benefits', 'Students and over 60s']),
            amount: Math.max(0.5, full / 2),
            currency: 'GBP',
          },
        ],
        fees: null,
      };
    }
    if (r < 0.85) {
      return {
        options: [
          {
            id: uuid(),
            option: 'Per session',
            amount: money(),
            currency: 'GBP',
            amount_description: pick(['per session', 'per class', 'per term, paid monthly']),
          },
        ],
        fees: null,
      };
    }
    return { options: [], fees: chance(0.5) ? 'Please ask about costs' : null };
  };

  const ages: [number | null, number | null][] = [
    [18, null],
    [18, null],
    [50, null],
    [60, null],
    [65, null],
    [16, 25],
    [11, 18],
    [0, 5],
    [18, 65],
    [null, 25],
    [55, null],
    [5, 16],
  ];

  const records: ServiceRecordInput[] = [];
  for (let n = 0; n < count; n++) {
    const org = pick(orgs);
    const place = chance(0.75) ? org.place : placeName();

    // Categories: 1 to 3, sometimes a whole top-level area.
    const nCategories = chance(0.55) ? 1 : chance(0.65) ? 2 : 3;
    const categories: CategoryTerm[] = weighted(leaves, leafWeights, nCategories);
    if (chance(0.05)) categories.push(pick(parents));
    const main = categories[0]!;
    const words = CATEGORY_WORDS[main.id] ?? { activities: [main.name], sentences: [main.description] };
    const activity = pick(words.activities);

    const style = random();
    const name =
      style < 0.6
        ? `${place} ${activity}`
        : style < 0.72
          ? `${activity} (${place})`
          : style < 0.86
            ? `${org.short} ${activity}`
            : `${activity} at ${org.venue.location.name ?? place}`;

    // Places: none (phone or online only), one, or two.
    const nPlaces = chance(0.14) ? 0 : chance(0.8) ? 1 : 2;
    const placesUsed: Venue[] = [];
    for (let i = 0; i < nPlaces; i++) {
      const venue = i === 0 && chance(0.7) ? org.venue : pick(venues);
      if (!placesUsed.includes(venue)) placesUsed.push(venue);
    }
    const venueName = placesUsed[0]?.location.name ?? `${place} Community Centre`;

    const sentences: string[] = [];
    sentences.push(pick(words.sentences));
    if (chance(0.4) && words.sentences.length > 1) sentences.push(pick(words.sentences));
    if (categories[1]) {
      const second = CATEGORY_WORDS[categories[1].id];
      if (second) sentences.push(pick(second.sentences));
    }
    for (let i = int(1, 3); i > 0; i--)
      sentences.push(
        pick(GENERIC_SENTENCES)
          .replace('{p}', place)
          .replace('{v}', venueName.replace(`${place} `, '')),
      );
    const description = [...new Set(sentences)].join(' ');

    const nSchedules = chance(0.1) ? 0 : chance(0.75) ? 1 : 2;
    const schedules = Array.from({ length: nSchedules }, schedule);
    const cost = costOptions();

    const routes = (['self', 'drop_in', 'professional', 'gp'] as const).filter((_, i) => chance([0.7, 0.35, 0.3, 0.25][i]!));
    const statusRoll = random();
    const status = statusRoll < 0.96 ? 'active' : statusRoll < 0.98 ? 'temporarily closed' : statusRoll < 0.99 ? 'inactive' : 'defunct';
    const capRoll = random();
    const capacity = capRoll < 0.45 ? 'accepting' : capRoll < 0.57 ? 'waiting_list' : capRoll < 0.62 ? 'full' : capRoll < 0.65 ? 'paused' : null;
    const modes = chance(0.5) ? null : (['in_person', 'phone', 'online'] as const).filter((_, i) => chance([0.75, 0.3, 0.2][i]!));
    const [minimumAge, maximumAge] = chance(0.5) ? [null, null] : pick(ages);
    const site = slug(name);
    const nFunding = chance(0.4) ? 0 : chance(0.75) ? 1 : 2;
    const assured = chance(0.8) ? dateFrom(-int(0, 730)) : null;

    const record: ServiceRecordInput = {
      id: uuid(),
      name,
      description,
      url: chance(0.5) ? `https://${site}.org.uk` : null,
      email: chance(0.4) ? `hello@${site}.org.uk` : null,
      status,
      fees: cost.fees,
      eligibility_description: minimumAge !== null ? `People aged ${minimumAge}${maximumAge !== null ? ` to ${maximumAge}` : ' and over'}.` : null,
      minimum_age: minimumAge,
      maximum_age: maximumAge,
      assured_date: assured,
      assurer_email: assured ? 'directory@example.org.uk' : null,
      alert: chance(0.02) ? 'No sessions during August.' : null,
      last_modified: new Date(TODAY_MS - int(0, 900) * 86_400_000 - int(0, 86_399) * 1000).toISOString(),
      organization: org.record,
      service_at_locations: placesUsed.map((venue) => ({ id: uuid(), location: venue.location })),
      schedules,
      cost_options: cost.options,
      funding: Array.from({ length: nFunding }, () => {
        const start = -int(30, 1400);
        return { id: uuid(), source: pick(FUNDERS), start_date: dateFrom(start), end_date: chance(0.8) ? dateFrom(start + int(180, 1800)) : null };
      }),
      phones: chance(0.7) ? [{ id: uuid(), number: `0${int(1000, 1999)} ${int(100000, 999999)}`, type: 'voice' }] : [],
      contacts: chance(0.3)
        ? [
            {
              id: uuid(),
              name: pick(FIRST_NAMES),
              title: pick(['Coordinator', 'Group leader', 'Volunteer lead']),
              email: `${slug(pick(FIRST_NAMES))}@${site}.org.uk`,
            },
          ]
        : [],
      languages: chance(0.1) ? [{ id: uuid(), name: pick(['Polish', 'Urdu', 'Arabic', 'Bengali', 'Punjabi', 'Romanian']), code: null }] : [],
      service_areas: chance(0.3) ? [{ id: uuid(), name: place, extent_type: 'place' }] : [],
      attributes: categories.map((term) => termAttribute(term, true)),
      referral_routes: chance(0.8) ? (routes.length ? [...routes] : ['self']) : null,
      referral_instructions: chance(0.3) ? pick(['Just turn up.', 'Ring to book your first visit.', 'Ask your link worker to email us.']) : null,
      capacity_status: capacity,
      waiting_weeks: capacity === 'waiting_list' ? int(1, 12) : null,
      capacity_updated: capacity ? dateFrom(-int(0, 120)) : null,
      delivery_modes: modes && modes.length ? [...modes] : null,
      support_to_attend: chance(0.3) ? ['bring_someone'] : null,
      first_visit: chance(0.3) ? pick(SUPPORT_SENTENCES) : null,
      group_size: chance(0.5) ? pick(['one_to_one', 'small_group', 'large_group'] as const) : null,
    };
    records.push(record);
  }
  return { records, organizations: orgs.length, locations: venues.length };
}
