// One service on a shortlist handout, in the words the service page uses: what it is, when, cost,
// where and how to get there, how to get in, phone, when it was checked and any warning. The
// handout page, its easy-read version and the text-message version all read this.
import type { LocationRecord, ServiceRecord } from '../openreferral-schema/schemas';
import { describeSchedule, isCurrent } from '../directory/schedule-text';
import { summariseCost } from '../directory/cost';
import { effectiveDeliveryModes } from '../directory/delivery';
import { gettingThere, transportOfferedText } from '../directory/transport';
import type { Freshness } from '../freshness/rules';
import { MODE_LABELS, REFERRAL_LABELS } from '../search/labels';
import { getTaxonomy } from '../taxonomy/taxonomy';
import { modesInWords, oneLine, STATUS_MESSAGES } from '../directory/service-words';
import { howToStart, type HowToStart } from '../directory/how-to-start';
import { servicePath } from '../service-paths';

export interface HandoutPlace {
  name: string;
  /** The address on one line: "1 High Street, Newcastle upon Tyne, NE1 1AA". */
  address: string;
  /** Stops, walking time, step-free route, parking: one sentence each. */
  gettingThere: string[];
  /** Accessibility features by name ("Step-free entrance"). */
  access: string[];
}

export interface HandoutPhone {
  number: string;
  /** "text" for a line to text, else a voice line. */
  type: string | null;
  extension: string | null;
  description: string | null;
}

export interface HandoutEntry {
  id: string;
  name: string;
  organisation: string;
  /** One or two plain sentences. */
  what: string;
  /** Each current schedule in words; empty when not given. */
  when: string[];
  cost: string;
  /** "In person, by phone and online", or '' when not said. */
  modes: string;
  places: HandoutPlace[];
  /** For a service with no place: "Covers Newcastle upon Tyne", "By phone or online". */
  reach: string | null;
  /** Transport they offer, home visits. */
  travelHelp: string[];
  /** "You can just turn up", "Your GP can refer you", their own instructions. */
  howToGetIn: string[];
  /** How to start in a few words (just turn up, book, referral from whom, voucher), when known. */
  start: HowToStart | null;
  phones: HandoutPhone[];
  /** The assured date, YYYY-MM-DD, or null when never checked. */
  checkedOn: string | null;
  /** A closed or paused service says so first. */
  statusMessage: string | null;
  freshness: Freshness | undefined;
  path: string;
}

/** The first one or two sentences of a description, about 240 characters at most. */
export function whatItIs(description: string | null | undefined): string {
  const text = (description ?? '').replace(/\s+/g, ' ').trim();
  if (!text) return '';
  const first = oneLine(text, 200);
  if (first.endsWith('…') || first.length >= text.length) return first;
  const rest = text.slice(first.length).trim();
  const second = /^.+?[.!?](?=\s|$)/.exec(rest)?.[0];
  return second && first.length + second.length + 1 <= 240 ? `${first} ${second}` : first;
}

function placeOf(location: LocationRecord): HandoutPlace {
  const taxonomy = getTaxonomy();
  const address = location.addresses[0];
  const lines = address
    ? [address.address_1, address.address_2, address.city, address.postal_code].map((line) => line?.trim()).filter((line): line is string => Boolean(line))
    : [];
  const access = [
    ...new Set(
      location.attributes.flatMap((attribute) => {
        const termId = attribute.taxonomy_term?.id ?? attribute.taxonomy_term_id ?? '';
        const ours =
          taxonomy.accessibilityByUuid.get(termId) ??
          (attribute.taxonomy_term?.code ? taxonomy.accessibilityByCode.get(attribute.taxonomy_term.code) : undefined);
        const name = ours?.name ?? attribute.taxonomy_term?.name;
        return name ? [name] : [];
      }),
    ),
  ];
  const transportation = location.transportation?.trim();
  const name = location.name?.trim() || lines[0] || 'Place';
  // "Dunston Library, 40 Market Lane" under the name "Dunston Library": the name is said once.
  const withoutName = lines
    .map((line) => (line.toLowerCase().startsWith(`${name.toLowerCase()}, `) ? line.slice(name.length + 2).trim() : line))
    .filter((line) => line && line.toLowerCase() !== name.toLowerCase());
  return {
    name,
    address: withoutName.join(', '),
    gettingThere: [...(transportation ? [transportation] : []), ...gettingThere(location)],
    access,
  };
}

export function handoutEntry(service: ServiceRecord, today: string, freshness?: Freshness): HandoutEntry {
  const modes = effectiveDeliveryModes(service);
  const places = service.service_at_locations
    .map(({ location }) => location)
    .filter((location) => location.location_type === 'physical')
    .map(placeOf);
  const areas = service.service_areas.map((area) => area.name?.trim()).filter((name): name is string => Boolean(name));
  const remote = modes.filter((mode) => mode === 'phone' || mode === 'online').map((mode) => MODE_LABELS[mode]);
  const reach =
    places.length > 0
      ? null
      : areas.length > 0
        ? `Covers your area: ${areas.join(', ')}`
        : remote.length > 0
          ? `No travel needed: ${modesInWords(remote).toLowerCase()}`
          : service.home_visits === true
            ? 'No travel needed: they visit you at home'
            : null;
  const routes = service.referral_routes ?? [];
  // "Just turn up" first: it is the easiest way in.
  const ordered = [...routes].sort((a, b) => Number(b === 'drop_in') - Number(a === 'drop_in'));
  const howToGetIn = [
    ...ordered.map((route) => REFERRAL_LABELS[route]),
    ...(service.referral_instructions?.trim() ? [service.referral_instructions.trim()] : []),
  ];
  const phones = [
    ...service.phones,
    ...service.service_at_locations.flatMap(({ location }) => location.phones),
    ...service.contacts.flatMap((contact) => contact.phones),
  ]
    .map((phone) => ({
      number: phone.number.trim(),
      type: phone.type?.trim() || null,
      extension: phone.extension?.toString().trim() || null,
      description: phone.description?.trim() || null,
    }))
    .filter((phone, index, all) => phone.number && all.findIndex((other) => other.number === phone.number) === index);
  return {
    id: service.id,
    name: service.name.trim(),
    organisation: service.organization.name.trim(),
    what: whatItIs(service.description) || `Run by ${service.organization.name.trim()}.`,
    when: service.schedules.filter((schedule) => isCurrent(schedule, today)).map((schedule) => describeSchedule(schedule, today)),
    cost: summariseCost(service.cost_options, today, service.fees ?? service.fees_description).text,
    modes: modesInWords(modes.map((mode) => MODE_LABELS[mode])),
    places,
    reach,
    travelHelp: transportOfferedText(service),
    howToGetIn: howToGetIn.length ? howToGetIn : ['They have not said how to start: phone them to ask.'],
    start: howToStart(service),
    phones,
    checkedOn: service.assured_date ?? null,
    statusMessage: service.status !== 'active' ? (STATUS_MESSAGES[service.status] ?? null) : null,
    freshness,
    path: servicePath(service.id),
  };
}

/** The warnings worth printing: those that change whether to go (not the "good to know" ones). */
export function handoutWarnings(freshness: Freshness | undefined): string[] {
  return (freshness?.flags ?? []).filter((flag) => flag.severity !== 'info').map((flag) => flag.sentence);
}
