// Renders a TextQuery as an SQLite FTS5 MATCH expression, quoting every word so that no
// user input is ever read as FTS5 syntax. Words people type are matched only in the columns that
// hold text; term tokens ("catfoodbanks") only in the terms column, so that "cat" or "acc" typed
// as the start of a word never matches the token of every service's category.
import type { Phrase, TextQuery } from '../query-text';

/** The search_fts columns that hold the words of a service, in table (and bm25 weight) order. */
export const TEXT_COLUMNS = ['name', 'categories', 'organization', 'description'] as const;
/** The search_fts column that holds a service's term tokens (termToken). */
export const TERM_COLUMN = 'terms';

const TEXT_FILTER = `{${TEXT_COLUMNS.join(' ')}}`;

function quote(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

function phrase(p: Phrase): string {
  const body = p.words.length === 1 ? quote(p.words[0]!) : quote(p.words.join(' '));
  return p.prefix ? `${body}*` : body;
}

/** Phrases OR'd together under one FTS5 column filter: `{a b} : ("x"* OR "y")`. */
function filtered(columns: string, phrases: Phrase[]): string | undefined {
  if (!phrases.length) return undefined;
  return `${columns} : ${phrases.length === 1 ? phrase(phrases[0]!) : `(${phrases.map(phrase).join(' OR ')})`}`;
}

function group(phrases: Phrase[]): string {
  const parts = [
    filtered(
      TEXT_FILTER,
      phrases.filter((p) => p.kind === 'words'),
    ),
    filtered(
      TERM_COLUMN,
      phrases.filter((p) => p.kind === 'term'),
    ),
  ].filter((part) => part !== undefined);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

/** "" when the query has no words. */
export function toMatchExpression(query: TextQuery): string {
  return query.groups
    .filter((phrases) => phrases.length)
    .map(group)
    .join(' AND ');
}
