// Pulling another directory's Open Referral UK API in (src/lib/openreferral/feed-pull.ts and
// `npm run import -- <address>`), against a real HTTP server on 127.0.0.1 serving fixture pages.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FeedPullError, pullFeed } from '../../src/lib/openreferral/feed-pull';
import { importRecords } from '../../src/lib/openreferral/import';
import { readService } from '../../src/lib/directory/service-reader';
import { readServedRecords } from '../../src/lib/openreferral/api/records';
import { EMPTY_QUERY } from '../../src/lib/search/filters';
import { scratchDirectory, service, TODAY } from '../fixtures/services';
import { databaseNamed, dropNamedDatabases } from '../fixtures/postgres';
import { databaseEnv } from '../fixtures/dialect';

type Service = Record<string, unknown> & { id: string; name: string; status: string };
const FIXTURE = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/feeds/neighbour-feed.json'), 'utf8')) as { services: Service[] };
const [tea, pantry, walk, broken, advice] = FIXTURE.services as [Service, Service, Service, Service, Service];

/** The neighbouring directory: what it serves, and every request it was sent. */
const feed = {
  services: [] as Service[],
  /** Lists give full records instead of summaries. */
  fullLists: false,
  /** A page number that answers 500. */
  failingPage: 0,
  /** Ids the list names but whose own address answers 404. */
  missing: new Set<string>(),
  requests: [] as { path: string; userAgent: string | undefined }[],
  /** A page number that redirects to another address. */
  redirectPage: 0,
  /** A page number that answers with a body far larger than any page. */
  hugePage: 0,
  /** How many requests from now answer 429 (too many requests), and the Retry-After they send (null: none). */
  busy: 0,
  retryAfter: '1' as string | null,
};

let server: Server;
let base: string;

function summary(record: Service) {
  const { id, name, status, description, organization } = record;
  return { id, name, status, description, organization };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    feed.requests.push({ path: `${url.pathname}${url.search}`, userAgent: req.headers['user-agent'] });
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (feed.busy > 0) {
      feed.busy--;
      return send(429, { error: 'rate_limited' }, feed.retryAfter === null ? {} : { 'retry-after': feed.retryAfter });
    }
    if (url.pathname === '/api/services') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const perPage = Number(url.searchParams.get('per_page') ?? 3);
      if (page === feed.failingPage) return send(500, { error: 'down' });
      if (page === feed.redirectPage) {
        res.writeHead(302, { location: 'http://127.0.0.1:9/internal-secret' });
        return res.end();
      }
      if (page === feed.hugePage) {
        res.writeHead(200, { 'content-type': 'application/json' }); // no length: sent in chunks
        for (let i = 0; i < 100; i++) res.write(' '.repeat(10_000));
        return res.end('{"contents": []}');
      }
      const contents = feed.services.slice((page - 1) * perPage, page * perPage);
      const totalPages = Math.ceil(feed.services.length / perPage);
      return send(200, {
        total_items: feed.services.length,
        total_pages: totalPages,
        page_number: page,
        size: contents.length,
        first_page: page === 1,
        last_page: page >= totalPages,
        empty: !contents.length,
        contents: feed.fullLists ? contents : contents.map(summary),
      });
    }
    const match = /^\/api\/services\/([^/]+)$/.exec(url.pathname);
    const id = match ? decodeURIComponent(match[1]!) : '';
    const record = !feed.missing.has(id) && feed.services.find((each) => each.id === id);
    if (record) return send(200, record);
    return send(404, { error: 'not_found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  base = `http://127.0.0.1:${port}/api`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await dropNamedDatabases();
});

let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
beforeEach(async () => {
  scratch = await scratchDirectory();
  feed.services = [tea, pantry, walk, broken, advice];
  feed.fullLists = false;
  feed.failingPage = 0;
  feed.missing = new Set();
  feed.requests = [];
  feed.redirectPage = 0;
  feed.hugePage = 0;
  feed.busy = 0;
  feed.retryAfter = '1';
});
afterEach(async () => {
  await scratch.cleanup();
});

