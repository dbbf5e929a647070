// A year in the life of a directory, in pure code: services change in the world, the directory
// learns of it through its check reminders and public reports, and each month we measure whether
// the freshness rules warned people about what the directory did not yet know.
import { CAPACITY_STATUSES, serviceSchema, type ServiceRecord } from '../openreferral-schema/schemas';
import { addMonths, assessFreshness, reviewMonths, type FreshnessSignals } from './rules';
import type { FreshnessSettings } from './settings';
import { prng } from '../random';

export type AssessFreshness = typeof assessFreshness;

export interface SimulationOptions {
  listings: number;
  days: number;
  seed: number;
  /** The share of check emails (first, reminder, urgent) that a provider answers. */
  answerRate: number;
  /** The first simulated day (YYYY-MM-DD). */
  start: string;
  settings: FreshnessSettings;
  /** The rules under test; swap in another to see what the measure says without them. */
  assess: AssessFreshness;
  rates: DecayRates;
}

/** How fast the world changes. Yearly rates are chances per listing per 365 days. */
export interface DecayRates {
  /** Services that stop and tell nobody. */
  closuresPerYear: number;
  /** Listings whose funding ends at some point in the run. */
  fundingEndingShare: number;
  /** Of those, the share that stop when it ends (the rest find new funding). */
  stopWhenFundingEnds: number;
  movesPerYear: number;
  /** Listings that say how much space they have for new people. */
  capacityShare: number;
  /** Changes in that space, per listing that says it. */
  capacityChangesPerYear: number;
  temporaryClosuresPerYear: number;
  temporaryClosureDays: [number, number];
  /** The share of changes that someone reports through the "report a problem" link. */
  reportShare: number;
  reportDelayDays: [number, number];
  /** How long a provider takes to answer an email they do answer. */
  answerDelayDays: [number, number];
  /** How long the panel takes to deal with a report (by checking the listing). */
  panelDelayDays: [number, number];
  /** Days between the first email and the reminder, and the first email and the urgent one. */
  reminderDays: number;
  urgentDays: number;
  /** Listings with a website, checked every `linkCheckEveryDays` (npm run freshness -- --check-links). */
  websiteShare: number;
  linkCheckEveryDays: number;
  /** Of services that stop, the share whose website stops working too, and how long after. */
  websiteLapsesOnClosure: number;
  websiteLapseDelayDays: [number, number];
}

export const DEFAULT_RATES: DecayRates = {
  closuresPerYear: 0.08,
  fundingEndingShare: 0.3,
  stopWhenFundingEnds: 0.5,
  movesPerYear: 0.05,
  capacityShare: 0.4,
  capacityChangesPerYear: 1,
  temporaryClosuresPerYear: 0.06,
  temporaryClosureDays: [14, 84],
  reportShare: 0.25,
  reportDelayDays: [3, 28],
  answerDelayDays: [1, 14],
  panelDelayDays: [1, 14],
  reminderDays: 14,
  urgentDays: 28,
  websiteShare: 0.65,
  linkCheckEveryDays: 7,
  websiteLapsesOnClosure: 0.5,
  websiteLapseDelayDays: [7, 120],
};

export const TARGETS = { minCoveredShare: 0.98, maxClosedShownOk: 0 } as const;

export interface MonthFigures {
  date: string;
  /** Listings shown to the public (not closed in the directory). */
  shown: number;
  /** Shown listings checked within their review interval, or carrying a check or stale flag. */
  covered: number;
  coveredShare: number;
  check: number;
  stale: number;
  /** Shown listings whose service has really stopped, with and without a warning. */
  closedShown: number;
  closedShownOk: number;
  /** Shown listings that differ from the world in any way (closed, moved, space, closed for now) and say 'ok'. */
  outOfDateShownOk: number;
  /** Listings the directory has marked closed so far. */
  archived: number;
}

export interface SimulationTotals {
  closures: number;
  fundingEnds: number;
  fundingStops: number;
  moves: number;
  capacityChanges: number;
  temporaryClosures: number;
  reports: number;
  emails: number;
  answers: number;
  panelChecks: number;
  /** Listings flagged because their website stopped answering. */
  websiteFlags: number;
}

export interface SimulationResult {
  options: Omit<SimulationOptions, 'settings' | 'assess'>;
  months: MonthFigures[];
  totals: SimulationTotals;
  targets: {
    coveredShare: { target: number; worst: number; pass: boolean };
    closedShownOk: { target: number; worst: number; pass: boolean };
  };
  pass: boolean;
}

const DAY_MS = 86_400_000;

