// The directory's own list of places (districts, wards, neighbourhoods, towns) from content/areas:
// finding one by name, the ones a point lies in, the nearest, and copying the list into the database.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import areasJson from '../../../content/areas/areas.json';
import type { DatabaseSchema } from '../db/types';
import { distanceKm, type Point } from './distance';

export const AREA_KINDS = ['ward', 'neighbourhood', 'town', 'district'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z
  .array(position)
  .min(4, 'an outline ring needs at least 4 positions (3 corners and the first again)')
  .refine((r) => r[0]![0] === r[r.length - 1]![0] && r[0]![1] === r[r.length - 1]![1], 'an outline ring must end where it starts');
const outlineSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
]);

export const areaSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, such as "newcastle-elswick"'),
    name: z.string().trim().min(1),
    kind: z.enum(AREA_KINDS),
    parent: z.string().nullable(),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    population: z.number().int().nonnegative().nullable(),
    aliases: z.array(z.string().trim().min(1)),
    outline: outlineSchema.nullable(),
  })
  .strict();

export type Area = z.infer<typeof areaSchema>;
export type AreaOutline = NonNullable<Area['outline']>;

/**
 * The key a name is compared by: lower case, letters and digits only, so "Arthur's Hill",
 * "arthurs  hill" and "ARTHURSHILL" are one name, and "&" reads as "and".
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Checks a list of areas read from a file: each is well formed, ids are unique, parents exist
 * (and do not loop), and no two areas share a name or alias, so a name finds one area only.
 */
export function buildAreaList(raw: unknown, from = 'content/areas/areas.json'): Area[] {
  const parsed = z.array(z.unknown()).safeParse(raw);
  if (!parsed.success) throw new Error(`${from} must hold a list of areas.`);
  const areas = parsed.data.map((entry, index) => {
    const outcome = areaSchema.safeParse(entry);
    if (outcome.success) return outcome.data;
    const issue = outcome.error.issues[0]!;
    const id = entry && typeof entry === 'object' && 'id' in entry ? ` ("${String(entry.id)}")` : '';
    throw new Error(`Area ${index}${id} in ${from}: ${issue.path.join('.') || 'the entry'} ${issue.message}.`);
  });
  const byId = new Map<string, Area>();
  for (const area of areas) {
    if (byId.has(area.id)) throw new Error(`Two areas in ${from} have the id "${area.id}"; each needs its own.`);
    byId.set(area.id, area);
  }
  const names = new Map<string, Area>();
  for (const area of areas) {
    if (area.parent !== null && !byId.has(area.parent)) {
      throw new Error(`Area "${area.id}" in ${from} names a parent "${area.parent}" that is not in the list.`);
    }
    const seen = new Set<string>([area.id]);
    for (let parent = area.parent; parent; parent = byId.get(parent)!.parent) {
      if (seen.has(parent)) throw new Error(`Area "${area.id}" in ${from} is, through its parents, its own parent.`);
      seen.add(parent);
    }
    for (const name of [area.name, ...area.aliases]) {
      const key = nameKey(name);
      const other = names.get(key);
      if (!key) throw new Error(`Area "${area.id}" in ${from} has a name or alias with no letters or digits: "${name}".`);
      if (other && other !== area) {
        throw new Error(`The name "${name}" belongs to two areas in ${from} ("${other.id}" and "${area.id}"); a name must find one area.`);
      }
      names.set(key, area);
    }
  }
  return areas;
}

let cached: Area[] | undefined;

/** The areas from content/areas/areas.json, validated once per process. */
export function getAreas(): Area[] {
  cached ??= buildAreaList(areasJson);
  return cached;
}

const nameIndexes = new WeakMap<readonly Area[], Map<string, Area>>();

function nameIndex(areas: readonly Area[]): Map<string, Area> {
  let index = nameIndexes.get(areas);
  if (!index) {
    index = new Map();
    for (const area of areas) {
      for (const name of [area.name, ...area.aliases]) if (!index.has(nameKey(name))) index.set(nameKey(name), area);
    }
    nameIndexes.set(areas, index);
  }
  return index;
}

/** The area with this name or alias, ignoring case, spacing and punctuation; undefined when there is none. */
export function areaByName(name: string, areas: readonly Area[] = getAreas()): Area | undefined {
  const key = nameKey(name);
  return key ? nameIndex(areas).get(key) : undefined;
}

/** The area with this id, or undefined. */
export function areaById(id: string, areas: readonly Area[] = getAreas()): Area | undefined {
  return areas.find((area) => area.id === id);
}

/** The area followed by its parent, its parent's parent and so on. */
export function areaAndAncestors(area: Area, areas: readonly Area[] = getAreas()): Area[] {
  const chain = [area];
  let parent = area.parent ? areaById(area.parent, areas) : undefined;
  while (parent && !chain.includes(parent)) {
    chain.push(parent);
    parent = parent.parent ? areaById(parent.parent, areas) : undefined;
  }
  return chain;
}

