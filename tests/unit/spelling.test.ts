import { describe, expect, it } from 'vitest';
import { correctSpelling, editDistance, type Vocabulary } from '../../src/lib/search/spelling';

/** A directory's words with how many documents have each, as a backend would give them. */
function vocabularyOf(words: Record<string, number>): Vocabulary {
  const entries = Object.entries(words).sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    frequency: (word) => words[word] ?? 0,
    isPrefix: (word) => entries.some(([known]) => known.length > word.length && known.startsWith(word)),
    wordsStartingWith: (start) => entries.filter(([known]) => known.startsWith(start)),
  };
}

const DIRECTORY = vocabularyOf({
  lonely: 3,
  loneliness: 2,
  counselling: 6,
  counsel: 1,
  benefits: 9,
  foodbank: 4,
  food: 20,
  bank: 5,
  walking: 8,
  group: 30,
  heaton: 5,
  jesmond: 4,
  bereavement: 5,
  armed: 1,
  forces: 1,
  cafe: 12,
  cake: 2,
  care: 9,
});

describe('edit distance', () => {
  it('counts a swap of two letters as one edit and stops once past the bound', () => {
    expect(editDistance('lonley', 'lonely', 2)).toBe(1);
    expect(editDistance('fodbank', 'foodbank', 2)).toBe(1);
    expect(editDistance('councelling', 'counselling', 2)).toBe(1);
    expect(editDistance('benfits', 'benefits', 2)).toBe(1);
    expect(editDistance('walking', 'wlakign', 2)).toBe(2);
    expect(editDistance('abc', 'xyzxyz', 2)).toBe(3);
  });
});

describe("correcting spelling against the directory's own words", () => {
  it('puts misspelt words right and says which', () => {
    expect(correctSpelling('lonley', DIRECTORY)).toEqual({ q: 'lonely', words: [{ from: 'lonley', to: 'lonely' }] });
    expect(correctSpelling('fodbank', DIRECTORY)?.q).toBe('foodbank');
    expect(correctSpelling('councelling', DIRECTORY)?.q).toBe('counselling');
    expect(correctSpelling('benfits', DIRECTORY)?.q).toBe('benefits');
    // Taxonomy words count though no service has them yet.
    expect(correctSpelling('skitn', vocabularyOf({}))?.q).toBe('skint');
  });
  it('keeps the rest of what was typed as it was, case and punctuation included', () => {
    expect(correctSpelling('Lonley, near Heaton!', DIRECTORY)?.q).toBe('lonely, near Heaton!');
    expect(correctSpelling('Bereavment café in Jesmond', DIRECTORY)?.q).toBe('bereavement café in Jesmond');
  });
  it('never corrects a word the directory knows, nor the start of one (partly typed)', () => {
    expect(correctSpelling('lonely walking group', DIRECTORY)).toBeNull();
    expect(correctSpelling('walki', DIRECTORY)).toBeNull();
    expect(correctSpelling('counsel', DIRECTORY)).toBeNull();
    // Words of the taxonomy, places and lay words are known whatever the services say.
    expect(correctSpelling('skint in felling', vocabularyOf({}))).toBeNull();
  });
  it('leaves short words, numbers, postcodes and words with nothing close as typed', () => {
    expect(correctSpelling('cak', DIRECTORY)).toBeNull();
    expect(correctSpelling('NE6 5LA', DIRECTORY)).toBeNull();
    expect(correctSpelling('0191 222', DIRECTORY)).toBeNull();
    expect(correctSpelling('xylophone', DIRECTORY)).toBeNull();
    expect(correctSpelling("can't", DIRECTORY)).toBeNull();
  });
  it('in a short word, does not swap one letter for another to make a different word', () => {
    // "ahmed" is a name, not a misspelling of "armed".
    expect(correctSpelling('ahmed', DIRECTORY)).toBeNull();
  });
  it('chooses the closest word, then the one more services use', () => {
    const words = vocabularyOf({ caring: 1, carers: 10, careers: 2 });
    expect(correctSpelling('carrers', words)?.q).toBe('carers');
  });
});
