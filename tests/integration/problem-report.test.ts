// "Report a problem" against the real built server over HTTP: reports stored, mistakes shown
// beside their fields, cross-site posts refused (403), the rate limit (429 with Retry-After),
// unknown services (404), and strange bodies that never give a server error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReportCounts, parseProblemReport, saveProblemReport, EMPTY_FORM_VALUES } from '../../src/lib/freshness/problem-reports';
import { importRecords } from '../../src/lib/openreferral/import';
import { startServer, type RunningServer } from '../fixtures/server';
import { scratchDirectory, service } from '../fixtures/services';
import { storedColumns, withTestSql } from '../fixtures/sql';

const SERVICE = service({ code: 'report-me', name: 'Report Me Lunch Club' });
const REPORT_PATH = `/services/${SERVICE.id}/report`;

// Behind a "proxy" (TRUST_PROXY=1), so each test can post from its own address (X-Forwarded-For).
let proxied: RunningServer;
// Open to the world as `npm start` is by default: only the socket's address counts.
let direct: RunningServer;

beforeAll(async () => {
  [proxied, direct] = await Promise.all([
    startServer({ fixtures: [SERVICE], env: { TRUST_PROXY: '1', RATE_LIMIT_SECRET: 'test-secret' } }),
    startServer({ fixtures: [SERVICE], env: { REPORT_LIMIT_PER_HOUR: '' } }),
  ]);
});

afterAll(async () => {
  await Promise.all([proxied?.stop(), direct?.stop()]);
});

let nextAddress = 1;
/** A fresh client address for each use, so tests do not share a rate limit. */
const newAddress = () => `203.0.113.${nextAddress++}`;

interface PostOptions {
  server?: RunningServer;
  from?: string | null;
  origin?: string | null;
  contentType?: string | null;
  path?: string;
  headers?: Record<string, string>;
}

async function post(body: BodyInit | null, options: PostOptions = {}): Promise<Response> {
  const server = options.server ?? proxied;
  const headers: Record<string, string> = { ...options.headers };
  const origin = options.origin === undefined ? server.origin : options.origin;
  if (origin !== null) headers.origin = origin;
  const contentType = options.contentType === undefined ? 'application/x-www-form-urlencoded' : options.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  const from = options.from === undefined ? newAddress() : options.from;
  if (from !== null) headers['x-forwarded-for'] = from;
  return fetch(server.url(options.path ?? REPORT_PATH), { method: 'POST', redirect: 'manual', headers, body });
}

const form = (fields: Record<string, string | string[]>) => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) params.append(name, item);
  return params.toString();
};

interface StoredReport {
  id: string;
  service_id: string;
  kind: string;
  details: string;
  message: string | null;
  contact_email: string | null;
  created_at: string;
  status: string;
  resolved_at: string | null;
}

function readTable<T>(server: RunningServer, query: string): Promise<T[]> {
  return withTestSql(server.databasePath, (db) => db.all<T>(query));
}
const reports = (server = proxied) => readTable<StoredReport>(server, 'select * from problem_report order by created_at');

/** The error message shown beside a field, from its FieldError. */
function fieldError(html: string, id: string): string | undefined {
  const match = new RegExp(`<p class="field-error" id="${id}-error"><span class="visually-hidden">Error: </span>([^<]*)</p>`).exec(html);
  return match?.[1];
}

