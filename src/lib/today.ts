// Today's date where the directory is: the UK, whatever the server's time zone.
const ukDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in the UK as YYYY-MM-DD. */
export function todayInUk(now = new Date()): string {
  return ukDate.format(now);
}
