// The transport rules (which features a service has) and the words for getting there.
import { describe, expect, it } from 'vitest';
import { serviceSchema, type LocationRecord, type ServiceRecord } from '../../src/lib/openreferral-schema/schemas';
import {
  BUS_STOP_NEAR_METRES,
  TRANSPORT_FEATURES,
  gettingThere,
  parkingText,
  stopText,
  transportFeatures,
  transportOfferedText,
} from '../../src/lib/directory/transport';

type Transport = NonNullable<LocationRecord['transport']>;

/** A small service record, in person unless `extra` says otherwise (no fixtures: these rules need no database). */
function raw(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 's1', name: 'Transport test', status: 'active', organization: { id: 'o1', name: 'Test trust' }, delivery_modes: ['in_person'], ...extra };
}

/** A parsed service whose one place (physical unless said) has the given transport facts. */
function serviceWith(
  transport: Record<string, unknown> | null,
  extra: Record<string, unknown> = {},
  locationType: 'physical' | 'virtual' = 'physical',
): ServiceRecord {
  const location = { id: 'l1', location_type: locationType, name: 'The hall', ...(transport ? { transport } : {}) };
  return serviceSchema.parse(raw({ service_at_locations: [{ id: 'sal1', location }], ...extra }));
}

const bus = (stop: Record<string, unknown>) => ({ name: 'Heaton Road', mode: 'bus', routes: ['62'], ...stop });

describe('transportFeatures', () => {
  it('keeps the feature list the filter reads', () => {
    expect(TRANSPORT_FEATURES).toEqual(['bus', 'step_free', 'parking', 'provided', 'no_travel']);
    expect(BUS_STOP_NEAR_METRES).toBe(400);
  });

  it('gives nothing to an in-person service with no transport facts', () => {
    expect(transportFeatures(serviceWith(null))).toEqual([]);
  });

  it('counts a bus stop within 400 metres, or within 5 minutes when no distance is given', () => {
    expect(transportFeatures(serviceWith({ stops: [bus({ distance_m: 400 })] }))).toEqual(['bus']);
    expect(transportFeatures(serviceWith({ stops: [bus({ distance_m: 401 })] }))).toEqual([]);
    expect(transportFeatures(serviceWith({ stops: [bus({ walk_minutes: 5 })] }))).toEqual(['bus']);
    expect(transportFeatures(serviceWith({ stops: [bus({ walk_minutes: 6 })] }))).toEqual([]);
    // The distance decides when both are given.
    expect(transportFeatures(serviceWith({ stops: [bus({ distance_m: 600, walk_minutes: 2 })] }))).toEqual([]);
    // Neither given: not known to be close.
    expect(transportFeatures(serviceWith({ stops: [bus({})] }))).toEqual([]);
  });

  it('counts only bus stops for "bus", and only physical places', () => {
    expect(transportFeatures(serviceWith({ stops: [{ name: 'Chillingham Road', mode: 'metro', routes: [], distance_m: 100 }] }))).toEqual([]);
    const online = serviceWith({ stops: [bus({ distance_m: 50, step_free_route: true })], parking: { available: true } }, { delivery_modes: null }, 'virtual');
    expect(transportFeatures(online)).toEqual(['no_travel']);
  });

  it('counts a step-free route from any stop, near or not', () => {
    expect(transportFeatures(serviceWith({ stops: [bus({ distance_m: 800, step_free_route: true })] }))).toEqual(['step_free']);
    expect(transportFeatures(serviceWith({ stops: [bus({ distance_m: 800, step_free_route: false })] }))).toEqual([]);
  });

  it('counts parking when available, or when there are blue badge spaces', () => {
    expect(transportFeatures(serviceWith({ stops: [], parking: { available: true } }))).toEqual(['parking']);
    expect(transportFeatures(serviceWith({ stops: [], parking: { available: false, blue_badge: true } }))).toEqual(['parking']);
    expect(transportFeatures(serviceWith({ stops: [], parking: { available: false } }))).toEqual([]);
    expect(transportFeatures(serviceWith({ stops: [], cycle_parking: true }))).toEqual([]);
  });

  it('counts transport offered, and no travel for phone, online and home visits', () => {
    expect(transportFeatures(serviceWith(null, { transport_offered: { description: 'Our minibus picks you up.' } }))).toEqual(['provided']);
    expect(transportFeatures(serviceWith(null, { home_visits: true }))).toEqual(['no_travel']);
    expect(transportFeatures(serviceWith(null, { home_visits: false }))).toEqual([]);
    expect(transportFeatures(serviceWith(null, { delivery_modes: ['in_person', 'phone'] }))).toEqual(['no_travel']);
    const phoneOnly = serviceSchema.parse(raw({ delivery_modes: null, phones: [{ id: 'p', number: '0191 498 0000' }] }));
    expect(transportFeatures(phoneOnly)).toEqual(['no_travel']);
  });

  it('lists every feature a service has, in the filter order', () => {
    const record = serviceWith(
      { stops: [bus({ distance_m: 120, step_free_route: true })], parking: { available: true, blue_badge: true } },
      { transport_offered: { description: 'Lifts from home.' }, home_visits: true },
    );
    expect(transportFeatures(record)).toEqual(['bus', 'step_free', 'parking', 'provided', 'no_travel']);
  });
});

