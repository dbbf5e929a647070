// The order of "Urgent help now": lines open 24 hours first, then crisis lines, then help you can
// get today (food, money, a bed), then the rest, rather than A to Z. Pure: a full record in, a
// group out. The national numbers are listed here too, so every urgent page says the same.
import type { ServiceRecord } from '../openreferral-schema/schemas';
import { isCurrent } from './schedule-text';

export const URGENT_GROUPS = ['always_open', 'crisis_line', 'today', 'more'] as const;
export type UrgentGroup = (typeof URGENT_GROUPS)[number];

export const URGENT_GROUP_HEADINGS: Record<UrgentGroup, string> = {
  always_open: 'Open 24 hours, every day',
  crisis_line: 'Crisis lines',
  today: 'Help you can get today: food, money, somewhere to stay',
  more: 'More urgent help',
};

/** Numbers anyone in the UK can use, whatever the directory holds. */
export const NATIONAL_NUMBERS = [
  { what: 'If you or someone else is in danger or badly hurt', how: 'call', number: '999', label: '999' },
  { what: 'If you need medical help fast, or help in a mental health crisis (choose option 2)', how: 'call', number: '111', label: '111' },
  { what: 'To talk to someone any time, day or night, Samaritans (free)', how: 'call', number: '116123', label: '116 123' },
  { what: 'If you cannot talk, text SHOUT (free, any time)', how: 'text', number: '85258', label: '85258' },
  { what: 'National Domestic Abuse Helpline (free, any time)', how: 'call', number: '08082000247', label: '0808 2000 247' },
] as const;

const CRISIS_LINE_CATEGORIES = ['crisis-lines'];
const TODAY_CATEGORIES = ['emergency-food', 'emergency-money', 'emergency-housing'];
const ALL_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

function minutes(time: string | null | undefined): number | null {
  const match = /^(\d{1,2}):(\d{2})/.exec(time ?? '');
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Open round the clock every day of the week by a current schedule. */
export function isOpenAllHours(service: Pick<ServiceRecord, 'schedules'>, today: string): boolean {
  return service.schedules
    .filter((schedule) => isCurrent(schedule, today))
    .some((schedule) => {
      const days = (schedule.byday ?? '').split(',').map((day) => day.trim().toUpperCase().slice(-2));
      const everyDay = schedule.freq?.toUpperCase() === 'DAILY' || ALL_DAYS.every((day) => days.includes(day));
      const open = minutes(schedule.opens_at);
      const close = minutes(schedule.closes_at);
      return everyDay && open === 0 && close !== null && (close >= 23 * 60 + 59 || close === 0);
    });
}

/** Which group of urgent help a service belongs in, from its category codes and times. */
export function urgentGroup(service: Pick<ServiceRecord, 'schedules'>, categoryCodes: readonly string[], today: string): UrgentGroup {
  if (isOpenAllHours(service, today)) return 'always_open';
  if (categoryCodes.some((code) => CRISIS_LINE_CATEGORIES.includes(code))) return 'crisis_line';
  if (categoryCodes.some((code) => TODAY_CATEGORIES.includes(code))) return 'today';
  return 'more';
}

/** A crisis line comes first within its group (a 24-hour crisis line before a 24-hour housing line). */
export function isCrisisLine(categoryCodes: readonly string[]): boolean {
  return categoryCodes.some((code) => CRISIS_LINE_CATEGORIES.includes(code));
}

/** Services grouped in urgent order, each group kept in the order given (A to Z, say). */
export function groupUrgent<T>(services: readonly T[], groupOf: (service: T) => UrgentGroup): { group: UrgentGroup; services: T[] }[] {
  return URGENT_GROUPS.map((group) => ({ group, services: services.filter((service) => groupOf(service) === group) })).filter(
    (entry) => entry.services.length > 0,
  );
}
