// The taxonomy in content/: a sound tree that covers what link workers refer to, in people's words.
import { describe, expect, it } from 'vitest';
import { getTaxonomy } from '../../src/lib/taxonomy/taxonomy';
import { uuidFor } from '../../src/lib/ids';

const taxonomy = getTaxonomy();

describe('the category taxonomy', () => {
  it('covers what link workers refer to, medical and social', () => {
    const topLevel = taxonomy.categories.filter((term) => !term.parent).map((term) => term.id);
    expect(topLevel).toEqual(
      expect.arrayContaining([
        'money-benefits-debt',
        'food',
        'housing',
        'work-learning-volunteering',
        'mental-health',
        'bereavement',
        'loneliness-social',
        'physical-activity',
        'arts-crafts-music',
        'nature-green-spaces',
        'digital-skills',
        'carers',
        'long-term-conditions',
        'alcohol-drugs',
        'family-children',
        'advice-advocacy',
        'health-services',
        'urgent-help',
      ]),
    );
  });
  it('is a tree with stable ids', () => {
    const codes = new Set<string>();
    for (const term of taxonomy.categories) {
      expect(codes.has(term.id), `${term.id} appears twice`).toBe(false);
      codes.add(term.id);
      if (term.parent) expect(codes.has(term.parent), `${term.id}'s parent comes first`).toBe(true);
      expect(term.uuid).toBe(uuidFor('category', term.id));
    }
    expect(taxonomy.descendantsOf('food')).toEqual(expect.arrayContaining(['food', 'food-banks', 'community-meals']));
    expect(taxonomy.ancestorsOf('food-banks')).toEqual(['food-banks', 'food']);
  });
  it('carries the words people actually type', () => {
    const layWords = new Set(taxonomy.categories.flatMap((term) => term.lay_words));
    for (const word of ['lonely', 'skint', 'foodbank', 'food bank', "can't pay rent", 'bereaved', 'depressed']) {
      expect(layWords.has(word), word).toBe(true);
    }
  });
  it('marks the urgent help terms', () => {
    expect(taxonomy.categories.filter((term) => term.urgent).map((term) => term.id)).toContain('crisis-lines');
  });
});

describe('the accessibility vocabulary', () => {
  it('has the features people ask about', () => {
    const codes = taxonomy.accessibility.map((term) => term.id);
    expect(codes).toEqual(
      expect.arrayContaining(['step-free', 'hearing-loop', 'quiet-space', 'dementia-friendly', 'autism-friendly', 'accessible-toilet', 'bsl', 'large-print']),
    );
    for (const term of taxonomy.accessibility) expect(term.uuid).toBe(uuidFor('accessibility', term.id));
  });
});