function between(random: () => number, [low, high]: readonly [number, number]): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** How many times something with this mean happens (Knuth's method; the means here are small). */
function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = random(); product > limit; product *= random()) count++;
  return count;
}

type Capacity = (typeof CAPACITY_STATUSES)[number];

/** What is true of a service, whatever the directory says. */
interface World {
  closedOnDay: number | null;
  temporarilyClosed: boolean;
  /** Bumped on each move: the address the directory has is right when the numbers match. */
  place: number;
  capacity: Capacity | null;
  fundingEnd: string | null;
  /** The day its website stops answering, if it does (only ever after the service stops). */
  websiteDownFromDay: number | null;
}

/** What the directory says about it. */
interface Listing {
  id: string;
  categoryCodes: string[];
  reviewMonths: number;
  archived: boolean;
  temporarilyClosed: boolean;
  place: number;
  capacity: Capacity | null;
  capacityUpdated: string | null;
  fundingEnd: string | null;
  assuredDate: string;
  /** Day index on which the next check falls due (the first email). */
  dueDay: number;
  answerDay: number | null;
  panelDay: number | null;
  openReports: number;
  lastReportDate: string | null;
  /** Whether it lists a website, the day of the week its website is checked, and the results, newest first. */
  website: boolean;
  linkCheckDay: number;
  linkChecks: { ok: boolean }[];
}

type Change = (world: World, day: number) => void;

interface WorldEvent {
  day: number;
  change: Change;
  /** Day someone reports it, if anyone does. */
  reportDay: number | null;
  /** The total it counts towards, if any (a reopening counts towards none). */
  counts: keyof SimulationTotals | null;
}

function record(template: ServiceRecord, listing: Listing): ServiceRecord {
  return {
    ...template,
    id: listing.id,
    status: listing.temporarilyClosed ? 'temporarily closed' : 'active',
    assured_date: listing.assuredDate,
    funding: listing.fundingEnd ? [{ id: `${listing.id}-funding`, end_date: listing.fundingEnd }] : [],
    capacity_status: listing.capacity,
    capacity_updated: listing.capacityUpdated,
  };
}

function differs(listing: Listing, world: World): boolean {
  return (
    world.closedOnDay !== null || listing.temporarilyClosed !== world.temporarilyClosed || listing.place !== world.place || listing.capacity !== world.capacity
  );
}

