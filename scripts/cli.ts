// Small shared pieces of the command-line jobs: opening the directory and reporting progress.
import { openDirectoryDatabase, migrateToLatest, TOOL_OPEN_OPTIONS } from '../src/lib/db/database';
import { createSearchBackend } from '../src/lib/search';
import { syncTaxonomy } from '../src/lib/taxonomy/sync-taxonomy';
import { appConfig, ConfigError, type Config } from '../src/lib/config';

/** The settings (src/lib/config.ts), checked once; a bad one ends the command with its name and why. */
export function commandConfig(): Config {
  try {
    return appConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

// Every command that uses these pieces checks the settings before it does anything else.
commandConfig();

export async function openDirectory() {
  const directory = openDirectoryDatabase(undefined, TOOL_OPEN_OPTIONS);
  await migrateToLatest(directory.db);
  await syncTaxonomy(directory.db);
  return { directory, search: createSearchBackend(directory) };
}

/**
 * Prints "label: 40% (2,000 of 5,000)" to standard error: on one rewritten line at most every
 * 250 ms on a terminal, otherwise (a log file) a line each 10%.
 */
export function progressPrinter(label: string): (done: number, total: number) => void {
  let last = 0;
  let lastTenth = -1;
  return (done, total) => {
    const now = Date.now();
    const percent = total ? Math.floor((done / total) * 100) : 100;
    if (process.stderr.isTTY ? done < total && now - last < 250 : Math.floor(percent / 10) === lastTenth) return;
    last = now;
    lastTenth = Math.floor(percent / 10);
    const line = `${label}: ${percent}% (${done.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')})`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
    else if (done >= total || total >= 2000) process.stderr.write(`${line}\n`);
  };
}

export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}