describe('a good report', () => {
  it('is stored as open, and the person is sent to a thank-you page with a link back', async () => {
    const before = (await reports()).length;
    const response = await post(
      form({ kind: 'details_wrong', details: ['times', 'cost'], message: 'Now on Tuesdays\r\nat 2pm', contact_email: ' sam@example.org ' }),
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${REPORT_PATH}?sent=1`);

    const stored = await reports();
    expect(stored).toHaveLength(before + 1);
    const report = stored.at(-1)!;
    expect(report).toMatchObject({
      service_id: SERVICE.id,
      kind: 'details_wrong',
      details: '["times","cost"]',
      message: 'Now on Tuesdays\nat 2pm',
      contact_email: 'sam@example.org',
      status: 'open',
      resolved_at: null,
    });
    expect(report.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Date.now() - Date.parse(report.created_at)).toBeLessThan(60_000);

    const thanks = await fetch(proxied.url(response.headers.get('location')!));
    expect(thanks.status).toBe(200);
    const html = await thanks.text();
    expect(html).toContain('Thank you. We will check it.');
    expect(html).toContain(`href="/services/${SERVICE.id}"`);
  });

  it('shows at once in search and on the service page as a problem reported, so people phone first', async () => {
    // The test above filed a report on this server: search and the service page say so already.
    const found = (await (await fetch(proxied.url('/api/search?q=report+me'))).json()).results[0];
    expect(found.freshness.status).not.toBe('ok');
    const flag = found.freshness.flags.find((f: { flag: string }) => f.flag === 'reported_problem');
    expect(flag?.message).toMatch(
      /^Someone told us on \d+ \w+ \d{4} that these details may be wrong\. (Phone|Contact them|Ask someone who knows it, or a link worker,) before you go\.$/,
    );
    const page = await (await fetch(proxied.url(`/services/${SERVICE.id}`))).text();
    expect(page).toMatch(/that these details may be wrong\. (Phone|Contact them|Ask someone who knows it, or a link worker,) before you go\./);
  });

  it('is taken as multipart/form-data too', async () => {
    const body = new FormData();
    body.append('kind', 'closed');
    const before = (await reports()).length;
    const response = await post(body, { contentType: null }); // fetch writes the multipart boundary
    expect(response.status).toBe(303);
    expect(await reports()).toHaveLength(before + 1);
    expect((await reports()).at(-1)).toMatchObject({ kind: 'closed', details: '[]', message: null, contact_email: null });
  });

  it('stores nothing about the sender: no address, no browser, only what they typed', async () => {
    const columns = (await withTestSql(proxied.databasePath, storedColumns))
      .filter((column) => column.table === 'problem_report')
      .map((column) => column.column);
    expect(columns.sort()).toEqual([
      'contact_email',
      'created_at',
      'details',
      'id',
      'kind',
      'message',
      'resolution_note',
      'resolved_at',
      'resolved_by',
      'service_id',
      'status',
    ]);
    const keys = (await readTable<{ key: string }>(proxied, 'select key from rate_limit')).map((row) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatch(/^problem-report:[0-9a-f]{64}$/);
      expect(key).not.toContain('203.0.113');
    }
  });
});

describe('the form page', () => {
  it('is served on its own (GET), with the fields and the hints', async () => {
    const response = await fetch(proxied.url(REPORT_PATH));
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1>Report a problem with Report Me Lunch Club</h1>');
    expect(html).toContain(`action="${REPORT_PATH}"`);
    expect(html).toContain('Only if you would like a reply. We will not use it for anything else.');
    expect(html).toContain("Please do not include anyone's personal or health details.");
    expect(html).not.toContain('error-summary');
  });

  it('is on the service page itself, at the end', async () => {
    const html = await (await fetch(proxied.url(`/services/${SERVICE.id}`))).text();
    expect(html).toContain(`action="${REPORT_PATH}"`);
    expect(html.indexOf('Is this information right?')).toBeLessThan(html.indexOf(`action="${REPORT_PATH}"`));
  });
});

describe('mistakes are shown beside their fields, with what was typed kept (400, nothing stored)', () => {
  it.each([
    ['a kind that is not on the form', { kind: 'burnt-down', message: 'It burnt down' }, 'report-kind', 'Choose what is wrong with this information.'],
    ['no kind at all', { message: 'Something' }, 'report-kind', 'Choose what is wrong with this information.'],
    ['"something else" with no message', { kind: 'other', message: '   ' }, 'report-message', 'Tell us what is wrong.'],
    ['"it has moved" with no message', { kind: 'moved' }, 'report-message', 'Tell us where it has moved to. If you do not know, write &quot;not known&quot;.'],
    [
      'an email address that is not one',
      { kind: 'closed', contact_email: 'sam at example' },
      'report-email',
      'Enter an email address like name@example.com, or leave this empty.',
    ],
    [
      'a message that is too long',
      { kind: 'other', message: 'x'.repeat(1001) },
      'report-message',
      'Your message has 1,001 characters. Please shorten it to 1,000 characters or fewer.',
    ],
    ['a detail that is not on the form', { kind: 'details_wrong', details: ['colour'] }, 'report-details', 'Choose from the details listed.'],
  ])('%s', async (_, fields, id, message) => {
    const before = (await reports()).length;
    const response = await post(form(fields));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldError(html, id)).toBe(message);
    // The summary at the top links to the field.
    expect(html).toContain(`<a href="#${id}">${message}</a>`);
    expect(html).toMatch(/<title>Error: Report a problem/);
    expect(await reports()).toHaveLength(before);
  });

  it('keeps what was typed and chosen', async () => {
    const response = await post(
      form({ kind: 'details_wrong', details: ['times', 'place'], message: 'Meets <b>Fridays</b> & Saturdays', contact_email: 'not-an-email' }),
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/<input type="radio" id="report-kind-details_wrong" name="kind" value="details_wrong" checked>/);
    expect(html).toMatch(/<input type="checkbox" id="report-details" name="details" value="times" checked>/);
    expect(html).toMatch(/<input type="checkbox" id="report-details-place" name="details" value="place" checked>/);
    expect(html).toMatch(/<input type="checkbox" id="report-details-cost" name="details" value="cost">/);
    expect(html).toContain('>Meets &lt;b&gt;Fridays&lt;/b&gt; &amp; Saturdays</textarea>');
    expect(html).toContain('value="not-an-email"');
    expect(html).toContain('aria-invalid="true"');
  });
});

describe('cross-site posts (Astro security.checkOrigin)', () => {
  it('takes a post from this site', async () => {
    const before = (await reports()).length;
    expect((await post(form({ kind: 'full' }), { origin: proxied.origin })).status).toBe(303);
    expect(await reports()).toHaveLength(before + 1);
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['the same host on another port', 'http://127.0.0.1:1'],
    ['an opaque origin ("null")', 'null'],
    ['no Origin header at all', null],
  ])('refuses a form post from %s with 403, and stores nothing', async (_, origin) => {
    const before = (await reports()).length;
    for (const contentType of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain']) {
      const response = await post(form({ kind: 'closed' }), { origin, contentType });
      expect(response.status, `${contentType} from ${origin}`).toBe(403);
    }
    expect(await reports()).toHaveLength(before);
  });

  it('refuses a post that is not a form (which Astro lets through) with 415, storing nothing', async () => {
    const before = (await reports()).length;
    const response = await post(JSON.stringify({ kind: 'closed' }), { origin: 'https://evil.example', contentType: 'application/json' });
    expect(response.status).toBe(415);
    expect(await reports()).toHaveLength(before);
  });
});

describe('the rate limit: 5 reports an hour from each address', () => {
  it('refuses the 6th within the hour with 429, a kind page and Retry-After', async () => {
    const address = newAddress();
    for (let i = 1; i <= 5; i++) expect((await post(form({ kind: 'closed' }), { from: address })).status, `report ${i}`).toBe(303);
    const before = (await reports()).length;
    const refused = await post(form({ kind: 'closed' }), { from: address });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    const html = await refused.text();
    expect(html).toContain('Please try again later');
    expect(html).toContain(`href="/services/${SERVICE.id}"`);
    expect(await reports()).toHaveLength(before);

    // Another address is not held up; and a client cannot dodge it by adding its own entries.
    expect((await post(form({ kind: 'closed' }), { from: newAddress() })).status).toBe(303);
    expect((await post(form({ kind: 'closed' }), { from: `198.51.100.1, ${address}` })).status).toBe(429);
  });

  it('does not count mistakes, so someone fixing their form is not locked out', async () => {
    const address = newAddress();
    for (let i = 0; i < 8; i++) expect((await post(form({ kind: 'other' }), { from: address })).status).toBe(400);
    expect((await post(form({ kind: 'closed' }), { from: address })).status).toBe(303);
  });

  it("without a trusted proxy, counts the socket's address, and a made-up X-Forwarded-For gains nothing", async () => {
    for (let i = 1; i <= 5; i++) expect((await post(form({ kind: 'closed' }), { server: direct, from: null })).status, `report ${i}`).toBe(303);
    const refused = await post(form({ kind: 'closed' }), { server: direct, from: null });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Without TRUST_PROXY the server drops X-Forwarded-For (src/lib/http/serve.ts), so a made-up
    // address is still the socket's: no more reports, however many addresses are tried.
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await post(form({ kind: 'closed' }), { server: direct, from: `192.0.2.${i}` })).status);
    expect(statuses).toEqual(Array(10).fill(429));
    expect(await reports(direct)).toHaveLength(5);
    for (const { key } of await readTable<{ key: string }>(direct, 'select key from rate_limit')) {
      expect(key).not.toContain('127.0.0.1');
      expect(key).not.toContain('192.0.2');
    }
  });
});

describe('an unknown service', () => {
  it('gives 404 for the form, the thank-you and a post, and stores nothing', async () => {
    const before = (await reports()).length;
    expect((await fetch(proxied.url('/services/no-such-service/report'))).status).toBe(404);
    expect((await fetch(proxied.url('/services/no-such-service/report?sent=1'))).status).toBe(404);
    const response = await post(form({ kind: 'closed' }), { path: '/services/no-such-service/report' });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('We could not find that service');
    expect(await reports()).toHaveLength(before);
  });

  it('leaves the service page itself working', async () => {
    expect((await fetch(proxied.url(`/services/${SERVICE.id}`))).status).toBe(200);
    expect((await fetch(proxied.url('/services/no-such-service'))).status).toBe(404);
  });
});

describe('strange bodies never give a server error', () => {
  const huge = 'kind=other&message=' + 'x'.repeat(2_000_000);
  it.each([
    ['an empty form', '', 'application/x-www-form-urlencoded', 400],
    ['no body and no content type', null, null, 400],
    ['a huge form', huge, 'application/x-www-form-urlencoded', 413],
    ['JSON', '{"kind":"closed"}', 'application/json', 415],
    ['XML', '<kind>closed</kind>', 'application/xml', 415],
    ['plain text', 'kind=closed', 'text/plain', 415],
    ['broken multipart', '--x\r\nnonsense', 'multipart/form-data; boundary=x', 400],
    ['multipart with no boundary', 'kind=closed', 'multipart/form-data', 400],
    ['bad percent escapes', 'kind=%ZZ&message=%E0%A4%A&details=%00', 'application/x-www-form-urlencoded', 400],
    [
      'a file for every field',
      '--x\r\nContent-Disposition: form-data; name="kind"; filename="k.txt"\r\nContent-Type: text/plain\r\n\r\nclosed\r\n--x--\r\n',
      'multipart/form-data; boundary=x',
      400,
    ],
    ['bytes that are not UTF-8', new Uint8Array([0x6b, 0x69, 0x6e, 0x64, 0x3d, 0xff, 0xfe, 0x00]), 'application/x-www-form-urlencoded', 400],
    ['a charset that is not UTF-8', 'kind=closed', 'application/x-www-form-urlencoded; charset=utf-16', 303],
  ])('%s', async (_, body, contentType, status) => {
    const before = (await reports()).length;
    const response = await post(body as BodyInit | null, { contentType: contentType as string | null });
    expect(response.status).toBe(status);
    if (status !== 303) {
      expect(await response.text()).toContain('<h1>');
      expect(await reports()).toHaveLength(before);
    }
  });

  it('a huge body sent in chunks (no Content-Length) gets 413, not a server error', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('kind=other&message='));
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(proxied.url(REPORT_PATH), {
      method: 'POST',
      redirect: 'manual',
      body: stream,
      duplex: 'half',
      headers: { origin: proxied.origin, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': newAddress() },
    } as RequestInit).catch((error: Error) => error);
    // The server may stop listening part-way; what it must never do is answer 500.
    if (response instanceof Error) {
      console.log(`The chunked upload was cut off: ${response.message}`);
      return;
    }
    expect(response.status).toBe(413);
  });

  it('the server printed no errors', () => {
    expect(proxied.output()).not.toMatch(/\berror\b/i);
    expect(direct.output()).not.toMatch(/\berror\b/i);
  });
});

describe('saveProblemReport and openReportCounts, in a scratch database', () => {
  it('stores reports and counts the open ones per service, with the newest date', async () => {
    const scratch = await scratchDirectory();
    try {
      const other = service({ code: 'report-other', name: 'Other Club' });
      const quiet = service({ code: 'report-quiet', name: 'Quiet Club' });
      await importRecords(scratch.directory, scratch.search, [SERVICE, other, quiet], { strict: true, source: 'test' });
      const { db } = scratch.directory;
      const parsed = parseProblemReport({ ...EMPTY_FORM_VALUES, kind: 'moved', message: 'Next door' });
      if (!parsed.ok) throw new Error('the report should be good');
      const first = await saveProblemReport(db, SERVICE.id, parsed.report, new Date('2026-11-20T09:00:00Z'));
      await saveProblemReport(db, SERVICE.id, parsed.report, new Date('2026-11-21T23:30:00Z')); // still 21 November in the UK (GMT)
      await saveProblemReport(db, other.id, parsed.report, new Date('2026-07-01T23:30:00Z')); // 2 July in the UK (BST)
      const resolved = await saveProblemReport(db, other.id, parsed.report, new Date('2026-11-21T10:00:00Z'));
      await db.updateTable('problem_report').set({ status: 'resolved', resolved_at: '2026-11-21T11:00:00Z' }).where('id', '=', resolved).execute();

      expect(first).not.toBe(resolved);
      const all = await openReportCounts(db);
      expect(Object.fromEntries(all)).toEqual({
        [SERVICE.id]: { openReports: 2, lastReportDate: '2026-11-21' },
        [other.id]: { openReports: 1, lastReportDate: '2026-07-02' },
      });
      const some = await openReportCounts(db, [other.id, quiet.id, 'no-such-service']);
      expect(Object.fromEntries(some)).toEqual({ [other.id]: { openReports: 1, lastReportDate: '2026-07-02' } });
      expect((await openReportCounts(db, [])).size).toBe(0);
      const row = await db.selectFrom('problem_report').selectAll().where('id', '=', first).executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        kind: 'moved',
        details: '[]',
        message: 'Next door',
        contact_email: null,
        status: 'open',
        created_at: '2026-11-20T09:00:00.000Z',
      });
    } finally {
      await scratch.cleanup();
    }
  });

  it('refuses a report about a service that does not exist (the foreign key), storing nothing', async () => {
    const scratch = await scratchDirectory();
    try {
      const parsed = parseProblemReport({ ...EMPTY_FORM_VALUES, kind: 'closed' });
      if (!parsed.ok) throw new Error('the report should be good');
      await expect(saveProblemReport(scratch.directory.db, 'no-such-service', parsed.report)).rejects.toThrow();
      expect(await scratch.directory.db.selectFrom('problem_report').selectAll().execute()).toEqual([]);
    } finally {
      await scratch.cleanup();
    }
  });
});