export function simulateFreshness(
  partial: Partial<Omit<SimulationOptions, 'rates'>> & Pick<SimulationOptions, 'settings'> & { rates?: Partial<DecayRates> },
): SimulationResult {
  const options: SimulationOptions = {
    listings: 1000,
    days: 365,
    seed: 1,
    answerRate: 0.6,
    start: '2026-01-01',
    assess: assessFreshness,
    ...partial,
    rates: { ...DEFAULT_RATES, ...partial.rates },
  };
  const { listings: count, days, settings, assess, rates, answerRate } = options;
  const startMs = Date.parse(`${options.start}T00:00:00Z`);
  if (Number.isNaN(startMs)) throw new Error(`The start date "${options.start}" is not a date: give it as YYYY-MM-DD.`);
  const dateOf = (day: number) => new Date(startMs + day * DAY_MS).toISOString().slice(0, 10);
  const dayOf = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - startMs) / DAY_MS);
  const yearShare = days / 365;

  // Two streams, so the world is the same whatever the directory does (answer rate, rules).
  const worldRandom = prng(options.seed);
  const directoryRandom = prng(options.seed ^ 0x5bd1e995);

  const template = serviceSchema.parse({
    id: 'simulated',
    name: 'Simulated service',
    status: 'active',
    organization: { id: 'simulated-org', name: 'Simulated trust' },
  });
  const shortCategories = Object.keys(settings.review_months_by_category);
  const totals: SimulationTotals = {
    closures: 0,
    fundingEnds: 0,
    fundingStops: 0,
    moves: 0,
    capacityChanges: 0,
    temporaryClosures: 0,
    reports: 0,
    emails: 0,
    answers: 0,
    panelChecks: 0,
    websiteFlags: 0,
  };

  const worlds: World[] = [];
  const listings: Listing[] = [];
  const eventsByDay: { index: number; event: WorldEvent }[][] = Array.from({ length: days }, () => []);
  const reportsByDay: number[][] = Array.from({ length: days }, () => []);

  for (let index = 0; index < count; index++) {
    // One in ten is in a category checked more often (food banks, crisis lines).
    const categoryCodes = shortCategories.length && worldRandom() < 0.1 ? [shortCategories[Math.floor(worldRandom() * shortCategories.length)]!] : [];
    const months = reviewMonths(categoryCodes, settings);
    // A directory in its steady state: last checks spread evenly over the review interval before the start.
    const intervalDays = dayOf(addMonths(options.start, months));
    const assuredDate = dateOf(-1 - Math.floor(worldRandom() * intervalDays));
    const capacity = worldRandom() < rates.capacityShare ? CAPACITY_STATUSES[Math.floor(worldRandom() * CAPACITY_STATUSES.length)]! : null;
    const events: WorldEvent[] = [];
    const add = (counts: WorldEvent['counts'], change: Change, day = Math.floor(worldRandom() * days), visible = true) => {
      const reported = visible && worldRandom() < rates.reportShare;
      const reportDay = reported ? day + between(worldRandom, rates.reportDelayDays) : null;
      events.push({ day, change, reportDay, counts });
    };

    // The same draws whatever the rates, so changing one rate changes nothing else in the world.
    const website = worldRandom() < rates.websiteShare;
    const lapses = worldRandom() < rates.websiteLapsesOnClosure;
    const lapseDelay = between(worldRandom, rates.websiteLapseDelayDays);
    const websiteLapseDelay = website && lapses ? lapseDelay : null;
    const stop = (world: World, day: number) => {
      world.closedOnDay = day;
      if (websiteLapseDelay !== null) world.websiteDownFromDay = day + websiteLapseDelay;
    };
    let fundingEnd: string | null = null;
    if (worldRandom() < rates.fundingEndingShare) {
      const endDay = Math.floor(worldRandom() * days);
      fundingEnd = dateOf(endDay);
      if (worldRandom() < rates.stopWhenFundingEnds) {
        // It runs on its last funded day and stops the day after.
        add('fundingStops', (world, day) => stop(world, day), endDay + 1);
      } else {
        // New funding changes nothing anyone sees, so nobody reports it.
        add(
          'fundingEnds',
          (world) => {
            world.fundingEnd = dateOf(endDay + 365);
          },
          endDay,
          false,
        );
      }
    }
    if (worldRandom() < rates.closuresPerYear * yearShare) add('closures', (world, day) => stop(world, day));
    for (let n = poisson(worldRandom, rates.movesPerYear * yearShare); n > 0; n--)
      add('moves', (world) => {
        world.place++;
      });
    if (capacity) {
      for (let n = poisson(worldRandom, rates.capacityChangesPerYear * yearShare); n > 0; n--) {
        const next = CAPACITY_STATUSES[Math.floor(worldRandom() * (CAPACITY_STATUSES.length - 1))]!;
        add('capacityChanges', (world) => {
          // Any status but the present one.
          world.capacity = next === world.capacity ? CAPACITY_STATUSES.at(-1)! : next;
        });
      }
    }
    for (let n = poisson(worldRandom, rates.temporaryClosuresPerYear * yearShare); n > 0; n--) {
      const day = Math.floor(worldRandom() * days);
      const reopens = day + between(worldRandom, rates.temporaryClosureDays);
      add(
        'temporaryClosures',
        (world) => {
          world.temporarilyClosed = true;
        },
        day,
      );
      add(
        null,
        (world) => {
          world.temporarilyClosed = false;
        },
        reopens,
        false,
      );
    }

    worlds.push({ closedOnDay: null, temporarilyClosed: false, place: 0, capacity, fundingEnd, websiteDownFromDay: null });
    listings.push({
      id: `listing-${index + 1}`,
      categoryCodes,
      reviewMonths: months,
      archived: false,
      temporarilyClosed: false,
      place: 0,
      capacity,
      capacityUpdated: capacity ? assuredDate : null,
      fundingEnd,
      assuredDate,
      dueDay: dayOf(addMonths(assuredDate, months)),
      answerDay: null,
      panelDay: null,
      openReports: 0,
      lastReportDate: null,
      website,
      linkCheckDay: index % rates.linkCheckEveryDays,
      linkChecks: [],
    });
    for (const event of events) {
      if (event.day < days) eventsByDay[event.day]!.push({ index, event });
    }
  }

  /** A check by the provider or the panel: the directory now knows the truth. */
  const check = (listing: Listing, world: World, day: number) => {
    listing.answerDay = null;
    if (world.closedOnDay !== null) {
      listing.archived = true;
      return;
    }
    const today = dateOf(day);
    listing.assuredDate = today;
    listing.dueDay = dayOf(addMonths(today, listing.reviewMonths));
    listing.temporarilyClosed = world.temporarilyClosed;
    listing.place = world.place;
    listing.capacity = world.capacity;
    listing.capacityUpdated = world.capacity ? today : null;
    listing.fundingEnd = world.fundingEnd;
  };

  const months: MonthFigures[] = [];
  for (let day = 0; day < days; day++) {
    const today = dateOf(day);
    for (const { index, event } of eventsByDay[day]!) {
      const world = worlds[index]!;
      if (world.closedOnDay !== null) continue; // nothing more happens to a service that has stopped
      event.change(world, day);
      if (event.counts) totals[event.counts]++;
      if (event.reportDay !== null && event.reportDay < days) reportsByDay[event.reportDay]!.push(index);
    }
    for (const index of reportsByDay[day]!) {
      const listing = listings[index]!;
      // People report what they find wrong, on listings they can still see.
      if (listing.archived || !differs(listing, worlds[index]!)) continue;
      totals.reports++;
      listing.openReports++;
      listing.lastReportDate = today;
      listing.panelDay ??= day + between(directoryRandom, rates.panelDelayDays);
    }
    listings.forEach((listing, index) => {
      if (listing.archived) return;
      const world = worlds[index]!;
      if (listing.website && day % rates.linkCheckEveryDays === listing.linkCheckDay) {
        const ok = world.websiteDownFromDay === null || day < world.websiteDownFromDay;
        listing.linkChecks = [{ ok }, ...listing.linkChecks].slice(0, 5);
        const failures = settings.failed_link_checks;
        if (
          !ok &&
          listing.linkChecks.length >= failures &&
          listing.linkChecks.slice(0, failures).every((check) => !check.ok) &&
          (listing.linkChecks.length === failures || listing.linkChecks[failures]!.ok)
        ) {
          // Newly flagged: the panel sees it in the dashboard's queue and follows it up.
          totals.websiteFlags++;
          listing.panelDay ??= day + between(directoryRandom, rates.panelDelayDays);
        }
      }
      if (listing.panelDay === day) {
        totals.panelChecks++;
        listing.panelDay = null;
        listing.openReports = 0;
        listing.lastReportDate = null;
        check(listing, world, day);
        if (listing.archived) return;
      }
      if (listing.answerDay === day) {
        totals.answers++;
        check(listing, world, day);
        if (listing.archived) return;
      }
      const sinceDue = day - listing.dueDay;
      if (sinceDue === 0 || sinceDue === rates.reminderDays || sinceDue === rates.urgentDays) {
        totals.emails++;
        if (directoryRandom() < answerRate) {
          const answerDay = day + between(directoryRandom, rates.answerDelayDays);
          listing.answerDay = listing.answerDay === null ? answerDay : Math.min(listing.answerDay, answerDay);
        }
      }
    });

    const isMonthEnd = dateOf(day + 1).slice(0, 7) !== today.slice(0, 7);
    if (isMonthEnd || day === days - 1) months.push(measure(today, day));
  }

  function measure(today: string, day: number): MonthFigures {
    const figures: MonthFigures = {
      date: today,
      shown: 0,
      covered: 0,
      coveredShare: 1,
      check: 0,
      stale: 0,
      closedShown: 0,
      closedShownOk: 0,
      outOfDateShownOk: 0,
      archived: 0,
    };
    listings.forEach((listing, index) => {
      if (listing.archived) {
        figures.archived++;
        return;
      }
      const world = worlds[index]!;
      const signals: FreshnessSignals = { openReports: listing.openReports, lastReportDate: listing.lastReportDate, linkChecks: listing.linkChecks };
      const { status } = assess(record(template, listing), listing.categoryCodes, today, settings, signals);
      const inInterval = addMonths(listing.assuredDate, listing.reviewMonths) >= today;
      figures.shown++;
      if (inInterval || status !== 'ok') figures.covered++;
      if (status === 'check') figures.check++;
      if (status === 'stale') figures.stale++;
      const closed = world.closedOnDay !== null && world.closedOnDay <= day;
      if (closed) figures.closedShown++;
      if (closed && status === 'ok') figures.closedShownOk++;
      if (status === 'ok' && differs(listing, world)) figures.outOfDateShownOk++;
    });
    figures.coveredShare = figures.shown ? figures.covered / figures.shown : 1;
    return figures;
  }

  const worstShare = Math.min(...months.map((m) => m.coveredShare));
  const worstClosed = Math.max(...months.map((m) => m.closedShownOk));
  const targets = {
    coveredShare: { target: TARGETS.minCoveredShare, worst: worstShare, pass: worstShare >= TARGETS.minCoveredShare },
    closedShownOk: { target: TARGETS.maxClosedShownOk, worst: worstClosed, pass: worstClosed <= TARGETS.maxClosedShownOk },
  };
  const { settings: _settings, assess: _assess, ...shownOptions } = options;
  return { options: shownOptions, months, totals, targets, pass: targets.coveredShare.pass && targets.closedShownOk.pass };
}
