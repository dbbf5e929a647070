// Generates the fictional Newcastle and Gateshead sample directory, content/sample/directory.json.
//
// Run `npx tsx scripts/sample/generate-sample.ts` to rewrite the file, or add `--check` to fail
// if the committed file is not what the generator makes (nothing is written then).
// Everything here is made up: organisations, services, venues, staff names. Phone numbers are
// Ofcom drama numbers (0191 498 0xxx, 07700 900xxx) and web and email addresses use the
// reserved example.org, example.com and example.net domains. Place names, postcode districts
// and rough coordinates are real so that maps and distance search behave realistically, and each
// place's postcode is the real postcode nearest its made-up position (from content/postcodes).
// The output is the same on every run: choices come from a seeded generator keyed by each
// record's own code, and every id is uuidFor(kind, code).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uuidFor } from '../../src/lib/ids';
import { serviceSchema } from '../../src/lib/openreferral-schema/schemas';
import { KINDS, type CostStyle, type Kind, type Route, type SchedStyle, type Variant } from './kinds';
import { ORGANISATIONS, type OrgSpec, type ServiceSpec } from './organisations';
import {
  ACCESSIBILITY_NOTES,
  AREA_BY_KEY,
  CAFE_FORMS,
  CHURCH_FORMS,
  CITY,
  COMMUNITY_FORMS,
  COUNCIL_TEXT,
  FEATURE_ODDS,
  NEARBY_STATIONS,
  OFFICE_FORMS,
  SAINTS,
  STATION_LINES,
  STOP_LANDMARKS,
  VENUE_LIMIT,
  type Area,
  type VenueType,
} from './places';
import { addDays } from '../../src/lib/dates';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUTPUT = resolve(ROOT, 'content/sample/directory.json');
const ANCHOR_DATE = '2026-11-21';

// ---- Seeded randomness ------------------------------------------------------------------

function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

class Rng {
  private state: number;
  constructor(seed: string) {
    this.state = hash32(`sample-directory-v1:${seed}`) || 1;
  }
  /** A number in [0, 1) (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    if (!items.length) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }
  /** Up to n different items, kept in their original order. */
  some<T>(items: readonly T[], n: number): T[] {
    const chosen = new Set(this.shuffle(items.map((_, i) => i)).slice(0, n));
    return items.filter((_, i) => chosen.has(i));
  }
}

// ---- Small helpers ------------------------------------------------------------------------

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' and ')
    .replace(/\+/g, ' plus ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const DAY_MS = 86_400_000;
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR'] as const;
const ALL_DAYS = 'MO,TU,WE,TH,FR,SA,SU';
const ICAL = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
/** The first date on or after `iso` that falls on the given iCal day. */
function onOrAfter(iso: string, day: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  const want = ICAL.indexOf(day);
  const shift = (want - date.getUTCDay() + 7) % 7;
  return addDays(iso, shift);
}
function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function hhmm(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`No value for ${match} in "${template}"`);
    return value;
  });
}
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

type Json = Record<string, unknown>;

// ---- Taxonomies ---------------------------------------------------------------------------

interface TermFile {
  id: string;
  uuid: string;
  name: string;
  description: string;
  parent?: string | null;
  urgent?: boolean;
}

function readTerms(file: string): TermFile[] {
  const terms = JSON.parse(readFileSync(resolve(ROOT, file), 'utf8')) as TermFile[];
  if (!Array.isArray(terms) || !terms.length) throw new Error(`${file} has no terms`);
  return terms;
}

const CATEGORY_TERMS = readTerms('content/taxonomy/categories.json');
const ACCESS_TERMS = readTerms('content/taxonomy/accessibility.json');
const CATEGORY_BY_CODE = new Map(CATEGORY_TERMS.map((term) => [term.id, term]));
const ACCESS_BY_CODE = new Map(ACCESS_TERMS.map((term) => [term.id, term]));
const CATEGORIES_TAXONOMY_ID = uuidFor('taxonomy', 'categories');
const ACCESS_TAXONOMY_ID = uuidFor('taxonomy', 'accessibility');

function taxonomyTerm(term: TermFile, taxonomy: 'categories' | 'accessibility', byCode: Map<string, TermFile>): Json {
  const parent = term.parent ? byCode.get(term.parent) : undefined;
  if (term.parent && !parent) throw new Error(`Term ${term.id} has unknown parent ${term.parent}`);
  return {
    id: term.uuid,
    code: term.id,
    name: term.name,
    description: term.description,
    ...(parent ? { parent_id: parent.uuid } : {}),
    taxonomy,
    taxonomy_id: taxonomy === 'categories' ? CATEGORIES_TAXONOMY_ID : ACCESS_TAXONOMY_ID,
  };
}

// ---- Phone numbers ------------------------------------------------------------------------

const usedLandlines = new Set<number>();
const usedMobiles = new Set<number>();
function numberFrom(key: string, used: Set<number>): number {
  let n = hash32(key) % 1000;
  for (let tries = 0; used.has(n); tries++) {
    if (tries >= 1000) throw new Error('Ran out of drama phone numbers');
    n = (n + 1) % 1000;
  }
  used.add(n);
  return n;
}
/** An Ofcom drama landline number for Newcastle: 0191 498 0000 to 0191 498 0999. */
function landline(key: string): string {
  return `0191 498 0${String(numberFrom(key, usedLandlines)).padStart(3, '0')}`;
}
/** An Ofcom drama mobile number: 07700 900000 to 07700 900999. */
function mobile(key: string): string {
  return `07700 900${String(numberFrom(key, usedMobiles)).padStart(3, '0')}`;
}

// ---- Organisations ------------------------------------------------------------------------

interface Org {
  spec: OrgSpec;
  slug: string;
  id: string;
  area: Area;
  domain: string;
  cityWide: boolean;
  json: Json;
}

const ORG_ABOUT: Record<OrgSpec['type'], string[]> = {
  community: [
    '{O} is a volunteer-run community association based in {A}. It looks after a community building and runs activities for local people of all ages.',
    'A residents-led charity in {A} running groups, clubs and a community café from its building.',
    'Run by local people for local people, {O} has been bringing neighbours in {A} together for over thirty years.',
  ],
  church: [
    '{O} is a church community in {A} that opens its hall to everyone, whatever their faith or none.',
    'A local church running community projects in {A} alongside its Sunday services. All are welcome, and nobody will preach at you.',
  ],
  charity: [
    '{O} is a registered charity working across {C} and beyond.',
    'An independent local charity helping people in Newcastle and Gateshead with {focus}.',
    'A small charity with a big team of volunteers, focused on {focus} in {C}.',
  ],
  cic: [
    '{O} is a community interest company: any profit goes back into its work in {C}.',
    'A not-for-profit social enterprise offering {focus} in {A} and nearby.',
  ],
  group: ['{O} is a small, friendly group run entirely by volunteers.', 'A volunteer-led group based in {A}, open to anyone who wants to join in.'],
  health: [
    '{O} is a health service working with GP practices and community groups across {C}.',
    'Part of the local health and care system, {O} offers {focus} close to where people live.',
  ],
};

function buildOrg(spec: OrgSpec): Org {
  const slug = slugify(spec.name);
  const area = AREA_BY_KEY.get(spec.area);
  if (!area) throw new Error(`Organisation ${spec.name} has unknown area ${spec.area}`);
  const rng = new Rng(`org:${slug}`);
  const tld = spec.type === 'cic' ? 'example.com' : spec.type === 'group' ? 'example.net' : 'example.org';
  const domain = `${slug}.${tld}`;
  const firstKind = KINDS[parseSpec(typeof spec.services[0] === 'string' ? spec.services[0] : spec.services[0]!.s).kind];
  const focus = firstKind ? lowerFirst(CATEGORY_BY_CODE.get(firstKind.cats[0]!)!.name) : 'community support';
  const description = spec.about ?? fill(rng.pick(ORG_ABOUT[spec.type]), { O: spec.name, A: area.text, C: COUNCIL_TEXT[area.council], focus });
  const json: Json = {
    id: uuidFor('organization', slug),
    name: spec.name,
    ...(spec.alternate ? { alternate_name: spec.alternate } : {}),
    description,
    ...(rng.chance(0.85) ? { email: `${rng.pick(['hello', 'info', 'contact', 'office'])}@${domain}` } : {}),
    ...(rng.chance(0.92) ? { website: `https://${domain}` } : {}),
  };
  return { spec, slug, id: json.id as string, area, domain, cityWide: spec.area === 'city', json };
}

// ---- Venues -------------------------------------------------------------------------------

interface Venue {
  key: string;
  area: Area;
  type: VenueType;
  name: string;
  /** The street of its address. */
  street: string;
  /** What its free-text transportation says, so the structured transport agrees with it. */
  travel: TravelText | null;
  location: Json;
  features: string[];
  used: boolean;
}

const venuesByArea = new Map<string, Venue[]>();
const officeByOrg = new Map<string, Venue>();

/** The real postcodes of each district, from the postcodes the project ships. */
const REAL_POSTCODES = (() => {
  const rows = parse(gunzipSync(readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../content/postcodes/north-east.csv.gz'))), {
    columns: true,
  }) as Record<string, string>[];
  const byDistrict = new Map<string, { postcode: string; latitude: number; longitude: number }[]>();
  for (const row of rows) {
    const district = row.postcode!.split(' ')[0]!;
    const list = byDistrict.get(district) ?? [];
    list.push({ postcode: row.postcode!, latitude: Number(row.lat), longitude: Number(row.long) });
    byDistrict.set(district, list);
  }
  return byDistrict;
})();

/** The real postcode in the area's district nearest the place's position. */
function postcode(area: Area, rng: Rng, at: { latitude: number; longitude: number }): string {
  // The same draws as when postcodes were made up, so every other choice stays as it was.
  const letters = 'ABDEFGHJLNPQRSTUWXY';
  rng.pick(area.sectors);
  rng.pick([...letters]);
  rng.pick([...letters]);
  const candidates = REAL_POSTCODES.get(area.district);
  if (!candidates?.length) throw new Error(`No real postcodes in ${area.district} in content/postcodes/north-east.csv.gz.`);
  const squared = (p: { latitude: number; longitude: number }) =>
    (p.latitude - at.latitude) ** 2 + ((p.longitude - at.longitude) * Math.cos((at.latitude * Math.PI) / 180)) ** 2;
  return candidates.reduce((best, each) => (squared(each) < squared(best) ? each : best)).postcode;
}

