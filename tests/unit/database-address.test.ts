// A PostgreSQL address handed to the SQLite opener (DATABASE_PATH=postgres://…, or a test that
// opens its database file directly) is refused with a clear message, instead of becoming a folder
// named "postgres:" beside the code, as it once did.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/lib/db/database';

describe('openDatabase (SQLite)', () => {
  it('refuses a database address, naming the setting to use and hiding the password', () => {
    const folder = mkdtempSync(join(tmpdir(), 'database-address-'));
    const before = process.cwd();
    try {
      process.chdir(folder);
      let message = '';
      try {
        openDatabase('postgres://directory:s3cret@127.0.0.1:5432/directory');
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/is a database address, not a SQLite file: give a PostgreSQL address as DATABASE_URL/);
      expect(message).not.toContain('s3cret');
      expect(existsSync(join(folder, 'postgres:'))).toBe(false);
    } finally {
      process.chdir(before);
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
