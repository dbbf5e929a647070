// Turns what someone typed in "near" (a postcode, a district, a place name, or "lat,lng") into a
// point on the map, or a plain message saying what we could not find and what to try instead.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { areaAndAncestors, areaByName, areasContaining, outlineSquareKm, similarAreaNames, type Area } from './areas';
import type { Point } from './distance';
import { parsePostcode } from './postcode';
import { isPlausibleUkPoint, lookupDistrict, lookupPostcode } from './postcode-table';

export type NearKind = 'postcode' | 'district' | 'area' | 'point';

export type NearResolution =
  | { ok: true; point: Point; label: string; kind: NearKind; areaIds: string[] }
  | { ok: false; message: string; suggestions: string[] };

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)`;
const LAT_LNG = new RegExp(`^(${NUMBER})\\s*,\\s*(${NUMBER})$`);
// The district and the start of the last part: "NE4 5", "NE4 5T".
const PART_POSTCODE = /^([a-z]{1,2}\d[a-z\d]?)\s+\d[a-z]?$/i;
const LONGEST_QUOTE = 60;

const EXAMPLES = 'a postcode such as "NE1 7RU", the first part of one such as "NE4", or the name of a place such as "Heaton"';

/** What was typed, quoted back: tidy, and cut short if it is very long. */
function quoted(text: string): string {
  return `"${text.length > LONGEST_QUOTE ? `${text.slice(0, LONGEST_QUOTE - 1)}…` : text}"`;
}

/** "Elswick", "Elswick or Elswick Park", "A, B or C". */
function orList(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

function rounded(value: number): number {
  return Number(value.toFixed(5));
}

function containingIds(point: Point): string[] {
  return areasContaining(point).map((area) => area.id);
}

function resolvePoint(latitudeText: string, longitudeText: string, typed: string): NearResolution {
  const latitude = Number(latitudeText);
  const longitude = Number(longitudeText);
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
    return {
      ok: false,
      message: `${quoted(typed)} is not a position on the map: latitude runs from -90 to 90 and longitude from -180 to 180, as in "54.97, -1.61".`,
      suggestions: [],
    };
  }
  // "-1.61, 54.97": longitude first lands in the sea far away; say so rather than measure from it.
  if (!isPlausibleUkPoint(latitude, longitude) && isPlausibleUkPoint(longitude, latitude)) {
    const swapped = `${rounded(longitude)}, ${rounded(latitude)}`;
    return {
      ok: false,
      message: `${quoted(typed)} is not in the UK. Latitude comes first: did you mean "${swapped}"?`,
      suggestions: [swapped],
    };
  }
  const point = { latitude, longitude };
  return { ok: true, point, label: `${rounded(latitude)}, ${rounded(longitude)}`, kind: 'point', areaIds: containingIds(point) };
}

const sizeOf = (area: Area) => (area.outline ? outlineSquareKm(area.outline) : 0);

function resolveArea(text: string): NearResolution | undefined {
  const area = areaByName(text);
  if (!area) return undefined;
  return {
    ok: true,
    point: { latitude: area.latitude, longitude: area.longitude },
    label: area.name,
    kind: 'area',
    // The area, its parents, and any larger area around its middle (a ward inside "West End"),
    // so a place typed by name covers as much as a postcode inside it would.
    areaIds: [...new Set([
      ...areaAndAncestors(area).map((each) => each.id),
      ...areasContaining({ latitude: area.latitude, longitude: area.longitude })
        .filter((other) => other.id !== area.id && sizeOf(other) > sizeOf(area))
        .map((other) => other.id),
    ])],
  };
}

/** Resolves the "near" text of a search. Never throws for anything typed; always says why when it fails. */
export async function resolveNear(db: Kysely<DatabaseSchema>, text: string): Promise<NearResolution> {
  const typed = text.replace(/\s+/g, ' ').trim();
  // "NE4 7RW, Newcastle": a postcode before a comma is the postcode.
  const beforeComma = typed.split(',')[0]!.trim();
  if (beforeComma !== typed && parsePostcode(beforeComma)?.kind === 'full') return resolveNear(db, beforeComma);
  if (!typed) {
    return { ok: false, message: `Type where you want to look near: ${EXAMPLES}.`, suggestions: [] };
  }

  const position = LAT_LNG.exec(typed);
  if (position) return resolvePoint(position[1]!, position[2]!, typed);

  const parsed = parsePostcode(typed);
  if (parsed?.kind === 'full') {
    const found = await lookupPostcode(db, parsed.postcode);
    if (found) {
      const point = { latitude: found.latitude, longitude: found.longitude };
      return { ok: true, point, label: found.postcode, kind: 'postcode', areaIds: containingIds(point) };
    }
    if (await lookupDistrict(db, parsed.outward)) {
      return {
        ok: false,
        message: `We could not find the postcode "${parsed.postcode}". Check it, or try the area "${parsed.outward}".`,
        suggestions: [parsed.outward],
      };
    }
    return {
      ok: false,
      message: `We could not find the postcode "${parsed.postcode}" in the places we know. Check it, or try the name of the place instead.`,
      suggestions: [],
    };
  }
  if (parsed?.kind === 'district') {
    const district = await lookupDistrict(db, parsed.outward);
    if (district) {
      const point = { latitude: district.latitude, longitude: district.longitude };
      return { ok: true, point, label: district.outward, kind: 'district', areaIds: containingIds(point) };
    }
    return {
      ok: false,
      message: `We do not know any postcodes in "${parsed.outward}" yet. Try a full postcode, or the name of the place instead.`,
      suggestions: [],
    };
  }

  const area = resolveArea(typed);
  if (area) return area;
  // "Elswick, Newcastle": the place before the comma.
  const first = typed.split(',')[0]!.trim();
  if (first && first !== typed) {
    const before = resolveArea(first);
    if (before) return before;
  }

  const part = PART_POSTCODE.exec(typed);
  if (part) {
    const outward = part[1]!.toUpperCase();
    const known = await lookupDistrict(db, outward);
    return {
      ok: false,
      message: `${quoted(typed)} looks like part of a postcode. A whole postcode ends in a number and two letters, as in "${outward} 5TG"`
        + (known ? `; or try the area "${outward}".` : '.'),
      suggestions: known ? [outward] : [],
    };
  }

  const suggestions = similarAreaNames(first || typed);
  return {
    ok: false,
    message: suggestions.length
      ? `We do not know the place ${quoted(typed)}. Did you mean ${orList(suggestions)}?`
      : `We do not know the place ${quoted(typed)}. Try ${EXAMPLES}.`,
    suggestions,
  };
}
