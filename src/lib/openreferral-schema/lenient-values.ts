// Dates and times that feeds write in forms the standard does not constrain ("15/03/2023",
// "9:00", "5.30pm"): read them when there is no doubt what they mean, into the form the
// directory stores, and say what was changed; leave anything doubtful for the schema to refuse.

export type Reading =
  | { ok: true; value: string; changed: boolean; /** What else the reading left out, for the import's summary. */ note?: string }
  | { ok: false; message: string };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const pad = (n: number) => String(n).padStart(2, '0');

function realDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function dateOf(year: number, month: number, day: number, given: string): Reading {
  if (!realDate(year, month, day)) return { ok: false, message: `is "${given}", which is not a real calendar date` };
  const value = `${year}-${pad(month)}-${pad(day)}`;
  return { ok: true, value, changed: value !== given };
}

/** "April", for messages people read. */
const monthName = (month: number) => (MONTHS[month - 1] ?? '?').replace(/^./, (letter) => letter.toUpperCase());

function monthNumber(word: string): number | null {
  const lower = word.toLowerCase().replace(/\.$/, '');
  if (lower.length < 3) return null;
  const index = MONTHS.findIndex((month) => month.startsWith(lower));
  return index === -1 ? null : index + 1;
}

/**
 * A calendar date: YYYY-MM-DD (a date-time is cut to its date), or a form with no doubt in it:
 * "2023-3-5", "15/03/2023" (a day over 12 fixes the order), "15 March 2023", "March 15, 2023".
 * "03/04/2023" could be 3 April or 4 March, so it is refused.
 */
export function readDate(given: string): Reading {
  const text = given.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})([T ].*)?$/.exec(text);
  if (match) {
    const reading = dateOf(Number(match[1]), Number(match[2]), Number(match[3]), text);
    // A date-time is cut to its date (the field holds a date, and the schemas say so); the time is said to be left out.
    if (reading.ok && match[4]) return { ...reading, changed: true, note: 'the time given with it is not kept, as this field holds a date' };
    return reading;
  }
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) {
    const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (first > 12 && second <= 12) return dateOf(year, second, first, text);
    if (second > 12 && first <= 12) return dateOf(year, first, second, text);
    if (first === second) return dateOf(year, first, first, text);
    return {
      ok: false,
      message: `is "${given}", which could be ${first} ${monthName(second)} or ${second} ${monthName(first)}; write it as YYYY-MM-DD`,
    };
  }
  match = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+\.?),?\s+(\d{4})$/.exec(text);
  const named = match ? { day: Number(match[1]), month: monthNumber(match[2]!), year: Number(match[3]) } : null;
  const match2 = named ? null : /^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  const named2 = match2 ? { day: Number(match2[2]), month: monthNumber(match2[1]!), year: Number(match2[3]) } : null;
  const words = named ?? named2;
  if (words && words.month) return dateOf(words.year, words.month, words.day, text);
  return { ok: false, message: `is "${given}", which is not a date written as YYYY-MM-DD` };
}

/**
 * A time of day as the standard's feeds send it. "HH:MM" and "HH:MM:SS" (with a fraction or a
 * zone) are kept exactly as sent; "9:00", "9.30", "0930", "9am" and "5:30pm" are read as the
 * 24-hour "HH:MM" they mean. "24:00" (the end of the day) is kept.
 */
export function readTime(given: string): Reading {
  const text = given.trim();
  if (/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(text) || /^24:00(:00)?$/.test(text)) {
    return { ok: true, value: text, changed: text !== given };
  }
  let match = /^(\d{1,2})[:.]([0-5]\d)(?::([0-5]\d))?$/.exec(text);
  if (match && Number(match[1]) <= 23) {
    const value = `${pad(Number(match[1]))}:${match[2]}${match[3] ? `:${match[3]}` : ''}`;
    return { ok: true, value, changed: true };
  }
  match = /^([01]\d|2[0-3])([0-5]\d)$/.exec(text);
  if (match) return { ok: true, value: `${match[1]}:${match[2]}`, changed: true };
  match = /^(\d{1,2})(?:[:.]([0-5]\d))?\s*([ap])\.?m\.?$/i.exec(text);
  if (match && Number(match[1]) >= 1 && Number(match[1]) <= 12) {
    const hour = (Number(match[1]) % 12) + (match[3]!.toLowerCase() === 'p' ? 12 : 0);
    return { ok: true, value: `${pad(hour)}:${match[2] ?? '00'}`, changed: true };
  }
  if (/^12\s*noon$/i.test(text) || /^noon$/i.test(text)) return { ok: true, value: '12:00', changed: true };
  if (/^midnight$/i.test(text)) return { ok: true, value: '00:00', changed: true };
  return { ok: false, message: `is "${given}", which is not a time written as HH:MM` };
}
