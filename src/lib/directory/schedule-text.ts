// Plain-English wording of Open Referral schedules ("Tuesdays, 10am to 12 noon"), and the days
// and parts of the day a schedule covers, for the day and time filters.
import { longDate } from '../dates';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];
export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

/** Minutes from midnight where each part of the day starts and ends. */
export const TIME_OF_DAY_RANGES: Record<TimeOfDay, [number, number]> = {
  morning: [0, 12 * 60],
  afternoon: [12 * 60, 17 * 60],
  evening: [17 * 60, 24 * 60],
};
/** A session must overlap a part of the day by this much to count as being in it. */
const MIN_OVERLAP_MINUTES = 30;

const ICAL_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ORDINALS: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '5': 'fifth', '-1': 'last', '-2': 'second to last' };

export interface ScheduleLike {
  freq?: string | null;
  interval?: number | null;
  byday?: string | null;
  bymonthday?: string | null;
  opens_at?: string | null;
  closes_at?: string | null;
  valid_from?: string | null;
  valid_to?: string | null;
  description?: string | null;
}

interface ByDay {
  day: number; // 0 = Monday
  ordinal: string | null; // "2", "-1" for monthly rules
}

export function parseByDay(byday: string | null | undefined): ByDay[] {
  if (!byday) return [];
  const parts: ByDay[] = [];
  for (const raw of byday.toUpperCase().split(',')) {
    const match = /^\s*([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)\s*$/.exec(raw);
    if (!match) continue;
    const day = ICAL_DAYS.indexOf(match[2] as (typeof ICAL_DAYS)[number]);
    parts.push({ day, ordinal: match[1] ? match[1].replace('+', '') : null });
  }
  return parts;
}

export function minutesOf(time: string | null | undefined): number | null {
  if (!time) return null;
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** "10am", "9:30am", "12 noon", "midnight", "5:45pm". */
export function clockText(time: string): string {
  const minutes = minutesOf(time);
  if (minutes === null) return time;
  const hours = Math.floor(minutes / 60);
  const mins = minutes % 60;
  if (hours === 0 && mins === 0) return 'midnight';
  if (hours === 12 && mins === 0) return '12 noon';
  const suffix = hours < 12 ? 'am' : 'pm';
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return mins === 0 ? `${hour12}${suffix}` : `${hour12}:${String(mins).padStart(2, '0')}${suffix}`;
}

function isAllDay(opens: string | null | undefined, closes: string | null | undefined): boolean {
  const open = minutesOf(opens);
  const close = minutesOf(closes);
  return open === 0 && close !== null && (close >= 23 * 60 + 59 || close === 0);
}

export function timeRangeText(opens: string | null | undefined, closes: string | null | undefined): string | null {
  if (isAllDay(opens, closes)) return '24 hours';
  if (opens && closes) return `${clockText(opens)} to ${clockText(closes)}`;
  if (opens) return `from ${clockText(opens)}`;
  if (closes) return `until ${clockText(closes)}`;
  return null;
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function ordinalDay(n: number): string {
  if (n < 0) return n === -1 ? 'last day' : `${ORDINALS[String(n)] ?? `${-n}th from last`} day`;
  const suffix = n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

function weeklyDaysText(days: number[], interval: number): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return interval > 1 ? `Every day, every ${interval} weeks` : 'Every day';
  let text: string;
  if (sorted.join() === '0,1,2,3,4') text = 'Monday to Friday';
  else if (sorted.join() === '5,6') text = 'Saturdays and Sundays';
  else if (sorted.length >= 3 && sorted[sorted.length - 1]! - sorted[0]! === sorted.length - 1) {
    text = `${DAY_NAMES[sorted[0]!]} to ${DAY_NAMES[sorted[sorted.length - 1]!]}`;
  } else {
    text = joinWords(sorted.map((day) => `${DAY_NAMES[day]}s`));
  }
  if (interval === 2) return `Every other ${joinWords(sorted.map((day) => DAY_NAMES[day]!))}`;
  if (interval > 2) return `Every ${interval} weeks on ${joinWords(sorted.map((day) => DAY_NAMES[day]!))}`;
  return text;
}

function daysText(schedule: ScheduleLike): string | null {
  const byday = parseByDay(schedule.byday);
  const interval = schedule.interval && schedule.interval > 1 ? schedule.interval : 1;
  if (schedule.freq === 'MONTHLY') {
    if (byday.length) {
      const parts = byday.map(({ day, ordinal }) => (ordinal ? `${ORDINALS[ordinal] ?? `${ordinal}th`} ${DAY_NAMES[day]}` : `every ${DAY_NAMES[day]}`));
      const text = joinWords(parts);
      return `${text[0]!.toUpperCase()}${text.slice(1)} of the month`;
    }
    if (schedule.bymonthday) {
      const days = schedule.bymonthday
        .split(',')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n !== 0);
      if (days.length) return `On the ${joinWords(days.map(ordinalDay))} of the month`;
    }
    return 'Once a month';
  }
  if (byday.length)
    return weeklyDaysText(
      byday.map((part) => part.day),
      interval,
    );
  if (schedule.freq === 'WEEKLY') return 'Every week';
  return null;
}

/** Has the schedule not ended yet (its valid_to has not passed)? Future ones are worded "From ...". */
export function isCurrent(schedule: { valid_to?: string | null }, today: string): boolean {
  return !schedule.valid_to || schedule.valid_to >= today;
}

/** Is the schedule running today: started (valid_from) and not ended (valid_to)? */
export function isInForce(schedule: { valid_from?: string | null; valid_to?: string | null }, today: string): boolean {
  return (!schedule.valid_from || schedule.valid_from <= today) && isCurrent(schedule, today);
}

/** One schedule in words, e.g. "Second Thursday of the month, 2pm to 4pm". */
export function describeSchedule(schedule: ScheduleLike, today?: string): string {
  const days = daysText(schedule);
  const times = timeRangeText(schedule.opens_at, schedule.closes_at);
  let text = [days, times].filter(Boolean).join(', ');
  if (!text) return schedule.description?.trim() || 'Times not given';
  if (schedule.valid_from && (!today || schedule.valid_from > today)) text = `From ${longDate(schedule.valid_from)}: ${text}`;
  if (schedule.valid_to) text += ` (until ${longDate(schedule.valid_to)})`;
  if (schedule.description?.trim()) text += `. ${schedule.description.trim().replace(/\.$/, '')}`;
  return text;
}

/** Every current schedule in words, joined; "" when there are none. */
export function describeSchedules(schedules: ScheduleLike[], today: string): string {
  return schedules
    .filter((schedule) => isCurrent(schedule, today))
    .map((schedule) => describeSchedule(schedule, today))
    .join('; ');
}

/**
 * The days (bit d for day d, Monday = 0) and day-by-part-of-day slots (bit day*3 + part)
 * that the schedules running today cover (not those that have ended or not started).
 */
/** A day and a part of the day that something runs in: "tue morning". */
export type Session = `${Day} ${TimeOfDay}`;

/** The days schedules in force cover, and the parts of those days (in DAYS, then TIMES_OF_DAY order). */
export function scheduleCoverage(schedules: ScheduleLike[], today: string): { days: Day[]; sessions: Session[] } {
  const days = new Set<number>();
  const sessions = new Set<number>();
  for (const schedule of schedules) {
    if (!isInForce(schedule, today)) continue;
    const open = minutesOf(schedule.opens_at);
    let close = minutesOf(schedule.closes_at);
    if (close !== null && open !== null && close <= open) close = 24 * 60; // runs past midnight
    const parts: number[] = [];
    if (open !== null && close !== null) {
      TIMES_OF_DAY.forEach((part, index) => {
        const [start, end] = TIME_OF_DAY_RANGES[part];
        const overlap = Math.min(end, close!) - Math.max(start, open);
        if (overlap >= MIN_OVERLAP_MINUTES) parts.push(index);
      });
    }
    const scheduleDays = parseByDay(schedule.byday).map((part) => part.day);
    const coveredDays = scheduleDays.length ? scheduleDays : schedule.freq === 'MONTHLY' && schedule.bymonthday ? [0, 1, 2, 3, 4, 5, 6] : [];
    for (const day of coveredDays) {
      days.add(day);
      for (const part of parts) sessions.add(day * TIMES_OF_DAY.length + part);
    }
  }
  const ordered = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return {
    days: ordered(days).map((day) => DAYS[day]!),
    sessions: ordered(sessions).map((slot): Session => `${DAYS[Math.floor(slot / TIMES_OF_DAY.length)]!} ${TIMES_OF_DAY[slot % TIMES_OF_DAY.length]!}`),
  };
}
