// npm run backup and npm run restore, as an operator runs them, on real SQLite files: a backup
// made while another connection writes, checked; a restore that keeps what it replaces; damaged,
// foreign and newer files refused with a reason, nothing touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { importRecords } from '../../src/lib/openreferral/import';
import { openDatabase } from '../../src/lib/db/database';
import { backupDatabase, checkDatabaseFile } from '../../src/lib/db/sqlite/backup';
import { scratchSqliteDirectory, service, TODAY } from '../fixtures/services';

let scratch: Awaited<ReturnType<typeof scratchSqliteDirectory>>;
const DATABASE = () => join(scratch.folder, 'directory.sqlite');

const records = Array.from({ length: 40 }, (_, i) => service({ code: `svc${i}`, name: `Backup Test Group ${i}`, categories: ['walking-groups'] }));

beforeAll(async () => {
  scratch = await scratchSqliteDirectory();
  await importRecords(scratch.directory, scratch.search, records, { today: TODAY });
}, 60_000);
afterAll(async () => {
  await scratch.cleanup();
});

function run(script: 'backup' | 'restore', args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: '', DATABASE_PATH: DATABASE(), ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const serviceCount = (path: string) => {
  const database = new Database(path, { readonly: true });
  try {
    return Number(database.prepare('select count(*) from service').pluck().get());
  } finally {
    database.close();
  }
};

describe('npm run backup', () => {
  it('copies the database while the site has it open, and checks the copy', () => {
    const target = join(scratch.folder, 'backups', 'first.sqlite');
    const result = run('backup', ['--to', target]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Backed up .* to .*first\.sqlite: [\d.]+ MB, 40 services, checked \(schema \d{4}-[a-z-]+\)\.\n$/);
    expect(serviceCount(target)).toBe(40);
    // One file, no write-ahead log beside it.
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(checkDatabaseFile(target).services).toBe(40);
  });

  it('gives a consistent copy when another connection writes during it', async () => {
    // Writes between the backup's steps (a step of one page at a time, so there are many).
    const writer = openDatabase(DATABASE());
    const target = join(scratch.folder, 'during-writes.sqlite');
    let writes = 0;
    const backup = backupDatabase(DATABASE(), target, {
      pagesPerStep: 1,
      onProgress: () => {
        if (writes < 5) {
          writer.sqlite.prepare(`update service set description = ? where id = (select id from service order by id limit 1)`).run(`changed ${writes}`);
          writes += 1;
        }
      },
    });
    const summary = await backup;
    await writer.close();
    expect(writes).toBe(5);
    expect(summary.services).toBe(40);
    // The copy started again after each write, so it holds the last one.
    const copy = new Database(target, { readonly: true });
    expect(copy.prepare('select description from service order by id limit 1').pluck().get()).toBe('changed 4');
    copy.close();
  });

  it('never overwrites a file, and says why', () => {
    const target = join(scratch.folder, 'backups', 'first.sqlite');
    const result = run('backup', ['--to', target]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`No backup made: ${target} already exists: a backup never overwrites a file.\n`);
  });

  it('says what to run for PostgreSQL', () => {
    const result = run('backup', [], { DATABASE_PATH: '', DATABASE_URL: 'postgres://x@127.0.0.1/directory' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('pg_dump --format=custom');
    expect(result.stderr).toContain('pg_restore');
  });
});

describe('npm run restore', () => {
  it('puts a backup in place and keeps the database it replaces', async () => {
    const backup = join(scratch.folder, 'backups', 'first.sqlite');
    const target = join(scratch.folder, 'live.sqlite');
    // A live database with other content: one service more than the backup.
    expect(run('backup', ['--to', target]).status).toBe(0);
    const live = new Database(target);
    live.prepare(`update service set name = 'Changed after the backup'`).run();
    live.close();

    const result = run('restore', [backup], { DATABASE_PATH: target });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Restored .* to .*live\.sqlite: 40 services\.\nThe database it replaced is kept as .*live\.sqlite\.before-restore-.*\n$/);
    const kept = readdirSync(scratch.folder).filter((name) => name.startsWith('live.sqlite.before-restore-'));
    expect(kept).toHaveLength(1);
    const restored = openDatabase(target);
    const names = await restored.db.selectFrom('service').select('name').execute();
    await restored.close();
    expect(names.some((row) => row.name === 'Changed after the backup')).toBe(false);
    const old = new Database(join(scratch.folder, kept[0]!), { readonly: true });
    expect(old.prepare(`select count(*) from service where name = 'Changed after the backup'`).pluck().get()).toBe(40);
    old.close();
  });

  it('gives the restored search tables a new epoch, so a running server reloads', () => {
    const epochOf = (path: string) => {
      const database = new Database(path, { readonly: true });
      try {
        return database.prepare(`select value from search_meta where key = 'epoch'`).pluck().get();
      } finally {
        database.close();
      }
    };
    const target = join(scratch.folder, 'live.sqlite');
    expect(epochOf(target)).not.toBe(epochOf(join(scratch.folder, 'backups', 'first.sqlite')));
  });

  it("refuses a damaged file, another program's database and a newer schema, touching nothing", () => {
    const target = join(scratch.folder, 'live.sqlite');
    const before = serviceCount(target);
    const damaged = join(scratch.folder, 'damaged.sqlite');
    writeFileSync(damaged, Buffer.from('SQLite format 3\u0000 this is not really a database'.repeat(200)));
    const foreign = join(scratch.folder, 'foreign.sqlite');
    const other = new Database(foreign);
    other.exec('create table notes (id integer primary key, text text)');
    other.close();
    const newer = join(scratch.folder, 'newer.sqlite');
    expect(run('backup', ['--to', newer]).status).toBe(0);
    const future = new Database(newer);
    future.prepare(`insert into kysely_migration (name, timestamp) values ('9999-from-the-future', '2030-01-01')`).run();
    future.close();

    const cases: [string, RegExp][] = [
      [damaged, /^Nothing restored: .*damaged\.sqlite (is not a SQLite database, or is damaged|cannot be opened as a database|is damaged)/],
      [foreign, /^Nothing restored: .*foreign\.sqlite is a SQLite database, but not one of this directory's\.\n$/],
      [
        newer,
        /^Nothing restored: .*newer\.sqlite was made by a newer version of the directory \(it has 9999-from-the-future\): update the code before restoring it\.\n$/,
      ],
      [join(scratch.folder, 'missing.sqlite'), /^Nothing restored: There is no file at .*missing\.sqlite\.\n$/],
    ];
    for (const [file, message] of cases) {
      const result = run('restore', [file], { DATABASE_PATH: target });
      expect(result.status, file).toBe(2);
      expect(result.stderr, file).toMatch(message);
    }
    expect(serviceCount(target)).toBe(before);
    expect(readdirSync(scratch.folder).filter((name) => name.startsWith('live.sqlite.before-restore-'))).toHaveLength(1);
  });
});
