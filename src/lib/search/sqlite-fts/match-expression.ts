// Renders a TextQuery as an SQLite FTS5 MATCH expression, quoting every word so that no
// user input is ever read as FTS5 syntax.
import type { Phrase, TextQuery } from '../query-text';

function quote(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

function phrase(p: Phrase): string {
  const body = p.words.length === 1 ? quote(p.words[0]!) : quote(p.words.join(' '));
  return p.prefix ? `${body}*` : body;
}

/** "" when the query has no words. */
export function toMatchExpression(query: TextQuery): string {
  return query.groups
    .map((group) => (group.length === 1 ? phrase(group[0]!) : `(${group.map(phrase).join(' OR ')})`))
    .join(' AND ');
}
