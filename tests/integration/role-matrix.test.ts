// Who may do what, route by route: every signed-in page and action, for every role and for
// someone not signed in, against the built server. The table below is the specification; each
// cell is the exact HTTP status expected. Posts carry the session's form token and an empty or
// harmless form, so an allowed role gets the form's own answer (usually 400: nothing to do) and
// nothing changes; a second test posts each action without the token, and from another site.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDirectoryDatabase } from '../../src/lib/db/database';
import type { DatabaseSchema } from '../../src/lib/db/types';
import { service } from '../fixtures/services';
import { startServer, type RunningServer } from '../fixtures/server';
import { ADMIN, LINK_WORKER, ORG_EDITOR, PANEL, getAs, postAs, signInAs, type SignedIn } from '../fixtures/accounts';

const OWN = service({ code: 'matrix-own', name: 'Matrix Own Lunch Club', organization: 'Matrix Own' });
const OTHER = service({ code: 'matrix-other', name: 'Matrix Other Choir', organization: 'Matrix Other' });
const EDITOR = { ...ORG_EDITOR, organisations: [(OWN.organization as { id: string }).id] };
const SUGGESTION = randomUUID();
const REPORT = randomUUID();

type Who = 'anonymous' | 'admin' | 'panel' | 'org_editor' | 'link_worker';
const WHO: Who[] = ['anonymous', 'admin', 'panel', 'org_editor', 'link_worker'];

/** [method, path, anonymous, admin, panel, org_editor, link_worker] */
type Row = [method: 'GET' | 'POST', path: string, ...statuses: [number, number, number, number, number]];
const own = `/panel/services/${OWN.id}`;
const other = `/panel/services/${OTHER.id}`;

