// npm run backup [-- --to FILE]: a checked copy of the SQLite database, made while the site runs.
// By default into backups/directory-<date and time>.sqlite. With DATABASE_URL=postgres://… it
// says what to run instead (pg_dump), since PostgreSQL has its own tools for this.
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { databasePathFromEnv } from '../src/lib/db/database';
import { isPostgresUrl } from '../src/lib/db/dialect';
import { BackupError, backupDatabase } from '../src/lib/db/sqlite/backup';
import { commandConfig, fail, progressPrinter } from './cli';

const { values } = parseArgs({ options: { to: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  process.stdout.write('npm run backup [-- --to FILE]: copies the database (DATABASE_PATH) while the site runs, and checks the copy.\n');
  process.exit(0);
}
const config = commandConfig();
if (isPostgresUrl(config.DATABASE_URL) && !config.DATABASE_PATH) {
  fail(
    "DATABASE_URL names a PostgreSQL database: back it up with PostgreSQL's own tool, for example\n" +
      '  pg_dump --format=custom --file=directory.dump "$DATABASE_URL"\n' +
      'and restore it into an empty database with\n' +
      '  pg_restore --dbname="$DATABASE_URL" --no-owner directory.dump\n' +
      '(see docs/postgres.md).',
  );
}
const source = databasePathFromEnv(config);
const stamp = new Date()
  .toISOString()
  .slice(0, 16)
  .replace(/[:T]/g, (c) => (c === 'T' ? '-' : ''));
const target = values.to ?? join('backups', `directory-${stamp}.sqlite`);
try {
  const summary = await backupDatabase(source, target, { onProgress: progressPrinter('Copying') });
  process.stdout.write(
    `Backed up ${source} to ${summary.path}: ${(summary.bytes / 1e6).toFixed(1)} MB, ` +
      `${summary.services.toLocaleString('en-GB')} services, checked (schema ${summary.migration ?? 'empty'}).\n`,
  );
} catch (error) {
  if (error instanceof BackupError) fail(`No backup made: ${error.message}`);
  throw error;
}
