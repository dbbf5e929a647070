import { describe, expect, it } from 'vitest';
import { DocumentCache } from '../../src/lib/search/document-cache';

const text = (name: string) => JSON.stringify({ id: name, name, phones: [{ number: '0191 000 0000' }] });

describe('DocumentCache', () => {
  it('parses a text once and gives the same frozen copy back while the text is the same', () => {
    const cache = new DocumentCache();
    const first = cache.parse(1, text('Alpha'));
    expect(cache.parse(1, text('Alpha'))).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen((first as unknown as { phones: object[] }).phones[0])).toBe(true);
  });

  it('is typed read-only all through, so changing a kept copy does not type-check (and throws)', () => {
    const document = new DocumentCache().parse(1, JSON.stringify({ id: 'a', name: 'A', places: [{ name: 'Hall', latitude: 1, longitude: 2 }] }));
    expect(() => {
      // @ts-expect-error a shown document is read-only
      document.name = 'B';
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error and so are its lists
      document.places.push({ name: 'Library', latitude: 3, longitude: 4 });
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error and what they hold
      document.places[0]!.latitude = 0;
    }).toThrow(TypeError);
  });

  it('parses again when the stored text is not the one the copy came from', () => {
    const cache = new DocumentCache();
    cache.parse(1, text('Alpha'));
    expect(cache.parse(1, text('Alpha renamed')).name).toBe('Alpha renamed');
  });

  it('keeps only the most recently shown, and forgets one or all when asked', () => {
    const cache = new DocumentCache(2);
    const a = cache.parse(1, text('A'));
    cache.parse(2, text('B'));
    cache.parse(1, text('A')); // shown again: now the most recent
    cache.parse(3, text('C')); // B goes
    expect(cache.size).toBe(2);
    expect(cache.parse(1, text('A'))).toBe(a);
    cache.forget(1);
    expect(cache.parse(1, text('A'))).not.toBe(a);
    cache.forget();
    expect(cache.size).toBe(0);
  });
});
