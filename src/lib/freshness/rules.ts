// Freshness rules: pure functions of (service, today, settings, signals) that say whether a
// listing can be trusted as it stands, and if not, why, in words a link worker can act on.
import type { ServiceRecord } from '../openreferral-schema/schemas';
import { isCurrent } from '../directory/schedule-text';
import { currentCostOptions } from '../directory/cost';
import { longDate, addDays } from '../dates';
import { effectiveDeliveryModes } from '../directory/delivery';
import type { FreshnessSettings } from './settings';

export const FRESHNESS_FLAGS = [
  'temporarily_closed',
  'funding_lapsed',
  'reported_problem',
  'verification_overdue',
  'never_verified',
  'schedule_expired',
  'cost_expired',
  'website_unreachable',
  'funding_ending_soon',
  'capacity_unknown',
] as const;
export type FreshnessFlagName = (typeof FRESHNESS_FLAGS)[number];

/** ok: nothing to add; check: worth a call before sending someone; stale: may well have stopped. */
export const FRESHNESS_STATUSES = ['ok', 'check', 'stale'] as const;
export type FreshnessStatus = (typeof FRESHNESS_STATUSES)[number];

/** 'info' is said but does not change the status. */
export type FlagSeverity = 'info' | 'check' | 'stale';

export interface FreshnessFlag {
  flag: FreshnessFlagName;
  severity: FlagSeverity;
  /** A plain sentence for the banner. */
  sentence: string;
}

/** What the rules need from outside the record. */
export interface FreshnessSignals {
  /** Problems reported and not yet dealt with. */
  openReports: number;
  /** Date of the newest open report (YYYY-MM-DD), if any. */
  lastReportDate?: string | null;
  /** Results of the website checks, newest first. */
  linkChecks: { ok: boolean }[];
}

export const NO_SIGNALS: FreshnessSignals = { openReports: 0, lastReportDate: null, linkChecks: [] };

export interface Freshness {
  status: FreshnessStatus;
  flags: FreshnessFlag[];
  assured_date: string | null;
  /** When its funding ends: the latest end date, unless some funding has none. */
  funding_end_date: string | null;
  /** When it should next be checked. */
  review_due: string | null;
}

/** The same day `months` later, or the month's last day when it has no such day (31 Aug + 6 = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** The review interval for a service: the shortest of its categories', or the default. */
export function reviewMonths(categoryCodes: readonly string[], settings: FreshnessSettings): number {
  const intervals = categoryCodes.map((code) => settings.review_months_by_category[code]).filter((m): m is number => m !== undefined);
  return intervals.length ? Math.min(...intervals) : settings.review_months;
}

/** Latest funding end date, or null when any funding runs on with no end (or there is none). */
export function fundingEndDate(service: Pick<ServiceRecord, 'funding'>): string | null {
  const funding = service.funding ?? [];
  if (!funding.length || funding.some((item) => !item.end_date)) return null;
  return funding
    .map((item) => item.end_date!)
    .sort()
    .at(-1)!;
}

/** How a service is reached, for wording its warnings: a phone line is rung, not "gone to". */
export interface Reached {
  /** It happens at a place people go to. */
  inPerson: boolean;
  /** It gives a phone number (its own, a place's or a contact's). */
  hasPhone: boolean;
  /** It gives an email address or a website. */
  hasOtherContact: boolean;
}

export function howReached(service: ServiceRecord): Reached {
  const phones = [
    ...(service.phones ?? []),
    ...(service.service_at_locations ?? []).flatMap((sal) => sal.location.phones ?? []),
    ...(service.contacts ?? []).flatMap((contact) => contact.phones ?? []),
  ];
  return {
    inPerson: effectiveDeliveryModes(service).includes('in_person'),
    hasPhone: phones.length > 0,
    hasOtherContact: Boolean(service.email || service.url || service.organization?.email || service.organization?.website),
  };
}

/** What to do about a doubt, in words that fit how the service is reached. */
export function checkFirstAdvice(reached: Reached): string {
  if (reached.inPerson) {
    if (reached.hasPhone) return 'Phone before you go.';
    if (reached.hasOtherContact) return 'Contact them before you go.';
    return 'Ask someone who knows it, or a link worker, before you go.';
  }
  if (reached.hasPhone) return 'The number may have changed.';
  return 'Check with them that it is still running.';
}

