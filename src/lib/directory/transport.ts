// How people get to a service: the transport features a service can have, for the transport
// filter, and the plain words for "how to get there" on a service page. Pure rules, no I/O.
import type { LocationRecord, ServiceRecord, StopRecord, TransportRecord } from '../openreferral-schema/schemas';
import { effectiveDeliveryModes } from './delivery';

/** Features a service's own record can give it; "walk" (near enough to walk) depends on the search. */
export const TRANSPORT_FEATURES = ['bus', 'step_free', 'parking', 'provided', 'no_travel'] as const;
export type TransportFeature = (typeof TRANSPORT_FEATURES)[number];

/** A bus stop this close to a place counts as "close by" (the distance link workers use; about 5 minutes' walk). */
export const BUS_STOP_NEAR_METRES = 400;
/** When a feed gives only the walking time to a stop, this many minutes counts as close by. */
export const BUS_STOP_NEAR_MINUTES = 5;

/** Is this stop close by: within BUS_STOP_NEAR_METRES, or (with no distance given) BUS_STOP_NEAR_MINUTES' walk? */
export function isNearStop(stop: StopRecord): boolean {
  if (stop.distance_m != null) return stop.distance_m <= BUS_STOP_NEAR_METRES;
  return stop.walk_minutes != null && stop.walk_minutes <= BUS_STOP_NEAR_MINUTES;
}

/** The transport facts of the service's physical places. */
function physicalTransport(record: Pick<ServiceRecord, 'service_at_locations'>): TransportRecord[] {
  return record.service_at_locations
    .filter(({ location }) => location.location_type === 'physical' && location.transport)
    .map(({ location }) => location.transport!);
}

/**
 * The transport features of a service, in TRANSPORT_FEATURES order:
 * bus: a bus stop close by (isNearStop) at one of its physical places;
 * step_free: a stop there with a step-free route to the door;
 * parking: parking, or blue badge spaces, there;
 * provided: the service offers transport or lifts (transport_offered);
 * no_travel: it works by phone or online, or visits people at home.
 */
export function transportFeatures(record: ServiceRecord): TransportFeature[] {
  const places = physicalTransport(record);
  const stops = places.flatMap((transport) => transport.stops);
  const modes = effectiveDeliveryModes(record);
  const has: Record<TransportFeature, boolean> = {
    bus: stops.some((stop) => stop.mode === 'bus' && isNearStop(stop)),
    step_free: stops.some((stop) => stop.step_free_route === true),
    parking: places.some((transport) => transport.parking?.available === true || transport.parking?.blue_badge === true),
    provided: Boolean(record.transport_offered),
    no_travel: modes.includes('phone') || modes.includes('online') || record.home_visits === true,
  };
  return TRANSPORT_FEATURES.filter((feature) => has[feature]);
}

// ---- Words ---------------------------------------------------------------------------------

const STOP_WORDS: Record<StopRecord['mode'], { place: string; one: string; many: string }> = {
  bus: { place: 'Bus stop', one: 'Bus', many: 'Buses' },
  tram: { place: 'Tram stop', one: 'Tram', many: 'Trams' },
  ferry: { place: 'Ferry landing', one: 'Ferry', many: 'Ferries' },
  metro: { place: 'Metro station', one: '', many: '' },
  train: { place: 'Train station', one: '', many: '' },
};

/** "62", "62 and 63", "1, 62 and 63". */
function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function distanceInWords(metres: number): string {
  if (metres < 1000) {
    const rounded = Math.round(metres);
    return `${rounded} ${rounded === 1 ? 'metre' : 'metres'}`;
  }
  const km = Math.round(metres / 100) / 10;
  return `${km} ${km === 1 ? 'kilometre' : 'kilometres'}`;
}

function walkInWords(minutes: number): string {
  if (minutes < 1) return "less than a minute's walk";
  return minutes === 1 ? "1 minute's walk" : `${minutes} minutes' walk`;
}