function jitter(area: Area, rng: Rng): { latitude: number; longitude: number } {
  // Up to about 650 m from the neighbourhood centre in any direction.
  const distanceKm = 0.65 * Math.sqrt(rng.next());
  const angle = rng.next() * 2 * Math.PI;
  const latitude = area.lat + (distanceKm * Math.cos(angle)) / 111.2;
  const longitude = area.lon + (distanceKm * Math.sin(angle)) / (111.2 * Math.cos((area.lat * Math.PI) / 180));
  return { latitude: Number(latitude.toFixed(5)), longitude: Number(longitude.toFixed(5)) };
}

/** A venue's free-text transportation and the facts in it. */
interface TravelText {
  text: string;
  buses: string[];
  /** Where those buses stop: outside, on the venue's street a short walk away, or nearby. */
  busStop: 'outside' | 'street' | 'nearby';
  metroMinutes: number | null;
  parking: string | null;
}

// The draws here are the ones the free text always used, in the same order, so the text is unchanged.
function transportText(area: Area, type: VenueType, street: string, rng: Rng): TravelText | null {
  if (rng.chance(0.2)) return null;
  const buses = rng.some(area.buses, rng.int(1, 3));
  const busList = buses.length === 1 ? `Bus ${buses[0]}` : `Buses ${buses.slice(0, -1).join(', ')} and ${buses[buses.length - 1]}`;
  const parts: string[] = [];
  const [busStop, busSentence] = rng.pick([
    ['outside', `${busList} ${buses.length === 1 ? 'stops' : 'stop'} outside.`],
    ['street', `${busList} ${buses.length === 1 ? 'stops' : 'stop'} on ${street}, a short walk away.`],
    ['nearby', `${busList} ${buses.length === 1 ? 'stops' : 'stop'} nearby.`],
  ] as const);
  parts.push(busSentence);
  const metroMinutes = area.metro && rng.chance(0.6) ? rng.int(3, 12) : null;
  if (metroMinutes !== null) parts.push(`${area.metro} Metro station is a ${metroMinutes}-minute walk.`);
  let parking: string | null = null;
  if (type === 'park' || type === 'garden') {
    parking = rng.pick(['Free parking at the entrance.', 'Small car park by the gate.', 'On-street parking nearby.']);
  } else if (type === 'leisure' || rng.chance(0.3)) {
    parking = rng.pick([
      'Free parking on site.',
      'On-street parking nearby.',
      'Free car park next to the building.',
      'Limited parking; please car share if you can.',
    ]);
  }
  if (parking) parts.push(parking);
  return { text: parts.join(' '), buses, busStop, metroMinutes, parking };
}

function venueName(area: Area, type: VenueType, street: string, index: number, rng: Rng, taken: Set<string>): string {
  const forms: Record<VenueType, () => string> = {
    community: () => fill(rng.pick(COMMUNITY_FORMS), { A: area.label, St: street.replace(/ (Road|Street|Lane|Avenue|Terrace|Drive)$/, '') }),
    library: () => (area.key === 'city' ? 'City Library' : `${area.label} Library`),
    church: () => fill(rng.pick(CHURCH_FORMS), { A: area.label, S: rng.pick(SAINTS) }),
    leisure: () => `${area.label} Leisure Centre`,
    health: () => `${area.label} Health Centre`,
    park: () => area.park,
    garden: () => rng.pick([`${area.label} Community Garden`, `${street} Allotments`, `${area.label} Walled Garden`]),
    office: () => rng.pick(OFFICE_FORMS),
    cafe: () => rng.pick(CAFE_FORMS),
    youth: () => `${area.label} Youth Centre`,
    workshop: () => `${street.replace(/ (Road|Street|Lane|Avenue|Terrace|Drive)$/, '')} Workshops`,
  };
  for (let tries = 0; tries < 30; tries++) {
    const name = forms[type]();
    if (!taken.has(name)) return name;
  }
  return `${forms[type]()} ${index + 2}`;
}

function makeVenue(area: Area, type: VenueType, index: number): Venue {
  const existing = venuesByArea.get(area.key) ?? [];
  const rng = new Rng(`venue:${area.key}:${type}:${index}`);
  const street = rng.pick(area.streets);
  const name = venueName(area, type, street, index, rng, new Set(existing.map((venue) => venue.name)));
  const key = slugify(`${area.key} ${name}`);
  const coords = jitter(area, rng);
  const number = type === 'park' ? null : rng.chance(0.45) ? rng.int(2, 240) : null;
  const address1 =
    type === 'park'
      ? `${name} (${rng.pick(['main gates', 'entrance by the café', 'car park entrance'])}), ${street}`
      : type === 'office'
        ? `${rng.pick(['Ground floor', 'First floor', 'Unit 2', 'Suite 4'])}, ${name}, ${number ?? rng.int(2, 90)} ${street}`
        : `${name}, ${number ? `${number} ` : ''}${street}`;

  const features: string[] = [];
  if (!rng.chance(0.08)) {
    for (const [code, odds] of FEATURE_ODDS[type]) if (rng.chance(odds)) features.push(code);
  }
  const chosen = rng.shuffle(features).slice(0, 6);
  const notes = rng.chance(0.28) ? rng.some(ACCESSIBILITY_NOTES, rng.int(1, 2)) : [];
  const travel = transportText(area, type, street, rng);
  const description =
    type === 'park'
      ? rng.pick([`Meet at the ${address1.split('(')[1]!.split(')')[0]}.`, 'Meeting point for walks and outdoor sessions.'])
      : rng.chance(0.3)
        ? rng.pick([
            'The hall is round the back of the building, through the car park.',
            'Come in by the main door and follow the signs.',
            'A friendly building with a café, meeting rooms and a garden.',
            'The entrance is on the side street, next to the noticeboard.',
          ])
        : null;

  const location: Json = {
    id: uuidFor('location', key),
    location_type: 'physical',
    name,
    ...(description ? { description } : {}),
    ...(travel ? { transportation: travel.text } : {}),
    latitude: coords.latitude,
    longitude: coords.longitude,
    addresses: [
      {
        id: uuidFor('address', key),
        address_1: address1,
        city: CITY[area.council],
        state_province: 'Tyne and Wear',
        postal_code: postcode(area, rng, coords),
        country: 'GB',
        address_type: 'physical',
      },
    ],
    phones:
      (type === 'library' || type === 'community' || type === 'leisure') && rng.chance(0.35)
        ? [{ id: uuidFor('phone', `location:${key}`), number: landline(`location:${key}`), type: 'voice', description: 'Reception' }]
        : [],
    accessibility: notes.map((note, i) => ({ id: uuidFor('accessibility', `${key}:${i}`), ...note })),
    attributes: [],
  };
  const venue: Venue = { key, area, type, name, street, travel, location, features: chosen, used: false };
  existing.push(venue);
  venuesByArea.set(area.key, existing);
  return venue;
}

function venueFor(area: Area, type: VenueType, org: Org, rng: Rng): Venue {
  if (type === 'office') {
    const mine = officeByOrg.get(`${org.slug}:${area.key}`);
    if (mine) return mine;
    const offices = (venuesByArea.get(area.key) ?? []).filter((venue) => venue.type === 'office');
    const venue = offices.length >= 4 && rng.chance(0.6) ? rng.pick(offices) : makeVenue(area, 'office', offices.length);
    officeByOrg.set(`${org.slug}:${area.key}`, venue);
    return venue;
  }
  const same = (venuesByArea.get(area.key) ?? []).filter((venue) => venue.type === type);
  if (same.length && (same.length >= VENUE_LIMIT[type] || rng.chance(0.6))) return rng.pick(same);
  return makeVenue(area, type, same.length);
}

function locationJson(venue: Venue): Json {
  const transport = transportFor(venue);
  return {
    ...venue.location,
    attributes: venue.features.map((code) => ({
      id: uuidFor('attribute', `${venue.key}:accessibility:${code}`),
      link_type: 'accessibility',
      taxonomy_term: taxonomyTerm(ACCESS_BY_CODE.get(code)!, 'accessibility', ACCESS_BY_CODE),
    })),
    ...(transport ? { transport } : {}),
  };
}

// ---- Getting there (the transport extension) ----------------------------------------------
// Made from each venue's own seeded stream, after its accessibility features are final, so adding
// it changed none of the other choices; it agrees with the venue's free-text transportation.

const WALK_METRES_PER_MINUTE = 80;
/** What each parking phrase of the free text means as structured parking. */
const PARKING_FROM_TEXT: Record<string, Json> = {
  'Free parking at the entrance.': { available: true, free: true },
  'Small car park by the gate.': { available: true, notes: 'A small car park by the gate.' },
  'On-street parking nearby.': { available: false, notes: 'On-street parking nearby.' },
  'Free parking on site.': { available: true, free: true },
  'Free car park next to the building.': { available: true, free: true, notes: 'Next to the building.' },
  'Limited parking; please car share if you can.': { available: true, notes: 'Only a few spaces; please car share if you can.' },
};
const PARKING_ODDS: Record<VenueType, number> = {
  community: 0.2,
  library: 0.15,
  church: 0.25,
  leisure: 1,
  health: 0.45,
  park: 0.5,
  garden: 0.4,
  office: 0.1,
  cafe: 0.05,
  youth: 0.2,
  workshop: 0.4,
};
const CYCLE_ODDS: Record<VenueType, number> = {
  community: 0.3,
  library: 0.6,
  church: 0.1,
  leisure: 0.7,
  health: 0.5,
  park: 0.5,
  garden: 0.3,
  office: 0.25,
  cafe: 0.2,
  youth: 0.4,
  workshop: 0.2,
};
const NAMED_STOP_TYPES = new Set<VenueType>(['community', 'library', 'church', 'leisure', 'health', 'park', 'youth']);

/** A fictional but likely stop name: the venue's street, a corner, the venue itself or a landmark nearby. */
function stopName(venue: Venue, where: 'outside' | 'street' | 'nearby' | 'further', rng: Rng): string {
  const others = venue.area.streets.filter((street) => street !== venue.street);
  const corner = (street: string) => `${street} / ${rng.pick(others.filter((other) => other !== street))}`;
  const forms: (() => string)[] =
    where === 'outside'
      ? [() => venue.street, () => corner(venue.street), ...(NAMED_STOP_TYPES.has(venue.type) ? [() => venue.name] : [])]
      : where === 'street'
        ? [() => venue.street, () => corner(venue.street)]
        : [() => rng.pick(others), () => corner(rng.pick(others)), () => `${venue.area.label} ${rng.pick(STOP_LANDMARKS)}`];
  return rng.pick(forms)();
}

function stepFree(venue: Venue, rng: Rng): Json {
  // A few stops say nothing about the route; most routes from a stop are step-free.
  if (rng.chance(0.1)) return {};
  return { step_free_route: rng.chance(venue.type === 'park' || venue.type === 'garden' ? 0.6 : 0.85) };
}

