import { describe, expect, it } from 'vitest';
import { mapTerms, matchByWords } from '../../src/lib/taxonomy/crosswalk';

const term = (id: string, name: string, parentId: string | null = null, code: string | null = null) => ({ id, name, parentId, code });

describe("mapping another taxonomy's terms onto our categories", () => {
  it('maps a term with the name of one of our categories, in any case or plural', () => {
    expect(matchByWords({ name: 'Food Banks' })).toEqual({ code: 'food-banks', method: 'name' });
    expect(matchByWords({ name: 'DIABETES', code: 'LT01' })).toEqual({ code: 'diabetes', method: 'name' });
    // Never by code: another taxonomy's codes are its own.
    expect(matchByWords({ name: 'Banks of the river Tyne', code: 'food-banks' })).toBeNull();
  });
  it('maps a term by the words people use for our categories', () => {
    expect(matchByWords({ name: 'Social Isolation', parentId: null })?.code).toBe('loneliness-social');
    expect(matchByWords({ name: 'Welfare rights advice', parentId: 'x' })?.code).toBe('benefits-advice');
    expect(matchByWords({ name: 'Counselling services', parentId: 'x' })?.code).toBe('talking-therapies');
    expect(matchByWords({ name: 'Lunch clubs and community cafes', parentId: 'x' })?.code).toBe('community-meals');
    expect(matchByWords({ name: 'Fuel poverty', parentId: 'x' })?.code).toBe('energy-bills');
  });
  it('leans a term at the top of its tree to a top-level category', () => {
    expect(matchByWords({ name: 'Money and Welfare', parentId: null })?.code).toBe('money-benefits-debt');
  });
  it('maps nothing on too little: a word many categories share, or no words at all', () => {
    expect(matchByWords({ name: 'Support services' })).toBeNull();
    expect(matchByWords({ name: 'Aquatics' })).toBeNull();
    expect(matchByWords({ name: 'Community' })).toBeNull();
  });
  it('lets a term with no words of its own follow the term it sits under, through several levels', () => {
    const decisions = mapTerms(
      [term('top', 'Active Lifestyles and sport'), term('mid', 'Aquatics', 'top'), term('leaf', 'Level 2', 'mid'), term('alone', 'Miscellaneous')],
      new Map(),
    );
    const byId = Object.fromEntries(decisions.map((d) => [d.termId, d]));
    expect(byId.top).toMatchObject({ categoryCode: 'physical-activity', method: 'lay_word' });
    expect(byId.mid).toMatchObject({ categoryCode: 'physical-activity', method: 'parent' });
    expect(byId.leaf).toMatchObject({ categoryCode: 'physical-activity', method: 'parent' });
    expect(byId.alone).toMatchObject({ categoryCode: null, method: 'none' });
  });
  it('follows a parent mapped before (by the panel or an earlier import)', () => {
    const decisions = mapTerms([term('child', 'Aquatics', 'old-parent')], new Map([['old-parent', { categoryCode: 'swimming' }]]));
    expect(decisions).toEqual([{ termId: 'child', categoryCode: 'swimming', method: 'parent' }]);
  });
});
