// Reads postcode files as their publishers give them, plain or gzipped: the Great Britain file in
// ../shared/postcodes (Code-Point Open with latitude, longitude, council and ward), the ONS Postcode
// Directory, and OS Code-Point Open itself (eastings and northings, no header). Each row becomes a
// postcode to write, or a reason it was skipped.
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { parse, type Options } from 'csv-parse';
import { z } from 'zod';
import { councilByCode, cleanCouncilName, cleanWardName } from './councils';
import { gridToWgs84, isOnNationalGrid } from './osgb';
import { parsePostcode, type FullPostcode } from './postcode';
import { isPlausibleUkPoint } from './postcode-table';
import type { PostcodeValues } from '../db/postcode-sql';

export const POSTCODE_FORMATS = ['gb', 'ons', 'codepoint'] as const;
export type PostcodeFormat = (typeof POSTCODE_FORMATS)[number];
export const POSTCODE_FORMAT_NAMES: Record<PostcodeFormat, string> = {
  gb: 'Great Britain postcode file',
  ons: 'ONS Postcode Directory',
  codepoint: 'OS Code-Point Open',
};

/** One postcode to write. */
export type PostcodeRow = PostcodeValues;

export type RowOutcome = PostcodeRow | { skipped: string };
type RowReader = (fields: string[]) => RowOutcome;

/** Reasons a row is left out on purpose, not because it could not be read. */
export const EXPECTED_SKIPS = new Set(['terminated', 'no position']);

/** ONS's latitude for a postcode it has no position for. */
const ONS_NO_POSITION = 99.999999;
/** Code-Point's positional quality for a postcode it has no position for. */
const CODEPOINT_NO_POSITION = 90;

const postcodeField = z.string().transform((text, ctx): FullPostcode => {
  const parsed = parsePostcode(text);
  if (parsed?.kind !== 'full') {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'not a postcode' });
    return z.NEVER;
  }
  return parsed;
});
const decimalField = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[+-]?\d+(\.\d+)?$/, `${what} is not a number`)
    .transform(Number);
const codeField = z
  .string()
  .trim()
  .transform((code) => code || null);
const latLongSchema = z.object({ postcode: postcodeField, latitude: decimalField('latitude'), longitude: decimalField('longitude') });

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
const firstIssue = (error: z.ZodError) => error.issues[0]?.message ?? 'could not be read';

/** The council's name from our list of councils, else as the file gave it, tidied. */
function councilName(code: string | null, raw: string | undefined): string | null {
  if (!code) return null;
  return councilByCode(code)?.name ?? (raw?.trim() ? cleanCouncilName(raw).name : null);
}

function positioned(
  postcode: FullPostcode,
  latitude: number,
  longitude: number,
  rest: Omit<PostcodeRow, 'postcode' | 'outward' | 'latitude' | 'longitude'>,
): RowOutcome {
  if (!isPlausibleUkPoint(latitude, longitude)) return { skipped: 'position outside the UK' };
  return { postcode: postcode.postcode, outward: postcode.outward, latitude: round6(latitude), longitude: round6(longitude), ...rest };
}

const columnsOf = (header: string[]) => header.map((name) => name.trim().toLowerCase());

/** The GB file's reader, or null when the header is not the GB file's. */
function gbReader(header: string[]): RowReader | null {
  const names = columnsOf(header);
  const at = (name: string) => names.indexOf(name);
  if (at('postcode') < 0 || at('lat') < 0 || at('long') < 0) return null;
  const columns = {
    postcode: at('postcode'),
    lat: at('lat'),
    long: at('long'),
    ladCode: at('lad_code'),
    ladName: at('lad_name'),
    wardCode: at('ward_code'),
    wardName: at('ward_name'),
  };
  const needed = Math.max(columns.postcode, columns.lat, columns.long) + 1;
  return (fields) => {
    if (fields.length < needed) return { skipped: 'too few columns' };
    const row = latLongSchema.safeParse({ postcode: fields[columns.postcode], latitude: fields[columns.lat], longitude: fields[columns.long] });
    if (!row.success) return { skipped: firstIssue(row.error) };
    const councilCode = codeField.parse(fields[columns.ladCode] ?? '');
    const wardCode = codeField.parse(fields[columns.wardCode] ?? '');
    const wardName = fields[columns.wardName]?.trim();
    return positioned(row.data.postcode, row.data.latitude, row.data.longitude, {
      council_code: councilCode,
      council_name: councilName(councilCode, fields[columns.ladName]),
      ward_code: wardCode,
      ward_name: wardCode && wardName ? cleanWardName(wardName) : null,
    });
  };
}