function busStop(venue: Venue, name: string, routes: string[], metres: number, rng: Rng): Json {
  const distance = Math.max(50, Math.round(metres / 10) * 10);
  return {
    name,
    mode: 'bus',
    routes,
    distance_m: distance,
    walk_minutes: Math.max(1, Math.round(distance / WALK_METRES_PER_MINUTE)),
    ...stepFree(venue, rng),
  };
}

function station(venue: Venue, name: string, mode: 'metro' | 'train', minutes: number, rng: Rng): Json {
  const lines = STATION_LINES[name];
  if (!lines) throw new Error(`No lines for station ${name}`);
  // Distances from the walking time the free text gives (a slower pace: stations have stairs and lifts).
  const distance = Math.min(900, Math.max(50, Math.round((minutes * 75) / 10) * 10));
  return { name, mode, routes: lines, distance_m: distance, walk_minutes: minutes, ...stepFree(venue, rng) };
}

function parkingFor(venue: Venue, rng: Rng): Json | null {
  const { travel, type, area } = venue;
  const badgeNote = (venue.location.accessibility as Json[]).some((note) => note.description === 'Parking');
  const badge = badgeNote || venue.features.includes('accessible-parking');
  let parking: Json | null = null;
  if (travel?.parking) {
    const facts = PARKING_FROM_TEXT[travel.parking];
    if (!facts) throw new Error(`No parking facts for "${travel.parking}"`);
    parking = { ...facts };
  } else if (badgeNote) {
    parking = { available: false, notes: 'Other parking is on the street.' };
  } else if (badge || rng.chance(PARKING_ODDS[type])) {
    parking = { available: true, ...(rng.chance(0.6) ? { free: true } : rng.chance(0.3) ? { free: false } : {}) };
  } else if (area.key === 'city' && rng.chance(0.5)) {
    parking = { available: false, notes: 'Use one of the city centre car parks.' };
  }
  if (parking && badge) parking.blue_badge = true;
  else if (parking?.available && rng.chance(0.15)) parking.blue_badge = false;
  return parking;
}

/** The venue's stops (one to three), parking and cycle parking; null for the few that give none. */
function transportFor(venue: Venue): Json | null {
  const rng = new Rng(`place-transport:${venue.key}`);
  const { area, travel } = venue;
  const nearTransport = venue.features.includes('public-transport');
  if (!travel && !nearTransport && rng.chance(0.4)) return null;

  const stops: Json[] = [];
  const buses = travel?.buses ?? rng.some(area.buses, rng.int(1, 2));
  const where = travel?.busStop ?? 'nearby';
  const [near, far] = where === 'outside' ? [50, 120] : where === 'street' ? [150, 450] : [80, 500];
  stops.push(busStop(venue, stopName(venue, where, rng), buses, rng.int(near, nearTransport ? Math.min(far, 380) : far), rng));

  if (travel?.metroMinutes != null) {
    stops.push(station(venue, area.metro!, 'metro', travel.metroMinutes, rng));
  } else {
    const stations = [...(area.metro ? [{ name: area.metro, mode: 'metro' as const }] : []), ...(NEARBY_STATIONS[area.key] ?? [])];
    if (stations.length && rng.chance(0.35)) {
      const chosen = rng.pick(stations);
      stops.push(station(venue, chosen.name, chosen.mode, rng.int(4, 12), rng));
    }
  }
  const otherBuses = area.buses.filter((bus) => !buses.includes(bus));
  if (otherBuses.length && rng.chance(0.35)) {
    const name = stopName(venue, 'further', rng);
    const distinct = stops.some((stop) => stop.name === name) ? `${area.label} ${rng.pick(STOP_LANDMARKS)}` : name;
    stops.push(busStop(venue, distinct, rng.some(otherBuses, rng.int(1, 2)), rng.int(250, 900), rng));
  }

  const parking = parkingFor(venue, rng);
  const cycle = rng.chance(CYCLE_ODDS[venue.type]) ? true : rng.chance(0.05) ? false : null;
  return { stops, ...(parking ? { parking } : {}), ...(cycle !== null ? { cycle_parking: cycle } : {}) };
}

// ---- Service plans ------------------------------------------------------------------------

type Mode = 'in_person' | 'phone' | 'online' | 'mixed' | 'outreach';

interface ParsedSpec {
  kind: string;
  variant?: string;
  areas: string[];
  mode?: Mode;
  name?: string;
}

