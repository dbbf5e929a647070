// SERVER_PROCESSES: `npm start` running several server processes on one port (Node's cluster), so
// a busy site uses every CPU. They count rate limits together, one that dies is replaced, a crash
// loop stops the site with exit 1, and SIGTERM stops them all. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { ROOT, startServer, type RunningServer } from '../fixtures/server';
import { service } from '../fixtures/services';
import { databaseEnv } from '../fixtures/dialect';
import { freePort } from '../../scripts/embedded-postgres';

const SERVICE = service({ code: 'processes', name: 'Processes Lunch Club' });
/** The Open Referral API's limit per address per minute, low enough to reach. */
const LIMIT = 10;

let server: RunningServer;
let stopped = false;

beforeAll(async () => {
  // No RATE_LIMIT_SECRET: the processes must still share one (the first process makes it).
  server = await startServer({ fixtures: [SERVICE], env: { SERVER_PROCESSES: '2', OPENREFERRAL_LIMIT_PER_MINUTE: String(LIMIT), RATE_LIMIT_SECRET: '' } });
  await until(() => server.output().includes('(2 processes)'), 60_000);
}, 120_000);

afterAll(async () => {
  if (!stopped) await server?.stop();
});

async function until(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Still waiting after ${ms} ms. The server said:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The server processes whose parent is `pid`, from /proc (not tsx's esbuild helper, say). */
function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After "pid (name) ": the state, then the parent's pid.
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== pid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('scripts/start.ts')) found.push(Number(entry));
    } catch {
      /* gone meanwhile */
    }
  }
  return found;
}

/** A GET on a connection of its own, so the processes take turns answering. */
function getOnNewConnection(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, agent: false, headers: { Connection: 'close' }, timeout: 20_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

describe('npm start with SERVER_PROCESSES=2', () => {
  it('runs two server processes on the one port, answering every request', async () => {
    expect(childrenOf(server.pid)).toHaveLength(2);
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push(await getOnNewConnection(`/search?q=lunch&i=${i}`));
    expect(statuses).toEqual(Array(8).fill(200));
  });

  it('counts rate limits together: one address gets the limit, not the limit in each process', async () => {
    const statuses = [];
    for (let i = 0; i < LIMIT + 4; i++) statuses.push(await getOnNewConnection(`/openreferral/services?per_page=1&i=${i}`));
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT);
    expect(statuses.slice(LIMIT)).toEqual([429, 429, 429, 429]);
  });

  it('replaces a process that dies, and goes on answering', async () => {
    const [victim, survivor] = childrenOf(server.pid);
    process.kill(victim!, 'SIGKILL');
    await until(() => {
      const now = childrenOf(server.pid);
      return now.length === 2 && !now.includes(victim!) && now.includes(survivor!);
    }, 30_000);
    const said = new RegExp(`A server process \\(${victim}\\) stopped with SIGKILL: starting another`);
    await until(() => said.test(server.output()), 10_000);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push(await getOnNewConnection(`/help/about?i=${i}`));
    expect(statuses).toEqual(Array(6).fill(200));
  }, 60_000);

  it('stops the site with exit 1 when its processes keep dying, instead of restarting them for ever', async () => {
    // No built server in BUILD_DIR: each process fails as it starts.
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...databaseEnv(server.databasePath), HOST: '127.0.0.1', PORT: String(port), SERVER_PROCESSES: '2', BUILD_DIR: 'no-such-build' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr!.on('data', (chunk) => {
      output += chunk;
    });
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve(null);
      }, 60_000);
      child.once('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code, output).toBe(1);
    expect(output).toMatch(/Server processes stopped 6 times within a minute .*: stopping the site\./);
  }, 90_000);
  it('stops every process on SIGTERM', async () => {
    const children = childrenOf(server.pid);
    expect(children).toHaveLength(2);
    await server.stop();
    stopped = true;
    for (const pid of children) expect(existsSync(`/proc/${pid}`), `process ${pid} still running`).toBe(false);
  }, 30_000);
});
