import { describe, expect, it } from 'vitest';
import { matchesFilters, parseSearchParams, toSearchParams, type FilterFields } from '../../src/lib/search/filters';
import { FacetCounter, FilterColumns, compileFilters, filterRows } from '../../src/lib/search/memory/filter-columns';
import { languageKey, languageName, storedLanguageKey } from '../../src/lib/search/languages';
import { chosenFilters } from '../../src/lib/search/chosen-filters';

const parse = (qs: string) => parseSearchParams(new URLSearchParams(qs));

const fields = (languages: string[]): FilterFields => ({
  categories: [],
  cost: [],
  lowestCost: null,
  modes: [],
  days: [],
  sessions: [],
  minimumAge: null,
  maximumAge: null,
  referral: [],
  access: [],
  languages,
  capacity: 'unknown',
  status: 'active',
  points: [],
  areas: [],
  remote: false,
  transport: [],
  freshness: 'ok',
});

describe('language keys and names', () => {
  it('reads codes and names in any case as one key', () => {
    for (const value of ['pl', 'PL', 'pol', 'Polish', 'polish ', 'pl-PL']) expect(languageKey(value), value).toBe('pl');
    for (const value of ['bfi', 'BSL', 'British Sign Language', 'british sign language (BSL)']) expect(languageKey(value), value).toBe('bfi');
    expect(languageKey('Farsi')).toBe('fa');
    expect(languageKey('Tagalog')).toBe('tagalog');
    expect(languageKey('  ')).toBe('');
  });
  it('keys a stored language by a code we know, else by its name', () => {
    expect(storedLanguageKey({ code: 'bsl', name: 'British Sign Language' })).toBe('bfi');
    expect(storedLanguageKey({ code: 'ur', name: null })).toBe('ur');
    expect(storedLanguageKey({ code: 'tl', name: 'Tagalog' })).toBe('tagalog');
    expect(storedLanguageKey({ code: 'tl', name: null })).toBe('tl');
    expect(storedLanguageKey({ code: null, name: 'Cantonese' })).toBe('yue');
  });
  it('gives plain English names, or the stored words capitalised', () => {
    expect(languageName('pl')).toBe('Polish');
    expect(languageName('bfi')).toBe('British Sign Language');
    expect(languageName('tagalog')).toBe('Tagalog');
    expect(languageName('sierra leone krio')).toBe('Sierra Leone Krio');
  });
});

describe('the language parameter', () => {
  it('accepts codes and names, repeated, without duplicates', () => {
    const result = parse('language=pl&language=Polish&language=URDU&language=');
    expect(result.ok).toBe(true);
    expect(result.query.language).toEqual(['pl', 'ur']);
    expect(toSearchParams(result.query).toString()).toBe('language=pl&language=ur');
    expect(parse(toSearchParams(result.query).toString()).query).toEqual(result.query);
  });
  it('refuses what cannot be a language, naming the parameter, and keeps the good values', () => {
    const result = parse('language=pl&language=%3Cscript%3E');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([expect.objectContaining({ parameter: 'language', message: expect.stringContaining('is not a language') })]);
    expect(result.query.language).toEqual(['pl']);
    expect(parse(`language=${'a'.repeat(61)}`).ok).toBe(false);
  });
  it('is a chosen filter that can be removed on its own', () => {
    const chosen = chosenFilters(parse('language=pl&language=ar').query).filter((filter) => filter.parameter === 'language');
    expect(chosen.map((filter) => filter.value)).toEqual(['pl', 'ar']);
    expect(chosen[0]!.without.language).toEqual(['ar']);
  });
});

describe('what the language filter means', () => {
  it('keeps services speaking any chosen language', () => {
    const query = parse('language=pl&language=ar').query;
    expect(matchesFilters(fields(['pl', 'en']), query)).toBe(true);
    expect(matchesFilters(fields(['ar']), query)).toBe(true);
    expect(matchesFilters(fields(['ur']), query)).toBe(false);
    expect(matchesFilters(fields([]), query)).toBe(false);
    expect(matchesFilters(fields([]), parse('').query)).toBe(true);
    expect(compileFilters(new FilterColumns(1), query).groups).toContain('language');
  });
  it('counts each language as if it were chosen, and lists every language known', () => {
    const columns = new FilterColumns(4);
    columns.set(0, fields(['pl']));
    columns.set(1, fields(['pl', 'ur']));
    columns.set(2, fields(['bfi']));
    columns.set(3, { ...fields(['so']), status: 'defunct' });
    const query = parse('language=ur').query;
    const compiled = compileFilters(columns, query);
    const results: number[] = [];
    const facets = new FacetCounter(columns, query, compiled);
    filterRows([0, 1, 2, 3], compiled, (row) => results.push(row), facets);
    expect(results).toEqual([1]);
    // Choosing Polish as well would give rows 0 and 1; the closed service counts for no language.
    expect(facets.counts().language).toEqual({ bfi: 1, pl: 2, so: 0, ur: 1 });
  });
});