function parseSpec(text: string): ParsedSpec {
  const match = /^(\w+)(?:#(\w+))?(?:@([\w+]+))?(?:!(\w+))?(?:=(.+))?$/.exec(text);
  if (!match) throw new Error(`Cannot read service spec "${text}"`);
  const mode = match[4] as Mode | undefined;
  if (mode && !['phone', 'online', 'mixed'].includes(mode)) throw new Error(`Unknown mode in "${text}"`);
  return { kind: match[1]!, variant: match[2], areas: match[3] ? match[3].split('+') : [], mode, name: match[5] };
}

interface Plan {
  index: number;
  org: Org;
  spec: ServiceSpec;
  kindKey: string;
  kind: Kind;
  variant: Variant;
  areas: Area[];
  mode: Mode;
  name: string;
  slug: string;
  rng: Rng;
  venues: Venue[];
  hybrid: boolean;
  schedStyle: SchedStyle;
  costStyle: CostStyle;
  routes: Route[];
  // Allocated across the whole directory.
  status: 'active' | 'inactive' | 'defunct' | 'temporarily closed';
  capacity: 'accepting' | 'waiting_list' | 'full' | 'paused' | null;
  funding: 'past' | 'soon' | 'later' | 'open';
  assured: 'recent' | 'older' | 'never';
  scheduleChange: 'ended' | 'future' | null;
  activeAlert: boolean;
  closedAlert: string | null;
}

const usedNames = new Set<string>();

function chooseName(parsed: ParsedSpec, variant: Variant, org: Org, area: Area, rng: Rng): string {
  const values = { A: area.label, O: org.spec.name, C: COUNCIL_TEXT[area.council], park: area.park };
  const candidates = parsed.name ? [parsed.name] : rng.shuffle(variant.names).map((template) => fill(template, values));
  for (const name of candidates) {
    if (!usedNames.has(name.toLowerCase())) {
      usedNames.add(name.toLowerCase());
      return name;
    }
  }
  if (parsed.name) throw new Error(`Service name "${parsed.name}" is used twice`);
  const fallback = `${candidates[0]} (${org.spec.name})`;
  if (usedNames.has(fallback.toLowerCase())) throw new Error(`Could not find a free name for ${org.spec.name}: ${candidates.join(', ')}`);
  usedNames.add(fallback.toLowerCase());
  return fallback;
}

function buildPlans(orgs: Org[]): Plan[] {
  const plans: Plan[] = [];
  for (const org of orgs) {
    for (const entry of org.spec.services) {
      const spec: ServiceSpec = typeof entry === 'string' ? { s: entry } : entry;
      const parsed = parseSpec(spec.s);
      const kind = KINDS[parsed.kind];
      if (!kind) throw new Error(`Unknown kind "${parsed.kind}" in ${org.spec.name}`);
      const areas = (parsed.areas.length ? parsed.areas : [org.spec.area]).map((key) => {
        const area = AREA_BY_KEY.get(key);
        if (!area) throw new Error(`Unknown area "${key}" in ${spec.s}`);
        return area;
      });
      const rng = new Rng(`service:${org.slug}:${spec.s}`);
      const variant = parsed.variant
        ? (kind.variants.find((v) => v.key === parsed.variant) ??
          (() => {
            throw new Error(`Unknown variant in ${spec.s}`);
          })())
        : parsed.name || kind.variants.length === 1 || rng.chance(0.5)
          ? kind.variants[0]!
          : rng.pick(kind.variants.filter((v) => !v.explicit));
      const name = chooseName(parsed, variant, org, areas[0]!, rng);
      const slug = slugify(name);
      const mode: Mode = parsed.mode ?? kind.delivery;
      const venues: Venue[] = [];
      if (mode === 'in_person' || mode === 'mixed') {
        for (const area of areas) venues.push(venueFor(area, rng.pick(kind.venues), org, rng));
      }
      const hybrid = mode === 'in_person' && HYBRID_KINDS.has(parsed.kind) && rng.chance(0.3);
      let schedStyle: SchedStyle = spec.sched ?? impliedStyle(name) ?? rng.pick(kind.sched);
      if (mode === 'phone' && !['24h', 'office', 'evening'].includes(schedStyle)) schedStyle = 'office';
      if (mode === 'online' && (schedStyle === 'lunch' || schedStyle === 'twodays')) schedStyle = 'evening';
      const costStyle: CostStyle = rng.pick(kind.cost);
      const remote = mode === 'phone' || mode === 'online';
      const course = schedStyle === 'course' || costStyle === 'course';
      let routes = [...rng.pick(kind.routes)];
      if (remote || course) routes = routes.filter((route) => route !== 'drop_in');
      if (!routes.length) routes = ['self'];
      plans.push({
        index: plans.length,
        org,
        spec,
        kindKey: parsed.kind,
        kind,
        variant,
        areas,
        mode,
        name,
        slug,
        rng,
        venues,
        hybrid,
        schedStyle,
        costStyle,
        routes,
        status: 'active',
        capacity: 'accepting',
        funding: 'later',
        assured: 'recent',
        scheduleChange: null,
        activeAlert: false,
        closedAlert: null,
      });
    }
  }
  const slugs = new Set<string>();
  for (const plan of plans) {
    if (slugs.has(plan.slug)) throw new Error(`Two services have the slug ${plan.slug}`);
    slugs.add(plan.slug);
  }
  return plans;
}

/** Some names fix the time of day: a coffee morning is not held in the evening. */
function impliedStyle(name: string): SchedStyle | null {
  if (/Coffee Morning|Breakfast/i.test(name)) return 'morning';
  if (/Afternoon|Tea Dance/i.test(name)) return 'afternoon';
  if (/Lunch|Soup and Sandwich/i.test(name)) return 'lunch';
  if (/Evening|Night(?! and Day)/i.test(name) && !/Shelter/i.test(name)) return 'evening';
  if (/Saturday/i.test(name)) return 'saturday';
  return null;
}

/** Services in a stable pseudo-random order for handing out statuses and spreads. */
function ranked(plans: Plan[], purpose: string, filter: (plan: Plan) => boolean = () => true): Plan[] {
  return plans.filter(filter).sort((a, b) => hash32(`${purpose}:${a.slug}`) - hash32(`${purpose}:${b.slug}`));
}

function isUrgent(plan: Plan): boolean {
  return Boolean(plan.kind.urgent);
}

function allocate(plans: Plan[]): void {
  const n = plans.length;
  const eligible = (plan: Plan) => !isUrgent(plan) && plan.mode !== 'phone';
  // Statuses: exactly 5 defunct, 5 temporarily closed, 3 inactive.
  const statusOrder = ranked(plans, 'status', eligible);
  statusOrder.slice(0, 5).forEach((plan) => {
    plan.status = 'defunct';
  });
  statusOrder.slice(5, 10).forEach((plan, i) => {
    plan.status = 'temporarily closed';
    plan.closedAlert = TEMP_CLOSED_ALERTS[i % TEMP_CLOSED_ALERTS.length]!;
  });
  statusOrder.slice(10, 13).forEach((plan) => {
    plan.status = 'inactive';
  });

  // Capacity: ~15% waiting list, ~5% full, ~3% paused, ~9% not stated, the rest accepting.
  const open = (plan: Plan) => plan.status === 'active' && !isUrgent(plan);
  for (const plan of plans) plan.capacity = plan.status === 'active' ? 'accepting' : plan.status === 'temporarily closed' ? 'paused' : null;
  const helpline = (plan: Plan) => plan.mode === 'phone' && plan.kind.delivery === 'phone';
  const bookable = (plan: Plan) =>
    open(plan) && !helpline(plan) && plan.kind.group !== 'large_group' && plan.kind.group !== null && !plan.routes.includes('drop_in');
  ranked(plans, 'waiting', bookable)
    .slice(0, Math.round(n * 0.15))
    .forEach((plan) => {
      plan.capacity = 'waiting_list';
    });
  ranked(plans, 'full', (plan) => bookable(plan) && plan.capacity === 'accepting' && plan.kind.group === 'small_group')
    .slice(0, Math.round(n * 0.05))
    .forEach((plan) => {
      plan.capacity = 'full';
    });
  ranked(plans, 'paused', (plan) => open(plan) && plan.capacity === 'accepting')
    .slice(0, Math.round(n * 0.03))
    .forEach((plan) => {
      plan.capacity = 'paused';
    });
  ranked(plans, 'unstated', (plan) => open(plan) && plan.capacity === 'accepting')
    .slice(0, Math.round(n * 0.09))
    .forEach((plan) => {
      plan.capacity = null;
    });

  // Funding: ~8% ended, ~10% ending within 60 days, ~12% open-ended, the rest later.
  const defunct = plans.filter((plan) => plan.status === 'defunct');
  defunct.forEach((plan) => {
    plan.funding = 'past';
  });
  const rest = ranked(plans, 'funding', (plan) => plan.status !== 'defunct');
  const past = Math.round(n * 0.08) - defunct.length;
  const soon = Math.round(n * 0.1);
  const openEnded = Math.round(n * 0.12);
  rest.forEach((plan, i) => {
    plan.funding = i < past ? 'past' : i < past + soon ? 'soon' : i < past + soon + openEnded ? 'open' : 'later';
  });

  // Assurance: ~6% never checked (never urgent services), ~70% within six months.
  const assureOrder = ranked(plans, 'assured', (plan) => !isUrgent(plan));
  const never = Math.round(n * 0.06);
  assureOrder.forEach((plan, i) => {
    plan.assured = i < never ? 'never' : i < never + Math.round(n * 0.22) ? 'older' : 'recent';
  });

  // A few schedules that ended or have not started yet.
  const changeable = (plan: Plan) =>
    plan.status === 'active' && !isUrgent(plan) && (plan.mode === 'in_person' || plan.mode === 'mixed') && !plan.kind.sched.includes('course');
  const changes = ranked(plans, 'schedule-change', changeable);
  changes.slice(0, 5).forEach((plan) => {
    plan.scheduleChange = 'ended';
  });
  changes.slice(5, 10).forEach((plan) => {
    plan.scheduleChange = 'future';
  });

  ranked(plans, 'alert', (plan) => plan.status === 'active')
    .slice(0, 9)
    .forEach((plan) => {
      plan.activeAlert = true;
    });
}

// ---- Schedules ----------------------------------------------------------------------------

interface ScheduleDraft {
  freq: 'WEEKLY' | 'MONTHLY';
  byday: string;
  opens_at: string;
  closes_at: string;
  interval?: number;
  valid_from?: string;
  valid_to?: string;
  description?: string;
}

/** Groups where joining by video alongside the room makes sense. */
const HYBRID_KINDS = new Set([
  'peer',
  'wellbeingcourse',
  'choir',
  'writing',
  'carers',
  'learning',
  'esol',
  'parenting',
  'diabetes',
  'pain',
  'ltc',
  'recovery',
  'creative',
  'bcafe',
]);
const TERM_TIME_KINDS = new Set(['baby', 'youth', 'parenting', 'learning', 'esol', 'youngcarers']);
const OUTDOOR_KINDS = new Set(['walking', 'conservation', 'garden', 'green']);

function times(rng: Rng, starts: number[], lengths: number[]): [string, string] {
  const start = rng.pick(starts);
  return [hhmm(start), hhmm(start + rng.pick(lengths))];
}

function schedulesFor(style: SchedStyle, rng: Rng, courseWeeks: number): ScheduleDraft[] {
  const weekday = () => rng.pick(WEEKDAYS);
  switch (style) {
    case 'morning': {
      const [opens_at, closes_at] = times(rng, [570, 600, 600, 630], [90, 120, 120, 150]);
      return [{ freq: 'WEEKLY', byday: rng.chance(0.12) ? 'SA' : weekday(), opens_at, closes_at }];
    }
    case 'afternoon': {
      const [opens_at, closes_at] = times(rng, [780, 810, 840], [90, 120]);
      return [{ freq: 'WEEKLY', byday: weekday(), opens_at, closes_at }];
    }
    case 'lunch': {
      const [opens_at, closes_at] = times(rng, [705, 720], [90, 120]);
      return [{ freq: 'WEEKLY', byday: weekday(), opens_at, closes_at }];
    }
    case 'evening': {
      const [opens_at, closes_at] = rng.chance(0.5) ? ['18:00', '20:00'] : times(rng, [1050, 1110, 1140], [120, 120, 90]);
      return [{ freq: 'WEEKLY', byday: weekday(), opens_at, closes_at }];
    }
    case 'saturday':
      return [{ freq: 'WEEKLY', byday: 'SA', opens_at: '10:00', closes_at: '12:00' }];
    case 'weekend': {
      const [opens_at, closes_at] = times(rng, [570, 600, 660], [120, 150, 180]);
      return [{ freq: 'WEEKLY', byday: rng.pick(['SA', 'SA', 'SU']), opens_at, closes_at }];
    }
    case 'office': {
      const choice = rng.pick([
        ['MO,TU,WE,TH,FR', '09:00', '17:00'],
        ['MO,TU,WE,TH,FR', '09:30', '16:30'],
        ['MO,TU,WE,TH', '09:30', '16:30'],
        ['MO,TU,WE,TH,FR', '10:00', '16:00'],
        ['MO,WE,FR', '10:00', '15:00'],
        ['TU,WE,TH', '09:00', '16:00'],
      ] as const);
      return [{ freq: 'WEEKLY', byday: choice[0], opens_at: choice[1], closes_at: choice[2] }];
    }
    case 'daytime': {
      const days = rng.some(WEEKDAYS, rng.int(1, 2)).join(',');
      const choice = rng.pick([
        ['10:00', '15:00'],
        ['09:30', '12:30'],
        ['13:00', '16:00'],
        ['10:00', '13:00'],
      ] as const);
      return [{ freq: 'WEEKLY', byday: days, opens_at: choice[0], closes_at: choice[1] }];
    }
    case 'twodays': {
      const days = rng.pick(['TU,TH', 'MO,WE', 'WE,FR', 'MO,TH', 'TU,FR']);
      const [opens_at, closes_at] = times(rng, [570, 600, 780], [120, 150, 180]);
      return [{ freq: 'WEEKLY', byday: days, opens_at, closes_at }];
    }
    case 'monthly': {
      const ordinal = rng.pick(['1', '2', '2', '3', '4', '-1']);
      const day = rng.pick([...WEEKDAYS, 'SA']);
      const [opens_at, closes_at] = rng.chance(0.6) ? times(rng, [810, 840], [90, 120]) : times(rng, [600, 630], [120]);
      const byday = rng.chance(0.15) && ordinal === '1' ? `1${day},3${day}` : `${ordinal}${day}`;
      return [{ freq: 'MONTHLY', byday, opens_at, closes_at }];
    }
    case 'fortnightly': {
      const [opens_at, closes_at] = rng.chance(0.5) ? times(rng, [810, 840], [90, 120]) : ['18:30', '20:30'];
      return [{ freq: 'WEEKLY', interval: 2, byday: weekday(), opens_at, closes_at, description: 'Every other week. Ring us to check which weeks.' }];
    }
    case '24h':
      return [
        {
          freq: 'WEEKLY',
          byday: ALL_DAYS,
          opens_at: '00:00',
          closes_at: '23:59',
          description: 'Open 24 hours a day, every day of the year, including bank holidays',
        },
      ];
    case 'nightly':
      return [
        {
          freq: 'WEEKLY',
          byday: ALL_DAYS,
          opens_at: rng.pick(['17:00', '18:00']),
          closes_at: '23:00',
          description: 'Every evening, including weekends and bank holidays',
        },
      ];
    case 'overnight':
      return [
        {
          freq: 'WEEKLY',
          byday: ALL_DAYS,
          opens_at: '20:00',
          closes_at: '08:00',
          valid_from: '2026-12-01',
          valid_to: '2027-03-31',
          description: 'Overnight through the winter. Doors open at 8pm; last entry 11pm',
        },
      ];
    case 'course': {
      const day = rng.pick(WEEKDAYS);
      const [opens_at, closes_at] = rng.chance(0.5) ? times(rng, [600, 630], [120, 150]) : times(rng, [780, 1080], [120]);
      const future = rng.chance(0.5);
      const start = onOrAfter(future ? rng.pick(['2027-01-05', '2027-01-12', '2027-02-23']) : rng.pick(['2026-10-26', '2026-11-02', '2026-11-09']), day);
      return [
        {
          freq: 'WEEKLY',
          byday: day,
          opens_at,
          closes_at,
          valid_from: start,
          valid_to: addDays(start, (courseWeeks - 1) * 7),
          description: `${courseWeeks}-week course. ${future ? 'Book now for the next course.' : 'New courses start every term; ask to join the waiting list for the next one.'}`,
        },
      ];
    }
  }
}

/** How many weeks a course runs, from its description ("a ten-week course"); six if it does not say. */
function courseWeeks(description: string): number {
  const words: Record<string, number> = { six: 6, eight: 8, nine: 9, ten: 10, twelve: 12 };
  const match = /\b(six|eight|nine|ten|twelve|\d{1,2})[- ]weeks?\b/i.exec(description);
  if (!match) return 6;
  return words[match[1]!.toLowerCase()] ?? Number(match[1]);
}

function buildSchedules(plan: Plan, description: string): Json[] {
  const { rng } = plan;
  const style = plan.schedStyle;
  const weeks = courseWeeks(description);
  if (plan.spec.at) {
    const { freq = 'WEEKLY', ...rest } = plan.spec.at;
    return [{ id: uuidFor('schedule', `${plan.slug}:0`), freq, ...rest }];
  }
  const drafts = schedulesFor(style, rng, weeks);
  const first = drafts[0]!;

  if (plan.mode === 'phone' && style === 'office' && rng.chance(0.3)) {
    drafts.push({ freq: 'WEEKLY', byday: rng.pick(['TU,TH', 'MO,WE', 'WE']), opens_at: '18:00', closes_at: '20:00', description: 'Evening phone line' });
  } else if (['morning', 'afternoon', 'evening', 'lunch'].includes(style) && plan.mode !== 'phone' && rng.chance(0.2)) {
    const other = rng.pick(WEEKDAYS.filter((day) => day !== first.byday));
    const sameTimes = style === 'lunch' || impliedStyle(plan.name) !== null || rng.chance(0.5);
    const [opens_at, closes_at] = sameTimes ? [first.opens_at, first.closes_at] : ['18:00', '20:00'];
    drafts.push({ freq: 'WEEKLY', byday: other, opens_at, closes_at });
  }

  if (TERM_TIME_KINDS.has(plan.kindKey) && !first.description && rng.chance(0.45)) first.description = 'Term time only';
  else if (OUTDOOR_KINDS.has(plan.kindKey) && !first.description && rng.chance(0.3)) first.description = 'Sessions may be called off in very bad weather';
  else if (!first.description && rng.chance(0.14)) {
    first.description = rng.pick([
      'Not on bank holidays',
      'Closed between Christmas and New Year',
      'Please arrive ten minutes early on your first visit',
      'Doors open 15 minutes before the start',
    ]);
  }

  if (plan.scheduleChange === 'ended') {
    const ended = rng.pick(['2026-07-24', '2026-08-28', '2026-09-30', '2026-10-30']);
    const oldDay = rng.pick([...WEEKDAYS, 'SA'].filter((day) => !first.byday.includes(day)));
    first.valid_from = addDays(ended, 1);
    first.description = first.description ?? `New day and time from ${first.valid_from}`;
    drafts.unshift({
      freq: 'WEEKLY',
      byday: oldDay,
      opens_at: first.opens_at,
      closes_at: first.closes_at,
      valid_from: '2025-09-01',
      valid_to: ended,
      description: 'Old day, kept for reference: the group has moved',
    });
  } else if (plan.scheduleChange === 'future') {
    const from = rng.pick(['2027-01-05', '2027-01-11', '2027-02-02', '2027-03-01']);
    const day = rng.pick([...WEEKDAYS, 'SA'].filter((d) => !first.byday.includes(d)));
    drafts.push({
      freq: 'WEEKLY',
      byday: day,
      opens_at: '18:00',
      closes_at: '20:00',
      valid_from: onOrAfter(from, day),
      description: 'New evening session starting in the new year',
    });
  }

  return drafts.map((draft, i) => ({ id: uuidFor('schedule', `${plan.slug}:${i}`), ...draft }));
}

// ---- Costs --------------------------------------------------------------------------------

function buildCosts(plan: Plan, description: string): Json[] {
  const { rng, kind } = plan;
  const style = plan.costStyle;
  const id = (i: number) => uuidFor('cost_option', `${plan.slug}:${i}`);
  const prices = (kind.prices ?? [2, 2.5, 3, 4, 5]).filter((price) => price >= 1.5 && price <= 12);
  switch (style) {
    case 'free':
      return [{ id: id(0), option: 'Free', amount: 0, currency: 'GBP' }];
    case 'pwyc':
      return [
        {
          id: id(0),
          option: 'Pay what you can',
          currency: 'GBP',
          amount_description: rng.pick([
            'Suggested donation £2',
            'Suggested donation £1',
            'Suggested donation £3',
            'Donations welcome; nobody is turned away',
            'Pay as you feel',
          ]),
        },
      ];
    case 'conc': {
      const [standard, reduced] = rng.pick([
        [5, 2.5],
        [4, 2],
        [6, 3],
        [3, 1.5],
        [8, 4],
        [10, 5],
      ] as const);
      return [
        { id: id(0), option: 'Standard', amount: standard, currency: 'GBP', amount_description: 'per session' },
        {
          id: id(1),
          option: 'Concessions',
          amount: reduced,
          currency: 'GBP',
          amount_description: 'per session, for people on benefits, students and over 60s',
        },
      ];
    }
    case 'course': {
      const amount = rng.pick(prices.filter((price) => price >= 8).length ? prices.filter((price) => price >= 8) : [10, 12]);
      const unit = `per ${courseWeeks(description)}-week course`;
      const options: Json[] = [{ id: id(0), option: 'Course fee', amount, currency: 'GBP', amount_description: unit }];
      if (rng.chance(0.4)) options.push({ id: id(1), option: 'Free for people on Universal Credit', amount: 0, currency: 'GBP', amount_description: unit });
      return options;
    }
    case 'price': {
      const amount = rng.pick(prices);
      const units: Record<string, string[]> = {
        pantry: ['per weekly shop, for food worth around £15', 'per visit, for at least ten items'],
        respite: ['per three-hour sit'],
        baby: ['per family, including a snack', 'per family'],
        youth: ['per session, including a snack'],
        meal: ['per meal', 'for two courses and a drink'],
        social: ['per session, including tea and biscuits', 'per session'],
        shed: ['per session, including a brew', 'per session'],
        gentle: ['per class', 'per session'],
        swim: ['per session, including pool entry'],
        sport: ['per session'],
        art: ['per session, including materials', 'per session'],
        choir: ['per session'],
      };
      const unit = rng.pick(units[plan.kindKey] ?? ['per session']);
      const option = plan.kindKey === 'pantry' ? 'Membership shop' : plan.kindKey === 'meal' ? 'Per meal' : 'Per session';
      return [{ id: id(0), option, amount, currency: 'GBP', amount_description: unit }];
    }
  }
}

// ---- Funding -----------------------------------------------------------------------------

const LOCAL_TRUSTS = [
  'Tyneside Community Trust',
  'Grey Street Charitable Trust',
  'Leazes Trust',
  'Ouseburn Charitable Trust',
  'Northern Lights Foundation',
  'Tyne and Derwent Community Fund',
];
const HEALTH_KINDS = new Set([
  'counselling',
  'peer',
  'wellbeingcourse',
  'mhdropin',
  'crisisline',
  'crisiscafe',
  'diabetes',
  'lungs',
  'pain',
  'memory',
  'cancer',
  'stroke',
  'ltc',
  'alcohol',
  'drugs',
  'recovery',
  'drugline',
  'sexual',
  'smoking',
  'weight',
  'sight',
  'healthtrainer',
  'bcounsel',
]);
const SPORT_KINDS = new Set(['walking', 'gentle', 'sport', 'swim', 'active']);
const ARTS_KINDS = new Set(['art', 'choir', 'writing', 'creative']);
const WORK_KINDS = new Set(['jobclub', 'learning', 'worklearn', 'digihelp', 'devices', 'digital', 'esol']);

function funderPool(plan: Plan): string[] {
  const council = plan.org.cityWide ? 'Newcastle City Council' : plan.areas[0]!.council === 'gateshead' ? 'Gateshead Council' : 'Newcastle City Council';
  const pool = ['National Lottery Community Fund', council, ...LOCAL_TRUSTS];
  if (HEALTH_KINDS.has(plan.kindKey)) pool.push('NHS North East and North Cumbria ICB', 'NHS North East and North Cumbria ICB');
  if (SPORT_KINDS.has(plan.kindKey)) pool.push('Sport England');
  if (ARTS_KINDS.has(plan.kindKey)) pool.push('Arts Council England');
  if (WORK_KINDS.has(plan.kindKey)) pool.push('UK Shared Prosperity Fund');
  if (plan.org.spec.type === 'church') pool.push('Diocese of Newcastle Mission Fund');
  return pool;
}

function buildFunding(plan: Plan): Json[] {
  const { rng } = plan;
  const pool = funderPool(plan);
  const first = rng.pick(pool);
  const entry = (i: number, source: string, start: string, end: string | null): Json => ({
    id: uuidFor('funding', `${plan.slug}:${i}`),
    source,
    start_date: start,
    ...(end ? { end_date: end } : {}),
  });
  let main: Json = entry(0, first, '2020-04-01', null);
  switch (plan.funding) {
    case 'past': {
      const end = rng.pick(['2026-03-31', '2026-06-30', '2026-08-31', '2026-09-30', '2026-10-31']);
      main = entry(0, first, `${Number(end.slice(0, 4)) - rng.int(1, 3)}-04-01`, end);
      break;
    }
    case 'soon': {
      const end = rng.pick(['2026-11-30', '2026-12-15', '2026-12-31', '2026-12-31', '2027-01-15', '2027-01-19']);
      main = entry(0, first, `${rng.pick(['2023', '2024', '2025'])}-${rng.pick(['01-01', '04-01', '07-01'])}`, end);
      break;
    }
    case 'open':
      main = entry(0, first, `${rng.int(2012, 2024)}-04-01`, null);
      break;
    case 'later': {
      const end = rng.pick(['2027-03-31', '2027-03-31', '2027-06-30', '2027-09-30', '2028-03-31', '2028-06-30', '2028-12-31', '2029-03-31']);
      main = entry(0, first, `${rng.pick(['2024', '2025', '2026'])}-${rng.pick(['01-01', '04-01', '09-01'])}`, end);
      break;
    }
  }
  const entries = [main];
  if (rng.chance(0.35)) {
    const second = rng.pick(pool.filter((source) => source !== first));
    const later = rng.chance(0.5);
    entries.push(
      entry(
        1,
        second,
        `${rng.pick(['2023', '2024', '2025'])}-04-01`,
        plan.status === 'defunct' ? '2026-03-31' : later ? rng.pick(['2027-03-31', '2028-03-31']) : null,
      ),
    );
  }
  return entries;
}

// ---- Text --------------------------------------------------------------------------------

const NOT_REMOTE = /\b(room|door|hall|crèche|drop in|drop-in|cake|sit down|on site|kiln|pool|visits you|at home|in person|venue|provided|toast)\b/i;
const ONLINE_SENTENCES = [
  'Sessions run on Zoom, and we email you the link after you book.',
  'It all happens online, so you can join from home on a phone, tablet or computer.',
  'Meetings are on Microsoft Teams, and cameras are optional.',
];
const PHONE_SENTENCES = [
  'Everything happens over the phone, so you can get help without leaving home.',
  'This is a telephone service: call during opening hours and you will speak to a real person.',
  'You do not have to give your name when you call.',
];

function describe(plan: Plan, values: Record<string, string>): string {
  const { rng, kind, variant, spec } = plan;
  const remote = plan.mode === 'phone' || plan.mode === 'online';
  const usable = (sentences: string[]) => {
    if (!remote) return sentences;
    const kept = sentences.filter((sentence) => !NOT_REMOTE.test(sentence));
    return kept.length ? kept : sentences;
  };
  const sentences: string[] = [];
  if (spec.what) {
    sentences.push(...spec.what);
  } else {
    const pool = usable(variant.what);
    if (pool.length <= 2) {
      // Two-sentence variants: the second follows on from the first.
      sentences.push(pool[0]!);
      if (pool[1] && rng.chance(0.65)) sentences.push(pool[1]);
    } else {
      // The first two or three sentences of a pool can open a description; later ones follow on.
      const leads = Math.min(pool.length - 1, variant.leads ?? (pool.length >= 4 ? 3 : 2));
      const lead = rng.int(0, leads - 1);
      sentences.push(pool[lead]!);
      if (rng.chance(0.55)) sentences.push(rng.pick(pool.filter((_, i) => i !== lead && (i > lead || i >= leads))));
    }
  }
  const whoPool = usable(spec.who ?? (variant.who && rng.chance(0.75) ? variant.who : kind.who));
  const who = rng.pick(whoPool);
  const nativeRemote = kind.delivery === 'phone' || kind.delivery === 'online';
  const modeSentence = remote && !nativeRemote && !spec.what ? rng.pick(plan.mode === 'phone' ? PHONE_SENTENCES : ONLINE_SENTENCES) : null;
  if (sentences.length < 2 || rng.chance(0.85)) sentences.push(who);
  if (modeSentence) sentences.push(modeSentence);
  else if (plan.hybrid) sentences.push('You can also join in online: ask us for the link.');
  if (kind.extra && sentences.length < 4 && rng.chance(0.4)) sentences.push(rng.pick(usable(kind.extra)));
  while (sentences.length > 4) sentences.splice(sentences.length - 2, 1);
  if (sentences.length < 2) sentences.push(rng.pick(kind.who.filter((line) => line !== who)));
  return sentences.map((sentence) => fill(sentence, values)).join(' ');
}

function referralInstructions(routes: Route[], plan: Plan): string {
  const { rng } = plan;
  const key = [...routes].sort().join('+');
  if (plan.mode === 'phone') {
    return routes.includes('self')
      ? rng.pick(['Just call the number. You do not need a referral.', 'Ring us; there is no need to be referred.'])
      : 'A support worker, link worker or advice agency needs to call us on your behalf.';
  }
  if (plan.mode === 'online') {
    return rng.pick([
      'Book a place using the form on our website, or email us and we will send you the link.',
      'Email or phone us to book, and we will send you a joining link.',
    ]);
  }
  const options: Record<string, string[]> = {
    'drop_in+self': [
      'Just turn up. No need to book.',
      "Drop in any time during the session; there's no need to book.",
      "Come along on the day. You don't need to book or be referred.",
    ],
    self: ['Phone or email us to book a place.', "Ring us to book; we'll take your name and a few details."],
    'professional+self': [
      'Phone us yourself, or ask a support worker or link worker to refer you.',
      'Get in touch yourself, or ask any professional you see to refer you.',
    ],
    'gp+professional': [
      'You need a referral from your GP, practice nurse or link worker. Ask them to send us a referral form.',
      'Ask your GP or link worker to refer you, or phone us.',
    ],
    'gp+professional+self': [
      'Ask your GP or link worker to refer you, or phone us.',
      'Refer yourself by phone or email, or ask your GP, nurse or link worker to refer you.',
    ],
    professional: [
      'Referrals are taken from support workers, link workers, social workers and advice agencies. We cannot take self-referrals.',
      'You need to be referred by a professional, such as a link worker or support worker.',
    ],
    'drop_in+professional+self': [
      'Drop in, or a worker can refer you and we will expect you.',
      'Just turn up, phone us first, or ask a support worker to refer you.',
    ],
    'drop_in+gp+professional+self': ['Drop in during opening hours, or ask your GP or any support worker to refer you.'],
    'drop_in+professional': ['Outreach workers, the council or the day centre can refer you. You can also turn up and ask about a bed from 8pm.'],
  };
  const pool = options[key];
  if (!pool) throw new Error(`No referral wording for routes ${key}`);
  return rng.pick(pool);
}

// ---- Records -----------------------------------------------------------------------------

const FIRST_NAMES = [
  'Aisha',
  'Bev',
  'Craig',
  'Dawn',
  'Emma',
  'Farid',
  'Gill',
  'Hannah',
  'Imran',
  'Jen',
  'Karen',
  'Liam',
  'Maria',
  'Neil',
  'Olu',
  'Paula',
  'Rashida',
  'Steve',
  'Tracy',
  'Wojtek',
  'Yasmin',
  'Zoe',
  'Ewa',
  'Lesley',
  'Mohammed',
  'Sinead',
  'Tom',
  'Jo',
  'Kev',
  'Priya',
  'Alan',
  'Denise',
  'Sam',
  'Ruth',
  'Gary',
  'Helen',
  'Nasreen',
  'Pete',
  'Angela',
  'Chris',
];
const LANGUAGES: Record<string, string> = {
  pl: 'Polish',
  ar: 'Arabic',
  ur: 'Urdu',
  bn: 'Bengali',
  pa: 'Punjabi',
  ku: 'Kurdish',
  fa: 'Persian (Farsi)',
  ti: 'Tigrinya',
  so: 'Somali',
  ro: 'Romanian',
  cs: 'Czech',
  sk: 'Slovak',
  zh: 'Chinese (Mandarin)',
  yue: 'Cantonese',
  uk: 'Ukrainian',
  ps: 'Pashto',
  bfi: 'British Sign Language',
};
const ASSURERS = [
  'assurance@communitydirectory.example.org',
  'a.khan@communitydirectory.example.org',
  'm.robson@communitydirectory.example.org',
  'j.oconnor@communitydirectory.example.org',
  'linkworkers@communitydirectory.example.org',
];
const TEMP_CLOSED_ALERTS = [
  'Closed until further notice while the hall roof is repaired. We hope to reopen in the new year.',
  'Paused while we recruit a new group leader. Phone us for details of other groups nearby.',
  'Closed for refurbishment of the building until February 2027.',
  'Not running over the winter; sessions restart in March 2027.',
  'Closed for now because we are short of volunteers. Please check back soon.',
];
const ACTIVE_ALERTS = [
  'No session on 24 December or 31 December.',
  'From January 2027 we are moving to a new day. Check the times before you come.',
  'The car park is closed for resurfacing; please use street parking.',
  'Christmas lunch on 18 December: booking essential.',
  'Our phone line is being upgraded. If you cannot get through, please email us.',
  'Extra sessions running through the winter. Ask us for details.',
];
const SUPPORT_ORDER = ['bring_someone', 'met_on_first_visit', 'help_with_forms'] as const;

/** Transport some services offer (the transport_offered extension), by kind ("over60" for over-60s clubs), with the chance of it. */
const TRANSPORT_OFFERS: Record<string, { odds: number; offers: { description: string; eligibility?: string }[] }> = {
  meal: {
    odds: 0.3,
    offers: [
      {
        description: 'Our community minibus picks people up from home in {A} and takes them back after lunch.',
        eligibility: 'People aged 60 and over, and anyone who finds buses hard. Ring by the day before to book a seat.',
      },
      { description: 'A volunteer driver can collect you from home and bring you back afterwards.', eligibility: 'Older and disabled people living in {A}.' },
    ],
  },
  over60: {
    odds: 0.5,
    offers: [
      {
        description: 'Our community minibus picks members up from home and takes them back afterwards.',
        eligibility: 'Members who cannot get here by bus. Ask us to add you to the round.',
      },
    ],
  },
  carers: {
    odds: 0.35,
    offers: [
      {
        description: 'Volunteers can give you a lift to and from the group.',
        eligibility: 'Carers who do not drive or cannot get here by bus. Ask when you ring.',
      },
    ],
  },
  goodneighbours: {
    odds: 0.7,
    offers: [
      {
        description: 'Our volunteer driver scheme takes people to GP and hospital appointments, the shops and local groups.',
        eligibility: 'People in {A} who cannot use buses or taxis. A donation towards petrol is welcome but never expected.',
      },
    ],
  },
  memory: { odds: 0.3, offers: [{ description: 'A volunteer driver can bring you and the person you care for to the group and take you home again.' }] },
  stroke: {
    odds: 0.3,
    offers: [
      {
        description: 'Volunteer drivers can bring you to the group if you cannot drive since your stroke.',
        eligibility: 'Members living in {C}. Ring us a week ahead.',
      },
    ],
  },
};
/** Kinds that (sometimes) visit people at home, with the chance; any service whose words say so does too. */
const HOME_VISIT_ODDS: Record<string, number> = {
  befriend: 1,
  respite: 1,
  tenancy: 0.9,
  goodneighbours: 0.8,
  advocacy: 0.4,
  familyhub: 0.3,
  energy: 0.3,
  benefits: 0.25,
  debt: 0.2,
  advice: 0.2,
};

function serviceAreas(plan: Plan): Json[] {
  const { rng } = plan;
  const area = plan.areas[0]!;
  const entries: { name: string; description: string }[] = [];
  const both = plan.org.cityWide || plan.kindKey === 'crisisline' || plan.kindKey === 'dahelpline' || plan.kindKey === 'housingline';
  if (plan.mode === 'outreach' && area.council === 'newcastle' && !plan.org.cityWide && rng.chance(0.6)) {
    const west = ['elswick', 'benwell', 'fenham', 'denton', 'blakelaw'].includes(area.key);
    const east = ['heaton', 'byker', 'walker'].includes(area.key);
    if (west) entries.push({ name: 'West End of Newcastle', description: "Benwell, Elswick, Fenham, Arthur's Hill and Denton Burn" });
    else if (east) entries.push({ name: 'East End of Newcastle', description: 'Byker, Heaton, Walker and Walkergate' });
  }
  if (!entries.length) {
    if (both || area.council === 'newcastle') entries.push({ name: 'Newcastle upon Tyne', description: 'Anyone living in Newcastle upon Tyne' });
    if (both || area.council === 'gateshead') entries.push({ name: 'Gateshead', description: 'Anyone living in Gateshead' });
  }
  return entries.map((entry, i) => ({ id: uuidFor('service_area', `${plan.slug}:${i}`), ...entry }));
}

function buildRecord(plan: Plan): Json {
  const { rng, kind, org, variant, spec } = plan;
  const area = plan.areas[0]!;
  const firstVenue = plan.venues[0];
  const values: Record<string, string> = {
    A: area.text,
    C: COUNCIL_TEXT[area.council],
    O: org.spec.name,
    park: area.park,
    V: firstVenue ? firstVenue.name : area.park,
    fb: /food bank/i.test(plan.name) ? 'food bank' : 'foodbank',
  };

  // Categories.
  const codes = [...kind.cats, ...(variant.cats ?? []), ...(spec.cats ?? [])];
  for (const [code, odds] of kind.maybeCats ?? []) if (codes.length < 3 && rng.chance(odds)) codes.push(code);
  const uniqueCodes = [...new Set(codes)].slice(0, 3);
  const attributes = uniqueCodes.map((code) => {
    const term = CATEGORY_BY_CODE.get(code);
    if (!term) throw new Error(`Unknown category ${code} for ${plan.name}`);
    return {
      id: uuidFor('attribute', `${plan.slug}:category:${code}`),
      link_type: 'category',
      taxonomy_term: taxonomyTerm(term, 'categories', CATEGORY_BY_CODE),
    };
  });

  // Where and how.
  const modes =
    plan.mode === 'phone'
      ? ['phone']
      : plan.mode === 'online'
        ? ['online']
        : plan.mode === 'mixed' || plan.mode === 'outreach'
          ? ['in_person', 'phone']
          : plan.hybrid
            ? ['in_person', 'online']
            : ['in_person'];
  const serviceAtLocations: Json[] = plan.venues.map((venue) => {
    venue.used = true;
    const note = rng.chance(0.15)
      ? rng.pick([
          'In the small hall at the back.',
          'Upstairs in the meeting room; there is a lift.',
          `Use the side entrance on ${venue.area.streets[0]}.`,
          'In the café area on the ground floor.',
        ])
      : null;
    return { id: uuidFor('service_at_location', `${plan.slug}:${venue.key}`), ...(note ? { description: note } : {}), location: venue };
  });
  if (plan.mode === 'online' || plan.hybrid) {
    serviceAtLocations.push({
      id: uuidFor('service_at_location', `${plan.slug}:online`),
      location: {
        id: uuidFor('location', `${plan.slug}-online`),
        location_type: 'virtual',
        name: rng.pick(['Online (Zoom)', 'Online', 'Online (Microsoft Teams)']),
        url: `https://${org.domain}/join`,
        description: 'We send you a joining link after you book.',
      },
    });
  }

  // Phones and contacts.
  const phones: Json[] = [];
  const mustPhone = plan.mode !== 'in_person';
  if (mustPhone || rng.chance(0.7)) {
    const useMobile = !mustPhone && (kind.group === 'small_group' || kind.group === 'large_group') && rng.chance(0.35);
    phones.push({
      id: uuidFor('phone', `${plan.slug}:0`),
      number: useMobile ? mobile(`service:${plan.slug}`) : landline(`service:${plan.slug}`),
      type: 'voice',
      ...(plan.mode === 'phone'
        ? { description: rng.pick(['Helpline', 'Calls cost the same as a local call', 'Phone line']) }
        : useMobile
          ? { description: "Group leader's mobile" }
          : rng.chance(0.3)
            ? { description: 'Office' }
            : {}),
      ...(!useMobile && rng.chance(0.06) ? { extension: rng.int(2, 5) } : {}),
    });
  }
  if ((plan.kindKey === 'crisisline' || plan.kindKey === 'dahelpline') && rng.chance(0.6)) {
    phones.push({ id: uuidFor('phone', `${plan.slug}:text`), number: mobile(`text:${plan.slug}`), type: 'text', description: "Text us if you can't talk" });
  }
  const contacts: Json[] = [];
  if (kind.roles.length && !kind.urgent && rng.chance(0.35)) {
    const first = rng.pick(FIRST_NAMES);
    contacts.push({
      id: uuidFor('contact', `${plan.slug}:0`),
      name: first,
      title: rng.pick(kind.roles),
      ...(rng.chance(0.5) ? { email: `${first.toLowerCase()}@${org.domain}` } : {}),
      phones: rng.chance(0.35) ? [{ id: uuidFor('phone', `${plan.slug}:contact`), number: mobile(`contact:${plan.slug}`), type: 'voice' }] : [],
    });
  }

  // Languages.
  let langCodes: string[] = spec.langs ?? [];
  if (!spec.langs && kind.langs && rng.chance(0.75)) langCodes = rng.some(kind.langs, rng.int(1, 3));
  else if (!spec.langs && rng.chance(0.06)) langCodes = [rng.pick(['pl', 'ar', 'ur', 'bn', 'pa', 'ro'])];
  const languages = langCodes.map((code) => {
    const name = LANGUAGES[code];
    if (!name) throw new Error(`Unknown language ${code}`);
    return {
      id: uuidFor('language', `${plan.slug}:${code}`),
      name,
      code,
      ...(code === 'bfi'
        ? { note: 'Sessions are run in BSL' }
        : rng.chance(0.4)
          ? { note: rng.pick(['Spoken by some of our volunteers', 'Ask when you book so we can arrange it', 'Leaflets available in this language']) }
          : {}),
    };
  });

  // Who it is for.
  const ages = spec.ages ?? variant.ages ?? kind.ages ?? null;
  let eligibility: string | null = spec.elig ?? (kind.elig && rng.chance(0.85) ? fill(rng.pick(kind.elig), values) : null);
  if (!eligibility && ages && rng.chance(0.35)) {
    const [min, max] = ages;
    eligibility = min !== null && max !== null ? `For people aged ${min} to ${max}` : `For people aged ${min} and over`;
    if (rng.chance(0.5)) eligibility += ` living in ${area.council === 'gateshead' ? 'Gateshead' : 'Newcastle'}`;
  }
  if (!eligibility && !org.cityWide && plan.mode !== 'phone' && rng.chance(0.07))
    eligibility = `For people living in ${area.council === 'gateshead' ? 'Gateshead' : 'Newcastle upon Tyne'}`;

  // Referral, capacity, first visit.
  const routes = plan.routes;
  const supportPool = kind.support;
  const support = supportPool.length && rng.chance(0.7) ? SUPPORT_ORDER.filter((item) => supportPool.includes(item) && rng.chance(0.6)) : [];
  const inPerson = modes.includes('in_person') && plan.venues.length > 0;
  const firstVisit =
    plan.mode === 'online'
      ? rng.chance(0.5)
        ? "You'll get a link by email. Join a few minutes early and the host will say hello; you can keep your camera off."
        : null
      : inPerson && kind.first && rng.chance(0.72)
        ? fill(rng.pick(kind.first), values)
        : null;
  // Who it is not for: drawn from its own seeded stream, so adding it changed none of the other choices.
  const notForPool = variant.notFor ?? kind.notFor;
  const notForRng = new Rng(`not_for:${plan.slug}`);
  const notFor = notForPool?.length && notForRng.chance(0.8) ? fill(notForRng.pick(notForPool), values) : null;
  const capacityUpdated = plan.capacity && rng.chance(0.85) ? addDays(ANCHOR_DATE, -rng.int(2, 150)) : null;
  const waitingWeeks = plan.capacity === 'waiting_list' ? rng.int(2, 16) : null;

  // Dates.
  let assuredDate: string | null = null;
  if (plan.assured === 'recent') assuredDate = addDays(ANCHOR_DATE, -rng.int(1, 180));
  if (plan.assured === 'older') assuredDate = addDays(ANCHOR_DATE, -rng.int(181, 545));
  const modifiedDay = assuredDate
    ? addDays(assuredDate, rng.chance(0.6) ? 0 : rng.int(0, Math.max(0, daysBetween(assuredDate, ANCHOR_DATE) - 1)))
    : addDays(ANCHOR_DATE, -rng.int(200, 900));
  const lastModified = `${modifiedDay}T${pad(rng.int(8, 17))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}Z`;

  let alert: string | null = null;
  if (plan.status === 'temporarily closed') alert = plan.closedAlert;
  else if (plan.status === 'active' && plan.capacity === 'waiting_list' && waitingWeeks && waitingWeeks >= 10 && rng.chance(0.5)) {
    alert = `Because of high demand, new referrals are currently waiting about ${waitingWeeks} weeks.`;
  } else if (plan.activeAlert) alert = rng.pick(ACTIVE_ALERTS);

  const email = rng.chance(0.5) ? `${rng.pick(kind.mailbox)}@${org.domain}` : null;
  const description = describe(plan, values);
  const url = rng.chance(0.4) ? `https://${org.domain}/${slugify(plan.name).slice(0, 40).replace(/-$/, '')}` : null;

  // Transport they offer and home visits: from their own seeded stream, like not_for.
  const travelRng = new Rng(`transport-offered:${plan.slug}`);
  const offers = inPerson ? TRANSPORT_OFFERS[plan.kindKey === 'social' && variant.key === 'over60' ? 'over60' : plan.kindKey] : undefined;
  const offer = offers && travelRng.chance(offers.odds) ? travelRng.pick(offers.offers) : null;
  const transportOffered = offer
    ? { description: fill(offer.description, values), ...(offer.eligibility ? { eligibility: fill(offer.eligibility, values) } : {}) }
    : null;
  const homeVisits =
    plan.mode !== 'phone' &&
    plan.mode !== 'online' &&
    (/\bvisits? you at home\b|\bhome visits?\b/i.test(`${plan.name} ${description}`) || travelRng.chance(HOME_VISIT_ODDS[plan.kindKey] ?? 0));

  const record: Json = {
    id: uuidFor('service', plan.slug),
    name: plan.name,
    description,
    ...(url ? { url } : {}),
    ...(email ? { email } : {}),
    status: plan.status,
    ...(eligibility ? { eligibility_description: eligibility } : {}),
    ...(ages ? { minimum_age: ages[0], maximum_age: ages[1] } : {}),
    assured_date: assuredDate,
    ...(assuredDate ? { assurer_email: rng.pick(ASSURERS) } : {}),
    ...(alert ? { alert } : {}),
    last_modified: lastModified,
    organization: org.json,
    service_at_locations: serviceAtLocations,
    schedules: buildSchedules(plan, description),
    cost_options: buildCosts(plan, description),
    funding: buildFunding(plan),
    phones,
    contacts,
    languages,
    service_areas: plan.mode === 'in_person' || plan.mode === 'mixed' ? (rng.chance(0.08) ? serviceAreas(plan) : []) : serviceAreas(plan),
    attributes,
    referral_routes: routes,
    referral_instructions: referralInstructions(routes, plan),
    ...(plan.capacity ? { capacity_status: plan.capacity } : {}),
    ...(waitingWeeks ? { waiting_weeks: waitingWeeks } : {}),
    ...(capacityUpdated ? { capacity_updated: capacityUpdated } : {}),
    delivery_modes: modes,
    ...(support.length ? { support_to_attend: support } : {}),
    ...(firstVisit ? { first_visit: firstVisit } : {}),
    ...(notFor ? { not_for: notFor } : {}),
    ...(transportOffered ? { transport_offered: transportOffered } : {}),
    ...(homeVisits ? { home_visits: true } : {}),
    ...(kind.group ? { group_size: kind.group } : {}),
  };
  return record;
}

// ---- Checks ------------------------------------------------------------------------------

/** Zod drops keys it does not know; a dropped key here means a typo in the generator. */
function assertNothingDropped(input: unknown, output: unknown, path: string): void {
  if (Array.isArray(input)) {
    input.forEach((item, i) => assertNothingDropped(item, (output as unknown[])[i], `${path}[${i}]`));
    return;
  }
  if (input && typeof input === 'object') {
    for (const [key, value] of Object.entries(input)) {
      if (!output || typeof output !== 'object' || !(key in output)) throw new Error(`${path}.${key} is not a field serviceSchema knows`);
      assertNothingDropped(value, (output as Json)[key], `${path}.${key}`);
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Every object id is a UUID, and an id used twice always names the same object. */
function assertIds(records: Json[]): void {
  const seen = new Map<string, string>();
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((item, i) => visit(item, `${path}[${i}]`));
    if (!value || typeof value !== 'object') return;
    const object = value as Json;
    if ('id' in object) {
      const id = object.id as string;
      if (!UUID.test(id)) throw new Error(`${path}.id "${id}" is not a UUID`);
      const text = JSON.stringify(object);
      const earlier = seen.get(id);
      if (earlier !== undefined && earlier !== text) throw new Error(`${path}.id ${id} is used for two different objects`);
      seen.set(id, text);
    }
    for (const [key, item] of Object.entries(object)) visit(item, `${path}.${key}`);
  };
  records.forEach((record, i) => visit(record, `contents[${i}]`));
  const serviceIds = new Set(records.map((record) => record.id));
  if (serviceIds.size !== records.length) throw new Error('Two services share an id');
}

function assertFictionalContacts(records: Json[]): void {
  const text = JSON.stringify(records);
  for (const match of text.matchAll(/"number":"([^"]*)"/g)) {
    if (!/^(0191 498 0\d{3}|07700 900\d{3})$/.test(match[1]!)) throw new Error(`Phone number ${match[1]} is not an Ofcom drama number`);
  }
  for (const match of text.matchAll(/"(?:email|assurer_email)":"([^"]*)"/g)) {
    if (!/@([a-z0-9-]+\.)*example\.(org|com|net)$/.test(match[1]!)) throw new Error(`Email ${match[1]} is not at an example domain`);
  }
  for (const match of text.matchAll(/"(?:url|website)":"([^"]*)"/g)) {
    if (!/^https:\/\/([a-z0-9-]+\.)*example\.(org|com|net)(\/|$)/.test(match[1]!)) throw new Error(`Web address ${match[1]} is not at an example domain`);
  }
  const lonely = records.filter((record) => /lonel/i.test(`${record.name} ${record.description}`));
  if (lonely.length) throw new Error(`Service text must not say "lonely" (lay-word search tests): ${lonely.map((r) => r.name).join(', ')}`);
}

