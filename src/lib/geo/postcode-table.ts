// The local postcode table: filled from the directory's own addresses, from the postcodes shipped in
// content/postcodes (shipped-postcodes.ts) and by scripts/import-postcodes.ts from whole files; and
// the centres of postcode sectors and districts. Looked up by postcode, sector or district, with no network.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import type { Point } from './distance';
import { parsePostcode } from './postcode';

/**
 * Where a postcode's position came from: a listed address, the postcodes shipped with the project,
 * or an imported file (the Great Britain file, the ONS Postcode Directory, OS Code-Point Open).
 */
export type PostcodeSource = 'directory' | 'shipped' | 'gb' | 'ons' | 'codepoint';

export interface PostcodePlace extends Point {
  /** "NE4 5TG" */
  postcode: string;
  /** "NE4" */
  outward: string;
  source: PostcodeSource;
  /** The council it is in (ONS code and name), when known. */
  council_code: string | null;
  council_name: string | null;
  /** The ward it is in (ONS code and name), when known. */
  ward_code: string | null;
  ward_name: string | null;
}

export interface DistrictPlace extends Point {
  /** "NE4" */
  outward: string;
  /** How many known postcodes the district's point is the middle of. */
  postcodes: number;
  /** The council most of its postcodes are in, when the shipped centres say. */
  council_code: string | null;
}

/**
 * Could a UK postcode be here? The UK with its islands (Channel Islands to Shetland, St Kilda to
 * Lowestoft) lies within 49°N to 61°N and 9°W to 2°E; (0, 0), a common "no position", does not.
 */
export function isPlausibleUkPoint(latitude: unknown, longitude: unknown): boolean {
  return (
    typeof latitude === 'number' &&
    typeof longitude === 'number' &&
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    latitude >= 49 &&
    latitude <= 61 &&
    longitude >= -9 &&
    longitude <= 2
  );
}

export interface AddressPosition {
  postal_code: string | null;
  latitude: number | null;
  longitude: number | null;
}

/**
 * One position per postcode from the directory's addresses: the mean where several places share
 * a postcode. Addresses without a postcode, or whose place has no believable position, are left out.
 */
export function postcodePositions(addresses: readonly AddressPosition[]): PostcodePlace[] {
  const sums = new Map<string, { outward: string; latitude: number; longitude: number; count: number }>();
  for (const address of addresses) {
    const parsed = address.postal_code ? parsePostcode(address.postal_code) : null;
    if (parsed?.kind !== 'full' || !isPlausibleUkPoint(address.latitude, address.longitude)) continue;
    const sum = sums.get(parsed.postcode) ?? { outward: parsed.outward, latitude: 0, longitude: 0, count: 0 };
    sum.latitude += address.latitude!;
    sum.longitude += address.longitude!;
    sum.count += 1;
    sums.set(parsed.postcode, sum);
  }
  return [...sums].map(([postcode, sum]) => ({
    postcode,
    outward: sum.outward,
    latitude: sum.latitude / sum.count,
    longitude: sum.longitude / sum.count,
    source: 'directory' as const,
    council_code: null,
    council_name: null,
    ward_code: null,
    ward_name: null,
  }));
}

const ROWS_PER_INSERT = 100;

/**
 * Refills the postcode rows that come from the directory's own addresses (source 'directory').
 * A postcode already known from ONS or Code-Point keeps that position: those are surveyed.
 * Returns how many postcodes the addresses gave.
 */
export async function rebuildDirectoryPostcodes(db: Kysely<DatabaseSchema>): Promise<number> {
  const addresses = await db
    .selectFrom('address')
    .innerJoin('location', 'location.id', 'address.location_id')
    .select(['address.postal_code', 'location.latitude', 'location.longitude'])
    .where('address.postal_code', 'is not', null)
    .where('location.latitude', 'is not', null)
    .where('location.longitude', 'is not', null)
    .execute();
  const places = postcodePositions(addresses);
  await db.transaction().execute(async (trx) => {
    // Postcodes no longer at any listed address go too.
    await trx.deleteFrom('postcode').where('source', '=', 'directory').execute();
    for (let i = 0; i < places.length; i += ROWS_PER_INSERT) {
      await trx
        .insertInto('postcode')
        .values(places.slice(i, i + ROWS_PER_INSERT))
        .onConflict((oc) => oc.column('postcode').doNothing())
        .execute();
    }
  });
  return places.length;
}

/** The position of a full postcode typed in any form, or null when it is not a postcode or not known. */
export async function lookupPostcode(db: Kysely<DatabaseSchema>, postcode: string): Promise<PostcodePlace | null> {
  const parsed = parsePostcode(postcode);
  if (parsed?.kind !== 'full') return null;
  const row = await db.selectFrom('postcode').selectAll().where('postcode', '=', parsed.postcode).executeTakeFirst();
  return row ? { ...row, source: row.source as PostcodeSource } : null;
}

export interface CentrePlace extends Point {
  /** "NE4 5" or "NE4". */
  code: string;
  kind: 'sector' | 'district';
  postcodes: number;
  council_code: string | null;
}

/** The centre of a postcode sector ("NE4 5") or district ("NE4") from the shipped list, or null. */
export async function lookupCentre(db: Kysely<DatabaseSchema>, code: string): Promise<CentrePlace | null> {
  const row = await db.selectFrom('postcode_centre').selectAll().where('code', '=', code.toUpperCase()).executeTakeFirst();
  return row ?? null;
}

/**
 * The middle of a postcode district ("NE4", or the district of a full postcode): its centre from
 * the shipped list, else the mean of the positions of its known postcodes. Null when neither is known.
 */
export async function lookupDistrict(db: Kysely<DatabaseSchema>, outward: string): Promise<DistrictPlace | null> {
  const parsed = parsePostcode(outward);
  if (!parsed) return null;
  const centre = await lookupCentre(db, parsed.outward);
  if (centre?.kind === 'district') {
    return { outward: parsed.outward, latitude: centre.latitude, longitude: centre.longitude, postcodes: centre.postcodes, council_code: centre.council_code };
  }
  const row = await db
    .selectFrom('postcode')
    .select((eb) => [eb.fn.avg<number>('latitude').as('latitude'), eb.fn.avg<number>('longitude').as('longitude'), eb.fn.countAll<number>().as('postcodes')])
    .where('outward', '=', parsed.outward)
    .executeTakeFirstOrThrow();
  if (!Number(row.postcodes)) return null;
  return { outward: parsed.outward, latitude: Number(row.latitude), longitude: Number(row.longitude), postcodes: Number(row.postcodes), council_code: null };
}

/**
 * Writes postcodes from a file (one transaction per call): src/lib/db/postcode-writes.ts, where
 * each engine's own form of the write is.
 */
export { postcodeWriter } from '../db/postcode-writes';
