// Where the map view's pictures (tiles) come from: MAP_TILE_URL and MAP_ATTRIBUTION, read once.
//
//   MAP_TILE_URL     unset: OpenStreetMap's standard tiles. "none" or empty: no tiles (the map
//                    shows area outlines only). Otherwise an http(s) address with {z}, {x} and {y},
//                    and optionally {s} as the first part of the host name (a.tile…, b.tile…).
//   MAP_ATTRIBUTION  who to credit for the tiles, as plain text, optionally with a link after a
//                    "|": "© Example Maps|https://example.org/copyright". Defaults to OpenStreetMap's
//                    credit when the tiles are OpenStreetMap's.
//
// A bad value is logged and the map goes without tiles: a mistake in the settings must never
// stop the site, and must never let pages load pictures from somewhere nobody meant.
import { z } from 'zod';
import { appConfig } from '../config';

export const OPENSTREETMAP_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const OPENSTREETMAP_ATTRIBUTION: MapAttribution = {
  text: '© OpenStreetMap contributors',
  url: 'https://www.openstreetmap.org/copyright',
};

export interface MapAttribution {
  text: string;
  url: string | null;
}

export interface MapConfig {
  /** A Leaflet tile address ({z}/{x}/{y}), or null for no tiles. */
  tileUrl: string | null;
  /** The origin the tiles come from, as a Content-Security-Policy source, or null. */
  tileOrigin: string | null;
  attribution: MapAttribution | null;
  /** What was wrong with the settings, in words, or null. */
  problem: string | null;
}

const webAddress = z
  .string()
  .trim()
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'must start with https:// or http://');

const tileUrlSchema = webAddress
  .refine((value) => ['{z}', '{x}', '{y}'].every((part) => value.includes(part)), 'must contain {z}, {x} and {y}')
  .refine((value) => tileOriginOf(value) !== null, 'may use {s} only as the first part of the host name');

/**
 * The CSP source for a tile address: "https://tile.openstreetmap.org", or
 * "https://*.tile.example.org" for {s} subdomains. Null when the host has other placeholders.
 */
export function tileOriginOf(tileUrl: string): string | null {
  const match = /^(https?):\/\/([^/?#]+)/i.exec(tileUrl);
  if (!match) return null;
  const [, scheme, host] = match as unknown as [string, string, string];
  const wildcarded = host.replace(/^\{s\}\./, '*.');
  if (/[{}\s'";,]/.test(wildcarded) || wildcarded.includes('@')) return null;
  return `${scheme.toLowerCase()}://${wildcarded.toLowerCase()}`;
}

function parseAttribution(raw: string): MapAttribution | string {
  const [text = '', link] = raw.split('|').map((part) => part.trim());
  if (link === undefined || link === '') return { text, url: null };
  const parsed = webAddress.safeParse(link);
  return parsed.success ? { text, url: parsed.data } : `MAP_ATTRIBUTION's link "${link}" ${parsed.error.issues[0]?.message ?? 'is not a web address'}`;
}

/** The map settings from these environment variables. Pure: never logs, never throws. */
export function readMapConfig(env: Record<string, string | undefined>): MapConfig {
  const rawUrl = env.MAP_TILE_URL;
  const rawAttribution = env.MAP_ATTRIBUTION?.trim() ?? '';
  if (rawUrl === undefined) {
    const attribution = rawAttribution ? parseAttribution(rawAttribution) : OPENSTREETMAP_ATTRIBUTION;
    if (typeof attribution === 'string') {
      return {
        tileUrl: OPENSTREETMAP_TILE_URL,
        tileOrigin: tileOriginOf(OPENSTREETMAP_TILE_URL),
        attribution: OPENSTREETMAP_ATTRIBUTION,
        problem: `${attribution}; using OpenStreetMap's credit instead.`,
      };
    }
    return { tileUrl: OPENSTREETMAP_TILE_URL, tileOrigin: tileOriginOf(OPENSTREETMAP_TILE_URL), attribution, problem: null };
  }
  const trimmed = rawUrl.trim();
  if (trimmed === '' || trimmed.toLowerCase() === 'none') return { tileUrl: null, tileOrigin: null, attribution: null, problem: null };

  const parsed = tileUrlSchema.safeParse(trimmed);
  if (!parsed.success) {
    const first = parsed.error.issues[0]?.message ?? 'is not a web address';
    const reason = first === 'Invalid url' ? 'is not a web address' : first;
    return {
      tileUrl: null,
      tileOrigin: null,
      attribution: null,
      problem: `MAP_TILE_URL "${trimmed}" ${reason}. The map will show area outlines only. Set it to a tile address such as ${OPENSTREETMAP_TILE_URL}, or to "none".`,
    };
  }
  const tileUrl = parsed.data;
  const isOpenStreetMap = tileOriginOf(tileUrl) === tileOriginOf(OPENSTREETMAP_TILE_URL);
  const attribution = rawAttribution ? parseAttribution(rawAttribution) : isOpenStreetMap ? OPENSTREETMAP_ATTRIBUTION : null;
  if (typeof attribution === 'string') {
    return {
      tileUrl,
      tileOrigin: tileOriginOf(tileUrl),
      attribution: { text: rawAttribution.split('|')[0]!.trim(), url: null },
      problem: `${attribution}; showing the credit without a link.`,
    };
  }
  const problem =
    attribution === null
      ? 'MAP_ATTRIBUTION is not set: most tile providers require a credit on the map (for example "© Example Maps|https://example.org/copyright").'
      : null;
  return { tileUrl, tileOrigin: tileOriginOf(tileUrl), attribution, problem };
}

// Read once per process; logged once even though both the server and Astro's bundle load this file.
const LOGGED = Symbol.for('community-asset-directory.map-config-logged');
let config: MapConfig | undefined;

/** The map settings of this process (src/lib/config.ts); a problem is logged the first time. */
export function mapConfig(): MapConfig {
  if (!config) {
    const { MAP_TILE_URL, MAP_ATTRIBUTION } = appConfig();
    config = readMapConfig({ MAP_TILE_URL, MAP_ATTRIBUTION });
    const shared = globalThis as Record<symbol, unknown>;
    if (config.problem && !shared[LOGGED]) {
      shared[LOGGED] = true;
      console.error(`Map settings: ${config.problem}`);
    }
  }
  return config;
}