function assertCoverage(records: Json[]): void {
  const used = new Set<string>();
  const usedAccess = new Set<string>();
  for (const record of records) {
    for (const attribute of record.attributes as Json[]) used.add((attribute.taxonomy_term as Json).code as string);
    for (const sal of record.service_at_locations as Json[]) {
      for (const attribute of ((sal.location as Json).attributes as Json[] | undefined) ?? []) usedAccess.add((attribute.taxonomy_term as Json).code as string);
    }
  }
  const missing = CATEGORY_TERMS.filter((term) => !used.has(term.id)).map((term) => term.id);
  if (missing.length) throw new Error(`Categories used by no service: ${missing.join(', ')}`);
  const missingAccess = ACCESS_TERMS.filter((term) => !usedAccess.has(term.id)).map((term) => term.id);
  if (missingAccess.length) throw new Error(`Accessibility features at no location: ${missingAccess.join(', ')}`);
}

/** Make sure every accessibility feature appears at some venue that a service uses. */
function coverAccessibility(venues: Venue[]): void {
  const used = venues.filter((venue) => venue.used).sort((a, b) => a.key.localeCompare(b.key));
  for (const term of ACCESS_TERMS) {
    if (used.some((venue) => venue.features.includes(term.id))) continue;
    const fitting = used.filter((venue) => venue.features.length < 6 && FEATURE_ODDS[venue.type].some(([code]) => code === term.id));
    const target = (fitting.length ? fitting : used.filter((venue) => venue.features.length < 6))[hash32(term.id) % Math.max(1, fitting.length || used.length)];
    if (!target) throw new Error(`No venue can take accessibility feature ${term.id}`);
    target.features.push(term.id);
  }
}

