// The stress findings of issue 17, kept as tests against the built server on 127.0.0.1 (each
// bounded in time): unknown methods, control bytes in forms, a held database lock, full downloads
// beside cheap requests, two server processes on one database, an import under write
// traffic, forwarded headers and the Host, and production's headers. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import pg from 'pg';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startServer, type RunningServer } from '../fixtures/server';
import { service } from '../fixtures/services';
import { databaseEnv } from '../fixtures/dialect';
import { withTestSql } from '../fixtures/sql';
import { isPostgresUrl } from '../../src/lib/db/dialect';
import { generateDirectory } from '../../scripts/bench/generate';

const SERVICE = service({ code: 'hardening', name: 'Hardening Lunch Club' });
const GENERATED = generateDirectory(3000, 17).records as { id: string; name: string }[];
const TOTAL = GENERATED.length + 1;

// Behind a "proxy" (TRUST_PROXY=1), so each test can post from its own address (X-Forwarded-For).
let proxied: RunningServer;
// A second process on the same database, open to the world (no TRUST_PROXY).
let second: RunningServer;
// As run in production (NODE_ENV=production).
let production: RunningServer;

beforeAll(async () => {
  proxied = await startServer({ fixtures: [SERVICE, ...GENERATED], env: { TRUST_PROXY: '1', RATE_LIMIT_SECRET: 'test-secret' } });
  [second, production] = await Promise.all([
    startServer({ databasePath: proxied.databasePath, env: { RATE_LIMIT_SECRET: 'test-secret' } }),
    startServer({ fixtures: [SERVICE], env: { NODE_ENV: 'production' } }),
  ]);
}, 240_000);

afterAll(async () => {
  await Promise.all([second?.stop(), production?.stop()]);
  await proxied?.stop();
});

let nextAddress = 1;
const newAddress = () => `198.51.100.${nextAddress++ % 250}`;

function post(server: RunningServer, path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(server.url(path), {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams(fields),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin, 'X-Forwarded-For': newAddress(), ...headers },
  });
}

const report = (server: RunningServer, message: string) => post(server, `/services/${SERVICE.id}/report`, { kind: 'other', message });

/** A request with any method (fetch refuses TRACE), answered with status, headers and body. */
function rawRequest(server: RunningServer, method: string, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function readTable<T>(server: RunningServer, query: string, ...params: unknown[]): Promise<T[]> {
  return withTestSql(server.databasePath, (db) => db.all<T>(query, ...params));
}

/**
 * Another connection takes a write lock and keeps it until the returned function is called:
 * on SQLite the whole file's (BEGIN IMMEDIATE), on PostgreSQL problem reports' table (which a
 * report's insert must wait for).
 */
async function holdWriteLock(location: string): Promise<() => Promise<void>> {
  if (!isPostgresUrl(location)) {
    const lock = new Database(location, { timeout: 0 });
    lock.exec('BEGIN IMMEDIATE');
    return async () => {
      lock.exec('ROLLBACK');
      lock.close();
    };
  }
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  await client.query('begin');
  await client.query('lock table problem_report in exclusive mode');
  return async () => {
    await client.query('rollback');
    await client.end();
  };
}

const timed = async <T>(work: () => Promise<T>) => {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start, end: performance.now() };
};

describe('methods', () => {
  it('answers TRACE and other unknown methods with 405 and Allow, on pages and the API', async () => {
    for (const method of ['TRACE', 'PROPFIND', 'DELETE', 'PUT']) {
      const page = await rawRequest(proxied, method, '/help/about');
      expect(page.status, method).toBe(405);
      expect(page.headers.allow).toBe('GET, HEAD, POST, OPTIONS');
      const api = await rawRequest(proxied, method, '/openreferral/services');
      expect(api.status, method).toBe(405);
      expect(api.headers.allow).toBe('GET, HEAD, OPTIONS');
      expect(JSON.parse(api.body)).toMatchObject({ error: 'method_not_allowed' });
    }
    expect(proxied.output()).not.toMatch(/TRACE|at .*\.m?js:\d+/);
  });
});