/** The ONS Postcode Directory's reader, or null when the header lacks its columns. */
function onsReader(header: string[]): RowReader | null {
  const names = columnsOf(header);
  const postcodeColumn = names.includes('pcds') ? names.indexOf('pcds') : names.indexOf('pcd');
  const lat = names.indexOf('lat');
  const long = names.indexOf('long');
  const doterm = names.indexOf('doterm');
  // The council is "oslaua" in ONSPD, "laua" in the National Statistics Postcode Lookup, or
  // "lad" with a year; the ward "osward", "ward" or "wd" with a year.
  const council = names.findIndex((name) => ['oslaua', 'laua'].includes(name) || /^lad\d{2}cd$/.test(name));
  const ward = names.findIndex((name) => ['osward', 'ward'].includes(name) || /^wd\d{2}cd$/.test(name));
  if (postcodeColumn < 0 || lat < 0 || long < 0) return null;
  const needed = Math.max(postcodeColumn, lat, long) + 1;
  return (fields) => {
    if (fields.length < needed) return { skipped: 'too few columns' };
    const row = latLongSchema.safeParse({ postcode: fields[postcodeColumn], latitude: fields[lat], longitude: fields[long] });
    if (!row.success) return { skipped: firstIssue(row.error) };
    if (doterm >= 0 && fields[doterm]?.trim()) return { skipped: 'terminated' };
    if (row.data.latitude === ONS_NO_POSITION) return { skipped: 'no position' };
    const councilCode = council >= 0 ? codeField.parse(fields[council] ?? '') : null;
    return positioned(row.data.postcode, row.data.latitude, row.data.longitude, {
      council_code: councilCode,
      council_name: councilName(councilCode, undefined),
      ward_code: ward >= 0 ? codeField.parse(fields[ward] ?? '') : null,
      ward_name: null,
    });
  };
}

const codePointSchema = z.object({
  postcode: postcodeField,
  quality: z.string().trim().regex(/^\d+$/, 'positional quality is not a whole number').transform(Number),
  easting: decimalField('easting'),
  northing: decimalField('northing'),
});

/** OS Code-Point Open: postcode, quality, eastings, northings, country, NHS region, NHS area, county, district, ward. */
const readCodePoint: RowReader = (fields) => {
  if (fields.length < 4) return { skipped: 'too few columns' };
  const row = codePointSchema.safeParse({ postcode: fields[0], quality: fields[1], easting: fields[2], northing: fields[3] });
  if (!row.success) return { skipped: firstIssue(row.error) };
  const { postcode, quality, easting, northing } = row.data;
  if (quality === CODEPOINT_NO_POSITION) return { skipped: 'no position' };
  if (!isOnNationalGrid(easting, northing)) return { skipped: 'position off the National Grid' };
  const point = gridToWgs84(easting, northing);
  const councilCode = codeField.parse(fields[8] ?? '');
  return positioned(postcode, point.latitude, point.longitude, {
    council_code: councilCode,
    council_name: councilName(councilCode, undefined),
    ward_code: codeField.parse(fields[9] ?? ''),
    ward_name: null,
  });
};

/** Does the first line look like Code-Point Open: a postcode, a quality number, an easting, a northing? */
function looksLikeCodePoint(fields: string[]): boolean {
  return (
    fields.length >= 4 &&
    parsePostcode(fields[0] ?? '')?.kind === 'full' &&
    /^\s*\d+\s*$/.test(fields[1] ?? '') &&
    /^\s*\d+(\.\d+)?\s*$/.test(fields[2] ?? '') &&
    /^\s*\d+(\.\d+)?\s*$/.test(fields[3] ?? '')
  );
}

/** Which format a file is, from its first line, and the reader for its rows; the header line is not a row. */
function readerFor(first: string[], chosen: PostcodeFormat | undefined): { format: PostcodeFormat; reader: RowReader; header: boolean } | null {
  if (chosen !== 'ons' && chosen !== 'codepoint') {
    const gb = gbReader(first);
    if (gb) return { format: 'gb', reader: gb, header: true };
    if (chosen === 'gb') return null;
  }
  if (chosen !== 'codepoint') {
    const ons = onsReader(first);
    if (ons) return { format: 'ons', reader: ons, header: true };
    if (chosen === 'ons') return null;
  }
  return looksLikeCodePoint(first) ? { format: 'codepoint', reader: readCodePoint, header: false } : null;
}

