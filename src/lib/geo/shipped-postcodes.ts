// Loads the postcode data shipped in content/postcodes/ into the database once (and again when
// the shipped files change): every UK postcode sector's and district's centre, and every postcode
// of the sample's own area. With it any UK postcode is placed on a fresh machine, offline.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { DirectoryDatabase } from '../db/database';
import { readPostcodeFile, type PostcodeRow } from './postcode-files';
import { replaceShippedPostcodes } from '../db/postcode-writes';

const SETTING = 'shipped_postcodes';
const FILES = { sectors: 'sectors.csv', districts: 'districts.csv', postcodes: 'north-east.csv.gz' } as const;

/** content/postcodes, whether this runs from the source tree or from the built server in dist/. */
export function shippedPostcodesFolder(): string {
  const beside = fileURLToPath(new URL('../../../content/postcodes/', import.meta.url));
  return existsSync(join(beside, FILES.sectors)) ? beside : join(process.cwd(), 'content/postcodes');
}

const centreSchema = z.object({
  code: z.string().regex(/^[A-Z]{1,2}[0-9][A-Z0-9]?( [0-9])?$/),
  lat: z.coerce.number().min(49).max(61),
  long: z.coerce.number().min(-9).max(2),
  postcodes: z.coerce.number().int().nonnegative(),
  council_code: z.string().transform((code) => code || null),
});

interface Shipped {
  centres: { code: string; kind: 'sector' | 'district'; latitude: number; longitude: number; postcodes: number; council_code: string | null }[];
  postcodes: PostcodeRow[];
}

/** The version of the shipped files: a hash of their bytes, cheap enough to check at every start. */
function shippedVersion(folder: string): string {
  const hash = createHash('sha256');
  for (const file of [FILES.sectors, FILES.districts, FILES.postcodes]) hash.update(readFileSync(join(folder, file)));
  return hash.digest('hex').slice(0, 16);
}

// Parsed once per process, and only when a database needs them: tests prepare many databases.
const cache = new Map<string, Shipped>();

async function readShipped(folder: string): Promise<Shipped> {
  const cached = cache.get(folder);
  if (cached) return cached;
  const centres: Shipped['centres'] = [];
  for (const kind of ['sector', 'district'] as const) {
    const text = readFileSync(join(folder, kind === 'sector' ? FILES.sectors : FILES.districts));
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    rows.forEach((row, index) => {
      const centre = centreSchema.safeParse({ ...row, code: row[kind] });
      if (!centre.success)
        throw new Error(
          `content/postcodes/${kind}s.csv row ${index + 2} is not a ${kind} centre: ${centre.error.issues[0]!.path.join('.')} ${centre.error.issues[0]!.message}.`,
        );
      const { code, lat, long, postcodes, council_code } = centre.data;
      centres.push({ code, kind, latitude: lat, longitude: long, postcodes, council_code });
    });
  }
  const postcodes: PostcodeRow[] = [];
  const report = await readPostcodeFile(join(folder, FILES.postcodes), {
    format: 'gb',
    write: (rows) => {
      postcodes.push(...rows);
    },
  });
  if ('wrong' in report) throw new Error(report.wrong);
  const shipped = { centres, postcodes };
  cache.set(folder, shipped);
  return shipped;
}

export interface ShippedReport {
  /** False when the database already held this version (then nothing was read but the files' bytes). */
  loaded: boolean;
  /** How many centres and postcodes were loaded, when they were. */
  centres?: number;
  postcodes?: number;
}

/** Loads the shipped postcode data unless this version is already in; all in one transaction. */
export async function loadShippedPostcodes(directory: DirectoryDatabase, folder = shippedPostcodesFolder()): Promise<ShippedReport> {
  const version = shippedVersion(folder);
  const current = await directory.db.selectFrom('app_setting').select('value').where('key', '=', SETTING).executeTakeFirst();
  if (current?.value === version) return { loaded: false };
  const shipped = await readShipped(folder);
  await replaceShippedPostcodes(directory, shipped, SETTING, version);
  return { loaded: true, centres: shipped.centres.length, postcodes: shipped.postcodes.length };
}