/** "Buses 62 and 63 stop there.", "Bus 62 stops there.", "Green and Yellow line trains stop there." */
function routesInWords(stop: StopRecord): string | null {
  const routes = stop.routes.map((route) => route.trim()).filter(Boolean);
  if (!routes.length) return null;
  // Metro and rail routes are lines: "Yellow line trains", "Green and Yellow line trains".
  if (stop.mode === 'metro' || stop.mode === 'train') return `${listInWords(routes)} line trains stop there.`;
  const words = STOP_WORDS[stop.mode];
  return routes.length === 1 ? `${words.one} ${routes[0]} stops there.` : `${words.many} ${listInWords(routes)} stop there.`;
}

/** The sentences about one stop: where it is, what stops there, and whether the way from it is step-free. */
export function stopText(stop: StopRecord): string {
  const { distance_m: distance, walk_minutes: minutes } = stop;
  let where = `${STOP_WORDS[stop.mode].place}: ${stop.name.trim()}`;
  if (distance != null && distance < 10) where += ', right outside';
  else if (distance != null && minutes != null) where += `, ${distanceInWords(distance)} away (about ${walkInWords(minutes)})`;
  else if (distance != null) where += `, ${distanceInWords(distance)} away`;
  else if (minutes != null) where += `, ${walkInWords(minutes)}`;
  const sentences = [`${where}.`];
  const routes = routesInWords(stop);
  if (routes) sentences.push(routes);
  const from = stop.mode === 'metro' || stop.mode === 'train' ? 'station' : 'stop';
  if (stop.step_free_route === true) sentences.push(`The route from the ${from} is step-free.`);
  if (stop.step_free_route === false) sentences.push(`The route from the ${from} is not step-free.`);
  return sentences.join(' ');
}

/** "Parking: free car park, with blue badge spaces.", "Parking: no car park. On-street parking nearby." */
export function parkingText(parking: NonNullable<TransportRecord['parking']>): string {
  const notes = parking.notes?.trim();
  const withNotes = (text: string) => (notes ? `${text} ${/[.!?]$/.test(notes) ? notes : `${notes}.`}` : text);
  if (!parking.available) {
    return withNotes(parking.blue_badge ? 'Parking: blue badge spaces only.' : 'Parking: no car park.');
  }
  const kind = parking.free === true ? 'free car park' : parking.free === false ? 'paid car park' : 'car park';
  const badge = parking.blue_badge === true ? ', with blue badge spaces' : parking.blue_badge === false ? ', but no blue badge spaces' : '';
  return withNotes(`Parking: ${kind}${badge}.`);
}

/**
 * How to get to a place, one line each: its stops, parking and cycle parking, in plain words.
 * With the service, a last line says when it offers transport or visits people at home
 * (transportOfferedText gives the details). Empty for a place with no transport facts, and
 * for an online or postal place (transportFeatures ignores those too).
 */
export function gettingThere(
  location: Pick<LocationRecord, 'location_type' | 'transport'>,
  service?: Pick<ServiceRecord, 'transport_offered' | 'home_visits'>,
): string[] {
  const lines: string[] = [];
  const transport = location.location_type === 'physical' ? location.transport : null;
  if (transport) {
    lines.push(...transport.stops.map(stopText));
    if (transport.parking) lines.push(parkingText(transport.parking));
    if (transport.cycle_parking != null) lines.push(`Cycle parking: ${transport.cycle_parking ? 'yes' : 'no'}.`);
  }
  if (service?.transport_offered) lines.push('If getting here is hard, they offer transport.');
  else if (service?.home_visits === true) lines.push('If getting here is hard, they can visit you at home instead.');
  return lines;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * What the service offers so people need not make their own way there, one paragraph each:
 * "They offer transport: Our minibus picks people up... Who can use it: people over 60."
 * and "They visit people at home, so you do not need to travel."
 */
export function transportOfferedText(service: Pick<ServiceRecord, 'transport_offered' | 'home_visits'>): string[] {
  const paragraphs: string[] = [];
  const offered = service.transport_offered;
  if (offered?.description.trim()) {
    const eligibility = offered.eligibility?.trim();
    paragraphs.push(`They offer transport: ${sentence(offered.description)}${eligibility ? ` Who can use it: ${sentence(eligibility)}` : ''}`);
  }
  if (service.home_visits === true) paragraphs.push('They visit people at home, so you do not need to travel.');
  return paragraphs;
}
