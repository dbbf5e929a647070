// Dates as the directory uses them: today in the UK, and dates written out in British English.
const ukDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Today's date in the UK as YYYY-MM-DD. */
export function todayInUk(now = new Date()): string {
  return ukDate.format(now);
}

/** "3 March 2026" from "2026-03-03" (or a date-time); anything else is given back as it is. */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const month = MONTHS[Number(match[2]) - 1];
  const day = Number(match[3]);
  return month && day >= 1 && day <= 31 ? `${day} ${month} ${match[1]}` : iso;
}

/** The calendar date `days` after (or, negative, before) a YYYY-MM-DD date, as YYYY-MM-DD. */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Days since 1 January 1970 of a YYYY-MM-DD date (to compare and count whole days). */
export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}
