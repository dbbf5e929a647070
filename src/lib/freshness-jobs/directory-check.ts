// The freshness of the whole directory at once: every listing assessed by the rules, with counts
// by status and flag and the listings that most need a call (for npm run freshness and a dashboard).
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { readServices, serviceIds } from '../directory/service-reader';
import { serviceCategoryCodes } from '../search/search-document';
import { loadCrosswalk } from '../taxonomy/crosswalk-store';
import type { ServiceRecord } from '../openreferral-schema/schemas';
import { longDate, addDays } from '../dates';
import {
  FRESHNESS_FLAGS,
  FRESHNESS_STATUSES,
  NO_SIGNALS,
  assessFreshness,
  type Freshness,
  type FreshnessFlagName,
  type FreshnessStatus,
} from '../freshness/rules';
import type { FreshnessSettings } from '../freshness/settings';
import { loadFreshnessSignals } from '../freshness/signals';

const BATCH = 500;
/** Funding ending this soon is listed, whatever the rules' own "ending soon" setting. */
export const FUNDING_LIST_DAYS = 90;

export interface ServiceFreshness {
  id: string;
  name: string;
  organization: string;
  freshness: Freshness;
}

/** A listing that needs attention, and in a few words why. */
export interface ListedService {
  id: string;
  name: string;
  reason: string;
}

export interface DirectoryFreshnessSummary {
  today: string;
  total: number;
  byStatus: Record<FreshnessStatus, number>;
  byFlag: Record<FreshnessFlagName, number>;
}

export interface DirectoryFreshness {
  summary: DirectoryFreshnessSummary;
  /** Listings whose status is stale, by name. */
  stale: ListedService[];
  /** Listings whose funding ends from today to FUNDING_LIST_DAYS ahead, soonest first. */
  fundingEnding: ListedService[];
  services: ServiceFreshness[];
}

export interface DirectoryCheckOptions {
  onProgress?: (done: number, total: number) => void;
  /** Called with each record as it is assessed, for callers that need more of it (the dashboard). */
  onService?: (record: ServiceRecord, result: ServiceFreshness) => void;
}

export async function checkDirectory(
  db: Kysely<DatabaseSchema>,
  today: string,
  settings: FreshnessSettings,
  options: DirectoryCheckOptions = {},
): Promise<DirectoryFreshness> {
  const ids = await serviceIds(db);
  const crosswalk = await loadCrosswalk(db);
  const services: ServiceFreshness[] = [];
  options.onProgress?.(0, ids.length);
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const records = await readServices(db, batch);
    const signals = await loadFreshnessSignals(db, batch);
    for (const record of records) {
      const recordSignals = signals.get(record.id) ?? NO_SIGNALS;
      // The categories exactly as search sees them (with their parents), so both judge alike.
      const result: ServiceFreshness = {
        id: record.id,
        name: record.name,
        organization: record.organization.name,
        freshness: assessFreshness(record, serviceCategoryCodes(record, crosswalk), today, settings, recordSignals),
      };
      services.push(result);
      options.onService?.(record, result);
    }
    options.onProgress?.(Math.min(i + BATCH, ids.length), ids.length);
  }

  const byStatus = Object.fromEntries(FRESHNESS_STATUSES.map((status) => [status, 0])) as Record<FreshnessStatus, number>;
  const byFlag = Object.fromEntries(FRESHNESS_FLAGS.map((flag) => [flag, 0])) as Record<FreshnessFlagName, number>;
  for (const { freshness } of services) {
    byStatus[freshness.status]++;
    for (const { flag } of freshness.flags) byFlag[flag]++;
  }

  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en-GB');
  const stale = services
    .filter((service) => service.freshness.status === 'stale')
    .sort(byName)
    .map((service) => ({
      id: service.id,
      name: service.name,
      reason: service.freshness.flags
        .filter((flag) => flag.severity === 'stale')
        .map((flag) => flag.sentence)
        .join(' '),
    }));
  const horizon = addDays(today, FUNDING_LIST_DAYS);
  const fundingEnding = services
    .filter(({ freshness }) => freshness.funding_end_date && freshness.funding_end_date >= today && freshness.funding_end_date <= horizon)
    .sort((a, b) => a.freshness.funding_end_date!.localeCompare(b.freshness.funding_end_date!) || byName(a, b))
    .map((service) => ({ id: service.id, name: service.name, reason: `Funding ends on ${longDate(service.freshness.funding_end_date!)}.` }));

  return { summary: { today, total: services.length, byStatus, byFlag }, stale, fundingEnding, services };
}