// ---- Main --------------------------------------------------------------------------------

function generate(): { anchor_date: string; contents: Json[] } {
  const orgs = ORGANISATIONS.map(buildOrg);
  const orgSlugs = new Set<string>();
  for (const org of orgs) {
    if (orgSlugs.has(org.slug)) throw new Error(`Two organisations are called ${org.spec.name}`);
    orgSlugs.add(org.slug);
    if (org.spec.services.length < 1 || org.spec.services.length > 5)
      throw new Error(`${org.spec.name} runs ${org.spec.services.length} services; organisations run 1 to 5`);
  }
  const plans = buildPlans(orgs);
  allocate(plans);
  const drafts = plans.map(buildRecord);
  coverAccessibility([...venuesByArea.values()].flat());
  // Locations were left as Venue objects so accessibility could be topped up; turn them into JSON now.
  for (const record of drafts) {
    for (const sal of record.service_at_locations as Json[]) {
      const location = sal.location as Venue | Json;
      if ('features' in location && 'key' in location) sal.location = locationJson(location as Venue);
    }
  }
  const contents = drafts.map((record, index) => {
    const result = serviceSchema.safeParse(record);
    if (!result.success) {
      const issues = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
      throw new Error(`Sample record ${index} (${record.name as string}) fails serviceSchema:\n${issues}`);
    }
    assertNothingDropped(record, result.data, `contents[${index}]`);
    return record;
  });
  assertIds(contents);
  assertFictionalContacts(contents);
  assertCoverage(contents);
  return { anchor_date: ANCHOR_DATE, contents };
}

