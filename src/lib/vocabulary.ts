// The site's fixed vocabularies, each once: its values (as stored and as sent in forms and
// addresses), the plain-English label people read for each, and a zod enum that accepts exactly
// those values. Pages, forms, the editor, search filters and change descriptions all take their
// words from here, so a value cannot be added without a label, and one value never has two
// different names on two pages.
import { z } from 'zod';

export interface Vocabulary<V extends string> {
  /** The values, in the order they are offered. */
  readonly values: readonly [V, ...V[]];
  /** The label people read for each value. */
  readonly labels: Readonly<Record<V, string>>;
  /** Value and label pairs, in order, for a list of choices. */
  readonly options: readonly { value: V; label: string }[];
  /** Is this text one of the values? */
  has(value: unknown): value is V;
  /** A zod enum of the values; anything else gets `message`. */
  schema(message?: string): z.ZodEnum<[V, ...V[]]>;
}

function vocabulary<const V extends readonly [string, ...string[]]>(values: V, labels: Record<V[number], string>): Vocabulary<V[number]> {
  type Value = V[number];
  const list = values as unknown as readonly [Value, ...Value[]];
  // Only the labels of these values (a narrower list may borrow a wider one's labels).
  const frozenLabels = Object.freeze(Object.fromEntries(list.map((value) => [value, labels[value]])) as Record<Value, string>);
  return Object.freeze({
    values: list,
    labels: frozenLabels,
    options: Object.freeze(list.map((value) => Object.freeze({ value, label: frozenLabels[value] }))),
    has: (value: unknown): value is Value => typeof value === 'string' && (list as readonly string[]).includes(value),
    schema: (message = 'Choose from the options listed.') => z.enum(list as unknown as [Value, ...Value[]], { errorMap: () => ({ message }) }),
  });
}

/** How a person gets into a service (Open Referral UK extension field referral_routes). */
export const REFERRAL_ROUTE = vocabulary(['self', 'drop_in', 'professional', 'gp'], {
  self: 'You can contact them yourself',
  drop_in: 'You can just turn up',
  professional: 'A worker can refer you',
  gp: 'Your GP can refer you',
});

/**
 * Whether a service can take someone new now (capacity_status). One set of words wherever it shows:
 * search filters and results, the service editor, providers' confirmation form, change history.
 */
export const CAPACITY_STATUS = vocabulary(['accepting', 'waiting_list', 'full', 'paused'], {
  accepting: 'Taking new people',
  waiting_list: 'Has a waiting list',
  full: 'Full',
  paused: 'Paused',
});

/** Capacity as search counts it: a listing that does not say is "unknown". */
export const CAPACITY_FACET = vocabulary([...CAPACITY_STATUS.values, 'unknown'], {
  ...CAPACITY_STATUS.labels,
  unknown: 'Not known',
});

/** How a service is delivered (delivery_modes). */
export const DELIVERY_MODE = vocabulary(['in_person', 'phone', 'online'], {
  in_person: 'In person',
  phone: 'By phone',
  online: 'Online',
});

/** What a link worker did with a service for a client (anonymous counts). */
export const REFERRAL_KIND = vocabulary(['referred', 'signposted'], {
  referred: 'Referred',
  signposted: 'Signposted',
});

/**
 * Why nothing suitable was found for a need (anonymous counts). The last, no_results, is counted by
 * the search itself when a search finds nothing; people choose from UNMET_NEED_CHOSEN_REASON.
 */
export const UNMET_NEED_REASON = vocabulary(['too_far', 'cost', 'times', 'full', 'eligibility', 'accessibility', 'language', 'no_such_service', 'no_results'], {
  too_far: 'Too far away',
  cost: 'Costs too much',
  times: 'Wrong days or times',
  full: 'Full or has a waiting list',
  eligibility: 'The person is not eligible',
  accessibility: 'Not accessible for the person',
  language: 'Not in the person’s language',
  no_such_service: 'No such service exists',
  no_results: 'A search found nothing',
});

/** The reasons a person can choose (every reason but no_results). */
export const UNMET_NEED_CHOSEN_REASON = vocabulary(
  ['too_far', 'cost', 'times', 'full', 'eligibility', 'accessibility', 'language', 'no_such_service'],
  UNMET_NEED_REASON.labels,
);

/** A provider's answer to "is this still running?" on a confirmation link. */
export const CONFIRMATION_ANSWER = vocabulary(['running', 'running_with_changes', 'paused', 'closed'], {
  running: 'Yes, it is still running and nothing has changed',
  running_with_changes: 'Yes, it is running, but some details have changed',
  paused: 'It is paused for now',
  closed: 'It has closed for good',
});

/** Every vocabulary, by name, for tests and documentation. */
export const VOCABULARIES = {
  REFERRAL_ROUTE,
  CAPACITY_STATUS,
  CAPACITY_FACET,
  DELIVERY_MODE,
  REFERRAL_KIND,
  UNMET_NEED_REASON,
  UNMET_NEED_CHOSEN_REASON,
  CONFIRMATION_ANSWER,
} as const;
