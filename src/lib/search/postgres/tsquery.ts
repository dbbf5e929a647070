// Renders a TextQuery (query-text.ts) as PostgreSQL full-text SQL: each group of phrases becomes
// `(words @@ '…'::tsquery or terms @@ '…'::tsquery)`, groups joined by AND, in the same shape as
// the SQLite backend's MATCH expression (sqlite-fts/match-expression.ts). Words are folded and split
// by query-text.ts and documents by `indexText` below, so both sides hold the same tokens and the
// 'simple' configuration only lowercases: no second stemming, no stop words.
import { sql, type RawBuilder } from 'kysely';
import type { Phrase, TextQuery } from '../query-text';
import { wordsOf } from '../query-text';

/** ts_rank_cd weights for D, C, B, A: description, organisation, categories, name (as SQLite's bm25 10, 5, 3, 1).
 * Ranks are divided by 1 + log(length) (normalization 1), as bm25 favours a shorter field. */
const WEIGHTS = '{0.1, 0.3, 0.5, 1.0}';
/** How much a term token (a category the words stand for) counts, against a word in the name. */
const TERM_WEIGHT = 0.5;

/** A text as the index holds it: folded words split as query-text.ts splits them, one space apart. */
export function indexText(text: string): string {
  return wordsOf(text).flat().join(' ');
}

function lexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function phrase(p: Phrase): string {
  const parts = p.words.map(lexeme);
  if (p.prefix) parts[parts.length - 1] += ':*';
  return parts.length === 1 ? parts[0]! : `(${parts.join(' <-> ')})`;
}

/** The tsquery text for phrases OR'd together, or null for none. */
function anyOf(phrases: Phrase[]): string | null {
  return phrases.length ? phrases.map(phrase).join(' | ') : null;
}

interface GroupQuery {
  words: string | null;
  terms: string | null;
}

function groupQueries(text: TextQuery): GroupQuery[] {
  return text.groups
    .filter((group) => group.length)
    .map((group) => ({
      words: anyOf(group.filter((p) => p.kind === 'words')),
      terms: anyOf(group.filter((p) => p.kind === 'term')),
    }));
}

/** A string that is the same for the same search, to tell two TextQueries apart. */
export function queryKey(text: TextQuery): string {
  return JSON.stringify(groupQueries(text));
}

/** The WHERE condition on postgres_search.text (aliased t) for a TextQuery; null when it has no words. */
export function matchCondition(text: TextQuery): RawBuilder<boolean> | null {
  const groups = groupQueries(text).map(({ words, terms }) => {
    const parts: RawBuilder<unknown>[] = [];
    if (words) parts.push(sql`t.words @@ ${words}::tsquery`);
    if (terms) parts.push(sql`t.terms @@ ${terms}::tsquery`);
    return sql`(${sql.join(parts, sql` or `)})`;
  });
  return groups.length ? sql<boolean>`${sql.join(groups, sql` and `)}` : null;
}

/** Relevance, higher is better: each group's cover density rank (ts_rank_cd, weighted by field), summed. */
export function scoreExpression(text: TextQuery): RawBuilder<number> {
  const parts = groupQueries(text).flatMap(({ words, terms }) => [
    ...(words ? [sql`ts_rank_cd(${WEIGHTS}::float4[], t.words, ${words}::tsquery, 1)`] : []),
    ...(terms ? [sql`${TERM_WEIGHT} * ts_rank_cd(t.terms, ${terms}::tsquery, 1)`] : []),
  ]);
  return parts.length ? sql<number>`(${sql.join(parts, sql` + `)})` : sql<number>`0`;
}
