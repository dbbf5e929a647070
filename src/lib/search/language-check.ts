// The language filter offers only languages the directory has. parseSearchParams reads a
// language by code or name; this checks it against the languages the searchable services speak,
// so a language nobody here lists gets a clear message beside the field (never an empty page
// that looks like "nobody speaks it", never a 500), and the search runs without it.
import { EMPTY_QUERY, type ParameterError, type SearchQuery } from './filters';
import type { SearchBackend } from './search-backend';
import { languageName } from './languages';

/** The keys of the languages any searchable service (closed ones too) speaks, by name order. */
export async function directoryLanguages(search: SearchBackend): Promise<string[]> {
  const counts = (await search.facetCounts({ ...EMPTY_QUERY, include_closed: true })).language;
  return Object.keys(counts)
    .filter((key) => counts[key]! > 0)
    .sort((a, b) => languageName(a).localeCompare(languageName(b), 'en-GB'));
}

/** The query without languages the directory does not have, and the error naming them. */
export async function checkLanguages(search: SearchBackend, query: SearchQuery): Promise<{ query: SearchQuery; error: ParameterError | null }> {
  if (!query.language.length) return { query, error: null };
  const known = await directoryLanguages(search);
  const unknown = query.language.filter((key) => !known.includes(key));
  if (!unknown.length) return { query, error: null };
  const names = unknown.map((key) => `“${languageName(key)}”`).join(' and ');
  const examples = known
    .slice(0, 3)
    .map((key) => `“${languageName(key)}”`)
    .join(', ');
  const message = known.length
    ? `No service here lists ${names} as a language spoken. Choose a language from the list${examples ? `, such as ${examples}` : ''}.`
    : `No service here lists the languages it speaks yet, so results cannot be chosen by language.`;
  return {
    query: { ...query, language: query.language.filter((key) => known.includes(key)) },
    error: { parameter: 'language', message, allowed: known },
  };
}
