// Stemming and prefixes never turn a word into the start of a place name: the collisions the
// sample's own place names make ("feeling" and Felling, "walking" and Walker, "heating" and Heaton).
import { describe, expect, it } from 'vitest';
import { parseTextQuery, stemOf } from '../../src/lib/search/query-text';
import { exactForms, placeReachedBy, placeWords } from '../../src/lib/search/place-words';
import { getTaxonomy } from '../../src/lib/taxonomy/taxonomy';
import { getSynonyms } from '../../src/lib/taxonomy/synonyms';

/** The place words a query's phrases would match although the person did not type that place. */
function placesReached(q: string): string[] {
  const typed = new Set(q.toLowerCase().split(/[^a-z]+/));
  const reached: string[] = [];
  for (const group of parseTextQuery(q).groups) {
    for (const phrase of group) {
      if (phrase.kind !== 'words') continue;
      const last = phrase.words[phrase.words.length - 1]!;
      for (const place of placeWords()) {
        if (typed.has(place)) continue;
        const hit = phrase.prefix ? place.startsWith(last) && place !== last && place !== `${last}s` : phrase.words.length === 1 && place === last;
        if (hit) reached.push(`${phrase.words.join(' ')}${phrase.prefix ? '*' : ''} -> ${place}`);
      }
    }
  }
  return reached;
}

describe('place names are never reached by stemming', () => {
  it('has the sample places whose names begin like everyday words', () => {
    for (const place of ['felling', 'walker', 'walkergate', 'heaton', 'newcastle', 'newburn', 'low', 'fell', 'highfield', 'greenside', 'gateshead']) {
      expect(placeWords().has(place), place).toBe(true);
    }
  });
  it('does not let the everyday words that collide with them reach them', () => {
    for (const q of [
      'feeling lonely',
      'feeling low',
      'walking',
      'walks',
      'walkers',
      'walk',
      'heating',
      'heat',
      'new mum',
      'new',
      'news',
      'high',
      'green',
      'gate',
      'falling',
      'fell over',
      'benefit',
      'dun',
      'team',
      'kind',
      'lob',
      'spend',
      'stellar',
    ]) {
      expect(placesReached(q), q).toEqual([]);
    }
  });
  it('does not let any lay word or synonym of the taxonomy reach a place it does not name', () => {
    const phrases = [
      ...getTaxonomy().categories.flatMap((term) => term.lay_words),
      ...getTaxonomy().accessibility.flatMap((term) => term.lay_words),
      ...getSynonyms().flatMap((synonym) => [...synonym.when, ...synonym.also]),
    ];
    const collisions = [...new Set(phrases)].flatMap((q) => placesReached(q).map((hit) => `${q}: ${hit}`));
    expect(collisions).toEqual([]);
  });
  it('still finds a place typed in full, and the other forms of a word that starts a place name', () => {
    expect(parseTextQuery('felling').groups[0]!.some((p) => p.words[0] === 'felling' && p.prefix)).toBe(true);
    expect(placeReachedBy('walk')).toBe('walker');
    expect(exactForms('walk')).toEqual(expect.arrayContaining(['walk', 'walks', 'walked', 'walking', 'walkers']));
    expect(exactForms('walk')).not.toContain('walker');
    expect(stemOf('feeling')).toBe('feel');
  });
});
