// Corrects misspelt words against the directory's own vocabulary ("lonley" -> "lonely",
// "councelling" -> "counselling"): a bounded edit distance, the closest and most used word first,
// and never a word the directory knows, nor one it has as the start of a word (partly typed).
import { getTaxonomy } from '../taxonomy/taxonomy';
import { getSynonyms } from '../taxonomy/synonyms';
import { FILLER_WORDS, foldText, wordsOf } from './query-text';
import { placeWords } from './place-words';

/** The words of a directory's search documents, as a backend keeps them. */
export interface Vocabulary {
  /** How many documents have this word (0 when none). */
  frequency(word: string): number;
  /** Does some word of the documents start with this? */
  isPrefix(word: string): boolean;
  /** Words of the documents that start with `start`, with how many documents have each. */
  wordsStartingWith(start: string): Iterable<[word: string, frequency: number]>;
}

export interface SpellingCorrection {
  /** The search as corrected, in the person's own wording except for the words put right. */
  q: string;
  words: { from: string; to: string }[];
}

/** Words shorter than this are never corrected: too many real words are one letter from them. */
const MIN_LENGTH = 4;

/** How many letters may be wrong: one in a short word, two in a longer one. */
export function maxEdits(word: string): number {
  return word.length >= 7 ? 2 : 1;
}

let known: Map<string, number> | undefined;

/**
 * Words the directory knows whatever its services say: category and accessibility names, lay
 * words, synonyms and place names, each counted as if a few documents had it.
 */
export function taxonomyWords(): Map<string, number> {
  if (known) return known;
  known = new Map();
  const add = (text: string) => {
    for (const word of wordsOf(text).flat()) known!.set(word, (known!.get(word) ?? 0) + 1);
  };
  const taxonomy = getTaxonomy();
  for (const term of [...taxonomy.categories, ...taxonomy.accessibility]) [term.name, ...term.lay_words].forEach(add);
  for (const synonym of getSynonyms()) [...synonym.when, ...synonym.also].forEach(add);
  for (const word of placeWords()) add(word);
  for (const word of FILLER_WORDS) add(word);
  return known;
}

/**
 * Optimal string alignment distance (a swap of two letters is one edit), or max + 1 once it is
 * certain to be more than max.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** The same letters with two neighbours swapped ("lonley", "lonely"). */
function isSwap(a: string, b: string): boolean {
  const differ: number[] = [];
  for (let i = 0; i < a.length && differ.length <= 2; i++) if (a[i] !== b[i]) differ.push(i);
  return differ.length === 2 && differ[1] === differ[0]! + 1 && a[differ[0]!] === b[differ[1]!] && a[differ[1]!] === b[differ[0]!];
}

function isKnown(word: string, vocabulary: Vocabulary): boolean {
  return taxonomyWords().has(word) || vocabulary.frequency(word) > 0 || vocabulary.isPrefix(word);
}

/** The closest word, and of equally close ones the one most documents have; undefined when none is close enough. */
export function correctionFor(word: string, vocabulary: Vocabulary): string | undefined {
  const max = maxEdits(word);
  let best: { word: string; distance: number; frequency: number } | undefined;
  const consider = (candidate: string, frequency: number) => {
    if (candidate === word || candidate.length < MIN_LENGTH - 1) return;
    // In a short word one changed letter too often makes another real word ("ahmed" -> "armed"):
    // only a letter missed, added or two swapped.
    if (word.length < 6 && candidate.length === word.length && !isSwap(word, candidate)) return;
    const distance = editDistance(word, candidate, max);
    if (distance > max) return;
    if (
      !best ||
      distance < best.distance ||
      (distance === best.distance && frequency > best.frequency) ||
      (distance === best.distance && frequency === best.frequency && candidate < best.word)
    ) {
      best = { word: candidate, distance, frequency };
    }
  };
  const extra = taxonomyWords();
  // Misspellings seldom get the first letter wrong; looking only under it keeps this quick.
  for (const [candidate, frequency] of vocabulary.wordsStartingWith(word[0]!)) consider(candidate, frequency + (extra.get(candidate) ?? 0));
  for (const [candidate, count] of extra) {
    if (candidate[0] === word[0] && vocabulary.frequency(candidate) === 0) consider(candidate, count);
  }
  return best?.word;
}

/**
 * The search with its unknown words corrected, or null when every word is known (or has nothing
 * close). Numbers, short words and words with an apostrophe are left as typed.
 */
export function correctSpelling(q: string, vocabulary: Vocabulary): SpellingCorrection | null {
  const words: { from: string; to: string }[] = [];
  const decided = new Map<string, string | null>();
  const corrected = q.replace(/[\p{L}\p{N}'’]+/gu, (token) => {
    const word = foldText(token);
    if (word.length < MIN_LENGTH || /[\d'’]/.test(word) || !/^\p{L}+$/u.test(word)) return token;
    if (!decided.has(word)) {
      const to = isKnown(word, vocabulary) ? null : (correctionFor(word, vocabulary) ?? null);
      decided.set(word, to);
      if (to) words.push({ from: word, to });
    }
    return decided.get(word) ?? token;
  });
  return words.length ? { q: corrected, words } : null;
}
