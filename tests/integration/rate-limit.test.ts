// Rate limits counted in a real SQLite file: fixed windows, Retry-After, counts that survive
// reopening the database and are shared between connections, old windows cleared, keys that never
// hold an address, and which address counts (the socket's, or a trusted proxy's word).
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lib/config';
import { openDirectoryDatabase } from '../../src/lib/db/database';
import {
  UNVERIFIED_ADDRESS,
  checkRateLimit,
  clearOldWindows,
  clientAddress,
  rateLimitKey,
  releaseRateLimit,
  reportLimitPerHour,
} from '../../src/lib/http/rate-limit';
import { scratchDirectory } from '../fixtures/services';

let scratch: Awaited<ReturnType<typeof scratchDirectory>> | undefined;
afterEach(async () => {
  await scratch?.cleanup();
  scratch = undefined;
});

const HOUR = 3600;
const at = (iso: string) => new Date(iso);

describe('checkRateLimit on a real SQLite file', () => {
  it('allows `limit` requests in a window, then refuses with the seconds left in the window', async () => {
    scratch = await scratchDirectory();
    const { db } = scratch.directory;
    const check = (iso: string) => checkRateLimit(db, { key: 'test:a', limit: 5, windowSeconds: HOUR, now: at(iso) });
    for (let i = 1; i <= 5; i++) expect(await check('2026-11-21T10:00:00Z')).toEqual({ allowed: true, retryAfterSeconds: 0, count: i });
    expect(await check('2026-11-21T10:45:00Z')).toEqual({ allowed: false, retryAfterSeconds: 15 * 60, count: 6 });
    expect(await check('2026-11-21T10:59:59Z')).toEqual({ allowed: false, retryAfterSeconds: 1, count: 7 });
    // A new window starts afresh.
    expect(await check('2026-11-21T11:00:00Z')).toEqual({ allowed: true, retryAfterSeconds: 0, count: 1 });
    // Another key has its own count.
    expect((await checkRateLimit(db, { key: 'test:b', limit: 5, windowSeconds: HOUR, now: at('2026-11-21T10:50:00Z') })).allowed).toBe(true);
  });

  it('gives back one count in the current window, never below nothing', async () => {
    scratch = await scratchDirectory();
    const { db } = scratch.directory;
    const now = at('2026-11-21T10:00:00Z');
    const check = () => checkRateLimit(db, { key: 'test:c', limit: 2, windowSeconds: HOUR, now });
    await check();
    await check();
    expect((await check()).allowed).toBe(false);
    await releaseRateLimit(db, { key: 'test:c', windowSeconds: HOUR, now });
    await releaseRateLimit(db, { key: 'test:c', windowSeconds: HOUR, now });
    expect(await check()).toEqual({ allowed: true, retryAfterSeconds: 0, count: 2 });
    for (let i = 0; i < 5; i++) await releaseRateLimit(db, { key: 'test:c', windowSeconds: HOUR, now });
    expect((await check()).count).toBe(1);
  });

  it('keeps counting after the database is closed and opened again (a restart)', async () => {
    scratch = await scratchDirectory();
    const now = at('2026-11-21T10:00:00Z');
    const before = openDirectoryDatabase(scratch.location);
    for (let i = 0; i < 3; i++) await checkRateLimit(before.db, { key: 'test:restart', limit: 3, windowSeconds: HOUR, now });
    await before.close();
    const after = openDirectoryDatabase(scratch.location);
    try {
      expect(await checkRateLimit(after.db, { key: 'test:restart', limit: 3, windowSeconds: HOUR, now })).toMatchObject({ allowed: false });
    } finally {
      await after.close();
    }
  });

  it('counts together across connections to the same file (several app servers), losing none', async () => {
    scratch = await scratchDirectory();
    const other = openDirectoryDatabase(scratch.location);
    try {
      const now = at('2026-11-21T10:00:00Z');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          checkRateLimit(i % 2 ? other.db : scratch!.directory.db, { key: 'test:shared', limit: 10, windowSeconds: HOUR, now }),
        ),
      );
      expect(results.filter((r) => r.allowed)).toHaveLength(10);
      const row = await scratch.directory.db.selectFrom('rate_limit').selectAll().where('key', '=', 'test:shared').executeTakeFirstOrThrow();
      expect(row.count).toBe(20);
    } finally {
      await other.close();
    }
  });

  it('clears windows that began more than a day ago, and keeps the rest', async () => {
    scratch = await scratchDirectory();
    const { db } = scratch.directory;
    await checkRateLimit(db, { key: 'test:old', limit: 5, windowSeconds: HOUR, now: at('2026-11-19T09:00:00Z') });
    await checkRateLimit(db, { key: 'test:new', limit: 5, windowSeconds: HOUR, now: at('2026-11-21T09:00:00Z') });
    expect(await clearOldWindows(db, at('2026-11-21T10:00:00Z'))).toBe(1);
    expect((await db.selectFrom('rate_limit').select('key').execute()).map((row) => row.key)).toEqual(['test:new']);
  });

  it('clears old windows now and then by itself, while counting', async () => {
    scratch = await scratchDirectory();
    const { db } = scratch.directory;
    await db.insertInto('rate_limit').values({ key: 'test:ancient', window_start: 0, count: 1 }).execute();
    // Far in the future, so this process's "now and then" has surely come round.
    await checkRateLimit(db, { key: 'test:now', limit: 5, windowSeconds: HOUR, now: at('2099-01-01T00:00:00Z') });
    expect((await db.selectFrom('rate_limit').select('key').execute()).map((row) => row.key)).toEqual(['test:now']);
  });

  it('refuses windows it cannot keep (longer than the day after which windows are cleared)', async () => {
    scratch = await scratchDirectory();
    await expect(checkRateLimit(scratch.directory.db, { key: 'k', limit: 1, windowSeconds: 2 * 86_400 })).rejects.toThrow(RangeError);
    await expect(checkRateLimit(scratch.directory.db, { key: 'k', limit: 1, windowSeconds: 0 })).rejects.toThrow(RangeError);
  });
});

