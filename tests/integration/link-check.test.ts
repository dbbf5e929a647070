// Website checks against a real local web server: what is recorded, how politely it asks, and when
// "website not working" shows in search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { importRecords } from '../../src/lib/openreferral/import';
import { checkLinks, linkCheckUserAgent, linkTargets } from '../../src/lib/freshness-jobs/link-check';
import { applySearchOutbox } from '../../src/lib/search/outbox';
import { EMPTY_QUERY } from '../../src/lib/search/filters';
import { scratchDirectory, service, TODAY } from '../fixtures/services';

interface Received {
  method: string;
  path: string;
  userAgent: string | undefined;
  at: number;
}

let server: Server;
let base: string;
let closedPort: number;
const received: Received[] = [];
let scratch: Awaited<ReturnType<typeof scratchDirectory>>;

function handle(request: IncomingMessage, response: import('node:http').ServerResponse) {
  received.push({ method: request.method!, path: request.url!, userAgent: request.headers['user-agent'], at: performance.now() });
  switch (request.url) {
    case '/ok':
      response.writeHead(200, { 'content-type': 'text/html' }).end('<p>Hello</p>');
      return;
    case '/missing':
      response.writeHead(404).end('Not found');
      return;
    case '/moved':
      response.writeHead(301, { location: '/ok' }).end();
      return;
    case '/no-head':
      if (request.method === 'HEAD') response.writeHead(405, { allow: 'GET' }).end();
      else response.writeHead(200).end('Only GET here');
      return;
    case '/hang':
      return; // never answers
    default:
      response.writeHead(500).end();
  }
}

const TIMEOUT_MS = 400;
const fixtures = () => [
  service({ code: 'link-ok', name: 'Link OK Club', extra: { url: `${base}/ok` } }),
  service({ code: 'link-missing', name: 'Link Missing Club', extra: { url: `${base}/missing` } }),
  service({ code: 'link-moved', name: 'Link Moved Club', extra: { url: `${base}/moved` } }),
  service({ code: 'link-no-head', name: 'Link No Head Club', extra: { url: `${base}/no-head` } }),
  service({ code: 'link-hang', name: 'Link Hang Club', extra: { url: `${base}/hang` } }),
  service({ code: 'link-closed', name: 'Link Closed Club', extra: { url: `http://127.0.0.1:${closedPort}/` } }),
];

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was open a moment ago and is now closed: nothing listens there.
  const spare = createServer();
  await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
  closedPort = (spare.address() as AddressInfo).port;
  await new Promise((resolve) => spare.close(resolve));
  scratch = await scratchDirectory();
  const report = await importRecords(scratch.directory, scratch.search, fixtures(), { strict: true, source: 'test', today: TODAY });
  expect(report.written).toBe(6);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await scratch.cleanup();
});

const ids = Object.fromEntries(fixtures().map((fixture) => [fixture.name, fixture.id]));

async function unreachableInSearch(): Promise<string[]> {
  const result = await scratch.search.search({ ...EMPTY_QUERY, per_page: 50 });
  expect(result.total).toBe(6);
  return result.hits
    .filter((hit) => hit.document.freshness.flags.some((flag) => flag.flag === 'website_unreachable'))
    .map((hit) => hit.document.name)
    .sort();
}

async function checkAll() {
  const targets = await linkTargets(scratch.directory.db);
  const report = await checkLinks(scratch.directory.db, targets, { timeoutMs: TIMEOUT_MS, perSecond: 5 });
  // Each check queued its service in the search outbox; applying it shows the result in search.
  await applySearchOutbox(scratch.directory.db, scratch.search, TODAY);
  return report;
}

