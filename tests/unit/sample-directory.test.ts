// Checks the fictional sample directory (content/sample/directory.json, made by
// scripts/sample/generate-sample.ts) has the size, spread and realism the app and its tests rely on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uuidFor } from '../../src/lib/ids';
import { serviceSchema } from '../../src/lib/openreferral-schema/schemas';
import { gettingThere, transportFeatures } from '../../src/lib/directory/transport';

type Json = Record<string, any>;

const doc = JSON.parse(readFileSync(new URL('../../content/sample/directory.json', import.meta.url), 'utf8')) as {
  anchor_date: string;
  contents: Json[];
};
const categories = JSON.parse(readFileSync(new URL('../../content/taxonomy/categories.json', import.meta.url), 'utf8')) as Json[];
const accessibility = JSON.parse(readFileSync(new URL('../../content/taxonomy/accessibility.json', import.meta.url), 'utf8')) as Json[];

const services = doc.contents;
const anchor = doc.anchor_date;
const total = services.length;
const DAY = 86_400_000;
const daysFromAnchor = (date: string) => Math.round((Date.parse(`${date.slice(0, 10)}T00:00:00Z`) - Date.parse(`${anchor}T00:00:00Z`)) / DAY);
const share = (count: number) => count / total;
const locationsOf = (service: Json): Json[] => service.service_at_locations.map((sal: Json) => sal.location);
const isPhoneOnly = (service: Json) => service.delivery_modes?.join() === 'phone' && service.service_at_locations.length === 0;
const isOnlineOnly = (service: Json) =>
  service.delivery_modes?.join() === 'online' && locationsOf(service).every((location) => location.location_type === 'virtual');
