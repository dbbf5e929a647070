// The freshness dashboard's words for statuses, flags and kinds of problem report, shared by the
// dashboard, its worklists and the review queue so each reads the same everywhere.
import type { FreshnessFlagName, FreshnessStatus } from '../freshness/rules';
import type { ProblemKind } from '../freshness/problem-reports';

export const STATUS_NAMES: Record<FreshnessStatus, string> = { ok: 'OK', check: 'Check before sending someone', stale: 'Stale: may have stopped' };

export const FLAG_NAMES: Record<FreshnessFlagName, string> = {
  temporarily_closed: 'Closed for now',
  funding_lapsed: 'Funding has ended',
  reported_problem: 'Problem reported',
  verification_overdue: 'Check overdue',
  never_verified: 'Never checked',
  schedule_expired: 'Times out of date',
  cost_expired: 'Prices out of date',
  website_unreachable: 'Website not working',
  funding_ending_soon: 'Funding ending soon',
  capacity_unknown: 'Space for new people not known',
};

/** Short names for the kinds of problem report (the public form's longer ones are in problem-reports.ts). */
export const REPORT_KIND_NAMES: Record<ProblemKind, string> = {
  closed: 'Closed',
  full: 'Full',
  details_wrong: 'Details wrong',
  moved: 'Moved',
  other: 'Something else',
};
