// Plain-English labels for filter values, shown on the search page.
import type { CapacityFacet, CostBand, Day, DeliveryMode, ReferralRoute, TimeOfDay } from './filters';

export const COST_LABELS: Record<CostBand, string> = {
  free: 'Free',
  pwyc: 'Pay what you can',
  concessions: 'Cheaper for some people (concessions)',
};
export const MODE_LABELS: Record<DeliveryMode, string> = {
  in_person: 'In person',
  phone: 'By phone',
  online: 'Online',
};
export const DAY_LABELS: Record<Day, string> = {
  mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday',
};
export const TIME_LABELS: Record<TimeOfDay, string> = {
  morning: 'Morning (before 12 noon)',
  afternoon: 'Afternoon (12 noon to 5pm)',
  evening: 'Evening (after 5pm)',
};
export const REFERRAL_LABELS: Record<ReferralRoute, string> = {
  self: 'You can contact them yourself',
  drop_in: 'You can just turn up',
  professional: 'A worker can refer you',
  gp: 'Your GP can refer you',
};
export const CAPACITY_LABELS: Record<CapacityFacet, string> = {
  accepting: 'Taking new people',
  waiting_list: 'Has a waiting list',
  full: 'Full',
  paused: 'Paused',
  unknown: 'Not known',
};
export const SORT_LABELS = { relevance: 'Best match', distance: 'Nearest first', recently_verified: 'Most recently checked' } as const;
export const TRANSPORT_LABELS = {
  bus: 'Bus stop close by (within 400 metres)',
  walk: 'Within walking distance',
  step_free: 'Step-free route from the stop',
  parking: 'Parking',
  provided: 'Transport or lifts offered',
  no_travel: 'No travel needed (phone, online or home visits)',
} as const;