describe('form fields', () => {
  it('stores no control characters but newline and tab', async () => {
    const message = 'Closed now\u0000 \u001b[31mred\u001b[0m\r\nsecond\tline\u0007\u009b';
    const response = await report(proxied, message);
    expect(response.status).toBe(303);
    const stored = await readTable<{ message: string }>(
      proxied,
      'select message from problem_report where service_id = ? order by created_at desc limit 1',
      SERVICE.id,
    );
    expect(stored[0]!.message).toBe('Closed now [31mred[0m\nsecond\tline');
  });
});

describe('a held database lock', () => {
  it('answers writes 503 with Retry-After and goes on answering everything else', async () => {
    const unlock = await holdWriteLock(proxied.databasePath);
    let released: Promise<void> | null = null;
    const release = () => (released ??= unlock());
    // Held longer than any wait a request is allowed (and than SQLite's old 5 s busy timeout).
    const timer = setTimeout(release, 6_000);
    try {
      const write = timed(() => report(proxied, 'The lunch club has moved'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [page, api, written] = await Promise.all([
        timed(() => fetch(proxied.url('/help/about'))),
        timed(() => fetch(proxied.url('/openreferral/services?per_page=2'), { headers: { 'X-Forwarded-For': newAddress() } })),
        write,
      ]);
      expect(page.value.status).toBe(200);
      expect(api.value.status).toBe(200);
      // Answered while the write was still waiting for the lock, not after it.
      expect(page.end).toBeLessThan(written.end);
      expect(page.ms).toBeLessThan(1_500);
      expect(written.value.status).toBe(503);
      expect(Number(written.value.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await written.value.text()).toContain('try again');
    } finally {
      clearTimeout(timer);
      await release();
    }
    expect((await report(proxied, 'The lunch club has moved')).status).toBe(303);
    expect(proxied.output()).not.toMatch(/SQLITE_BUSY|lock timeout/);
  }, 30_000);
});

/** Starts a full download on a raw socket and stops reading once it has begun. */
function stalledDownload(server: RunningServer): Promise<{ socket: Socket; status: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    socket.once('error', reject);
    socket.write(`GET /openreferral/services?format=ndjson HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Forwarded-For: ${newAddress()}\r\n\r\n`);
    socket.once('data', (chunk) => {
      socket.pause();
      resolve({ socket, status: Number(/^HTTP\/1\.1 (\d{3})/.exec(chunk.toString('latin1'))?.[1]) });
    });
  });
}

describe('full downloads (format=ndjson)', () => {
  it('go only as fast as their readers, two at a time, while cheap pages are answered', async () => {
    const stalled = [await stalledDownload(proxied), await stalledDownload(proxied)];
    try {
      expect(stalled.map((each) => each.status)).toEqual([200, 200]);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const page = await timed(() => fetch(proxied.url('/help/about')));
      expect(page.value.status).toBe(200);
      expect(page.ms).toBeLessThan(2_000);
      // The stalled readers have not been sent the whole directory: they still hold both places.
      const third = await fetch(proxied.url('/openreferral/services?format=ndjson'), { headers: { 'X-Forwarded-For': newAddress() } });
      expect(third.status).toBe(503);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      for (const { socket } of stalled) socket.destroy();
    }
    // Readers that went away give their places back; a reader that reads gets every service.
    let lines: number;
    const deadline = Date.now() + 15_000;
    for (;;) {
      const response = await fetch(proxied.url('/openreferral/services?format=ndjson'), { headers: { 'X-Forwarded-For': newAddress() } });
      if (response.status === 200) {
        lines = (await response.text()).trimEnd().split('\n').length;
        break;
      }
      await response.arrayBuffer();
      if (Date.now() > deadline) throw new Error(`Downloads still refused: ${response.status}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(lines).toBe(TOTAL);
  }, 60_000);

  it('answers HEAD without making the download', async () => {
    const response = await fetch(proxied.url('/openreferral/services?format=ndjson'), { method: 'HEAD', headers: { 'X-Forwarded-For': newAddress() } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
  });
});

describe('two server processes on one database', () => {
  it('give the same answers to adds racing to one list: none lost, never 500', async () => {
    const first = await post(proxied, '/shortlist/add', { service: GENERATED[0]!.id, back: '/' });
    expect(first.status).toBe(303);
    const cookie = first.headers
      .getSetCookie()
      .find((line) => line.startsWith('shortlist='))!
      .split(';')[0]!;
    const ids = GENERATED.slice(1, 19).map((record) => record.id);
    const answers = await Promise.all(
      ids.map((id, i) => post(i % 2 ? second : proxied, '/shortlist/add', { service: id, back: '/' }, { Cookie: cookie }).then((response) => response.status)),
    );
    expect(answers.filter((status) => status >= 500)).toEqual([]);
    const listId = cookie.split('=')[1]!;
    const stored = await readTable<{ service_id: string }>(proxied, 'select service_id from shortlist_item where shortlist_id = ?', listId);
    expect(stored).toHaveLength(ids.length + 1);
    // A list is full at 20 on either process alike.
    const full = await Promise.all(
      [GENERATED[30]!, GENERATED[31]!, GENERATED[32]!].map((record, i) =>
        post(i % 2 ? second : proxied, '/shortlist/add', { service: record.id, back: '/' }, { Cookie: cookie }).then((response) => response.status),
      ),
    );
    expect(full.filter((status) => status >= 500)).toEqual([]);
    expect(await readTable(proxied, 'select 1 from shortlist_item where shortlist_id = ?', listId)).toHaveLength(20);
  }, 60_000);
});

/** Runs `npm run import` (as node --import tsx scripts/import.ts) on a server's database. */
function runImport(server: RunningServer, file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', file], {
      cwd: ROOT,
      env: { ...process.env, ...databaseEnv(server.databasePath) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('an import under write traffic', () => {
  it('finishes every time without a stack trace, and the site writes on, never answering 500', async () => {
    const statuses: number[] = [];
    let importing = true;
    const traffic = (async () => {
      while (importing) {
        const response = await Promise.all([
          report(proxied, 'Still open on Tuesdays'),
          report(second, 'Still open on Tuesdays'),
          post(proxied, '/shortlist/add', { service: GENERATED[40]!.id, back: '/' }),
        ]);
        statuses.push(...response.map((each) => each.status));
      }
    })();
    const results: { code: number | null; output: string }[] = [];
    try {
      for (let round = 0; round < 3; round++) {
        const file = join(proxied.folder, `import-${round}.json`);
        writeFileSync(file, JSON.stringify(GENERATED.slice(0, 600).map((record) => ({ ...record, name: `${record.name} (round ${round})` }))));
        results.push(await runImport(proxied, file));
      }
    } finally {
      importing = false;
      await traffic;
    }
    for (const result of results) {
      expect(result.output).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(result.code, result.output).toBe(0);
      expect(result.output).toContain('Imported 600 new or changed services');
    }
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status >= 500 && status !== 503)).toEqual([]);
    const names = await readTable<{ name: string }>(proxied, 'select name from service where id = ?', GENERATED[0]!.id);
    expect(names[0]!.name).toMatch(/\(round 2\)$/);
  }, 240_000);
});

describe('forwarded headers and the Host', () => {
  it('believes X-Forwarded-Proto only behind a trusted proxy', async () => {
    const response = await post(second, '/shortlist/add', { service: SERVICE.id, back: '/' }, { 'X-Forwarded-Proto': 'https' });
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('shortlist='))!;
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it('builds links from the configured host when a request names another', async () => {
    const added = await post(second, '/shortlist/add', { service: SERVICE.id, back: '/' });
    const cookie = added.headers
      .getSetCookie()
      .find((line) => line.startsWith('shortlist='))!
      .split(';')[0]!;
    const id = cookie.split('=')[1]!;
    const text = await rawText(second, `/shortlist/${id}.txt`, { Host: 'evil.example', Cookie: cookie });
    expect(text).not.toContain('evil.example');
    expect(text).not.toContain('http://localhost/');
    expect(text).toContain(`${second.origin}/l/${id}`);
  });
});

/** A GET with headers fetch will not send (Host), answered as text. */
function rawText(server: RunningServer, path: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('in production', () => {
  it('sends HSTS, a charset on every page, and only Secure cookies', async () => {
    const page = await fetch(production.url('/help/about'));
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const added = await post(production, '/shortlist/add', { service: SERVICE.id, back: '/' });
    const cookies = added.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(/;\s*Secure/i);
  });
});
