// Each vocabulary's values and labels stay in step: every value has one label, no label names two
// values, and the zod enum accepts exactly the values. The places that used to restate a list
// now take it from src/lib/vocabulary.ts.
import { describe, expect, it } from 'vitest';
import { CAPACITY_FACET, CAPACITY_STATUS, UNMET_NEED_CHOSEN_REASON, UNMET_NEED_REASON, VOCABULARIES } from '../../src/lib/vocabulary';
import { CAPACITY_STATUSES, DELIVERY_MODES, REFERRAL_ROUTES } from '../../src/lib/openreferral-schema/schemas';
import { CAPACITY_LABELS as SEARCH_CAPACITY_LABELS, MODE_LABELS, REFERRAL_LABELS } from '../../src/lib/search/labels';
import { CAPACITY_FACETS } from '../../src/lib/search/filters';
import { ANSWER_LABELS, CAPACITY_LABELS as CONFIRMATION_CAPACITY_LABELS, CONFIRMATION_ANSWERS } from '../../src/lib/freshness-jobs/confirmation-links';
import { ALL_REASONS, CHOSEN_REASONS, REFERRAL_KINDS, UNMET_REASON_LABELS } from '../../src/lib/counts/counts';

describe.each(Object.entries(VOCABULARIES))('%s', (_name, vocabulary) => {
  it('has exactly one label for each value, no more, none empty, none repeated', () => {
    expect(Object.keys(vocabulary.labels).sort()).toEqual([...vocabulary.values].sort());
    expect(new Set(vocabulary.values).size).toBe(vocabulary.values.length);
    const labels = vocabulary.values.map((value) => (vocabulary.labels as Record<string, string | undefined>)[value]);
    for (const label of labels) expect(label?.trim()).toBeTruthy();
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('offers its values in order with their labels', () => {
    expect(vocabulary.options.map((option) => option.value)).toEqual([...vocabulary.values]);
    for (const option of vocabulary.options) expect(option.label).toBe((vocabulary.labels as Record<string, string>)[option.value]);
  });

  it('has a zod enum that takes each value and refuses anything else with the message given', () => {
    const schema = vocabulary.schema('Pick one.');
    for (const value of vocabulary.values) expect(schema.parse(value)).toBe(value);
    for (const bad of ['', 'not-a-value', vocabulary.values[0].toUpperCase(), 1]) {
      const result = schema.safeParse(bad);
      expect(result.success, String(bad)).toBe(false);
      if (!result.success) expect(result.error.issues[0]?.message).toBe('Pick one.');
    }
    expect(vocabulary.has(vocabulary.values[0])).toBe(true);
    expect(vocabulary.has('not-a-value')).toBe(false);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(vocabulary)).toBe(true);
    expect(Object.isFrozen(vocabulary.labels)).toBe(true);
  });
});

describe('the lists that used to be restated', () => {
  it('come from the vocabulary, so they cannot drift', () => {
    expect(REFERRAL_ROUTES).toBe(VOCABULARIES.REFERRAL_ROUTE.values);
    expect(REFERRAL_LABELS).toBe(VOCABULARIES.REFERRAL_ROUTE.labels);
    expect(CAPACITY_STATUSES).toBe(CAPACITY_STATUS.values);
    expect(CAPACITY_FACETS).toBe(CAPACITY_FACET.values);
    expect(DELIVERY_MODES).toBe(VOCABULARIES.DELIVERY_MODE.values);
    expect(MODE_LABELS).toBe(VOCABULARIES.DELIVERY_MODE.labels);
    expect(CONFIRMATION_ANSWERS).toBe(VOCABULARIES.CONFIRMATION_ANSWER.values);
    expect(ANSWER_LABELS).toBe(VOCABULARIES.CONFIRMATION_ANSWER.labels);
    expect(REFERRAL_KINDS).toBe(VOCABULARIES.REFERRAL_KIND.values);
    expect(CHOSEN_REASONS).toBe(UNMET_NEED_CHOSEN_REASON.values);
    expect(ALL_REASONS).toBe(UNMET_NEED_REASON.values);
    expect(UNMET_REASON_LABELS).toBe(UNMET_NEED_REASON.labels);
  });

  it('capacity has one set of words: search, the editor and the confirmation form agree', () => {
    for (const status of CAPACITY_STATUS.values) {
      expect(SEARCH_CAPACITY_LABELS[status]).toBe(CAPACITY_STATUS.labels[status]);
      expect(CONFIRMATION_CAPACITY_LABELS[status]).toBe(CAPACITY_STATUS.labels[status]);
    }
    expect(CAPACITY_FACET.values).toEqual([...CAPACITY_STATUS.values, 'unknown']);
  });

  it('the reasons people choose are every unmet-need reason but the one the search counts itself', () => {
    expect([...UNMET_NEED_CHOSEN_REASON.values, 'no_results']).toEqual([...UNMET_NEED_REASON.values]);
  });
});
