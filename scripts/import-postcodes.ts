// npm run import:postcodes -- <file.csv>... [--format ons|codepoint]: loads postcode positions from the
// ONS Postcode Directory or OS Code-Point Open into the local postcode table, so "near NE4 5TG" works offline.
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { checkpoint } from '../src/lib/db/database';
import { gridToWgs84, isOnNationalGrid } from '../src/lib/geo/osgb';
import { parsePostcode, type FullPostcode } from '../src/lib/geo/postcode';
import { isPlausibleUkPoint, type PostcodeSource } from '../src/lib/geo/postcode-table';
import { fail, openDirectory } from './cli';

const FORMATS = ['ons', 'codepoint'] as const;
type Format = (typeof FORMATS)[number];
const FORMAT_NAMES: Record<Format, string> = { ons: 'ONS Postcode Directory', codepoint: 'OS Code-Point Open' };
const ROWS_PER_TRANSACTION = 10_000;
/** ONS's latitude for a postcode it has no position for. */
const ONS_NO_POSITION = 99.999999;
/** Code-Point's positional quality for a postcode it has no position for. */
const CODEPOINT_NO_POSITION = 90;
const EXAMPLE_LINES_PER_REASON = 5;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
const usage = 'Usage: npm run import:postcodes -- <file.csv>... [--format ons|codepoint]\n'
  + '  Loads postcode positions into the directory, for searching near a postcode.\n'
  + '  ons        ONS Postcode Directory CSV (a header naming pcds or pcd, lat, long and doterm)\n'
  + '  codepoint  OS Code-Point Open CSV (no header: postcode, quality, eastings, northings, ...)\n'
  + '  Without --format, the format is told from the first line of each file.';
if (values.help || positionals.length === 0) fail(usage);
if (values.format !== undefined && !(FORMATS as readonly string[]).includes(values.format)) {
  fail(`--format must be "ons" or "codepoint", not "${values.format}".\n${usage}`);
}
const chosenFormat = values.format as Format | undefined;
for (const file of positionals) {
  try {
    if (!statSync(file).isFile()) fail(`${file} is a folder, not a CSV file.`);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    fail(missing ? `There is no file ${file}. Check its name and folder.` : `Could not read ${file}: ${(error as Error).message}`);
  }
}

/** The fields of one CSV line: commas separate, double quotes may wrap a field ("" is a quote inside one). */
function csvFields(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (inQuotes) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else field += c;
    } else if (c === '"') inQuotes = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  return fields;
}

const postcodeField = z.string().transform((text, ctx): FullPostcode => {
  const parsed = parsePostcode(text);
  if (parsed?.kind !== 'full') {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'not a postcode' });
    return z.NEVER;
  }
  return parsed;
});
const decimalField = (what: string) => z.string().trim().regex(/^[+-]?\d+(\.\d+)?$/, `${what} is not a number`).transform(Number);

const onsRowSchema = z.object({
  postcode: postcodeField,
  latitude: decimalField('latitude'),
  longitude: decimalField('longitude'),
  terminated: z.string().trim(),
});
const codePointRowSchema = z.object({
  postcode: postcodeField,
  quality: z.string().trim().regex(/^\d+$/, 'positional quality is not a whole number').transform(Number),
  easting: decimalField('easting'),
  northing: decimalField('northing'),
});

interface PostcodeRow {
  postcode: string;
  outward: string;
  latitude: number;
  longitude: number;
}

/** A row to write, or why it was skipped. */
type RowOutcome = PostcodeRow | { skipped: string };

/** Reads one data line of a file in a known format. */
type RowReader = (fields: string[]) => RowOutcome;

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'could not be read';
}

