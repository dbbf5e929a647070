// npm run import:postcodes as a person runs it: ONS and Code-Point files into a real SQLite file, bad rows and wrong files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDirectoryDatabase } from '../../src/lib/db/database';
import { distanceKm } from '../../src/lib/geo/distance';
import { databaseNamed, dropNamedDatabases } from '../fixtures/postgres';
import { databaseEnv } from '../fixtures/dialect';

const FIXTURES = 'tests/fixtures/postcodes';
const ONS = `${FIXTURES}/onspd-sample.csv`;
const CODEPOINT = `${FIXTURES}/codepoint-sample.csv`;
/** Real rows of the Great Britain file in ../shared/postcodes, with its header, and four bad rows. */
const GB = `${FIXTURES}/gb-sample.csv`;

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'directory-postcodes-'));
});
afterAll(async () => {
  await dropNamedDatabases();
  rmSync(folder, { recursive: true, force: true });
});

function run(args: string[], database: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-postcodes.ts', ...args], {
    env: { ...process.env, ...databaseEnv(database) },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function postcodeRows(database: string) {
  const directory = openDirectoryDatabase(database);
  try {
    const rows = await directory.db.selectFrom('postcode').selectAll().orderBy('postcode').execute();
    return new Map(rows.map((row) => [row.postcode, row]));
  } finally {
    await directory.close();
  }
}

describe('npm run import:postcodes', () => {
  it('imports an ONS Postcode Directory file, told from its header, skipping terminated, unplaced and unreadable rows', async () => {
    const database = await databaseNamed(folder, 'ons');
    const result = run([ONS], database);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      `${ONS} (ONS Postcode Directory): imported 4 postcodes; skipped 1 terminated, 1 with no position, 3 that could not be read.`,
    );
    expect(result.stderr).toContain('1 row skipped, not a postcode (line 8)');
    expect(result.stderr).toContain('1 row skipped, latitude is not a number (line 9)');
    expect(result.stderr).toContain('1 row skipped, too few columns (line 10)');
    const rows = await postcodeRows(database);
    expect([...rows.keys()]).toEqual(['NE1 4ST', 'NE4 5TG', 'NE4 6QF', 'NE8 1AJ']);
    // The council and ward as ONS codes; the council's name from our list of councils.
    expect(rows.get('NE4 5TG')).toEqual({
      postcode: 'NE4 5TG',
      outward: 'NE4',
      latitude: 54.9767,
      longitude: -1.64485,
      source: 'ons',
      council_code: 'E08000021',
      council_name: 'Newcastle upon Tyne',
      ward_code: 'E05011475',
      ward_name: null,
    });
  });

  it('imports an OS Code-Point Open file, told from its first line, converting eastings and northings', async () => {
    const database = await databaseNamed(folder, 'codepoint');
    const result = run([CODEPOINT], database);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${CODEPOINT} (OS Code-Point Open): imported 5 postcodes; skipped 1 with no position, 3 that could not be read.`);
    expect(result.stderr).toContain('not a postcode (line 7)');
    expect(result.stderr).toContain('easting is not a number (line 8)');
    expect(result.stderr).toContain('position off the National Grid (line 9)');
    const rows = await postcodeRows(database);
    // Padded and unspaced forms ("NE8  1AJ", "NE108DQ") are stored in the normal form.
    expect([...rows.keys()]).toEqual(['NE1 4ST', 'NE10 8DQ', 'NE4 5TG', 'NE8 1AJ', 'W1A 1AA']);
    expect(rows.get('NE10 8DQ')).toMatchObject({ outward: 'NE10', source: 'codepoint' });
    // Broadcasting House, London.
    expect(distanceKm(rows.get('W1A 1AA')!, { latitude: 51.5186, longitude: -0.1438 })).toBeLessThan(0.1);
  });

  it('imports the Great Britain file with councils and wards, told from its header, naming each bad row', async () => {
    const database = await databaseNamed(folder, 'gb');
    const result = run([GB], database);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${GB} (Great Britain postcode file): imported 5 postcodes; skipped 4 that could not be read.`);
    expect(result.stderr).toContain('1 row skipped, not a postcode (line 7)');
    expect(result.stderr).toContain('1 row skipped, latitude is not a number (line 8)');
    expect(result.stderr).toContain('1 row skipped, position outside the UK (line 9)');
    expect(result.stderr).toContain('1 row skipped, too few columns (line 10)');
    expect(result.stdout).toMatch(/Done: 5 postcodes in [\d.]+ s; the database grew by [\d.]+ MB\./);
    const rows = await postcodeRows(database);
    expect([...rows.keys()]).toEqual(['BS1 4DJ', 'CF10 1EP', 'DH1 1BW', 'EH1 1YZ', 'SR1 1AE']);
    // Names as people say them: no "District (B)", the English name of a Welsh council, no "Ward" or "ED".
    expect(rows.get('SR1 1AE')).toEqual({
      postcode: 'SR1 1AE',
      outward: 'SR1',
      latitude: 54.90498,
      longitude: -1.37654,
      source: 'gb',
      council_code: 'E08000024',
      council_name: 'Sunderland',
      ward_code: 'E05001158',
      ward_name: 'Hendon',
    });
    expect(rows.get('CF10 1EP')).toMatchObject({ council_name: 'Cardiff', ward_name: 'Cathays' });
    // A quoted ward name with a comma in it.
    expect(rows.get('DH1 1BW')).toMatchObject({ council_name: 'County Durham', ward_name: 'Elvet, Gilesgate & Shincliffe' });
  });

  it('reads a gzipped file as it is (with Windows line ends, as the real one has), and says so plainly when the gzip is damaged', async () => {
    const gzipped = join(folder, 'gb-sample.csv.gz');
    const whole = gzipSync(readFileSync(GB, 'utf8').replace(/\n/g, '\r\n'));
    writeFileSync(gzipped, whole);
    const database = await databaseNamed(folder, 'gzip');
    const result = run([gzipped], database);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('(Great Britain postcode file): imported 5 postcodes');
    expect((await postcodeRows(database)).get('EH1 1YZ')).toMatchObject({ latitude: 55.95033, council_name: 'City of Edinburgh' });

    const damaged = join(folder, 'damaged.csv.gz');
    writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length / 2)));
    const broken = run([damaged], await databaseNamed(folder, 'damaged'));
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`${damaged} is a damaged gzip file`);
    expect(broken.stderr).toContain('Get the file again and import it once more.');
    expect(broken.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('lets a later file replace the positions an earlier one gave', async () => {
    const database = await databaseNamed(folder, 'both');
    expect(run([ONS], database).status).toBe(0);
    expect(run(['--format', 'codepoint', CODEPOINT], database).status).toBe(0);
    const rows = await postcodeRows(database);
    expect(rows.get('NE1 4ST')?.source).toBe('codepoint');
    expect(rows.get('NE4 6QF')?.source).toBe('ons'); // only in the ONS file
  });

  it('refuses a file that is not a postcode file at all, plainly and with exit code 1', async () => {
    const database = await databaseNamed(folder, 'wrong');
    const result = run([`${FIXTURES}/not-postcodes.csv`], database);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('does not look like a postcode file we can read');
    expect(result.stderr).toContain('Nothing was imported from it.');
    expect((await postcodeRows(database)).size).toBe(0);
  });

  it('refuses a file whose columns do not match the format given', async () => {
    const database = await databaseNamed(folder, 'mismatch');
    const asCodePoint = run([ONS, '--format', 'codepoint'], database);
    expect(asCodePoint.status).toBe(1);
    expect(asCodePoint.stderr).toContain('does not look like an OS Code-Point Open file');
    const asOns = run([CODEPOINT, '--format', 'ons'], database);
    expect(asOns.status).toBe(1);
    expect(asOns.stderr).toContain('does not have the columns of an ONS Postcode Directory file');
  });

  it('says when no row of a file could be read', async () => {
    const file = join(folder, 'all-bad.csv');
    writeFileSync(file, 'pcds,lat,long\nnot a postcode,1,2\nNE1 4ST,north,south\n');
    const result = run([file], await databaseNamed(folder, 'all-bad'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`No row of ${file} could be imported`);
  });

  it('explains how to use it when the file is missing or the format unknown', async () => {
    const database = await databaseNamed(folder, 'usage');
    expect(run([], database).stderr).toContain('Usage: npm run import:postcodes');
    const missing = run([join(folder, 'nowhere.csv')], database);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('There is no file');
    const format = run([ONS, '--format', 'paf'], database);
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('--format must be "gb", "ons" or "codepoint", not "paf".');
  });
});
