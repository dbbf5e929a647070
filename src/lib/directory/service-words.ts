// Plain words for service details that the shared labels (src/lib/search/labels.ts) do not cover
// yet, and small text helpers for showing them. Rendering only: no rules about services here.
import type { ServiceRecord } from '../openreferral-schema/schemas';

export const STATUS_LABELS: Record<string, string> = {
  active: 'Open',
  inactive: 'Not running at the moment',
  defunct: 'Closed for good',
  'temporarily closed': 'Closed for now',
};

/** What a status means for someone thinking of going, for the banner on the service page. */
export const STATUS_MESSAGES: Record<string, string> = {
  inactive: 'This service is not running at the moment. Please contact them to check before you go.',
  defunct: 'This service has closed for good. You may find something similar by searching again.',
  'temporarily closed': 'This service is closed for now. Please contact them to find out when it will open again.',
};

export const SUPPORT_TO_ATTEND_LABELS: Record<NonNullable<ServiceRecord['support_to_attend']>[number], string> = {
  bring_someone: 'You can bring someone with you',
  met_on_first_visit: 'Someone can meet you when you first arrive',
  help_with_forms: 'They can help you fill in forms',
};

export const GROUP_SIZE_LABELS: Record<NonNullable<ServiceRecord['group_size']>, string> = {
  one_to_one: 'One to one (just you and a worker or volunteer)',
  small_group: 'A small group',
  large_group: 'A large group',
};

/** "In person, by phone and online" from ["In person", "By phone", "Online"]. */
export function modesInWords(labels: string[]): string {
  const words = labels.map((label, index) => (index === 0 ? label : label[0]!.toLowerCase() + label.slice(1)));
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** The first sentence of a description, cut at a word to about 160 characters. */
export function oneLine(description: string, max = 160): string {
  const text = description.replace(/\s+/g, ' ').trim();
  if (!text) return '';
  const sentence = /^.+?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${cut.slice(0, lastSpace > max / 2 ? lastSpace : max).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** Who a service is for, by age: "Ages 12 to 100", "Ages 18 and over", "Up to age 25". */
export function agesText(minimum: number | null | undefined, maximum: number | null | undefined): string | null {
  const min = minimum ?? null;
  const max = maximum ?? null;
  if (min !== null && max !== null) return min === max ? `Age ${min} only` : `Ages ${min} to ${max}`;
  if (min !== null) return min === 0 ? null : `Ages ${min} and over`;
  if (max !== null) return `Up to age ${max}`;
  return null;
}

/** A phone number as a tel: link target: digits and a leading plus only. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

/** A web address safe to link to: http or https only. */
export function safeWebHref(url: string | null | undefined): string | null {
  return url && /^https?:\/\/\S+$/i.test(url.trim()) ? url.trim() : null;
}

/** The page of an organisation and its services. */
export function organisationHref(id: string): string {
  return `/organisations/${encodeURIComponent(id)}`;
}

type Phone = ServiceRecord['phones'][number];

/** A text-message link: sms: with the digits only. */
export function smsHref(number: string): string {
  return `sms:${number.replace(/[^\d+]/g, '')}`;
}

/** Phones a person can text: those the listing marks as text lines. */
export function isTextPhone(phone: Pick<Phone, 'type'>): boolean {
  return phone.type === 'text' || phone.type === 'sms';
}

/** Every phone a listing gives: its own, then its places', then its contacts'. */
function allPhones(service: ServiceRecord): Phone[] {
  return [
    ...service.phones,
    ...service.service_at_locations.flatMap((sal) => sal.location.phones ?? []),
    ...service.contacts.flatMap((contact) => contact.phones ?? []),
  ];
}

/** The number to call: the first that is not a text, fax or pager line. */
export function callPhone(service: ServiceRecord): Phone | null {
  return allPhones(service).find((phone) => !isTextPhone(phone) && phone.type !== 'fax' && phone.type !== 'pager') ?? null;
}

/** The number to text, when the listing gives one. */
export function textPhone(service: ServiceRecord): Phone | null {
  return allPhones(service).find(isTextPhone) ?? null;
}

/**
 * A route to the first physical place (a maps address that opens the phone's own maps app), by
 * its position, else by its address; null for a service with no place to go to.
 */
export function directionsHref(service: ServiceRecord): { href: string; name: string } | null {
  const location = service.service_at_locations
    .map((sal) => sal.location)
    .find((place) => place.location_type !== 'virtual' && ((place.latitude != null && place.longitude != null) || place.addresses.length > 0));
  if (!location) return null;
  const address = location.addresses[0];
  const destination =
    location.latitude != null && location.longitude != null
      ? `${location.latitude},${location.longitude}`
      : [address?.address_1, address?.city, address?.postal_code].filter(Boolean).join(', ');
  const name = location.name?.trim() || address?.address_1?.trim() || 'the place';
  return { href: `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(destination)}`, name };
}