/** The ONS reader for a file whose header is `header`, or null when the header lacks the columns. */
function onsReader(header: string[]): RowReader | null {
  const names = header.map((name) => name.trim().toLowerCase());
  const postcodeColumn = names.includes('pcds') ? names.indexOf('pcds') : names.indexOf('pcd');
  const latColumn = names.indexOf('lat');
  const longColumn = names.indexOf('long');
  const termColumn = names.indexOf('doterm');
  if (postcodeColumn < 0 || latColumn < 0 || longColumn < 0) return null;
  const needed = Math.max(postcodeColumn, latColumn, longColumn) + 1;
  return (fields) => {
    if (fields.length < needed) return { skipped: 'too few columns' };
    const row = onsRowSchema.safeParse({
      postcode: fields[postcodeColumn], latitude: fields[latColumn], longitude: fields[longColumn],
      terminated: termColumn >= 0 ? fields[termColumn] ?? '' : '',
    });
    if (!row.success) return { skipped: firstIssue(row.error) };
    const { postcode, latitude, longitude, terminated } = row.data;
    if (terminated) return { skipped: 'terminated' };
    if (latitude === ONS_NO_POSITION) return { skipped: 'no position' };
    if (!isPlausibleUkPoint(latitude, longitude)) return { skipped: 'position outside the UK' };
    return { postcode: postcode.postcode, outward: postcode.outward, latitude: round6(latitude), longitude: round6(longitude) };
  };
}

const readCodePoint: RowReader = (fields) => {
  if (fields.length < 4) return { skipped: 'too few columns' };
  const row = codePointRowSchema.safeParse({ postcode: fields[0], quality: fields[1], easting: fields[2], northing: fields[3] });
  if (!row.success) return { skipped: firstIssue(row.error) };
  const { postcode, quality, easting, northing } = row.data;
  if (quality === CODEPOINT_NO_POSITION) return { skipped: 'no position' };
  if (!isOnNationalGrid(easting, northing)) return { skipped: 'position off the National Grid' };
  const point = gridToWgs84(easting, northing);
  return { postcode: postcode.postcode, outward: postcode.outward, latitude: round6(point.latitude), longitude: round6(point.longitude) };
};

/** Does the first line look like Code-Point Open: a postcode, a quality number, an easting, a northing? */
function looksLikeCodePoint(fields: string[]): boolean {
  return fields.length >= 4 && parsePostcode(fields[0] ?? '')?.kind === 'full'
    && /^\s*\d+\s*$/.test(fields[1] ?? '') && /^\s*\d+(\.\d+)?\s*$/.test(fields[2] ?? '') && /^\s*\d+(\.\d+)?\s*$/.test(fields[3] ?? '');
}

function wrongFileMessage(file: string, format: Format | undefined): string {
  if (format === 'ons') {
    return `${file} does not have the columns of an ONS Postcode Directory file: its first line should name the columns pcds (or pcd), lat and long. Nothing was imported from it.`;
  }
  if (format === 'codepoint') {
    return `${file} does not look like an OS Code-Point Open file: each line should be a postcode, a quality number, eastings and northings, with no header line. Nothing was imported from it.`;
  }
  return `${file} does not look like an ONS Postcode Directory file (a first line naming pcds, lat and long) or an OS Code-Point Open file (lines of postcode, quality, eastings, northings). Nothing was imported from it. If it is one of these, give --format ons or --format codepoint.`;
}

interface FileReport {
  format: Format;
  imported: number;
  /** Rows left out on purpose: terminated postcodes and those with no position. */
  expected: Map<string, number>;
  /** Rows that could not be read, with the first few line numbers of each reason. */
  unreadable: Map<string, { count: number; lines: number[] }>;
}

const EXPECTED_SKIPS = new Set(['terminated', 'no position']);
const count = (n: number) => n.toLocaleString('en-GB');

