// Words the review queue's pages share: who a suggestion came from, and when, for people.
export const SOURCE_LABELS: Record<string, string> = {
  public: 'Public',
  link_worker: 'Link worker',
  org_editor: 'Organisation editor',
  panel: 'Community panel',
  admin: 'Administrator',
  provider_link: 'The provider (confirmation link)',
};

const FORMAT = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'Europe/London',
});

/** "21 November 2026, 3:05 pm" from an ISO date-time; "" when there is none. */
export function whenText(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : FORMAT.format(date);
}

const SHORT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });

/** "22 Nov 2026", for narrow table columns; "" when there is none. */
export function shortDateText(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : SHORT.format(date);
}
