// The words of the PostgreSQL index, for correcting spelling (src/lib/search/spelling.ts), which
// asks its questions one at a time and synchronously. Before a search is corrected, everything
// it could ask about the words typed is read in three queries: how many documents have each word
// (and each taxonomy word with the same first letter), which words start other words (partly
// typed), and the words close to each one, found with pg_trgm's trigram similarity among the words
// with the same first letter and a length within two letters.
import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/types';
import { foldText } from '../query-text';
import { taxonomyWords, type Vocabulary } from '../spelling';

/**
 * Candidates share at least this much of their trigrams with the word typed. Low on purpose: the
 * edit distance in spelling.ts decides; this only keeps the far-off words out. Two letters wrong
 * in a seven-letter word still share about 0.14.
 */
const MIN_SIMILARITY = 0.1;
/** The words spelling.ts would look at: four letters or more, letters only. */
function checkedWords(q: string): string[] {
  const words = new Set<string>();
  for (const token of q.match(/[\p{L}\p{N}'’]+/gu) ?? []) {
    const word = foldText(token);
    if (word.length >= 4 && /^\p{L}+$/u.test(word)) words.add(word);
  }
  return [...words];
}

export async function vocabularyFor(db: Kysely<DatabaseSchema>, q: string): Promise<Vocabulary> {
  const words = checkedWords(q);
  const frequency = new Map<string, number>();
  const prefixes = new Set<string>();
  const close = new Map<string, number>();
  if (words.length) {
    const letters = new Set(words.map((word) => word[0]!));
    const asked = [...new Set([...words, ...[...taxonomyWords().keys()].filter((word) => letters.has(word[0]!))])];
    const [counts, starting, candidates] = await Promise.all([
      sql<{ word: string; documents: number }>`select word, documents from postgres_search.word where word = any(${asked}::text[])`.execute(db),
      sql<{ w: string }>`select q.w from unnest(${words}::text[]) as q(w) where exists (
        select 1 from postgres_search.word where word > q.w collate "C" and word < (q.w || chr(1114111)) collate "C")`.execute(db),
      sql<{ word: string; documents: number }>`select distinct x.word, x.documents from unnest(${words}::text[]) as q(w) cross join lateral (
        select word, documents from postgres_search.word
        where word >= left(q.w, 1) collate "C" and word < (left(q.w, 1) || chr(1114111)) collate "C"
          and abs(length(word) - length(q.w)) <= 2 and similarity(word, q.w) >= ${MIN_SIMILARITY}) as x`.execute(db),
    ]);
    for (const row of counts.rows) frequency.set(row.word, row.documents);
    for (const row of starting.rows) prefixes.add(row.w);
    for (const row of candidates.rows) close.set(row.word, row.documents);
  }
  return {
    frequency: (word) => frequency.get(word) ?? close.get(word) ?? 0,
    isPrefix: (word) => prefixes.has(word),
    wordsStartingWith: (start) => [...close].filter(([word]) => word.startsWith(start)),
  };
}
