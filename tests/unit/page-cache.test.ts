import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, PageCache } from '../../src/lib/http/page-cache';

const page = (body: string | Uint8Array<ArrayBuffer>, init: ResponseInit = {}) =>
  new Response(body, { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, ...init });

describe('PageCache', () => {
  it('gives back the same bytes, headers and status, as often as asked, and the first answer too', async () => {
    const cache = new PageCache();
    // Text outside ASCII and a character split across the bytes must come back unchanged.
    const html = '<p>Café, naïve — £5 a week 🌱</p>';
    const first = await cache.keep('/search?q=cafe', 'v1', page(html), 1_000);
    expect(await first.text()).toBe(html);
    for (let i = 0; i < 3; i++) {
      const again = cache.get('/search?q=cafe', 'v1', 2_000);
      expect(again).not.toBeNull();
      expect(again!.status).toBe(200);
      expect(again!.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await again!.text()).toBe(html);
    }
  });

  it('forgets a page when the directory has changed or the copy is too old', async () => {
    const cache = new PageCache(10, 60_000);
    await cache.keep('a', 'v1', page('one'), 0);
    expect(cache.get('a', 'v2', 1)).toBeNull();
    expect(cache.size).toBe(0);
    await cache.keep('a', 'v2', page('two'), 0);
    expect(cache.get('a', 'v2', 60_001)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('does not keep a page that sets a cookie, is not a 200, or is too big, but still sends it whole', async () => {
    const cache = new PageCache();
    const withCookie = await cache.keep('c', 'v', page('hello', { headers: { 'Set-Cookie': 'x=1' } }));
    expect(await withCookie.text()).toBe('hello');
    const missing = await cache.keep('m', 'v', page('gone', { status: 404 }));
    expect(missing.status).toBe(404);
    const big = new Uint8Array(MAX_BODY_BYTES + 1).fill(97);
    const sent = await cache.keep('b', 'v', page(big));
    expect((await sent.arrayBuffer()).byteLength).toBe(MAX_BODY_BYTES + 1);
    expect(cache.size).toBe(0);
    expect(cache.get('c', 'v')).toBeNull();
  });

  it('lets the least recently used page go first when full', async () => {
    const cache = new PageCache(2);
    await cache.keep('a', 'v', page('a'));
    await cache.keep('b', 'v', page('b'));
    expect(cache.get('a', 'v')).not.toBeNull();
    await cache.keep('c', 'v', page('c'));
    expect(cache.get('b', 'v')).toBeNull();
    expect(await cache.get('a', 'v')!.text()).toBe('a');
    expect(await cache.get('c', 'v')!.text()).toBe('c');
  });
});
