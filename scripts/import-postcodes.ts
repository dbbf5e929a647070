// npm run import:postcodes -- <file>... [--format gb|ons|codepoint]: loads every postcode of a file
// (plain or gzipped) into the database, with its council and ward where the file gives them, so
// "near" places any postcode exactly rather than at the middle of its sector. The production set-up.
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkpoint, databaseSize } from '../src/lib/db/database';
import { POSTCODE_FORMAT_NAMES, POSTCODE_FORMATS, readPostcodeFile, type PostcodeFormat } from '../src/lib/geo/postcode-files';
import { postcodeWriter } from '../src/lib/geo/postcode-table';
import { fail, openDirectory } from './cli';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
const usage =
  'Usage: npm run import:postcodes -- <file.csv or file.csv.gz>... [--format gb|ons|codepoint]\n' +
  '  Loads postcode positions (and councils and wards) into the directory, for searching near a postcode.\n' +
  '  gb         the Great Britain file: a header postcode,lat,long,lad_code,lad_name,ward_code,ward_name\n' +
  '  ons        ONS Postcode Directory CSV (a header naming pcds or pcd, lat, long, doterm, oslaua, osward)\n' +
  '  codepoint  OS Code-Point Open CSV (no header: postcode, quality, eastings, northings, ...)\n' +
  '  Without --format, the format is told from the first line of each file. Gzipped files are read as they are.';
if (values.help || positionals.length === 0) fail(usage);
if (values.format !== undefined && !(POSTCODE_FORMATS as readonly string[]).includes(values.format)) {
  fail(`--format must be "gb", "ons" or "codepoint", not "${values.format}".\n${usage}`);
}
const chosenFormat = values.format as PostcodeFormat | undefined;
for (const file of positionals) {
  try {
    if (!statSync(file).isFile()) fail(`${file} is a folder, not a CSV file.`);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    fail(missing ? `There is no file ${file}. Check its name and folder.` : `Could not read ${file}: ${(error as Error).message}`);
  }
}

const count = (n: number) => n.toLocaleString('en-GB');

/** "Reading f: [#####     ] 52% (912,000 lines, 1m 4s)" on one rewritten line on a terminal; a line each 10% in a log. */
function progressBar(file: string, started: number) {
  let lastShown = 0;
  let lastTenth = -1;
  return (bytes: number, size: number, lines: number, done = false) => {
    const percent = done ? 100 : size ? Math.min(99, Math.floor((bytes / size) * 100)) : 0;
    const seconds = Math.round((Date.now() - started) / 1000);
    const bar = `[${'#'.repeat(Math.floor(percent / 5)).padEnd(20, ' ')}]`;
    const line = `Reading ${file}: ${bar} ${percent}% (${count(lines)} lines, ${seconds}s)`;
    if (process.stderr.isTTY) {
      if (!done && Date.now() - lastShown < 250) return;
      lastShown = Date.now();
      process.stderr.write(`\r${line}${done ? '\n' : ''}`);
    } else if (done || Math.floor(percent / 10) > lastTenth) {
      lastTenth = Math.floor(percent / 10);
      if (size > 1_000_000 || done) process.stderr.write(`${line}\n`);
    }
  };
}

const { directory } = await openDirectory();
const sizeBefore = await databaseSize(directory);
let problems = 0;
let total = 0;
const started = Date.now();
try {
  for (const file of positionals) {
    const fileStarted = Date.now();
    const progress = progressBar(file, fileStarted);
    let writer: ReturnType<typeof postcodeWriter> | undefined;
    let format: PostcodeFormat | undefined;
    const outcome = await readPostcodeFile(file, {
      format: chosenFormat,
      write: (rows) => {
        // The format is known by the first batch; each file's rows carry its source.
        writer ??= postcodeWriter(directory, format ?? 'gb');
        return writer(rows);
      },
      progress: (bytes, size, lines) => progress(bytes, size, lines),
      onFormat: (found) => {
        format = found;
      },
    });
    if ('wrong' in outcome) {
      process.stderr.write(`${outcome.wrong}\n`);
      problems++;
      continue;
    }
    progress(1, 1, outcome.lines, true);
    const unreadable = [...outcome.unreadable.values()].reduce((sum, entry) => sum + entry.count, 0);
    for (const [reason, entry] of outcome.unreadable) {
      process.stderr.write(
        `${file}: ${count(entry.count)} ${entry.count === 1 ? 'row' : 'rows'} skipped, ${reason}` +
          ` (line${entry.lines.length === 1 ? '' : 's'} ${entry.lines.join(', ')}${entry.count > entry.lines.length ? ', ...' : ''}).\n`,
      );
    }
    const terminated = outcome.expected.get('terminated') ?? 0;
    const noPosition = outcome.expected.get('no position') ?? 0;
    const skippedParts = [
      ...(terminated ? [`${count(terminated)} terminated`] : []),
      ...(noPosition ? [`${count(noPosition)} with no position`] : []),
      ...(unreadable ? [`${count(unreadable)} that could not be read`] : []),
    ];
    process.stdout.write(
      `${file} (${POSTCODE_FORMAT_NAMES[outcome.format]}): imported ${count(outcome.imported)} postcodes; ` +
        `skipped ${skippedParts.length ? skippedParts.join(', ') : 'none'}.\n`,
    );
    total += outcome.imported;
    if (outcome.imported === 0 && unreadable > 0) {
      process.stderr.write(`No row of ${file} could be imported: check that it is a postcode file of the kind named above.\n`);
      problems++;
    }
  }
  if (total > 100_000) checkpoint(directory);
  const sizeAfter = await databaseSize(directory);
  if (total > 0) {
    const growth = `; the database grew by ${((sizeAfter - sizeBefore) / 1024 / 1024).toFixed(1)} MB`;
    process.stdout.write(`Done: ${count(total)} postcodes in ${((Date.now() - started) / 1000).toFixed(1)} s${growth}.\n`);
  }
  process.exitCode = problems ? 1 : 0;
} finally {
  await directory.close();
}