const pull = (options: Parameters<typeof pullFeed>[3] = {}) =>
  pullFeed(scratch.directory, scratch.search, `${base}/`, { perPage: 3, today: TODAY, ...options });

async function sourceOf(id: string) {
  return (await scratch.directory.db.selectFrom('service').select(['source', 'status', 'name']).where('id', '=', id).executeTakeFirst()) ?? null;
}

describe('pulling a feed', () => {
  it('reads both pages, fetches each full record, imports the valid ones with their source and reports the invalid one', async () => {
    const report = await pull();
    expect(report.pages).toBe(2);
    expect(report.listed).toBe(5);
    expect(report.fetched).toBe(5);
    expect(report.total).toBe(5);
    expect(report.written).toBe(4);
    expect(report.invalid).toEqual([
      { index: 3, id: broken.id, path: 'status', message: 'must be one of "active", "inactive", "defunct", "temporarily closed"' },
    ]);
    expect(report.markedInactive).toEqual([]);
    expect(report.source).toBe(base);
    // One request at a time, in order: the pages, then each record; all with our user agent.
    expect(feed.requests.map((request) => request.path)).toEqual([
      '/api/services?page=1&per_page=3',
      '/api/services?page=2&per_page=3',
      ...[tea, pantry, walk, broken, advice].map((record) => `/api/services/${record.id}`),
    ]);
    expect(feed.requests.filter((request) => !request.userAgent?.startsWith('community-asset-directory/0.1 (Open Referral UK feed pull'))).toEqual([]);
    for (const record of [tea, pantry, walk, advice]) expect(await sourceOf(record.id)).toMatchObject({ source: base, status: 'active', name: record.name });
    expect(await sourceOf(broken.id)).toBeNull();
    // The full record came through, not the summary: the schedule and the place are there.
    const stored = await readService(scratch.directory.db, tea.id);
    expect(stored?.schedules).toHaveLength(1);
    expect(stored?.service_at_locations).toHaveLength(1);
    // And search finds them.
    const found = await scratch.search.search({ ...EMPTY_QUERY, q: 'Riverside pantry' });
    expect(found.hits.map((hit) => hit.document.id)).toEqual([pantry.id]);
  });

  it('on the next pull marks what left the feed inactive (kept, out of search) and updates what changed', async () => {
    await pull();
    feed.services = [tea, { ...pantry, name: 'Riverside Community Larder', last_modified: '2026-11-01T09:00:00Z' }, broken, advice];
    const report = await pull();
    expect(report.markedInactive).toEqual([walk.id]);
    expect(report.written).toBe(1);
    expect(report.unchanged).toBe(2);
    expect(await sourceOf(walk.id)).toEqual({ source: base, status: 'inactive', name: walk.name });
    expect(await sourceOf(pantry.id)).toMatchObject({ status: 'active', name: 'Riverside Community Larder' });
    const history = await scratch.directory.db
      .selectFrom('change_history')
      .select(['field', 'old_value', 'new_value', 'changed_by'])
      .where('entity', '=', 'service')
      .where('entity_id', '=', walk.id)
      .where('field', '=', 'status')
      .execute();
    expect(history).toEqual([{ field: 'status', old_value: 'active', new_value: 'inactive', changed_by: `import from ${base}: no longer in the feed` }]);
    expect((await scratch.search.search({ ...EMPTY_QUERY, q: 'Riverside walk' })).hits).toEqual([]);
    expect((await scratch.search.search({ ...EMPTY_QUERY, q: 'Riverside walk', include_closed: true })).hits.map((hit) => hit.document.id)).toEqual([walk.id]);

    // Pulled again unchanged: nothing more is marked; when it comes back it is active again.
    expect((await pull()).markedInactive).toEqual([]);
    feed.services = [tea, pantry, walk, broken, advice];
    const back = await pull();
    expect(back.markedInactive).toEqual([]);
    expect(await sourceOf(walk.id)).toMatchObject({ status: 'active' });
  });

  it('uses the list itself when it gives full records', async () => {
    feed.fullLists = true;
    const report = await pull();
    expect(report.fetched).toBe(0);
    expect(report.written).toBe(4);
    expect(feed.requests.map((request) => request.path)).toEqual(['/api/services?page=1&per_page=3', '/api/services?page=2&per_page=3']);
  });

  it('imports nothing and marks nothing inactive when a page cannot be read', async () => {
    await pull();
    feed.services = [tea, pantry, broken, advice];
    feed.failingPage = 2;
    await expect(pull()).rejects.toThrow(FeedPullError);
    await expect(pull()).rejects.toThrow(/Page 2 of the feed could not be fetched from .*: the server answered 500\. Nothing was imported\./);
    expect(await sourceOf(walk.id)).toMatchObject({ status: 'active' });
  });

  it('reports a record it cannot fetch, and does not mark it inactive', async () => {
    await pull();
    // Listed, but its own address answers 404.
    feed.missing.add(walk.id);
    const report = await pull();
    expect(report.invalid.map((error) => [error.index, error.id, error.message])).toEqual([
      [2, walk.id, expect.stringMatching(/could not be fetched from .*: the server answered 404/)],
      [3, broken.id, expect.any(String)],
    ]);
    expect(report.markedInactive).toEqual([]);
    expect(await sourceOf(walk.id)).toMatchObject({ status: 'active' });
  });

  it('never overwrites a service that came from somewhere else', async () => {
    const local = service({ code: 'feed-tea', name: 'Our own Tea Dance' });
    await importRecords(scratch.directory, scratch.search, [local], { strict: true, source: 'sample', today: TODAY });
    const report = await pull();
    expect(report.invalid.find((error) => error.id === tea.id)).toMatchObject({
      index: 0,
      path: 'id',
      message: 'belongs to a service already in this directory from "sample"; it was not overwritten',
    });
    expect(await sourceOf(tea.id)).toEqual({ source: 'sample', status: 'active', name: 'Our own Tea Dance' });
  });

  it('never overwrites an organisation or a place that came from somewhere else', async () => {
    const local = service({ code: 'feed-local', name: 'Our own Lunch Club', organization: 'Our Own Trust' });
    await importRecords(scratch.directory, scratch.search, [local], { strict: true, source: 'sample', today: TODAY });
    const localOrganisation = local.organization as { id: string; name: string };
    const localPlace = (local.service_at_locations as { location: { id: string } }[])[0]!.location.id;
    const hijackOrganisation = {
      ...tea,
      organization: { ...(tea.organization as object), id: localOrganisation.id, name: 'EVIL ORG', website: 'https://evil.example' },
    };
    const hijackPlace = {
      ...pantry,
      service_at_locations: [
        { id: '7d1c0f8e-0000-4000-8000-0000000000e1', location: { id: localPlace, location_type: 'physical', name: 'Evil hall', addresses: [] } },
      ],
    };
    feed.services = [hijackOrganisation, hijackPlace, walk];
    const report = await pull();
    expect(report.invalid.map((error) => [error.id, error.path])).toEqual([
      [tea.id, 'organization.id'],
      [pantry.id, 'service_at_locations[0].location.id'],
    ]);
    const stored = (await readService(scratch.directory.db, local.id as string))!;
    expect(stored.organization.name).toBe(localOrganisation.name);
    expect(stored.organization.website ?? null).toBeNull();
    expect(stored.service_at_locations[0]!.location.name).not.toBe('Evil hall');
    expect(await sourceOf(walk.id)).toMatchObject({ status: 'active' }); // the rest came in
  });

  it('never files a record that names no organisation under one from somewhere else by its organization_id alone', async () => {
    const local = service({ code: 'feed-own-org', name: 'Our own Knit and Natter', organization: 'Our Own Trust' });
    await importRecords(scratch.directory, scratch.search, [local], { strict: true, source: 'sample', today: TODAY });
    const localOrganisation = local.organization as { id: string; name: string };
    const { organization: _organization, ...teaWithoutOrganisation } = tea;
    const unfiled = { ...walk, organization: undefined };
    delete unfiled.organization;
    feed.services = [{ ...teaWithoutOrganisation, organization_id: localOrganisation.id }, unfiled, pantry];
    const report = await pull();
    expect(report.invalid.map((error) => [error.id, error.path, error.message])).toEqual([
      [tea.id, 'organization_id', `is "${localOrganisation.id}", an organisation already in this directory from "sample"; it was not overwritten`],
    ]);
    expect(await sourceOf(tea.id)).toBeNull();
    // One that names no organisation at all comes in under a stand-in of its own.
    const stored = (await readService(scratch.directory.db, walk.id))!;
    expect(stored.organization).toMatchObject({ name: 'Organisation not given' });
    expect(stored.organization.id).not.toBe(localOrganisation.id);
    expect(
      (await scratch.directory.db.selectFrom('service').select('id').where('organization_id', '=', localOrganisation.id).execute()).map((row) => row.id),
    ).toEqual([local.id]);
  });

  it('marking a service inactive keeps what it sent that the directory keeps whole (an id-only place, a term-less attribute)', async () => {
    const bare = {
      ...walk,
      service_at_locations: [{ id: '7d1c0f8e-0000-4000-8000-0000000000f1' }, ...((walk.service_at_locations as unknown[]) ?? [])],
      attributes: [...((walk.attributes as unknown[]) ?? []), { id: '7d1c0f8e-0000-4000-8000-0000000000f2' }],
    };
    feed.services = [tea, pantry, bare];
    expect((await pull()).keptWhole.map((notice) => notice.path)).toEqual(
      expect.arrayContaining(['service_at_locations[0]', `attributes[${bare.attributes.length - 1}]`]),
    );
    const before = (await readServedRecords(scratch.directory.db, [walk.id]))[0]!;
    feed.services = [tea, pantry];
    expect((await pull()).markedInactive).toEqual([walk.id]);
    const after = (await readServedRecords(scratch.directory.db, [walk.id]))[0]!;
    expect(after.status).toBe('inactive');
    expect({ ...after, status: before.status, last_modified: before.last_modified }).toEqual(before);
    expect((after.service_at_locations as { id: string }[])[0]!.id).toBe('7d1c0f8e-0000-4000-8000-0000000000f1');
  });

  it('follows no redirect: a page that redirects elsewhere stops the pull, and nothing is fetched from there', async () => {
    feed.redirectPage = 2;
    await expect(pull()).rejects.toThrow(/redirects to http:\/\/127\.0\.0\.1:9\/internal-secret, and redirects are not followed/);
    expect(await scratch.search.count()).toBe(0);
  });

  it('stops reading an answer as soon as it is too large', async () => {
    feed.hugePage = 1;
    await expect(pullFeed(scratch.directory, scratch.search, base, { today: TODAY, perPage: 3, maxResponseBytes: 100_000 })).rejects.toThrow(
      /too large to read \(over 100,000 bytes\)/,
    );
  });

  it('marks nothing inactive when the feed suddenly lists nothing (more likely broken than emptied)', async () => {
    await pull();
    feed.services = [];
    const report = await pull();
    expect(report.markedInactive).toEqual([]);
    expect(await sourceOf(tea.id)).toMatchObject({ status: 'active' });
  });

  it('waits as long as Retry-After asks when the feed answers 429, then carries on, getting everything', async () => {
    const waited: number[] = [];
    feed.busy = 3;
    feed.retryAfter = '7';
    const report = await pull({
      sleep: async (ms) => {
        waited.push(ms);
      },
    });
    expect(waited).toEqual([7000, 7000, 7000]);
    expect(report).toMatchObject({ waits: 3, written: 4, listed: 5, fetched: 5 });
    expect(report.invalid.map((error) => error.id)).toEqual([broken.id]);
  });

  it('backs off, doubling, when a 429 gives no Retry-After; gives up after its tries, saying why', async () => {
    const waited: number[] = [];
    feed.busy = 3;
    feed.retryAfter = null;
    await pull({
      sleep: async (ms) => {
        waited.push(ms);
      },
    });
    expect(waited).toHaveLength(3);
    expect(waited[1]! / waited[0]!).toBeGreaterThan(1.2);
    expect(waited[2]! / waited[1]!).toBeGreaterThan(1.2);

    feed.busy = 100;
    await expect(pull({ restart: true, maxTries: 3, sleep: async () => {} })).rejects.toThrow(/answered 429 \(too busy\) 3 times/);
    feed.busy = 1;
    feed.retryAfter = '3600';
    await expect(pull({ restart: true, sleep: async () => {} })).rejects.toThrow(/asked us to wait 3600 seconds, longer than we wait/);
  });

  it('resumes a pull that stopped part way, from the page it stopped at', async () => {
    feed.failingPage = 2;
    await expect(pull()).rejects.toThrow(/run the pull again to carry on from there/);
    feed.failingPage = 0;
    feed.requests = [];
    const report = await pull();
    expect(report.resumedFromPage).toBe(2);
    expect(feed.requests[0]!.path).toBe('/api/services?page=2&per_page=3');
    expect(feed.requests.some((request) => request.path.startsWith('/api/services?page=1'))).toBe(false);
    expect(report).toMatchObject({ listed: 5, written: 4 });
    // Done: the next pull starts afresh.
    feed.requests = [];
    expect((await pull()).resumedFromPage).toBeNull();
    expect(feed.requests[0]!.path).toBe('/api/services?page=1&per_page=3');
  });

  it('refuses an address that is not http or https', async () => {
    await expect(pullFeed(scratch.directory, scratch.search, 'ftp://example.org/api')).rejects.toThrow('must start with http:// or https://');
  });
});

