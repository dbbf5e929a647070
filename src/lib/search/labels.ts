// Plain-English labels for filter values, shown on the search page.
import type { CapacityFacet, CostBand, Day, DeliveryMode, ReferralRoute, TimeOfDay } from './filters';
import { CAPACITY_FACET, DELIVERY_MODE, REFERRAL_ROUTE } from '../vocabulary';

export const COST_LABELS: Record<CostBand, string> = {
  free: 'Free',
  pwyc: 'Pay what you can',
  concessions: 'Cheaper for some people (concessions)',
};
export const MODE_LABELS: Readonly<Record<DeliveryMode, string>> = DELIVERY_MODE.labels;
export const DAY_LABELS: Record<Day, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
export const TIME_LABELS: Record<TimeOfDay, string> = {
  morning: 'Morning (before 12 noon)',
  afternoon: 'Afternoon (12 noon to 5pm)',
  evening: 'Evening (after 5pm)',
};
export const REFERRAL_LABELS: Readonly<Record<ReferralRoute, string>> = REFERRAL_ROUTE.labels;
export const CAPACITY_LABELS: Readonly<Record<CapacityFacet, string>> = CAPACITY_FACET.labels;
export const SORT_LABELS = { relevance: 'Best match', distance: 'Nearest first', recently_verified: 'Most recently checked' } as const;
export const TRANSPORT_LABELS = {
  bus: 'Bus stop close by (within 400 metres)',
  walk: 'Within walking distance',
  step_free: 'Step-free route from the stop',
  parking: 'Parking',
  provided: 'Transport or lifts offered',
  no_travel: 'No travel needed (phone, online or home visits)',
} as const;
