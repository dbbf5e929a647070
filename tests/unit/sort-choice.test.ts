// The search page's order control: the default for the search comes first, posted as no choice.
import { describe, expect, it } from 'vitest';
import { EMPTY_QUERY, parseSearchParams } from '../../src/lib/search/filters';
import { sortChoice, sortWasChosen } from '../../src/lib/search/sort-choice';

describe('sortChoice', () => {
  it('offers best match as the default without a place, and no "nearest first" with nothing to measure from', () => {
    expect(sortChoice({ ...EMPTY_QUERY }, false)).toEqual({
      options: [
        { value: '', label: 'Best match' },
        { value: 'recently_verified', label: 'Most recently checked' },
      ],
      selected: '',
    });
  });

  it('offers nearest first as the default with a place, and best match as a choice', () => {
    const { query } = parseSearchParams(new URLSearchParams({ q: 'food', near: 'NE4 5TG' }));
    expect(sortChoice(query, false)).toEqual({
      options: [
        { value: '', label: 'Nearest first' },
        { value: 'relevance', label: 'Best match' },
        { value: 'recently_verified', label: 'Most recently checked' },
      ],
      selected: '',
    });
  });

  it('shows an order the person chose, and the default as no choice even when named', () => {
    const chose = new URLSearchParams({ q: 'food', near: 'NE4 5TG', sort: 'relevance' });
    expect(sortChoice(parseSearchParams(chose).query, sortWasChosen(chose)).selected).toBe('relevance');
    const named = new URLSearchParams({ q: 'food', near: 'NE4 5TG', sort: 'distance' });
    expect(sortChoice(parseSearchParams(named).query, sortWasChosen(named)).selected).toBe('');
    // The search the form sends after a postcode is typed into a search by words: the order
    // control's default value is empty, so nearest first takes over.
    const typed = new URLSearchParams({ q: 'food', near: 'NE4 5TG', sort: '' });
    expect(sortWasChosen(typed)).toBe(false);
    expect(parseSearchParams(typed).query.sort).toBe('distance');
  });
});
