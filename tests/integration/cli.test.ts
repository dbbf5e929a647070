// The command-line jobs as a person runs them: npm run import / export on real files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDirectoryDatabase } from '../../src/lib/db/database';
import { prepareDirectory } from '../../src/lib/setup/prepare';
import { createSearchBackend } from '../../src/lib/search';
import { databaseNamed, dropNamedDatabases } from '../fixtures/postgres';
import { databaseEnv } from '../fixtures/dialect';
import { service, TODAY } from '../fixtures/services';

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'directory-cli-'));
});
afterAll(async () => {
  await dropNamedDatabases();
  rmSync(folder, { recursive: true, force: true });
});

function run(script: string, args: string[], database: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    env: { ...process.env, ...databaseEnv(database) },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const good = service({ code: 'cli-good', name: 'Gateshead Chess Club', categories: ['social-groups'] });
const bad = { ...service({ code: 'cli-bad', name: 'Broken' }), status: 'open' };

describe('npm run import', () => {
  it('imports the valid records, lists each invalid one and exits 1', async () => {
    const file = join(folder, 'mixed.json');
    writeFileSync(file, JSON.stringify({ contents: [good, bad] }));
    const result = run('import', [file], await databaseNamed(folder, 'mixed'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Record 1 (id ${bad.id}): status must be one of "active", "inactive", "defunct", "temporarily closed"`);
    expect(result.stdout).toContain('Imported 1 new or changed services; 0 unchanged; 1 invalid and skipped (of 2).');
  });

  it('imports nothing with --strict', async () => {
    const file = join(folder, 'strict.json');
    writeFileSync(file, JSON.stringify([good, bad]));
    const database = await databaseNamed(folder, 'strict');
    const result = run('import', [file, '--strict'], database);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Nothing imported: 1 of 2 records are invalid and --strict was given.');
    const exported = run('export', [], database);
    expect(JSON.parse(exported.stdout)).toEqual([]);
  });

  it('says plainly when the file is not JSON or not service data', async () => {
    const notJson = join(folder, 'not.json');
    writeFileSync(notJson, 'name,phone\nA,1');
    const result = run('import', [notJson], await databaseNamed(folder, 'x'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`Could not read ${notJson} as JSON`);
    const wrongShape = join(folder, 'wrong.json');
    writeFileSync(wrongShape, '"hello"');
    expect(run('import', [wrongShape], await databaseNamed(folder, 'x')).stderr).toContain('not Open Referral service data');
  });

  it('exports what it imported, to a file or standard output, and a second import changes nothing', async () => {
    const file = join(folder, 'one.json');
    writeFileSync(file, JSON.stringify(good));
    const database = await databaseNamed(folder, 'roundtrip');
    expect(run('import', [file], database).status).toBe(0);
    const out = join(folder, 'out.json');
    expect(run('export', [out], database).status).toBe(0);
    const exported = JSON.parse(readFileSync(out, 'utf8'));
    expect(exported.map((r: { name: string }) => r.name)).toEqual(['Gateshead Chess Club']);
    expect(JSON.parse(run('export', [], database).stdout)).toEqual(exported);
    expect(run('import', [file], database).stdout).toContain('Imported 0 new or changed services; 1 unchanged');
    // Importing the export (another source) records the new source but leaves the data as it was.
    expect(run('import', [out], database).status).toBe(0);
    expect(JSON.parse(run('export', [], database).stdout)).toEqual(exported);
  });
});

describe('starting on an imported database', () => {
  it('serves it as it is, without adding the sample', async () => {
    const file = join(folder, 'own.json');
    writeFileSync(file, JSON.stringify([good]));
    const database = await databaseNamed(folder, 'own');
    expect(run('import', [file], database).status).toBe(0);
    const directory = openDirectoryDatabase(database);
    try {
      const report = await prepareDirectory(directory, createSearchBackend(directory), { today: TODAY });
      expect(report.sampleLoaded).toBe(0);
      const count = await directory.db
        .selectFrom('service')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    } finally {
      await directory.close();
    }
  });
});

describe('npm run create-admin', () => {
  it('prints the link with PUBLIC_URL, else the PORT and HOST the server uses', async () => {
    const database = await databaseNamed(folder, 'admin');
    const withPort = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/create-admin.ts', 'admin@example.org'], {
      env: { ...process.env, DATABASE_PATH: database, PORT: '8123', HOST: '127.0.0.1', PUBLIC_URL: '' },
      encoding: 'utf8',
    });
    expect(withPort.status, withPort.stderr).toBe(0);
    expect(withPort.stdout).toMatch(/^http:\/\/127\.0\.0\.1:8123\/invite\/\S+$/m);
    expect(withPort.stdout).not.toContain('4321');
    const withPublic = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/create-admin.ts', 'second@example.org'], {
      env: { ...process.env, DATABASE_PATH: database, PORT: '8123', PUBLIC_URL: 'https://help.example.org/' },
      encoding: 'utf8',
    });
    expect(withPublic.status, withPublic.stderr).toBe(0);
    expect(withPublic.stdout).toMatch(/^https:\/\/help\.example\.org\/invite\/\S+$/m);
  });
});

describe('a bad setting', () => {
  it('stops npm start and the commands at once, naming each bad variable, before anything is opened', async () => {
    const database = join(folder, 'never-made.sqlite');
    for (const script of ['start', 'import', 'migrate']) {
      const result = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`], {
        env: { ...process.env, DATABASE_PATH: database, PORT: 'eighty', PUBLIC_URL: 'help.example.org' },
        encoding: 'utf8',
      });
      expect(result.status, `${script}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain('PORT must be a whole number from 1 to 65535 (it is "eighty").');
      expect(result.stderr).toContain('PUBLIC_URL must be a full web address starting http:// or https://');
      expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
    expect(() => readFileSync(database)).toThrow();
  });
});