export function assessFreshness(
  service: ServiceRecord,
  categoryCodes: readonly string[],
  today: string,
  settings: FreshnessSettings,
  signals: FreshnessSignals = NO_SIGNALS,
): Freshness {
  const flags: FreshnessFlag[] = [];
  const add = (flag: FreshnessFlagName, severity: FlagSeverity, sentence: string) => flags.push({ flag, severity, sentence });
  const assured = service.assured_date ?? null;
  const reached = howReached(service);
  const checkFirst = checkFirstAdvice(reached);
  const ask = reached.hasPhone ? 'Phone' : 'Contact them';

  if (service.status === 'temporarily closed') {
    add('temporarily_closed', 'check', `This service is closed for now. ${ask} to ask when it will open again.`);
  }

  const fundingEnd = fundingEndDate(service);
  if (fundingEnd && fundingEnd < today && (!assured || assured <= fundingEnd)) {
    add('funding_lapsed', 'stale', `Funding for this group was due to end on ${longDate(fundingEnd)}. It may have stopped. ${checkFirst}`);
  } else if (fundingEnd && fundingEnd >= today && fundingEnd <= addDays(today, settings.funding_ending_soon_days)) {
    add('funding_ending_soon', 'check', `Funding for this group is due to end on ${longDate(fundingEnd)}. Check it is still running before you go.`);
  }

  if (signals.openReports > 0) {
    add(
      'reported_problem',
      'check',
      signals.lastReportDate
        ? `Someone told us on ${longDate(signals.lastReportDate)} that these details may be wrong. ${checkFirst}`
        : `Someone told us these details may be wrong. ${checkFirst}`,
    );
  }

  let reviewDue: string | null = null;
  if (!assured) {
    add('never_verified', 'check', `Nobody has checked these details yet. ${checkFirst}`);
  } else {
    reviewDue = addMonths(assured, reviewMonths(categoryCodes, settings));
    if (today > reviewDue) {
      const stale = today > addDays(reviewDue, settings.stale_days_after_due);
      add(
        'verification_overdue',
        stale ? 'stale' : 'check',
        `These details were last checked on ${longDate(assured)}, ${stale ? 'a long time ago' : 'some time ago'}. ${checkFirst}`,
      );
    }
  }

  const schedules = service.schedules ?? [];
  if (schedules.length && !schedules.some((schedule) => isCurrent(schedule, today))) {
    const ended = schedules
      .map((schedule) => schedule.valid_to)
      .filter((date): date is string => Boolean(date))
      .sort()
      .at(-1);
    add(
      'schedule_expired',
      'check',
      ended
        ? `The times we have ended on ${longDate(ended)}. ${ask} to ask when it runs now.`
        : `The times we have are out of date. ${ask} to ask when it runs now.`,
    );
  }

  const costs = service.cost_options ?? [];
  if (costs.length && currentCostOptions(costs, today).length === 0) {
    add('cost_expired', 'check', 'The prices we have are out of date. Ask what it costs now.');
  }

  const failures = settings.failed_link_checks;
  if (signals.linkChecks.length >= failures && signals.linkChecks.slice(0, failures).every((check) => !check.ok)) {
    add(
      'website_unreachable',
      'check',
      reached.hasPhone
        ? 'Their website has not been working when we checked. Phone or email them instead.'
        : 'Their website has not been working when we checked. Email them instead, or search again.',
    );
  }

  if (service.capacity_status) {
    const updated = service.capacity_updated ?? null;
    if (!updated || addMonths(updated, settings.capacity_months) < today) {
      add(
        'capacity_unknown',
        'info',
        updated
          ? `Space for new people was last updated on ${longDate(updated)}. Ask if there is a waiting list.`
          : 'We do not know when space for new people was last updated. Ask if there is a waiting list.',
      );
    }
  }

  flags.sort((a, b) => FRESHNESS_FLAGS.indexOf(a.flag) - FRESHNESS_FLAGS.indexOf(b.flag));
  const status: FreshnessStatus = flags.some((f) => f.severity === 'stale') ? 'stale' : flags.some((f) => f.severity === 'check') ? 'check' : 'ok';
  return { status, flags, assured_date: assured, funding_end_date: fundingEnd, review_due: reviewDue };
}