const MATRIX: Row[] = [
  //                                                   anon  admin panel org_ed link_w
  ['GET', '/panel', 303, 200, 200, 200, 200],
  ['GET', '/panel/freshness', 303, 200, 200, 403, 403],
  ['GET', '/panel/freshness.csv', 303, 200, 200, 403, 403],
  ['GET', '/panel/freshness/worklist?status=stale', 303, 200, 200, 403, 403],
  ['GET', '/panel/queue', 303, 200, 200, 403, 403],
  ['GET', `/panel/queue/suggestions/${SUGGESTION}`, 303, 200, 200, 403, 403],
  ['GET', `/panel/queue/reports/${REPORT}`, 303, 200, 200, 403, 403],
  ['GET', '/panel/services/new', 303, 200, 200, 200, 403],
  ['GET', `${own}/edit`, 303, 200, 200, 200, 403],
  ['GET', `${other}/edit`, 303, 200, 200, 403, 403],
  ['GET', `${own}/history`, 303, 200, 200, 200, 403],
  ['GET', `${own}/history.csv`, 303, 200, 200, 200, 403],
  ['GET', `${other}/history`, 303, 200, 200, 403, 403],
  ['GET', `${other}/history.csv`, 303, 200, 200, 403, 403],
  ['GET', '/panel/users', 303, 200, 403, 403, 403],
  ['GET', '/panel/organisations', 303, 200, 200, 403, 403],
  ['GET', '/panel/settings', 303, 200, 200, 403, 403],
  ['GET', '/panel/audit', 303, 200, 403, 403, 403],
  ['GET', '/panel/audit.csv', 303, 200, 403, 403, 403],
  ['GET', '/panel/reports', 303, 200, 200, 403, 403],
  ['GET', '/panel/reports/services', 303, 200, 200, 403, 403],
  ['GET', '/panel/reports/referrals', 303, 200, 200, 403, 403],
  ['GET', '/panel/reports/unmet-needs', 303, 200, 200, 403, 403],
  ['GET', '/panel/reports/closed', 303, 200, 200, 403, 403],
  ['GET', '/panel/reports/services.csv', 303, 200, 200, 403, 403],
  ['GET', '/panel/reports/referrals.csv', 303, 200, 200, 403, 403],
  ['GET', '/panel/reports/unmet-needs.csv', 303, 200, 200, 403, 403],
  ['GET', '/panel/reports/closed.csv', 303, 200, 200, 403, 403],
  ['GET', '/panel/reports/gaps.csv', 303, 200, 200, 403, 403],
  ['GET', '/panel/reports/areas.csv', 303, 200, 200, 403, 403],
  ['GET', '/panel/gaps', 303, 200, 200, 403, 403],
  ['GET', '/panel/key-services', 303, 200, 200, 403, 403],
  ['GET', '/panel/crosswalk', 303, 200, 200, 403, 403],
  ['GET', '/panel/crosswalk.csv', 303, 200, 200, 403, 403],
  // Post-only: a visit is sent back to the start page.
  ['GET', '/panel/counts/referral', 303, 303, 303, 403, 303],
  ['GET', '/panel/counts/unmet-need', 303, 303, 303, 403, 303],
  ['POST', '/panel/services/new', 401, 400, 400, 400, 403],
  // No copy of the listing as opened: refused as out of date (409), nothing saved.
  ['POST', `${own}/edit`, 401, 409, 409, 409, 403],
  ['POST', `${other}/edit`, 401, 409, 409, 403, 403],
  // No version: sent back to the editor to look again (303), nothing saved.
  ['POST', `${own}/verify`, 401, 303, 303, 403, 403],
  ['POST', `${other}/verify`, 401, 303, 303, 403, 403],
  ['POST', `${own}/notes`, 401, 400, 400, 403, 400],
  ['POST', `/panel/queue/suggestions/${SUGGESTION}`, 401, 400, 400, 403, 403],
  ['POST', `/panel/queue/reports/${REPORT}`, 401, 400, 400, 403, 403],
  ['POST', '/panel/users', 401, 400, 403, 403, 403],
  ['POST', '/panel/organisations', 401, 400, 400, 403, 403],
  ['POST', '/panel/counts/referral', 401, 400, 400, 403, 400],
  ['POST', '/panel/counts/unmet-need', 401, 400, 400, 403, 400],
  ['POST', '/panel/gaps', 401, 400, 400, 403, 403],
  ['POST', '/panel/key-services', 401, 400, 400, 403, 403],
  ['POST', '/panel/crosswalk', 401, 400, 400, 403, 403],
  // No listing named: nothing to do (400), nothing changed.
  ['POST', '/panel/freshness/worklist?status=stale', 401, 400, 400, 403, 403],
];

let server: RunningServer;
const signedIn = new Map<Who, SignedIn | null>();