/** Imports one file; returns its report, or a message when the file as a whole is not a postcode file. */
async function importFile(
  file: string,
  write: (rows: PostcodeRow[], source: PostcodeSource) => void,
): Promise<FileReport | { wrong: string }> {
  const size = statSync(file).size;
  const stream = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const report: FileReport = { format: 'ons', imported: 0, expected: new Map(), unreadable: new Map() };
  let reader: RowReader | undefined;
  let lineNumber = 0;
  let batch: PostcodeRow[] = [];
  let lastShown = Date.now();
  let lastTenth = 0;
  const flush = () => {
    if (batch.length) write(batch, report.format);
    report.imported += batch.length;
    batch = [];
  };
  const showProgress = (done: boolean) => {
    const percent = size ? Math.min(100, Math.floor((stream.bytesRead / size) * 100)) : 100;
    const line = `Reading ${file}: ${done ? 100 : percent}% (${count(lineNumber)} lines)`;
    if (process.stderr.isTTY) {
      if (done || Date.now() - lastShown >= 250) process.stderr.write(`\r${line}${done ? '\n' : ''}`);
      lastShown = Date.now();
    } else if (done ? size > 10_000_000 : Math.floor(percent / 10) > lastTenth && size > 10_000_000) {
      lastTenth = Math.floor(percent / 10);
      process.stderr.write(`${line}\n`);
    }
  };
  try {
    for await (const rawLine of lines) {
      lineNumber++;
      const line = lineNumber === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
      if (!line.trim()) continue;
      const fields = csvFields(line);
      if (!reader) {
        // The first line says which format this is, and for ONS it is the header.
        const format = chosenFormat ?? (onsReader(fields) ? 'ons' : looksLikeCodePoint(fields) ? 'codepoint' : undefined);
        if (format === 'ons') {
          const ons = onsReader(fields);
          if (!ons) return { wrong: wrongFileMessage(file, chosenFormat) };
          report.format = 'ons';
          reader = ons;
          continue;
        }
        if (format === 'codepoint' && looksLikeCodePoint(fields)) {
          report.format = 'codepoint';
          reader = readCodePoint;
        } else {
          return { wrong: wrongFileMessage(file, chosenFormat) };
        }
      }
      const outcome = reader(fields);
      if ('skipped' in outcome) {
        if (EXPECTED_SKIPS.has(outcome.skipped)) report.expected.set(outcome.skipped, (report.expected.get(outcome.skipped) ?? 0) + 1);
        else {
          const entry = report.unreadable.get(outcome.skipped) ?? { count: 0, lines: [] };
          entry.count++;
          if (entry.lines.length < EXAMPLE_LINES_PER_REASON) entry.lines.push(lineNumber);
          report.unreadable.set(outcome.skipped, entry);
        }
      } else {
        batch.push(outcome);
        if (batch.length >= ROWS_PER_TRANSACTION) {
          flush();
          showProgress(false);
        }
      }
    }
    flush();
    showProgress(true);
  } finally {
    lines.close();
    stream.destroy();
  }
  if (!reader) return { wrong: `${file} is empty. Nothing was imported from it.` };
  return report;
}

const { directory } = await openDirectory();
let wrongFiles = 0;
let total = 0;
try {
  const upsert = directory.sqlite.prepare(
    `insert into postcode (postcode, outward, latitude, longitude, source) values (?, ?, ?, ?, ?)
     on conflict (postcode) do update set
       outward = excluded.outward, latitude = excluded.latitude, longitude = excluded.longitude, source = excluded.source`,
  );
  const write = directory.sqlite.transaction((rows: PostcodeRow[], source: PostcodeSource) => {
    for (const row of rows) upsert.run(row.postcode, row.outward, row.latitude, row.longitude, source);
  });
  for (const file of positionals) {
    const outcome = await importFile(file, write);
    if ('wrong' in outcome) {
      process.stderr.write(`${outcome.wrong}\n`);
      wrongFiles++;
      continue;
    }
    const unreadable = [...outcome.unreadable.values()].reduce((sum, entry) => sum + entry.count, 0);
    for (const [reason, entry] of outcome.unreadable) {
      process.stderr.write(`${file}: ${count(entry.count)} ${entry.count === 1 ? 'row' : 'rows'} skipped, ${reason}`
        + ` (line${entry.lines.length === 1 ? '' : 's'} ${entry.lines.join(', ')}${entry.count > entry.lines.length ? ', ...' : ''}).\n`);
    }
    const terminated = outcome.expected.get('terminated') ?? 0;
    const noPosition = outcome.expected.get('no position') ?? 0;
    const skippedParts = [
      ...(terminated ? [`${count(terminated)} terminated`] : []),
      ...(noPosition ? [`${count(noPosition)} with no position`] : []),
      ...(unreadable ? [`${count(unreadable)} that could not be read`] : []),
    ];
    process.stdout.write(`${file} (${FORMAT_NAMES[outcome.format]}): imported ${count(outcome.imported)} postcodes; `
      + `skipped ${skippedParts.length ? skippedParts.join(', ') : 'none'}.\n`);
    total += outcome.imported;
    if (outcome.imported === 0 && unreadable > 0) {
      process.stderr.write(`No row of ${file} could be imported: check that it is an ${FORMAT_NAMES[outcome.format]} file.\n`);
      wrongFiles++;
    }
  }
  if (total > 100_000) checkpoint(directory);
  process.exitCode = wrongFiles ? 1 : 0;
} finally {
  await directory.close();
}
