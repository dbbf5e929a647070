// Two real `npm start` servers starting at the same moment on one PostgreSQL database whose
// search documents are out of date (as after an upgrade that changes them): one rebuilds them,
// the other waits for it (or finds them built), and both then serve the same directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { fillDatabase, startServer, type RunningServer } from '../fixtures/server';
import { startTestPostgres, type TestPostgres } from '../fixtures/postgres';
import { SEARCH_DOCUMENT_VERSION } from '../../src/lib/search/search-document';
import { SEARCH_REBUILD_JOB } from '../../src/lib/search/reindex';

let postgres: TestPostgres;
let url: string;
let servers: RunningServer[] = [];

beforeAll(async () => {
  postgres = await startTestPostgres();
  url = await postgres.freshDatabase();
  await fillDatabase(url, { sample: true });
  // Documents built by an older version: each starting server must see them as out of date.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`update search_meta set value = $1 where key = 'document_version'`, [SEARCH_DOCUMENT_VERSION - 1]);
  await client.end();
  servers = await Promise.all([startServer({ databasePath: url }), startServer({ databasePath: url })]);
}, 240_000);

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  await postgres?.stop();
});

describe('two servers starting together on one PostgreSQL database', () => {
  it('rebuild out-of-date search documents once, not once each', async () => {
    const outputs = servers.map((server) => server.output());
    const rebuilt = outputs.filter((output) => /Search documents rebuilt for \d+ services/.test(output));
    expect(rebuilt, outputs.join('\n---\n')).toHaveLength(1);
    // Neither gave up waiting and did it again.
    for (const output of outputs) expect(output).not.toContain('rebuilding them here too');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const version = await client.query<{ value: string }>(`select value from search_meta where key = 'document_version'`);
    const claims = await client.query<{ n: string }>(`select count(*) as n from app_setting where key = $1`, [`daily-job:${SEARCH_REBUILD_JOB}`]);
    await client.end();
    expect(Number(version.rows[0]!.value)).toBe(SEARCH_DOCUMENT_VERSION);
    // The claim is given up when the rebuild ends (releaseDailyJob), so a later start is not held up.
    expect(Number(claims.rows[0]!.n)).toBe(0);
  });

  it('then serve the same directory', async () => {
    const total = async (server: RunningServer) => ((await (await fetch(server.url('/api/search?q=lunch&per_page=1'))).json()) as { total: number }).total;
    const [a, b] = await Promise.all(servers.map(total));
    expect(a).toBeGreaterThan(0);
    expect(b).toBe(a);
  });
});
