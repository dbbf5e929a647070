// The headers every response gets, and which addresses the server can read.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, cacheControlFor, isReadableAddress } from '../../src/lib/http/response-headers';

describe('cacheControlFor', () => {
  it('keeps hashed assets for a year, other files for a day, and rechecks pages', () => {
    expect(cacheControlFor('/_astro/site.C0SPuY4l.css', true)).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/robots.txt', true)).toBe('public, max-age=86400');
    expect(cacheControlFor('/search', false)).toBe('private, no-cache');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('lets pages load only from this site', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });
});

describe('isReadableAddress', () => {
  it('accepts ordinary and escaped addresses and refuses broken escapes', () => {
    expect(isReadableAddress('/search?q=caf%C3%A9')).toBe(true);
    expect(isReadableAddress('/search?q=50%25')).toBe(true);
    expect(isReadableAddress('/search?q=%ZZ')).toBe(false);
    expect(isReadableAddress('/search?q=%')).toBe(false);
    expect(isReadableAddress('/services/%E0%A4%A')).toBe(false);
  });
});