describe('checkLinks', () => {
  it('records each result and flags a site only after two failures in a row', async () => {
    received.length = 0;
    const first = await checkAll();
    expect(first.skipped).toEqual([]);
    expect(first.ok).toBe(3);
    expect(first.failed).toBe(3);

    const rows = await scratch.directory.db.selectFrom('link_check').select(['service_id', 'url', 'ok', 'status_code', 'error']).orderBy('id').execute();
    const byService = new Map(rows.map((row) => [row.service_id, row]));
    expect(rows).toHaveLength(6);
    expect(byService.get(ids['Link OK Club']!)).toMatchObject({ ok: 1, status_code: 200, error: null, url: `${base}/ok` });
    expect(byService.get(ids['Link Missing Club']!)).toMatchObject({ ok: 0, status_code: 404, error: null });
    expect(byService.get(ids['Link Moved Club']!)).toMatchObject({ ok: 1, status_code: 200, error: null, url: `${base}/moved` });
    expect(byService.get(ids['Link No Head Club']!)).toMatchObject({ ok: 1, status_code: 200, error: null });
    expect(byService.get(ids['Link Hang Club']!)).toMatchObject({ ok: 0, status_code: null, error: `No answer within ${TIMEOUT_MS} ms` });
    const closed = byService.get(ids['Link Closed Club']!)!;
    expect(closed).toMatchObject({ ok: 0, status_code: null });
    expect(closed.error).toContain('ECONNREFUSED');

    // HEAD first; GET only where HEAD was refused; the redirect followed at once.
    const lines = received.map((request) => `${request.method} ${request.path}`);
    expect([...lines].sort()).toEqual(['GET /no-head', 'HEAD /hang', 'HEAD /missing', 'HEAD /moved', 'HEAD /no-head', 'HEAD /ok', 'HEAD /ok']);
    expect(lines[lines.indexOf('HEAD /no-head') + 1]).toBe('GET /no-head');
    expect(lines[lines.indexOf('HEAD /moved') + 1]).toBe('HEAD /ok');
    expect(new Set(received.map((request) => request.userAgent))).toEqual(new Set([linkCheckUserAgent()]));
    expect(linkCheckUserAgent()).toMatch(/^FindLocalHelpLinkCheck\/1\.0 \(\+.+\)$/);

    // One failure is not enough to tell people the website is down.
    expect(await unreachableInSearch()).toEqual([]);

    const second = await checkAll();
    expect(second.failed).toBe(3);
    expect(await scratch.directory.db.selectFrom('link_check').select('id').execute()).toHaveLength(12);
    expect(await unreachableInSearch()).toEqual(['Link Closed Club', 'Link Hang Club', 'Link Missing Club']);
  });

  it('makes at most the given number of requests a second', async () => {
    received.length = 0;
    const targets = await linkTargets(scratch.directory.db);
    await checkLinks(scratch.directory.db, targets, { timeoutMs: TIMEOUT_MS, perSecond: 5 });
    expect(received.length).toBe(7);
    const gaps = received.slice(1).map((request, i) => request.at - received[i]!.at);
    // 5 a second is one each 200 ms; timers and sockets may bring one a little early.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(170);
  });

  it('skips and counts addresses that are not http or https, asking nothing', async () => {
    received.length = 0;
    const before = (await scratch.directory.db.selectFrom('link_check').select('id').execute()).length;
    const serviceId = ids['Link OK Club']!;
    const report = await checkLinks(
      scratch.directory.db,
      [
        { serviceId, url: 'mailto:hello@example.org' },
        { serviceId, url: 'ftp://files.example.org/' },
        { serviceId, url: 'not an address' },
      ],
      { timeoutMs: TIMEOUT_MS, perSecond: 5 },
    );
    expect(report.skipped).toHaveLength(3);
    expect(report.results).toEqual([]);
    expect(received).toEqual([]);
    expect(await scratch.directory.db.selectFrom('link_check').select('id').execute()).toHaveLength(before);
  });

  it('says who is asking, with the contact when one is set', () => {
    expect(linkCheckUserAgent('links@example.org')).toBe('FindLocalHelpLinkCheck/1.0 (+links@example.org)');
    expect(linkCheckUserAgent('')).toBe('FindLocalHelpLinkCheck/1.0 (+community directory link check)');
  });
});