describe('rateLimitKey', () => {
  it('is a keyed hash of purpose and address: the address is not in it, and the secret matters', () => {
    const env = loadConfig({ RATE_LIMIT_SECRET: 'one' });
    const key = rateLimitKey('problem-report', '203.0.113.9', env);
    expect(key).toMatch(/^problem-report:[0-9a-f]{64}$/);
    expect(key).not.toContain('203.0.113');
    expect(rateLimitKey('problem-report', '203.0.113.9', env)).toBe(key);
    expect(rateLimitKey('problem-report', '203.0.113.10', env)).not.toBe(key);
    expect(rateLimitKey('other-purpose', '203.0.113.9', env).split(':')[1]).not.toBe(key.split(':')[1]);
    expect(rateLimitKey('problem-report', '203.0.113.9', loadConfig({ RATE_LIMIT_SECRET: 'two' }))).not.toBe(key);
  });

  it('without RATE_LIMIT_SECRET, uses one random secret for the life of the process', () => {
    const a = rateLimitKey('problem-report', '203.0.113.9', loadConfig({}));
    expect(rateLimitKey('problem-report', '203.0.113.9', loadConfig({}))).toBe(a);
    expect(a).not.toBe(rateLimitKey('problem-report', '203.0.113.9', loadConfig({ RATE_LIMIT_SECRET: 'set' })));
  });
});

describe('clientAddress', () => {
  const headers = (forwardedFor?: string) => new Headers(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor });

  it("uses the socket's address when there is no X-Forwarded-For", () => {
    expect(clientAddress('198.51.100.7', headers(), loadConfig({}))).toBe('198.51.100.7');
  });

  it('does not believe X-Forwarded-For without TRUST_PROXY=1: all such requests count as one', () => {
    // Astro.clientAddress has already taken the header's word here, so it cannot be used either.
    expect(clientAddress('1.2.3.4', headers('1.2.3.4'), loadConfig({}))).toBe(UNVERIFIED_ADDRESS);
    expect(clientAddress('5.6.7.8', headers('5.6.7.8, 9.9.9.9'), loadConfig({ TRUST_PROXY: '0' }))).toBe(UNVERIFIED_ADDRESS);
  });

  it('behind a trusted proxy, uses the address the proxy added (the last), not what the client claimed', () => {
    expect(clientAddress('1.2.3.4', headers('1.2.3.4, 203.0.113.9'), loadConfig({ TRUST_PROXY: '1' }))).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9', headers('203.0.113.9'), loadConfig({ TRUST_PROXY: '1' }))).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.1', headers(), loadConfig({ TRUST_PROXY: '1' }))).toBe('10.0.0.1');
  });

  it('counts a request with no address at all with the other unknown ones', () => {
    expect(clientAddress(undefined, headers(), loadConfig({}))).toBe(UNVERIFIED_ADDRESS);
  });
});

describe('reportLimitPerHour', () => {
  it('is 5 unless REPORT_LIMIT_PER_HOUR says a whole number of at least 1; anything else is refused at start', () => {
    expect(reportLimitPerHour(loadConfig({}))).toBe(5);
    expect(reportLimitPerHour(loadConfig({ REPORT_LIMIT_PER_HOUR: '' }))).toBe(5);
    expect(reportLimitPerHour(loadConfig({ REPORT_LIMIT_PER_HOUR: '20' }))).toBe(20);
    for (const value of ['0', '-3', '2.5', 'lots']) {
      expect(() => loadConfig({ REPORT_LIMIT_PER_HOUR: value }), value).toThrow(/REPORT_LIMIT_PER_HOUR must be a whole number/);
    }
  });
});
