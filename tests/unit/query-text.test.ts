import { describe, expect, it } from 'vitest';
import { anyWord, foldText, knownCompounds, parseTextQuery, termToken, wordsOf } from '../../src/lib/search/query-text';
import { toMatchExpression } from '../../src/lib/search/sqlite-fts/match-expression';

describe('reading what people type', () => {
  it('folds accents and case', () => {
    expect(foldText('Café CRÈCHE')).toBe('cafe creche');
  });
  it('splits apostrophes as the index does', () => {
    expect(wordsOf("can't pay rent")).toEqual([['can', 't'], ['pay'], ['rent']]);
  });
  it('drops filler words but keeps a query made only of them', () => {
    expect(parseTextQuery('I need help with debt').groups.map((g) => g[0]!.words)).toEqual([['help'], ['debt']]);
    expect(parseTextQuery('the').groups).toHaveLength(1);
  });
  it('treats "foodbank" and "food bank" alike', () => {
    expect(knownCompounds().get('foodbank')).toEqual(['food', 'bank']);
    expect(toMatchExpression(parseTextQuery('foodbank'))).toBe('("foodbank"* OR "food bank"* OR "catfoodbanks")');
    expect(toMatchExpression(parseTextQuery('food bank'))).toBe('("food bank"* OR "foodbank"* OR "catfoodbanks")');
  });
  it('matches lay words to the categories that list them, longest phrase first', () => {
    expect(termToken('category', 'loneliness-social')).toBe('catlonelinesssocial');
    expect(toMatchExpression(parseTextQuery('lonely'))).toBe('("lonely"* OR "catlonelinesssocial" OR "catbefriending")');
    // Filler words inside a lay phrase are kept; "to" is too short to be a prefix.
    expect(toMatchExpression(parseTextQuery('no one to talk to'))).toBe('("no one to talk to" OR "catlonelinesssocial" OR "catbefriending")');
    expect(toMatchExpression(parseTextQuery("can't pay rent"))).toBe('("can t pay rent"* OR "cathousing" OR "cathousingadvice")');
    expect(toMatchExpression(parseTextQuery('wheelchair'))).toContain('"accstepfree"');
  });
  it('quotes every word, so FTS5 syntax in input is just text', () => {
    const expression = toMatchExpression(parseTextQuery('NEAR(chess OR "xylophone") AND -x* ^col:1'));
    // NEAR, OR and AND are filler words here; the rest are quoted words.
    expect(expression).toBe('"chess"* AND "xylophone"* AND "x" AND "col"* AND "1"');
  });
  it('handles emoji, punctuation only and very long input', () => {
    expect(parseTextQuery('🙂🙂 !!! ???').groups).toEqual([]);
    expect(parseTextQuery('walk '.repeat(2000)).groups.length).toBeLessThanOrEqual(12);
  });
  it('only makes long enough words into prefixes', () => {
    expect(toMatchExpression(parseTextQuery('sax'))).toBe('"sax"*');
    expect(toMatchExpression(parseTextQuery('qi'))).toBe('"qi"');
  });
  it('can loosen to any word', () => {
    expect(toMatchExpression(anyWord(parseTextQuery('walking chess')))).toBe('("walking"* OR "catwalkinggroups" OR "chess"*)');
  });
});