describe('getting there in words', () => {
  const parse = (transport: Record<string, unknown>) => serviceWith(transport).service_at_locations[0]!.location.transport as Transport;

  it('words a bus stop with distance, walk, routes and a step-free route', () => {
    const [stop] = parse({
      stops: [{ name: 'Heaton Road / Chillingham Road', mode: 'bus', routes: ['62', '63'], distance_m: 120, walk_minutes: 2, step_free_route: true }],
    }).stops;
    expect(stopText(stop!)).toBe(
      "Bus stop: Heaton Road / Chillingham Road, 120 metres away (about 2 minutes' walk). Buses 62 and 63 stop there. The route from the stop is step-free.",
    );
  });

  it('says "Bus 62 stops there" for one route, and lists three', () => {
    const [one, three] = parse({ stops: [bus({ distance_m: 50 }), bus({ routes: ['1', '62', '63'], walk_minutes: 1, step_free_route: false })] }).stops;
    expect(stopText(one!)).toBe('Bus stop: Heaton Road, 50 metres away. Bus 62 stops there.');
    expect(stopText(three!)).toBe("Bus stop: Heaton Road, 1 minute's walk. Buses 1, 62 and 63 stop there. The route from the stop is not step-free.");
  });

  it('words Metro and train stations, their lines, and long distances', () => {
    const { stops } = parse({
      stops: [
        { name: 'Chillingham Road', mode: 'metro', walk_minutes: 5 },
        { name: 'Monument', mode: 'metro', routes: ['Green', 'Yellow'], distance_m: 1250, walk_minutes: 16, step_free_route: true },
        { name: 'Blaydon', mode: 'train' },
        { name: 'Shields Ferry', mode: 'ferry', routes: ['F1'], distance_m: 0 },
      ],
    });
    expect(stops.map(stopText)).toEqual([
      "Metro station: Chillingham Road, 5 minutes' walk.",
      "Metro station: Monument, 1.3 kilometres away (about 16 minutes' walk). Green and Yellow line trains stop there. The route from the station is step-free.",
      'Train station: Blaydon.',
      'Ferry landing: Shields Ferry, right outside. Ferry F1 stops there.',
    ]);
  });

  it('words parking', () => {
    expect(parkingText({ available: true, free: true, blue_badge: true })).toBe('Parking: free car park, with blue badge spaces.');
    expect(parkingText({ available: true })).toBe('Parking: car park.');
    expect(parkingText({ available: true, free: false, blue_badge: false })).toBe('Parking: paid car park, but no blue badge spaces.');
    expect(parkingText({ available: false, blue_badge: true })).toBe('Parking: blue badge spaces only.');
    expect(parkingText({ available: false, notes: 'On-street parking nearby' })).toBe('Parking: no car park. On-street parking nearby.');
    expect(parkingText({ available: true, free: true, notes: 'Next to the building.' })).toBe('Parking: free car park. Next to the building.');
  });

  it('gives the lines for a place: stops, parking, cycle parking', () => {
    const record = serviceWith({
      stops: [{ name: 'Chillingham Road', mode: 'metro', walk_minutes: 5 }],
      parking: { available: true, free: true, blue_badge: true },
      cycle_parking: true,
    });
    expect(gettingThere(record.service_at_locations[0]!.location)).toEqual([
      "Metro station: Chillingham Road, 5 minutes' walk.",
      'Parking: free car park, with blue badge spaces.',
      'Cycle parking: yes.',
    ]);
    expect(gettingThere(serviceWith({ stops: [], cycle_parking: false }).service_at_locations[0]!.location)).toEqual(['Cycle parking: no.']);
  });

  it('gives nothing for a place with no transport facts, or an online one', () => {
    expect(gettingThere(serviceWith(null).service_at_locations[0]!.location)).toEqual([]);
    const online = serviceWith({ stops: [bus({ distance_m: 50 })] }, {}, 'virtual');
    expect(gettingThere(online.service_at_locations[0]!.location)).toEqual([]);
  });

  it('points to transport offered or home visits when given the service', () => {
    const place = serviceWith(null).service_at_locations[0]!.location;
    expect(gettingThere(place, { transport_offered: { description: 'Lifts.' } })).toEqual(['If getting here is hard, they offer transport.']);
    expect(gettingThere(place, { home_visits: true })).toEqual(['If getting here is hard, they can visit you at home instead.']);
    expect(gettingThere(place, { home_visits: false })).toEqual([]);
  });
});

describe('transportOfferedText', () => {
  it('words transport offered, with who can use it', () => {
    expect(
      transportOfferedText({
        transport_offered: { description: 'Our minibus picks people up from home in Walker and Byker', eligibility: 'people over 60 who cannot use buses' },
      }),
    ).toEqual(['They offer transport: Our minibus picks people up from home in Walker and Byker. Who can use it: people over 60 who cannot use buses.']);
    expect(transportOfferedText({ transport_offered: { description: 'Volunteer drivers can take you to the group.' } })).toEqual([
      'They offer transport: Volunteer drivers can take you to the group.',
    ]);
  });

  it('words home visits, and gives nothing when neither is set', () => {
    expect(transportOfferedText({ home_visits: true })).toEqual(['They visit people at home, so you do not need to travel.']);
    expect(transportOfferedText({ home_visits: false })).toEqual([]);
    expect(transportOfferedText({})).toEqual([]);
  });
});