function summary(doc: { contents: Json[] }): string {
  const records = doc.contents;
  const count = (test: (record: Json) => boolean) => records.filter(test).length;
  const modes = (record: Json) => (record.delivery_modes as string[]).join('+');
  const tally = (values: string[]) =>
    Object.entries(values.reduce<Record<string, number>>((acc, value) => ({ ...acc, [value]: (acc[value] ?? 0) + 1 }), {}))
      .sort((a, b) => b[1] - a[1])
      .map(([key, value]) => `${key} ${value}`)
      .join(', ');
  const fundingBands = records.flatMap((record) =>
    (record.funding as Json[]).map((entry) => {
      const end = entry.end_date as string | undefined;
      if (!end) return 'no end';
      if (end < ANCHOR_DATE) return 'ended';
      return daysBetween(ANCHOR_DATE, end) <= 60 ? 'within 60 days' : 'later';
    }),
  );
  const costs = records.map((record) => {
    const options = record.cost_options as Json[];
    if (options.some((option) => option.option === 'Pay what you can')) return 'pwyc';
    if (options.length === 2 && options[1]!.option === 'Concessions') return 'concessions';
    if (options.every((option) => option.amount === 0)) return 'free';
    return 'priced';
  });
  const orgs = new Set(records.map((record) => (record.organization as Json).id));
  const locations = new Set(records.flatMap((record) => (record.service_at_locations as Json[]).map((sal) => (sal.location as Json).id)));
  const places = [
    ...new Map(
      records
        .flatMap((record) => (record.service_at_locations as Json[]).map((sal) => sal.location as Json))
        .filter((location) => location.location_type === 'physical')
        .map((location) => [location.id, location]),
    ).values(),
  ];
  const transport = places.flatMap((location) => (location.transport ? [location.transport as Json] : []));
  return [
    `services ${records.length}, organisations ${orgs.size}, distinct locations ${locations.size}`,
    `delivery: ${tally(records.map(modes))}`,
    `phone-only ${count((r) => modes(r) === 'phone' && !(r.service_at_locations as Json[]).length)}, online-only ${count((r) => modes(r) === 'online')}`,
    `status: ${tally(records.map((r) => r.status as string))}`,
    `capacity: ${tally(records.map((r) => (r.capacity_status as string | undefined) ?? 'not stated'))}`,
    `cost: ${tally(costs)}`,
    `funding entries: ${tally(fundingBands)}`,
    `assured: never ${count((r) => r.assured_date === null)}, within 6 months ${count((r) => typeof r.assured_date === 'string' && daysBetween(r.assured_date, ANCHOR_DATE) <= 183)}`,
    `physical places ${places.length}: with transport ${transport.length}, a metro or train stop ${transport.filter((t) => (t.stops as Json[]).some((stop) => stop.mode !== 'bus')).length}, parking ${transport.filter((t) => t.parking).length}, cycle parking ${transport.filter((t) => t.cycle_parking).length}`,
    `transport_offered ${count((r) => Boolean(r.transport_offered))}, home_visits ${count((r) => r.home_visits === true)}`,
    `ages given ${count((r) => r.minimum_age !== undefined)}, eligibility text ${count((r) => Boolean(r.eligibility_description))}, first_visit ${count((r) => Boolean(r.first_visit))}, not_for ${count((r) => Boolean(r.not_for))}, languages ${count((r) => (r.languages as Json[]).length > 0)}, contacts ${count((r) => (r.contacts as Json[]).length > 0)}`,
  ].join('\n');
}

const doc = generate();
// One service per line: compact, but still readable and diffable.
const text = `{"anchor_date":${JSON.stringify(doc.anchor_date)},"contents":[\n${doc.contents.map((record) => JSON.stringify(record)).join(',\n')}\n]}\n`;
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(OUTPUT, 'utf8');
  } catch {
    // A missing file is simply out of date.
  }
  if (current !== text) {
    console.error(`${OUTPUT} is out of date: run npx tsx scripts/sample/generate-sample.ts`);
    process.exit(1);
  }
  console.log(`${OUTPUT} is up to date (${doc.contents.length} services).`);
} else {
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, text);
  console.log(summary(doc));
  console.log(`Wrote ${OUTPUT} (${(Buffer.byteLength(text) / 1024).toFixed(0)} KB)`);
}