/** Is the point inside a ring of [longitude, latitude] positions? (Ray casting.) */
function ringContains(positions: readonly (readonly number[])[], point: Point): boolean {
  const x = point.longitude;
  const y = point.latitude;
  let inside = false;
  for (let i = 0, j = positions.length - 1; i < positions.length; j = i++) {
    const [xi, yi] = positions[i] as [number, number];
    const [xj, yj] = positions[j] as [number, number];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Is the point inside the outline? Inner rings are holes. */
export function outlineContains(outline: AreaOutline, point: Point): boolean {
  const polygons = outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;
  return polygons.some((rings) => rings.filter((r) => ringContains(r, point)).length % 2 === 1);
}

/** Roughly how big the outline is, in square kilometres (flat-earth sums are plenty to order areas by size). */
export function outlineSquareKm(outline: AreaOutline): number {
  const polygons = outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((positions, i) => {
      let twice = 0;
      const latitude = positions[0]![1];
      const kx = 111.32 * Math.cos((latitude * Math.PI) / 180);
      for (let k = 0; k < positions.length - 1; k++) {
        const [x0, y0] = positions[k]!;
        const [x1, y1] = positions[k + 1]!;
        twice += x0 * kx * y1 * 110.57 - x1 * kx * y0 * 110.57;
      }
      total += (i === 0 ? 1 : -1) * Math.abs(twice / 2);
    });
  }
  return total;
}

// Smaller places first; a district, the widest, always last.
const KIND_ORDER: Record<AreaKind, number> = { ward: 0, neighbourhood: 0, town: 1, district: 2 };

/**
 * The areas whose outlines hold the point, most specific first: wards and neighbourhoods (the
 * smaller first), then towns, then districts. Areas known only by their centre are left out.
 */
export function areasContaining(point: Point, areas: readonly Area[] = getAreas()): Area[] {
  return areas
    .filter((area) => area.outline && outlineContains(area.outline, point))
    .map((area) => ({ area, size: outlineSquareKm(area.outline!) }))
    .sort((a, b) => KIND_ORDER[a.area.kind] - KIND_ORDER[b.area.kind] || a.size - b.size || a.area.name.localeCompare(b.area.name))
    .map(({ area }) => area);
}

export interface NearestArea {
  area: Area;
  /** From the point to the area's centre. */
  km: number;
}

/**
 * The ward, neighbourhood or town whose centre is nearest the point (a district only when the
 * list has nothing smaller); undefined for an empty list.
 */
export function nearestArea(point: Point, areas: readonly Area[] = getAreas()): NearestArea | undefined {
  const local = areas.filter((area) => area.kind !== 'district');
  let best: NearestArea | undefined;
  for (const area of local.length ? local : areas) {
    const km = distanceKm(point, area);
    if (!best || km < best.km) best = { area, km };
  }
  return best;
}

/** Edit distance (optimal string alignment: insertions, deletions, changes and swaps of neighbours). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = value;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Up to `limit` area names (or aliases) close to what was typed: a few letters out, or the
 * start of a longer name ("Walk" finds Walker and Walkergate). One suggestion per area.
 */
export function similarAreaNames(text: string, areas: readonly Area[] = getAreas(), limit = 3): string[] {
  const typed = nameKey(text);
  if (typed.length < 2) return [];
  // About one slip in every four letters, and at least one.
  const allowed = Math.max(1, Math.floor(typed.length / 4));
  const best = new Map<Area, { name: string; score: number }>();
  for (const area of areas) {
    for (const name of [area.name, ...area.aliases]) {
      const key = nameKey(name);
      let score: number | undefined;
      if (typed.length >= 3 && key.startsWith(typed)) score = 0.5 + (key.length - typed.length) / 100;
      else {
        const distance = editDistance(typed, key);
        if (distance <= allowed) score = distance;
      }
      if (score === undefined) continue;
      const current = best.get(area);
      if (!current || score < current.score) best.set(area, { name, score });
    }
  }
  return [...best.values()]
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map((match) => match.name);
}

/** Writes the area list into the area table. Areas no longer in the list stay: reports may use them. */
export async function syncAreas(db: Kysely<DatabaseSchema>, areas: readonly Area[] = getAreas()): Promise<number> {
  await db.transaction().execute(async (trx) => {
    for (const area of areas) {
      const row = {
        id: area.id,
        name: area.name,
        kind: area.kind,
        parent_id: area.parent,
        latitude: area.latitude,
        longitude: area.longitude,
        outline: area.outline ? JSON.stringify(area.outline) : null,
        population: area.population,
        aliases: JSON.stringify(area.aliases),
      };
      const { id: _id, ...changes } = row;
      await trx
        .insertInto('area')
        .values(row)
        .onConflict((oc) => oc.column('id').doUpdateSet(changes))
        .execute();
    }
  });
  return areas.length;
}