export function wrongFileMessage(file: string, format: PostcodeFormat | undefined): string {
  if (format === 'gb')
    return `${file} does not have the columns of the Great Britain postcode file: its first line should name postcode, lat and long (and lad_code, lad_name, ward_code, ward_name). Nothing was imported from it.`;
  if (format === 'ons')
    return `${file} does not have the columns of an ONS Postcode Directory file: its first line should name the columns pcds (or pcd), lat and long. Nothing was imported from it.`;
  if (format === 'codepoint')
    return `${file} does not look like an OS Code-Point Open file: each line should be a postcode, a quality number, eastings and northings, with no header line. Nothing was imported from it.`;
  return `${file} does not look like a postcode file we can read: the Great Britain file (a first line naming postcode, lat and long), an ONS Postcode Directory file (a first line naming pcds, lat and long) or an OS Code-Point Open file (lines of postcode, quality, eastings, northings). Nothing was imported from it. If it is one of these, give --format gb, ons or codepoint.`;
}

export interface PostcodeFileReport {
  format: PostcodeFormat;
  imported: number;
  /** Lines read. */
  lines: number;
  /** Rows left out on purpose: terminated postcodes and those with no position. */
  expected: Map<string, number>;
  /** Rows that could not be read, with the first few line numbers of each reason. */
  unreadable: Map<string, { count: number; lines: number[] }>;
}

export interface ReadOptions {
  format?: PostcodeFormat;
  /** Called with each batch of rows, in order; write them in one transaction. */
  write: (rows: PostcodeRow[]) => void | Promise<void>;
  batchSize?: number;
  /** Called now and then with how many bytes of the file (as stored) have been read. */
  progress?: (bytesRead: number, size: number, lines: number) => void;
  /** Called once the first line has told which format the file is, before any rows are written. */
  onFormat?: (format: PostcodeFormat) => void;
}

const EXAMPLE_LINES_PER_REASON = 5;

function isGzip(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const start = Buffer.alloc(2);
    return readSync(fd, start, 0, 2, 0) === 2 && start[0] === 0x1f && start[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** Reads a whole postcode file, plain or gzipped; a report, or why the file as a whole cannot be read. */
export async function readPostcodeFile(file: string, options: ReadOptions): Promise<PostcodeFileReport | { wrong: string }> {
  const size = statSync(file).size;
  const raw = createReadStream(file);
  const gzip = isGzip(file);
  // on_record runs as each record is parsed, so the line it notes is that record's own.
  const lineOf = new WeakMap<string[], number>();
  const csvOptions: Options = {
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
    on_record: (record: string[], context) => {
      lineOf.set(record, context.lines);
      return record;
    },
  };
  const parser = parse(csvOptions);
  const input = gzip ? raw.pipe(createGunzip()) : raw;
  input.on('error', (error: Error) => parser.destroy(error));
  input.pipe(parser);
  const report: PostcodeFileReport = { format: 'gb', imported: 0, lines: 0, expected: new Map(), unreadable: new Map() };
  const batchSize = options.batchSize ?? 10_000;
  let reader: RowReader | undefined;
  let batch: PostcodeRow[] = [];
  let lines = 0;
  const flush = async () => {
    if (batch.length) await options.write(batch);
    report.imported += batch.length;
    batch = [];
    options.progress?.(raw.bytesRead, size, lines);
  };
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const line = lineOf.get(record) ?? lines + 1;
      lines = line;
      if (!reader) {
        const found = readerFor(record, options.format);
        if (!found) return { wrong: wrongFileMessage(file, options.format) };
        report.format = found.format;
        options.onFormat?.(found.format);
        reader = found.reader;
        if (found.header) continue;
      }
      const outcome = reader(record);
      if ('skipped' in outcome) {
        if (EXPECTED_SKIPS.has(outcome.skipped)) report.expected.set(outcome.skipped, (report.expected.get(outcome.skipped) ?? 0) + 1);
        else {
          const entry = report.unreadable.get(outcome.skipped) ?? { count: 0, lines: [] };
          entry.count++;
          if (entry.lines.length < EXAMPLE_LINES_PER_REASON) entry.lines.push(line);
          report.unreadable.set(outcome.skipped, entry);
        }
      } else {
        batch.push(outcome);
        if (batch.length >= batchSize) await flush();
      }
    }
  } catch (error) {
    const message = (error as Error).message;
    await flush();
    const kept = `${report.imported.toLocaleString('en-GB')} postcodes before it were imported`;
    if (gzip && /unexpected end|incorrect header|invalid|corrupt/i.test(message)) {
      return { wrong: `${file} is a damaged gzip file (${message}); ${kept}. Get the file again and import it once more.` };
    }
    return { wrong: `${file} could not be read as CSV near line ${lines + 1} (${message}); ${kept}.` };
  } finally {
    raw.destroy();
  }
  await flush();
  report.lines = lines;
  if (!reader) return { wrong: `${file} is empty. Nothing was imported from it.` };
  return report;
}