describe('npm run import -- <feed address>', () => {
  function run(args: string[], database: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      // Asynchronous, so this process's feed server can answer while the command runs.
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
        env: { ...process.env, ...databaseEnv(database) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
      });
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  }

  it('pulls the feed, lists the invalid record, exits 1; the next run marks what vanished inactive', async () => {
    const database = await databaseNamed(scratch.folder, 'cli');
    const first = await run([base, '--per-page', '2'], database);
    expect(first.stderr).toContain(`Read 3 pages listing 5 services from ${base}; fetched 5 full records.`);
    expect(first.stderr).toContain(`Record 3 (id ${broken.id}): status must be one of "active", "inactive", "defunct", "temporarily closed"`);
    expect(first.stdout).toContain('Imported 4 new or changed services; 0 unchanged; 1 invalid and skipped (of 5).');
    expect(first.status).toBe(1);

    feed.services = [tea, pantry, walk, advice];
    const second = await run([base], database);
    expect(second.stdout).toContain('Imported 0 new or changed services; 4 unchanged; 0 invalid and skipped (of 4).');
    expect(second.status).toBe(0);

    feed.services = [tea, pantry, advice];
    const third = await run([base], database);
    expect(third.stdout).toContain('Marked 1 services inactive: the feed no longer lists them (they are kept).');
    expect(third.status).toBe(0);
  }, 60_000);

  it("says what it read loosely and what it did not keep, by the feed's own record numbers", async () => {
    const copied = { status: 'ok', flags: [], assured_date: '2026-01-01', funding_end_date: null, review_due: '2026-07-01' };
    feed.services = [tea, { ...pantry, freshness: copied }, { ...walk, freshness: copied, assured_date: '15/03/2026' }];
    feed.missing = new Set([tea.id]); // record 0 cannot be fetched, so the others are not renumbered from 0
    const result = await run([base], await databaseNamed(scratch.folder, 'said'));
    expect(result.stderr).toContain(`Record 0 (id ${tea.id}): (record) could not be fetched`);
    expect(result.stderr).toContain(`Read as: record 2 (id ${walk.id}): assured_date was "15/03/2026", read as the date 2026-03-15`);
    expect(result.stderr).toContain('Not kept: 2 records: freshness is not kept: this directory works out whether a listing can be trusted');
    expect(result.stdout).toContain('Imported 2 new or changed services');
  }, 60_000);

  it('says plainly when the feed cannot be read, and exits 1', async () => {
    feed.failingPage = 1;
    const result = await run([base], await databaseNamed(scratch.folder, 'down'));
    expect(result.stderr).toContain(
      `Page 1 of the feed could not be fetched from ${base}/services?page=1&per_page=100: the server answered 500. Nothing was imported.`,
    );
    expect(result.status).toBe(1);
  }, 60_000);
});
