// Turns what someone typed in "near" (a postcode, a district, a place name, or "lat,lng") into a
// point on the map, or a plain message saying what we could not find and what to try instead.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { areaAndAncestors, areaByName, areasContaining, outlineSquareKm, similarAreaNames, type Area } from './areas';
import { councilAreaId, councilByCode, ownAreaOf } from './councils';
import type { Point } from './distance';
import { parsePostcode, type FullPostcode } from './postcode';
import { isPlausibleUkPoint, lookupCentre, lookupDistrict, lookupPostcode } from './postcode-table';

export type NearKind = 'postcode' | 'sector' | 'district' | 'area' | 'point';

/**
 * How exactly the point is known: the postcode itself, or (for a postcode we do not know one by
 * one) the centre of its sector ("NE4 5") or of its district ("NE4").
 */
export type NearPrecision = 'exact' | 'sector' | 'district';

export type NearResolution =
  | {
      ok: true;
      point: Point;
      label: string;
      kind: NearKind;
      areaIds: string[];
      precision: NearPrecision;
      /** Said beside the results when the point is not the postcode itself; null otherwise. */
      note: string | null;
    }
  | { ok: false; message: string; suggestions: string[] };

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)`;
const LAT_LNG = new RegExp(`^(${NUMBER})\\s*,\\s*(${NUMBER})$`);
// The district and the start of the last part: "NE4 5", "NE4 5T".
const PART_POSTCODE = /^([a-z]{1,2}\d[a-z\d]?)\s+\d[a-z]?$/i;
// A postcode sector alone: "NE4 5".
const SECTOR = /^([a-z]{1,2}\d[a-z\d]?)\s+(\d)$/i;
// Typed as a postcode but not one: "NE4 5TGG", "NE4 T5G", "NE45TGX".
const POSTCODE_LIKE = /^(?=.*\d)[a-z][a-z\d]{1,4}\s?[a-z\d]{2,4}$/i;
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

/**
 * The areas a place is in, most specific first: the ward the postcode file names (when the
 * directory has an area of that name in that council), the areas whose outlines hold the point,
 * then the council, as the directory's own area of that name or as the council itself, so a
 * service covering "Sunderland" covers every postcode in Sunderland.
 */
export function placeAreaIds(point: Point, councilCode: string | null, wardName: string | null = null): string[] {
  const ids: string[] = [];
  const council = councilCode ? councilByCode(councilCode) : undefined;
  const own = council ? ownAreaOf(council) : undefined;
  if (own && wardName) {
    const ward = areaByName(wardName);
    const chain = ward ? areaAndAncestors(ward) : [];
    if (chain.includes(own)) ids.push(...chain.map((area) => area.id));
  }
  ids.push(...containingIds(point));
  if (own) ids.push(...areaAndAncestors(own).map((area) => area.id));
  else if (council) ids.push(councilAreaId(council));
  return [...new Set(ids)];
}

const exact = { precision: 'exact' as const, note: null };

/** A whole postcode: where it is, else the middle of its sector, else of its district, saying which. */
async function resolveFullPostcode(db: Kysely<DatabaseSchema>, parsed: FullPostcode): Promise<NearResolution> {
  const found = await lookupPostcode(db, parsed.postcode);
  if (found) {
    const point = { latitude: found.latitude, longitude: found.longitude };
    return { ok: true, point, label: found.postcode, kind: 'postcode', areaIds: placeAreaIds(point, found.council_code, found.ward_name), ...exact };
  }
  const sectorCode = `${parsed.outward} ${parsed.inward[0]}`;
  const sector = await lookupCentre(db, sectorCode);
  if (sector?.kind === 'sector') {
    const point = { latitude: sector.latitude, longitude: sector.longitude };
    return {
      ok: true,
      point,
      label: parsed.postcode,
      kind: 'postcode',
      areaIds: placeAreaIds(point, sector.council_code),
      precision: 'sector',
      note: `We do not know exactly where ${parsed.postcode} is, so distances are from the middle of ${sectorCode}, the area around your postcode.`,
    };
  }
  const district = await lookupDistrict(db, parsed.outward);
  if (district) {
    const point = { latitude: district.latitude, longitude: district.longitude };
    return {
      ok: true,
      point,
      label: parsed.postcode,
      kind: 'postcode',
      areaIds: placeAreaIds(point, district.council_code),
      precision: 'district',
      note: `We do not know exactly where ${parsed.postcode} is, so distances are from the middle of ${parsed.outward}, the postcode district it is in. They may be a few miles out.`,
    };
  }
  return {
    ok: false,
    message: `We could not find the postcode "${parsed.postcode}" in the places we know. Check it, or try the name of the place instead.`,
    suggestions: [],
  };
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
  return { ok: true, point, label: `${rounded(latitude)}, ${rounded(longitude)}`, kind: 'point', areaIds: containingIds(point), ...exact };
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
    ...exact,
    // The area, its parents, and any larger area around its middle (a ward inside "West End"),
    // so a place typed by name covers as much as a postcode inside it would.
    areaIds: [
      ...new Set([
        ...areaAndAncestors(area).map((each) => each.id),
        ...areasContaining({ latitude: area.latitude, longitude: area.longitude })
          .filter((other) => other.id !== area.id && sizeOf(other) > sizeOf(area))
          .map((other) => other.id),
      ]),
    ],
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
  if (parsed?.kind === 'full') return resolveFullPostcode(db, parsed);
  if (parsed?.kind === 'district') {
    const district = await lookupDistrict(db, parsed.outward);
    if (district) {
      const point = { latitude: district.latitude, longitude: district.longitude };
      return { ok: true, point, label: district.outward, kind: 'district', areaIds: placeAreaIds(point, district.council_code), ...exact };
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

  const sector = SECTOR.exec(typed);
  if (sector) {
    const code = `${sector[1]!.toUpperCase()} ${sector[2]}`;
    const centre = await lookupCentre(db, code);
    if (centre?.kind === 'sector') {
      const point = { latitude: centre.latitude, longitude: centre.longitude };
      return { ok: true, point, label: code, kind: 'sector', areaIds: placeAreaIds(point, centre.council_code), ...exact };
    }
  }

  const part = PART_POSTCODE.exec(typed);
  if (part) {
    const outward = part[1]!.toUpperCase();
    const known = await lookupDistrict(db, outward);
    return {
      ok: false,
      message:
        `${quoted(typed)} looks like part of a postcode. A whole postcode ends in a number and two letters, as in "${outward} 5TG"` +
        (known ? `; or try the area "${outward}".` : '.'),
      suggestions: known ? [outward] : [],
    };
  }

  const suggestions = similarAreaNames(first || typed);
  if (!suggestions.length && POSTCODE_LIKE.test(typed) && /^[a-z]/i.test(typed)) {
    return {
      ok: false,
      message: `${quoted(typed)} is not a whole postcode. A postcode has two parts, such as "NE4 5TG": the first is one or two letters and a number, the second a number and two letters. Check it against a letter or bill, or type the name of the place instead.`,
      suggestions: [],
    };
  }
  return {
    ok: false,
    message: suggestions.length
      ? `We do not know the place ${quoted(typed)}. Did you mean ${orList(suggestions)}?`
      : `We do not know the place ${quoted(typed)}. Try ${EXAMPLES}.`,
    suggestions,
  };
}