beforeAll(async () => {
  server = await startServer({ fixtures: [OWN, OTHER], users: [ADMIN, PANEL, EDITOR, LINK_WORKER] });
  await withDatabase(async (db) => {
    const now = new Date().toISOString();
    await db
      .insertInto('suggestion')
      .values({ id: SUGGESTION, kind: 'change', service_id: OTHER.id, source: 'public', message: 'It meets on Fridays now.', created_at: now })
      .execute();
    await db.insertInto('problem_report').values({ id: REPORT, service_id: OTHER.id, kind: 'full', message: 'Full up.', created_at: now }).execute();
  });
  signedIn.set('anonymous', null);
  for (const [who, user] of [
    ['admin', ADMIN],
    ['panel', PANEL],
    ['org_editor', EDITOR],
    ['link_worker', LINK_WORKER],
  ] as const) {
    signedIn.set(who, await signInAs(server, user));
  }
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

/** Runs `read` on the server's database (a SQLite file or PostgreSQL), then closes it. */
async function withDatabase<T>(read: (db: Kysely<DatabaseSchema>) => Promise<T>): Promise<T> {
  const directory = openDirectoryDatabase(server.databasePath);
  try {
    return await read(directory.db);
  } finally {
    await directory.close();
  }
}

/**
 * Everything that can change, to show that refused and empty posts changed nothing. Each table's
 * rows are put in order of their contents (PostgreSQL has no row order of its own, SQLite's rowid).
 */
function snapshot(): Promise<string> {
  const tables = [
    'service',
    'suggestion',
    'suggestion_field',
    'problem_report',
    'practitioner_note',
    'user_account',
    'invitation',
    'trusted_organization',
    'organization_editor',
    'change_history',
    'referral_count',
    'unmet_need_count',
    'gap',
    'key_service',
    'shortlist',
    'taxonomy_crosswalk',
  ] as const;
  return withDatabase(async (db) => {
    const contents: string[][] = [];
    for (const table of tables) {
      const rows = await db.selectFrom(table).selectAll().execute();
      contents.push(rows.map((row) => JSON.stringify(row)).sort());
    }
    return JSON.stringify(contents);
  });
}

describe('the role matrix', () => {
  it('gives every role exactly its outcome on every signed-in route', async () => {
    const before = await snapshot();
    const mismatches: string[] = [];
    for (const [method, path, ...expected] of MATRIX) {
      for (const [index, who] of WHO.entries()) {
        const session = signedIn.get(who)!;
        const response = method === 'GET' ? await getAs(server, session, path) : await postAs(server, session, path, {});
        await response.arrayBuffer();
        if (response.status !== expected[index]) mismatches.push(`${method} ${path} as ${who}: ${response.status}, expected ${expected[index]}`);
        if (response.status === 303 && who === 'anonymous') {
          expect(response.headers.get('location'), `${path}`).toMatch(/^\/panel\/sign-in\?next=/);
        }
        expect(response.headers.get('cache-control'), `${method} ${path} as ${who}`).toBe('no-store');
      }
    }
    expect(mismatches).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it('refuses every signed-in post without the form token (403), or from another site (403)', async () => {
    const before = await snapshot();
    const admin = signedIn.get('admin')!;
    for (const [method, path] of MATRIX) {
      if (method !== 'POST') continue;
      expect((await postAs(server, admin, path, {}, null)).status, `${path} without a token`).toBe(403);
      expect((await postAs(server, admin, path, {}, 'x'.repeat(43))).status, `${path} with a wrong token`).toBe(403);
      const crossSite = await fetch(server.url(path), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example', Cookie: admin.cookie },
        body: new URLSearchParams({ csrf: admin.csrf }),
      });
      expect(crossSite.status, `${path} from another site`).toBe(403);
    }
    for (const path of ['/panel/sign-out']) {
      expect((await postAs(server, admin, path, {}, null)).status).toBe(403);
    }
    // The same routes written another way still need the token.
    for (const path of ['//panel/users', '/panel//users', '/%70anel/users', '/panel/users/']) {
      const response = await fetch(server.url(path), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.origin, Cookie: admin.cookie },
        body: new URLSearchParams({ action: 'invite', email: 'sneaky@example.org', role: 'admin' }),
      });
      expect([403, 404], path).toContain(response.status);
    }
    expect(await snapshot()).toBe(before);
  });

  it('covers every page and action under /panel', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const { join, relative } = await import('node:path');
    const root = new URL('../../src/pages/panel/', import.meta.url).pathname;
    const files: string[] = [];
    const walk = (folder: string) => {
      for (const name of readdirSync(folder)) {
        const full = join(folder, name);
        if (statSync(full).isDirectory()) walk(full);
        else files.push(relative(root, full));
      }
    };
    walk(root);
    // Each file's route, with [id] standing for any id.
    const route = (path: string) => path.replace(/\/(?:[0-9a-f-]{36})(?=\/|$)/g, '/[id]').replace(/\?.*$/, '');
    const covered = new Set(MATRIX.map(([, path]) => route(path).replace(/^\/panel\/?/, '')));
    const outside = new Set(['sign-in.astro', 'sign-out.ts']); // tested in accounts-http.test.ts
    const missing = files
      .filter((file) => !outside.has(file))
      .filter((file) => {
        const path = file.replace(/\.(astro|ts)$/, '').replace(/(^|\/)index$/, '');
        return !covered.has(path);
      });
    expect(missing).toEqual([]);
  });
});
