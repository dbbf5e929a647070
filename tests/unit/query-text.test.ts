import { describe, expect, it } from 'vitest';
import { anyWord, foldText, knownCompounds, parseTextQuery, stemOf, termToken, typedOnly, wordsOf } from '../../src/lib/search/query-text';
import { toMatchExpression } from '../../src/lib/search/sqlite-fts/match-expression';

/** The match expression of what was typed (its stems, compounds and lay words), without synonyms. */
const typedExpression = (q: string) => toMatchExpression(typedOnly(parseTextQuery(q)));

/** The column filter every typed word is matched under: never the term tokens' column. */
const TEXT = '{name categories organization description}';

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
    expect(typedExpression('foodbank')).toBe(`(${TEXT} : ("foodbank"* OR "food bank"*) OR terms : "catfoodbanks")`);
    expect(typedExpression('food bank')).toBe(`(${TEXT} : ("food bank"* OR "foodbank"*) OR terms : "catfoodbanks")`);
  });
  it('knows a compound written in the plural', () => {
    expect(typedExpression('foodbanks')).toContain('"food bank"*');
    expect(typedExpression('food banks')).toContain('"foodbank"*');
  });
  it('matches lay words to the categories that list them, longest phrase first', () => {
    expect(termToken('category', 'loneliness-social')).toBe('catlonelinesssocial');
    expect(typedExpression('lonely')).toBe(`(${TEXT} : "lonely"* OR terms : ("catlonelinesssocial" OR "catbefriending"))`);
    // Filler words inside a lay phrase are kept; "to" is too short to be a prefix.
    expect(typedExpression('no one to talk to')).toBe(`(${TEXT} : "no one to talk to" OR terms : ("catlonelinesssocial" OR "catbefriending"))`);
    expect(typedExpression("can't pay rent")).toBe(`(${TEXT} : "can t pay rent"* OR terms : ("cathousing" OR "cathousingadvice"))`);
    expect(typedExpression('wheelchair')).toContain('"accstepfree"');
  });
  it('matches term tokens only in the terms column, and typed words never there', () => {
    for (const q of ['cat', 'acc', 'catfoodbanks', 'lonely', 'walking chess']) {
      for (const group of parseTextQuery(q).groups) {
        for (const phrase of group) {
          const isToken = /^(cat|acc)[a-z0-9]+$/.test(phrase.words[0]!) && !phrase.prefix && phrase.words.length === 1 && phrase.kind === 'term';
          expect(phrase.kind, `${q}: ${phrase.words.join(' ')}`).toBe(isToken ? 'term' : 'words');
        }
      }
    }
    expect(typedExpression('cat')).toBe(`${TEXT} : "cat"*`);
    expect(typedExpression('catfoodbanks')).toBe(`${TEXT} : ("catfoodbanks"* OR "catfoodbank"*)`);
  });
  it('quotes every word, so FTS5 syntax in input is just text', () => {
    const expression = typedExpression('NEAR(chess OR "xylophone") AND -x* ^col:1');
    // NEAR, OR and AND are filler words here; the rest are quoted words.
    expect(expression).toBe(`${TEXT} : "chess"* AND ${TEXT} : "xylophone"* AND ${TEXT} : "x" AND ${TEXT} : "col"* AND ${TEXT} : "1"`);
  });
  it('handles emoji, punctuation only and very long input', () => {
    expect(parseTextQuery('🙂🙂 !!! ???').groups).toEqual([]);
    expect(parseTextQuery('"').groups).toEqual([]);
    expect(parseTextQuery('walk '.repeat(2000)).groups.length).toBeLessThanOrEqual(12);
  });
  it('only makes long enough words into prefixes', () => {
    expect(typedExpression('sax')).toBe(`${TEXT} : "sax"*`);
    expect(typedExpression('qi')).toBe(`${TEXT} : "qi"`);
  });
  it('can loosen to any word', () => {
    // "walk" is the start of the place Walker: its forms are matched whole instead (place-words.ts).
    expect(toMatchExpression(anyWord(typedOnly(parseTextQuery('walking chess'))))).toBe(
      `(${TEXT} : ("walking"* OR "walk" OR "walks" OR "walked" OR "walking" OR "walkings" OR "walkers" OR "chess"*) OR terms : "catwalkinggroups")`,
    );
  });
});

describe('light stemming of what people type', () => {
  it('strips common English endings', () => {
    const cases: Record<string, string> = {
      walking: 'walk',
      walks: 'walk',
      walked: 'walk',
      walkers: 'walk',
      befriending: 'befriend',
      counselling: 'counsel',
      running: 'run',
      shopping: 'shop',
      groups: 'group',
      bereavement: 'bereave',
      treatments: 'treat',
      wellness: 'well',
      meetings: 'meet',
      classes: 'class',
      lunches: 'lunch',
      activities: 'activit',
      families: 'famil',
      friendly: 'friend',
      caring: 'care',
      hoping: 'hope',
      added: 'add',
      dances: 'dance',
      volunteers: 'volunte',
      gardener: 'garden',
    };
    for (const [word, stem] of Object.entries(cases)) expect(stemOf(word), word).toBe(stem);
  });
  it('leaves short words, -ss, -us and words whose stem would be too short alone', () => {
    for (const word of ['art', 'bus', 'class', 'fitness', 'crisis', 'lonely', 'carer', 'need', 'sing', 'spring', 'news', 'water', 'call']) {
      expect(stemOf(word), word).toBe(word);
    }
    expect(stemOf('carers')).toBe('carer');
    expect(stemOf('calling')).toBe('call');
    expect(stemOf('payments')).toBe('payment');
  });
  it('keeps lay words as they are, so "lonely" still finds befriending', () => {
    const group = parseTextQuery('lonely').groups[0]!;
    expect(group.filter((p) => p.kind === 'term').map((p) => p.words[0])).toEqual(['catlonelinesssocial', 'catbefriending']);
  });
  it('searches a word as its stem and as itself, each as a prefix', () => {
    expect(typedExpression('painters')).toBe(`${TEXT} : ("painters"* OR "paint"*)`);
    expect(typedExpression('shopping trips')).toBe(`${TEXT} : ("shopping"* OR "shop"*) AND ${TEXT} : ("trips"* OR "trip"*)`);
    // A word whose stem is a lay word ("gardens" -> "garden") finds that lay word's terms.
    expect(typedExpression('gardens')).toBe(`(${TEXT} : ("gardens"* OR "garden"*) OR terms : "catgardening")`);
    expect(typedExpression('food banks')).toContain('terms : "catfoodbanks"');
    // A lay word keeps its terms and is searched by its stem too.
    expect(typedExpression('befriending')).toBe(`(${TEXT} : ("befriending"* OR "befriend"*) OR terms : "catbefriending")`);
    // A partly typed word is a prefix of itself whatever its stem.
    expect(typedExpression('communit')).toBe(`${TEXT} : "communit"*`);
  });
});