const categoryCodes = (service: Json): string[] => service.attributes.map((attribute: Json) => attribute.taxonomy_term.code);
const textOf = (service: Json) => `${service.name} ${service.description}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('sample directory file', () => {
  it('has an anchor date and at least 250 services', () => {
    expect(anchor).toBe('2026-11-21');
    expect(total).toBeGreaterThanOrEqual(250);
  });

  it('passes serviceSchema for every record', () => {
    const failures = services.flatMap((service, index) => {
      const result = serviceSchema.safeParse(service);
      return result.success ? [] : [`${index} ${service.name}: ${result.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`];
    });
    expect(failures).toEqual([]);
  });

  it('uses UUIDs for every id, one id per service, and the same object whenever an id repeats', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (!value || typeof value !== 'object') return;
      const object = value as Json;
      if ('id' in object) {
        if (!UUID.test(object.id)) clashes.push(`not a UUID: ${object.id}`);
        const text = JSON.stringify(object);
        if (seen.has(object.id) && seen.get(object.id) !== text) clashes.push(`id ${object.id} names two different objects`);
        seen.set(object.id, text);
      }
      Object.values(object).forEach(visit);
    };
    visit(services);
    expect(clashes).toEqual([]);
    expect(new Set(services.map((service) => service.id)).size).toBe(total);
  });
});

describe('organisations', () => {
  const byOrg = new Map<string, number>();
  for (const service of services) byOrg.set(service.organization.id, (byOrg.get(service.organization.id) ?? 0) + 1);

  it('has at least 120 organisations each running 1 to 5 services', () => {
    expect(byOrg.size).toBeGreaterThanOrEqual(120);
    for (const count of byOrg.values()) {
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(5);
    }
    expect([...byOrg.values()].some((count) => count >= 4)).toBe(true);
    expect([...byOrg.values()].filter((count) => count === 1).length).toBeGreaterThan(10);
  });

  it('gives each organisation one id, used on every service it runs', () => {
    const idsByName = new Map<string, Set<string>>();
    for (const service of services) {
      const set = idsByName.get(service.organization.name) ?? new Set<string>();
      set.add(service.organization.id);
      idsByName.set(service.organization.name, set);
    }
    expect(idsByName.size).toBe(byOrg.size);
    for (const set of idsByName.values()) expect(set.size).toBe(1);
  });
});

describe('categories', () => {
  const termByCode = new Map(categories.map((term) => [term.id, term]));

  it('gives every service 1 to 3 category terms, mostly leaves, in the agreed shape', () => {
    let leaves = 0;
    let all = 0;
    for (const service of services) {
      expect(service.attributes.length).toBeGreaterThanOrEqual(1);
      expect(service.attributes.length).toBeLessThanOrEqual(3);
      for (const attribute of service.attributes) {
        const term = termByCode.get(attribute.taxonomy_term.code);
        expect(term, attribute.taxonomy_term.code).toBeDefined();
        expect(attribute.link_type).toBe('category');
        expect(attribute.taxonomy_term.id).toBe(term!.uuid);
        expect(attribute.taxonomy_term.taxonomy).toBe('categories');
        expect(attribute.taxonomy_term.taxonomy_id).toBe(uuidFor('taxonomy', 'categories'));
        expect(attribute.taxonomy_term.parent_id ?? null).toBe(term!.parent ? termByCode.get(term!.parent)!.uuid : null);
        all += 1;
        if (term!.parent) leaves += 1;
      }
    }
    expect(leaves / all).toBeGreaterThan(0.75);
  });

  it('uses every category term, top-level and leaf, at least once', () => {
    const used = new Set(services.flatMap(categoryCodes));
    expect(categories.map((term) => term.id).filter((code) => !used.has(code))).toEqual([]);
  });

  it('has 24-hour phone-only crisis lines and domestic abuse helplines for urgent help', () => {
    const roundTheClock = (service: Json) =>
      service.schedules.some((schedule: Json) => schedule.opens_at === '00:00' && schedule.closes_at === '23:59' && schedule.byday === 'MO,TU,WE,TH,FR,SA,SU');
    const crisisLines = services.filter((service) => categoryCodes(service).includes('crisis-lines'));
    expect(crisisLines.filter((service) => isPhoneOnly(service) && roundTheClock(service)).length).toBeGreaterThanOrEqual(3);
    const abuse = services.filter((service) => categoryCodes(service).includes('domestic-abuse'));
    expect(abuse.some((service) => isPhoneOnly(service) && roundTheClock(service))).toBe(true);
    const urgent = categories.filter((term) => term.urgent).map((term) => term.id);
    for (const code of urgent) {
      const active = services.filter((service) => service.status === 'active' && categoryCodes(service).includes(code));
      expect(active.length, code).toBeGreaterThan(0);
    }
  });
});

describe('places and accessibility', () => {
  const physical = services.flatMap(locationsOf).filter((location) => location.location_type === 'physical');
  const distinct = new Map(physical.map((location) => [location.id, location]));

  it('puts physical locations in Newcastle and Gateshead with addresses and postcodes', () => {
    for (const location of distinct.values()) {
      expect(location.latitude).toBeGreaterThan(54.88);
      expect(location.latitude).toBeLessThan(55.02);
      expect(location.longitude).toBeGreaterThan(-1.78);
      expect(location.longitude).toBeLessThan(-1.53);
      expect(location.name).toBeTruthy();
      const [address] = location.addresses;
      expect(address.address_1).toBeTruthy();
      expect(address.postal_code).toMatch(/^(NE\d{1,2}|DH3) \d[A-Z]{2}$/);
      expect(['Newcastle upon Tyne', 'Gateshead']).toContain(address.city);
      expect(address.state_province).toBe('Tyne and Wear');
      expect(address.country).toBe('GB');
      expect(address.address_type).toBe('physical');
    }
    expect([...distinct.values()].filter((location) => location.transportation).length / distinct.size).toBeGreaterThan(0.5);
    const cities = new Set([...distinct.values()].map((location) => location.addresses[0].city));
    expect(cities).toEqual(new Set(['Newcastle upon Tyne', 'Gateshead']));
  });

  it('has venues shared by several services', () => {
    const uses = new Map<string, number>();
    for (const location of physical) uses.set(location.id, (uses.get(location.id) ?? 0) + 1);
    expect([...uses.values()].filter((count) => count >= 3).length).toBeGreaterThanOrEqual(10);
  });

  it('uses every accessibility feature at some location, at most six per location', () => {
    const used = new Set<string>();
    for (const location of distinct.values()) {
      expect(location.attributes.length).toBeLessThanOrEqual(6);
      for (const attribute of location.attributes) {
        expect(attribute.taxonomy_term.taxonomy).toBe('accessibility');
        expect(attribute.taxonomy_term.taxonomy_id).toBe(uuidFor('taxonomy', 'accessibility'));
        used.add(attribute.taxonomy_term.code);
      }
    }
    expect(accessibility.map((term) => term.id).filter((code) => !used.has(code))).toEqual([]);
    expect([...distinct.values()].some((location) => location.accessibility.length > 0)).toBe(true);
    expect([...distinct.values()].some((location) => location.attributes.length === 0)).toBe(true);
  });
});

describe('getting there (the transport extensions)', () => {
  const physical = new Map(
    services
      .flatMap(locationsOf)
      .filter((location) => location.location_type === 'physical')
      .map((location) => [location.id, location]),
  );
  const places = [...physical.values()];
  const withTransport = places.filter((location) => location.transport);
  const stops = withTransport.flatMap((location) => location.transport.stops as Json[]);

  it('gives most physical places one to three stops nearby, with matching walks and mostly step-free routes', () => {
    expect(withTransport.length / places.length).toBeGreaterThan(0.8);
    for (const location of withTransport) {
      expect(location.transport.stops.length, location.name).toBeGreaterThanOrEqual(1);
      expect(location.transport.stops.length, location.name).toBeLessThanOrEqual(3);
    }
    for (const stop of stops) {
      expect(stop.name).toBeTruthy();
      expect(stop.distance_m).toBeGreaterThanOrEqual(50);
      expect(stop.distance_m).toBeLessThanOrEqual(900);
      // About 75 to 80 metres a minute.
      expect(Math.abs(stop.walk_minutes - stop.distance_m / 78)).toBeLessThanOrEqual(1.5);
      if (stop.mode === 'bus') for (const route of stop.routes) expect(route).toMatch(/^[A-Z]?\d{1,3}$/);
    }
    expect(stops.filter((stop) => stop.step_free_route === true).length / stops.length).toBeGreaterThan(0.6);
    expect(stops.some((stop) => stop.step_free_route === false)).toBe(true);
    const metro = stops.filter((stop) => stop.mode === 'metro');
    expect(metro.length).toBeGreaterThan(20);
    for (const name of ['Chillingham Road', 'Monument', 'Gateshead']) expect(metro.map((stop) => stop.name)).toContain(name);
    expect(metro.every((stop) => stop.routes.every((line: string) => ['Green', 'Yellow'].includes(line)))).toBe(true);
  });

  it('gives about half the places parking, some with blue badge spaces, and some cycle parking', () => {
    const parking = withTransport.filter((location) => location.transport.parking?.available || location.transport.parking?.blue_badge);
    expect(parking.length / places.length).toBeGreaterThan(0.35);
    expect(parking.length / places.length).toBeLessThan(0.7);
    expect(withTransport.filter((location) => location.transport.parking?.blue_badge).length).toBeGreaterThan(10);
    expect(withTransport.filter((location) => location.transport.cycle_parking === true).length).toBeGreaterThan(10);
  });

  it('has a few services that offer transport and some that visit people at home', () => {
    const offered = services.filter((service) => service.transport_offered);
    expect(offered.length).toBeGreaterThanOrEqual(5);
    expect(offered.length).toBeLessThan(total / 10);
    expect(offered.every((service) => service.transport_offered.description.length > 20)).toBe(true);
    expect(offered.some((service) => /minibus/.test(service.transport_offered.description))).toBe(true);
    const visits = services.filter((service) => service.home_visits === true);
    expect(visits.length).toBeGreaterThanOrEqual(8);
    expect(visits.length).toBeLessThan(total / 10);
    expect(visits.some((service) => categoryCodes(service).includes('befriending'))).toBe(true);
  });

  it('reads as plain sentences and gives every transport feature to some service', () => {
    for (const location of withTransport) {
      for (const line of gettingThere(
        serviceSchema.parse({ id: 'x', name: 'x', status: 'active', organization: { id: 'o', name: 'o' }, service_at_locations: [{ id: 's', location }] })
          .service_at_locations[0]!.location,
      )) {
        expect(line).toMatch(/^[A-Z][^]*\.$/);
        expect(line).not.toMatch(/undefined|null|NaN|\s{2}/);
      }
    }
    const features = new Set(services.flatMap((service) => transportFeatures(serviceSchema.parse(service))));
    expect([...features].sort()).toEqual(['bus', 'no_travel', 'parking', 'provided', 'step_free']);
  });
});

describe('contact details are fictional', () => {
  const text = JSON.stringify(services);

  it('uses only Ofcom drama phone numbers', () => {
    const numbers = [...text.matchAll(/"number":"([^"]*)"/g)].map((match) => match[1]!);
    expect(numbers.length).toBeGreaterThan(total);
    expect(numbers.filter((number) => !/^(0191 498 0\d{3}|07700 900\d{3})$/.test(number))).toEqual([]);
  });

  it('uses only example domains for email and web addresses', () => {
    const emails = [...text.matchAll(/"(?:email|assurer_email)":"([^"]*)"/g)].map((match) => match[1]!);
    const urls = [...text.matchAll(/"(?:url|website)":"([^"]*)"/g)].map((match) => match[1]!);
    expect(emails.filter((email) => !/@([a-z0-9-]+\.)*example\.(org|com|net)$/.test(email))).toEqual([]);
    expect(urls.filter((url) => !/^https:\/\/([a-z0-9-]+\.)*example\.(org|com|net)(\/|$)/.test(url))).toEqual([]);
  });
});

describe('delivery', () => {
  it('has phone-only, online-only, mixed and mostly in-person services', () => {
    const phoneOnly = services.filter(isPhoneOnly);
    const onlineOnly = services.filter(isOnlineOnly);
    expect(phoneOnly.length).toBeGreaterThanOrEqual(20);
    expect(phoneOnly.length).toBeLessThanOrEqual(35);
    expect(onlineOnly.length).toBeGreaterThanOrEqual(15);
    expect(onlineOnly.length).toBeLessThanOrEqual(30);
    for (const service of onlineOnly) {
      for (const location of locationsOf(service)) expect(location.latitude ?? null).toBeNull();
    }
    expect(services.filter((service) => service.delivery_modes?.join() === 'in_person,phone').length).toBeGreaterThanOrEqual(10);
    expect(share(services.filter((service) => service.delivery_modes?.includes('in_person')).length)).toBeGreaterThan(0.7);
    for (const service of services.filter((s) => s.delivery_modes?.join() === 'in_person' && s.service_at_locations.length)) {
      expect(locationsOf(service).some((location) => location.location_type === 'physical')).toBe(true);
    }
    for (const service of phoneOnly) expect(service.phones.length).toBeGreaterThan(0);
  });

  it('gives phone and online services a service area', () => {
    for (const service of [...services.filter(isPhoneOnly), ...services.filter(isOnlineOnly)]) {
      expect(service.service_areas.length, service.name).toBeGreaterThan(0);
    }
  });
});

describe('schedules', () => {
  const schedules = services.flatMap((service) => service.schedules as Json[]);
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

  it('covers mornings, afternoons, evenings, weekends, office hours, monthly and 24-hour times', () => {
    expect(services.every((service) => service.schedules.length >= 1)).toBe(true);
    expect(schedules.every((schedule) => ['WEEKLY', 'MONTHLY'].includes(schedule.freq))).toBe(true);
    expect(schedules.some((schedule) => minutes(schedule.opens_at) < 720 && /^(MO|TU|WE|TH|FR)$/.test(schedule.byday))).toBe(true);
    expect(schedules.some((schedule) => minutes(schedule.opens_at) >= 780 && minutes(schedule.closes_at) <= 1020)).toBe(true);
    expect(schedules.filter((schedule) => schedule.opens_at === '18:00' && schedule.closes_at === '20:00').length).toBeGreaterThan(10);
    expect(schedules.some((schedule) => /^(SA|SU)$/.test(schedule.byday))).toBe(true);
    expect(schedules.some((schedule) => schedule.byday === 'MO,TU,WE,TH,FR' && schedule.opens_at === '09:00' && schedule.closes_at === '17:00')).toBe(true);
    expect(schedules.some((schedule) => schedule.freq === 'MONTHLY' && /^[1-4](MO|TU|WE|TH|FR|SA)$/.test(schedule.byday))).toBe(true);
    expect(schedules.some((schedule) => schedule.freq === 'MONTHLY' && /^-1/.test(schedule.byday))).toBe(true);
    expect(schedules.some((schedule) => schedule.interval === 2)).toBe(true);
    expect(schedules.filter((schedule) => schedule.opens_at === '00:00' && schedule.closes_at === '23:59').length).toBeGreaterThanOrEqual(4);
  });

  it('has schedules that ended, schedules yet to start, two-session services and notes', () => {
    expect(schedules.filter((schedule) => schedule.valid_to && daysFromAnchor(schedule.valid_to) < 0).length).toBeGreaterThanOrEqual(3);
    expect(schedules.filter((schedule) => schedule.valid_from && daysFromAnchor(schedule.valid_from) > 0).length).toBeGreaterThanOrEqual(3);
    expect(services.filter((service) => service.schedules.length >= 2).length).toBeGreaterThanOrEqual(20);
    expect(schedules.some((schedule) => schedule.description === 'Term time only')).toBe(true);
  });
});

describe('costs', () => {
  const kindOf = (service: Json): string => {
    const options = service.cost_options as Json[];
    if (options.some((option) => /pay what you can|pay as you feel|donation/i.test(`${option.option} ${option.amount_description ?? ''}`))) return 'pwyc';
    if (options.some((option) => /concession/i.test(option.option ?? ''))) return 'concessions';
    if (options.every((option) => option.amount === 0)) return 'free';
    return 'priced';
  };

  it('has a realistic spread: about half free, pay what you can, concessions and single prices', () => {
    const counts = services.reduce<Record<string, number>>((acc, service) => ({ ...acc, [kindOf(service)]: (acc[kindOf(service)] ?? 0) + 1 }), {});
    expect(share(counts.free ?? 0)).toBeGreaterThan(0.4);
    expect(share(counts.free ?? 0)).toBeLessThan(0.65);
    expect(counts.pwyc ?? 0).toBeGreaterThanOrEqual(20);
    expect(counts.concessions ?? 0).toBeGreaterThanOrEqual(15);
    expect(counts.priced ?? 0).toBeGreaterThanOrEqual(20);
  });

  it('prices paid options between £1.50 and £12 in GBP, with some six-week courses', () => {
    const options = services.flatMap((service) => service.cost_options as Json[]);
    expect(options.every((option) => option.currency === 'GBP')).toBe(true);
    const paid = options.filter((option) => typeof option.amount === 'number' && option.amount > 0);
    expect(paid.length).toBeGreaterThan(50);
    for (const option of paid) {
      expect(option.amount).toBeGreaterThanOrEqual(1.5);
      expect(option.amount).toBeLessThanOrEqual(12);
    }
    expect(options.some((option) => option.amount_description === 'per 6-week course')).toBe(true);
    expect(options.some((option) => option.option === 'Concessions' && /benefits/.test(option.amount_description))).toBe(true);
  });
});

describe('referral, capacity and access', () => {
  it('says how to get in, with drop-in groups and GP or professional referral', () => {
    const routeSets = services.map((service) => [...service.referral_routes].sort().join('+'));
    expect(services.every((service) => service.referral_routes.length > 0 && service.referral_instructions)).toBe(true);
    expect(routeSets.filter((routes) => routes === 'drop_in+self').length).toBeGreaterThan(50);
    expect(routeSets.some((routes) => routes === 'gp+professional')).toBe(true);
    expect(routeSets.some((routes) => routes === 'professional')).toBe(true);
    expect(services.some((service) => service.referral_instructions === 'Just turn up. No need to book.')).toBe(true);
  });

  it('spreads capacity: mostly accepting, some waiting lists, full, paused and unstated', () => {
    const status = (value: string | null) => services.filter((service) => (service.capacity_status ?? null) === value).length;
    expect(share(status('accepting'))).toBeGreaterThan(0.5);
    expect(share(status('waiting_list'))).toBeGreaterThan(0.1);
    expect(share(status('waiting_list'))).toBeLessThan(0.2);
    expect(share(status('full'))).toBeGreaterThan(0.03);
    expect(share(status('full'))).toBeLessThan(0.08);
    expect(status('paused')).toBeGreaterThanOrEqual(5);
    expect(status(null)).toBeGreaterThan(0);
    for (const service of services.filter((s) => s.capacity_status === 'waiting_list')) {
      expect(service.waiting_weeks).toBeGreaterThanOrEqual(2);
      expect(service.waiting_weeks).toBeLessThanOrEqual(16);
      expect(service.referral_routes).not.toContain('drop_in');
    }
    expect(services.filter((service) => service.capacity_updated).length).toBeGreaterThan(total / 2);
  });

  it('describes support to attend, group size, first visits, who it is not for, eligibility, contacts and languages on some services', () => {
    const has = (test: (service: Json) => boolean) => services.filter(test).length;
    expect(has((service) => service.support_to_attend?.length > 0)).toBeGreaterThan(total / 3);
    expect(new Set(services.map((service) => service.group_size).filter(Boolean))).toEqual(new Set(['one_to_one', 'small_group', 'large_group']));
    expect(has((service) => Boolean(service.first_visit))).toBeGreaterThan(total / 3);
    expect(services.some((service) => service.first_visit === 'Someone will meet you at the door and make you a cup of tea.')).toBe(true);
    const notFor = services.filter((service) => service.not_for);
    expect(notFor.length).toBeGreaterThan(20);
    expect(notFor.length).toBeLessThan(total / 3);
    expect(notFor.every((service) => /^Not /.test(service.not_for))).toBe(true);
    expect(services.some((service) => service.not_for === 'Not for carers of children under 18.')).toBe(true);
    expect(has((service) => Boolean(service.eligibility_description))).toBeGreaterThan(20);
    expect(services.some((service) => /^For carers aged 18 and over living in (Newcastle|Gateshead)$/.test(service.eligibility_description ?? ''))).toBe(true);
    expect(has((service) => service.contacts.length > 0)).toBeGreaterThan(30);
    expect(has((service) => service.languages.length > 0)).toBeGreaterThan(15);
    expect(services.some((service) => service.languages.some((language: Json) => language.code === 'pl' && language.name === 'Polish'))).toBe(true);
  });

  it('mostly has no age limits, with children, young people, older people and adults-only services', () => {
    const aged = services.filter((service) => service.minimum_age != null || service.maximum_age != null);
    expect(share(aged.length)).toBeLessThan(0.4);
    const has = (min: number | null, max: number | null) =>
      services.some((service) => (service.minimum_age ?? null) === min && (service.maximum_age ?? null) === max);
    expect(has(11, 18) || has(11, 25)).toBe(true);
    expect(has(11, 25)).toBe(true);
    expect(has(0, 4) || has(0, 17)).toBe(true);
    expect(has(60, null)).toBe(true);
    expect(has(50, null)).toBe(true);
    expect(has(18, null)).toBe(true);
  });
});

describe('funding, assurance and status', () => {
  it('has 1 or 2 funding entries per service, ending in the past, within 60 days, later, or never', () => {
    const ends: (number | null)[] = [];
    for (const service of services) {
      expect(service.funding.length).toBeGreaterThanOrEqual(1);
      expect(service.funding.length).toBeLessThanOrEqual(2);
      for (const entry of service.funding) {
        expect(entry.source).toBeTruthy();
        expect(entry.start_date).toBeTruthy();
        ends.push(entry.end_date ? daysFromAnchor(entry.end_date) : null);
      }
    }
    const past = ends.filter((days) => days !== null && days < 0).length;
    const soon = ends.filter((days) => days !== null && days >= 1 && days <= 60).length;
    const later = ends.filter((days) => days !== null && days > 60).length;
    const open = ends.filter((days) => days === null).length;
    expect(share(past)).toBeGreaterThan(0.05);
    expect(share(past)).toBeLessThan(0.15);
    expect(share(soon)).toBeGreaterThan(0.07);
    expect(share(soon)).toBeLessThan(0.15);
    expect(later).toBeGreaterThan(total / 2);
    expect(open).toBeGreaterThan(0);
    const sources = new Set(services.flatMap((service) => service.funding.map((entry: Json) => entry.source)));
    for (const source of ['National Lottery Community Fund', 'Newcastle City Council', 'Gateshead Council', 'NHS North East and North Cumbria ICB']) {
      expect(sources).toContain(source);
    }
  });

  it('was mostly checked in the last six months, all within 18 months, and a few never', () => {
    const never = services.filter((service) => service.assured_date === null);
    expect(share(never.length)).toBeGreaterThan(0.03);
    expect(share(never.length)).toBeLessThan(0.1);
    const assured = services.filter((service) => service.assured_date);
    for (const service of assured) {
      expect(daysFromAnchor(service.assured_date)).toBeLessThanOrEqual(0);
      expect(daysFromAnchor(service.assured_date)).toBeGreaterThanOrEqual(-548);
      expect(service.assurer_email).toMatch(/@/);
    }
    expect(assured.filter((service) => daysFromAnchor(service.assured_date) >= -183).length / assured.length).toBeGreaterThan(0.6);
    expect(services.every((service) => !Number.isNaN(Date.parse(service.last_modified)) && /T/.test(service.last_modified))).toBe(true);
  });

  it('has 5 defunct, 5 temporarily closed (with alerts) and 3 inactive services, the rest active', () => {
    const count = (status: string) => services.filter((service) => service.status === status).length;
    expect(count('defunct')).toBe(5);
    expect(count('temporarily closed')).toBe(5);
    expect(count('inactive')).toBe(3);
    expect(count('active')).toBe(total - 13);
    for (const service of services.filter((s) => s.status === 'temporarily closed')) expect(service.alert).toBeTruthy();
    expect(services.filter((service) => service.status === 'active' && service.alert).length).toBeGreaterThan(3);
  });
});

describe('wording', () => {
  it('has varied plain-English descriptions of two to four sentences', () => {
    expect(new Set(services.map((service) => service.description)).size / total).toBeGreaterThan(0.85);
    for (const service of services) {
      const sentences = (service.description as string).match(/[.!?](\s|$)/g) ?? [];
      expect(sentences.length, service.name).toBeGreaterThanOrEqual(2);
      expect(sentences.length, service.name).toBeLessThanOrEqual(5);
    }
    expect(new Set(services.map((service) => service.name)).size).toBe(total);
  });

  it('spells foodbank both ways, and never says "lonely" about befriending or friendship groups', () => {
    expect(services.filter((service) => /foodbank/i.test(textOf(service))).length).toBeGreaterThanOrEqual(3);
    expect(services.filter((service) => /food bank/i.test(textOf(service))).length).toBeGreaterThanOrEqual(3);
    const friendly = services.filter((service) => categoryCodes(service).some((code) => ['befriending', 'social-groups', 'loneliness-social'].includes(code)));
    expect(friendly.length).toBeGreaterThan(20);
    expect(friendly.filter((service) => /lonel/i.test(textOf(service)))).toEqual([]);
    expect(friendly.some((service) => /befriend/i.test(textOf(service)))).toBe(true);
  });
});
