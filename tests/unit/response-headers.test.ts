// The headers every response gets, and which addresses the server can read.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, cacheControlFor, isReadableAddress } from '../../src/lib/http/response-headers';
import { OPENSTREETMAP_TILE_URL, mapConfig, readMapConfig, tileOriginOf } from '../../src/lib/map/map-config';

describe('cacheControlFor', () => {
  it('keeps hashed assets for a year, other files for a day, and rechecks pages', () => {
    expect(cacheControlFor('/_astro/site.C0SPuY4l.css', true)).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('/robots.txt', true)).toBe('public, max-age=86400');
    expect(cacheControlFor('/search', false)).toBe('private, no-cache');
    // No such file: the "not found" page must not be kept for a year.
    expect(cacheControlFor('/_astro/gone.C0SPuY4l.css', false)).toBe('private, no-cache');
  });
});

describe('contentSecurityPolicy', () => {
  it('lets pages load only from this site when the map has no tiles', () => {
    const policy = contentSecurityPolicy(null);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("img-src 'self' data:;");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/https?:/);
  });

  it('adds the tile origin to img-src only', () => {
    const policy = contentSecurityPolicy('https://tile.openstreetmap.org');
    expect(policy).toContain("img-src 'self' data: https://tile.openstreetmap.org;");
    expect(policy.match(/https:/g)).toHaveLength(1);
    expect(policy).toContain("default-src 'self';");
    expect(policy).toContain("script-src 'self';");
  });

  it("is this server's policy, built from the map settings", () => {
    expect(CONTENT_SECURITY_POLICY).toBe(contentSecurityPolicy(mapConfig().tileOrigin));
  });
});

describe('readMapConfig', () => {
  it("uses OpenStreetMap's tiles and credit by default", () => {
    const config = readMapConfig({});
    expect(config).toMatchObject({ tileUrl: OPENSTREETMAP_TILE_URL, tileOrigin: 'https://tile.openstreetmap.org', problem: null });
    expect(config.attribution).toEqual({ text: '© OpenStreetMap contributors', url: 'https://www.openstreetmap.org/copyright' });
  });

  it('has no tiles for "none" or an empty value', () => {
    for (const value of ['none', 'NONE', '', '  ']) {
      expect(readMapConfig({ MAP_TILE_URL: value })).toEqual({ tileUrl: null, tileOrigin: null, attribution: null, problem: null });
    }
  });

  it('takes another tile server with its credit and link', () => {
    const config = readMapConfig({
      MAP_TILE_URL: 'https://maps.example.org/tiles/{z}/{x}/{y}.png',
      MAP_ATTRIBUTION: '© Example Maps | https://example.org/copyright',
    });
    expect(config).toEqual({
      tileUrl: 'https://maps.example.org/tiles/{z}/{x}/{y}.png',
      tileOrigin: 'https://maps.example.org',
      attribution: { text: '© Example Maps', url: 'https://example.org/copyright' },
      problem: null,
    });
  });

  it('allows {s} subdomains as a wildcard source', () => {
    expect(tileOriginOf('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toBe('https://*.tile.example.org');
    expect(readMapConfig({ MAP_TILE_URL: 'http://localhost:8080/{z}/{x}/{y}.png', MAP_ATTRIBUTION: 'Ours' }).tileOrigin).toBe('http://localhost:8080');
  });

  it('refuses a bad address with a clear problem and no tiles, never throwing', () => {
    for (const value of [
      'tiles.example.org/{z}/{x}/{y}.png',
      'ftp://tiles.example.org/{z}/{x}/{y}.png',
      'https://tiles.example.org/{z}/{x}.png',
      'javascript:alert(1)//{z}{x}{y}',
      'https://{z}.example.org/{z}/{x}/{y}.png',
      'https://evil.example.org;script-src*/{z}/{x}/{y}',
    ]) {
      const config = readMapConfig({ MAP_TILE_URL: value });
      expect(config.tileUrl, value).toBeNull();
      expect(config.tileOrigin, value).toBeNull();
      expect(config.problem, value).toContain('MAP_TILE_URL');
    }
    expect(readMapConfig({ MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}.png' }).problem).toContain('must contain {z}, {x} and {y}');
  });

  it('says when another tile server has no credit', () => {
    const config = readMapConfig({ MAP_TILE_URL: 'https://maps.example.org/{z}/{x}/{y}.png' });
    expect(config.tileUrl).not.toBeNull();
    expect(config.attribution).toBeNull();
    expect(config.problem).toContain('MAP_ATTRIBUTION');
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
