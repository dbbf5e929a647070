// How results with words are ordered ("best match"), in one place for every search backend.
//
// 1. A service whose name is what was searched comes first ("walker foodbank" finds Walker
//    Foodbank; "grief counselling" finds "Grief Counselling – Jesmond", its name without its place),
//    even when it is stale: the person asked for it by name.
// 2. The words: services matching the words as typed (with their stems, compounds and the
//    categories they are lay words for) before those found only through words that mean the same
//    ("isolated" for "lonely"), which are another need as often as the same one ("loss" is grief,
//    "sight loss" is not).
// 3. Stale listings (src/lib/freshness/rules.ts) come after all the rest that match as well, in
//    every order: never hidden, never first.
// 4. Services whose name holds every word searched (or its start, or its stem), then the rest.
// 5. Among equal matches (the same name and words rank), open and checked listings come before
//    full, paused or never-checked ones (still shown, never hidden).
// 6. Then the backend's own relevance score (bm25 for SQLite FTS5), best first; equal scores go
//    nearer first when a place is given, then by name.
//
// Two bounds keep this quick on a large directory (src/lib/search/sqlite-fts/sqlite-fts-backend.ts):
// when the words as typed already match 1,000 services or more, words that mean the same are not
// added (they would rank after all of those); and with more than 2,000 matches, only the best few
// hundred matches of the words as typed are scored, when they fill the page.
//
// Sorting by distance or by most recently checked is not relevance and is decided elsewhere.
import { FILLER_WORDS, stemOf, wordsOf } from './query-text';

export const NAME_RANKS = { exact: 0, allWords: 1, other: 2 } as const;

/** The words of a text, without filler words, folded. */
function contentWords(text: string): string[] {
  return wordsOf(text)
    .flat()
    .filter((word) => !FILLER_WORDS.has(word));
}

/** The name without a trailing place ("Grief Counselling – Jesmond" -> "Grief Counselling"). */
function withoutPlace(name: string): string {
  return name.replace(/\s+[–—-]\s+[^–—-]+$/u, '');
}

/**
 * How a service's name stands to the words searched: 0 the name itself (or the name without its
 * place), 1 every word in the name (as a word, the start of one, or its stem), 2 otherwise.
 * Made once per search, then asked of each name.
 */
export function nameRanker(searched: string): (name: string) => number {
  const words = contentWords(searched);
  const joined = words.join(' ');
  const stems = words.map(stemOf);
  return (name) => {
    if (!words.length) return NAME_RANKS.other;
    const nameWords = contentWords(name);
    if (nameWords.join(' ') === joined || nameWords.join('') === words.join('') || contentWords(withoutPlace(name)).join(' ') === joined)
      return NAME_RANKS.exact;
    const inName = (word: string, i: number) => {
      const stem = stems[i]!;
      return nameWords.some((nameWord) => nameWord.startsWith(word) || (stem.length >= 3 && nameWord.startsWith(stem)));
    };
    return words.every(inName) ? NAME_RANKS.allWords : NAME_RANKS.other;
  };
}

export function nameRank(name: string, searched: string): number {
  return nameRanker(searched)(name);
}

/** Full, paused or never checked: shown after the open, checked listings that match as well. */
export function isLessAvailable(capacity: string | null, assuredDate: string | null): boolean {
  return capacity === 'full' || capacity === 'paused' || !assuredDate;
}

/**
 * One number per result that orders the steps above before the score: lower first. Backends add
 * their score (and distance, and name) after it.
 */
export function rankBand(rank: { stale: boolean; nameRank: number; typedMatch: boolean; lessAvailable: boolean }): number {
  if (rank.nameRank === NAME_RANKS.exact) return rank.stale ? 1 : 0;
  return 1000 + (rank.typedMatch ? 0 : 200) + (rank.stale ? 100 : 0) + rank.nameRank * 10 + (rank.lessAvailable ? 1 : 0);
}
