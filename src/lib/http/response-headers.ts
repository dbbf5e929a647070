// Headers every response gets: what the browser may load (this site, and the map's pictures from
// the tile server, if any), no referrer sent to other sites (a search can say a lot about a
// person), and how long each kind of file may be kept.
import { mapConfig } from '../map/map-config';

/**
 * Only this site's own files, and the map's pictures (tiles) from `tileOrigin` when the map has
 * any (see src/lib/map/map-config.ts); no framing; forms post only here. Inline styles are allowed
 * for Astro's small inlined stylesheets and the map's positioning; JSON data blocks (JSON-LD, the
 * map's data) are not run, so need no script rule.
 */
export function contentSecurityPolicy(tileOrigin: string | null): string {
  return [
    "default-src 'self'",
    `img-src 'self' data:${tileOrigin ? ` ${tileOrigin}` : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self'",
    "form-action 'self'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** This server's policy: tiles allowed from the configured tile origin only. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy(mapConfig().tileOrigin);

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), payment=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Files under /_astro/ carry a hash of their content in their name, so they never change. */
export const HASHED_ASSET_PREFIX = '/_astro/';

/**
 * How long a response may be cached, by path: hashed assets for a year; other static files for
 * a day; pages and the API not at all by shared caches, and always rechecked, since listings change.
 * An address under /_astro/ that is no file is a "not found" page, rechecked like any page (during
 * a deploy one server may have a file another has not yet).
 */
export function cacheControlFor(pathname: string, isStaticFile: boolean): string {
  if (!isStaticFile) return 'private, no-cache';
  if (pathname.startsWith(HASHED_ASSET_PREFIX)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=86400';
}

/** Is this request address one a server can read? (A broken "%" escape is not.) */
export function isReadableAddress(url: string): boolean {
  try {
    decodeURI(url);
    return true;
  } catch {
    return false;
  }
}
