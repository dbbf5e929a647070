// npm run restore -- FILE: puts a backup made by `npm run backup` in place of the database
// (DATABASE_PATH). The backup is checked first; the database it replaces is kept beside it.
// Stop the site first: a running server reloads its search copy, but may hold other state.
import { parseArgs } from 'node:util';
import { databasePathFromEnv } from '../src/lib/db/database';
import { BackupError, restoreDatabase } from '../src/lib/db/sqlite/backup';
import { commandConfig, fail } from './cli';

const { positionals } = parseArgs({ allowPositionals: true });
if (positionals.length !== 1) fail('Say which backup to restore: npm run restore -- backups/directory-….sqlite');
const target = databasePathFromEnv(commandConfig());
try {
  const { restored, keptAs } = await restoreDatabase(positionals[0]!, target);
  process.stdout.write(
    `Restored ${positionals[0]} to ${target}: ${restored.services.toLocaleString('en-GB')} services.\n` +
      (keptAs ? `The database it replaced is kept as ${keptAs}.\n` : ''),
  );
} catch (error) {
  if (error instanceof BackupError) fail(`Nothing restored: ${error.message}`);
  throw error;
}
