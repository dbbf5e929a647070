// Fixed-window rate limits counted in the database's rate_limit table, so a limit holds across
// restarts and across app servers sharing the database. Keys are keyed hashes (HMAC-SHA256) of the
// purpose and the client's address: the address itself is never stored.
import { createHmac, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { appConfig, type Config } from '../config';

export interface RateLimitCheck {
  /** From rateLimitKey(): never a raw address. */
  key: string;
  /** Requests allowed in each window. */
  limit: number;
  /** Length of a window, at most a day (older windows are cleared). */
  windowSeconds: number;
  now?: Date;
  /**
   * For limits on reading (the Open Referral API): if the database is locked by a writer (an
   * import) for longer than this, count in this process's memory instead, so readers are not held
   * up; the database row is still counted once the lock is gone.
   */
  waitAtMostMs?: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window ends (0 when allowed), for a Retry-After header. */
  retryAfterSeconds: number;
  /** Requests counted in this window so far, this one included (checkRateLimit only). */
  count?: number;
}

const DAY_SECONDS = 86_400;
/** How often each process clears windows older than a day. */
const CLEAR_EVERY_MS = 60 * 60 * 1000;
let lastCleared = 0;

/**
 * Counts one request against `key` in the current fixed window and says whether it is allowed.
 * One upsert statement, so app servers sharing the database count together without losing any.
 */
export async function checkRateLimit(
  db: Kysely<DatabaseSchema>,
  { key, limit, windowSeconds, now = new Date(), waitAtMostMs }: RateLimitCheck,
): Promise<RateLimitResult> {
  if (!Number.isInteger(windowSeconds) || windowSeconds < 1 || windowSeconds > DAY_SECONDS) {
    throw new RangeError(`A rate limit window must be from 1 to ${DAY_SECONDS} seconds, not ${windowSeconds}.`);
  }
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const windowStart = nowSeconds - (nowSeconds % windowSeconds);
  const counting = countInDatabase(db, key, windowStart, now);
  let count: number;
  if (waitAtMostMs === undefined) {
    count = await counting;
  } else {
    const memory = Symbol('memory');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<typeof memory>((resolve) => {
      timer = setTimeout(() => resolve(memory), waitAtMostMs);
    });
    // Counted in the database in the end, or, if the lock outlasts the retries, only in memory.
    counting.catch(() => {});
    const first = await Promise.race([counting, late]);
    clearTimeout(timer);
    count = first === memory ? countInMemory(key, windowStart) : first;
  }
  const allowed = count <= limit;
  return { allowed, retryAfterSeconds: allowed ? 0 : Math.max(1, windowStart + windowSeconds - nowSeconds), count };
}

/** One upsert statement, so app servers sharing the database count together without losing any. */
async function countInDatabase(db: Kysely<DatabaseSchema>, key: string, windowStart: number, now: Date): Promise<number> {
  const row = await db
    .insertInto('rate_limit')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((conflict) => conflict.columns(['key', 'window_start']).doUpdateSet({ count: sql<number>`rate_limit.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow();
  if (now.getTime() - lastCleared > CLEAR_EVERY_MS) {
    lastCleared = now.getTime();
    await clearOldWindows(db, now);
  }
  return row.count;
}

/** Counts kept while the database is locked: this process's own, for the current windows only. */
const memoryCounts = new Map<string, { windowStart: number; count: number }>();
const MAX_MEMORY_KEYS = 10_000;

function countInMemory(key: string, windowStart: number): number {
  const entry = memoryCounts.get(key);
  if (entry && entry.windowStart === windowStart) return ++entry.count;
  if (memoryCounts.size >= MAX_MEMORY_KEYS) memoryCounts.clear(); // a flood of addresses: start again
  memoryCounts.set(key, { windowStart, count: 1 });
  return 1;
}

/** Takes back one request counted by checkRateLimit in the current window (one that, in the end, should not count). */
export async function releaseRateLimit(db: Kysely<DatabaseSchema>, { key, windowSeconds, now = new Date() }: Omit<RateLimitCheck, 'limit'>): Promise<void> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const windowStart = nowSeconds - (nowSeconds % windowSeconds);
  await db
    .updateTable('rate_limit')
    .set({ count: sql<number>`case when count > 0 then count - 1 else 0 end` })
    .where('key', '=', key)
    .where('window_start', '=', windowStart)
    .execute();
}

/** Deletes windows that began more than a day ago; returns how many. */
export async function clearOldWindows(db: Kysely<DatabaseSchema>, now: Date = new Date()): Promise<number> {
  const cutoff = Math.floor(now.getTime() / 1000) - DAY_SECONDS;
  const result = await db.deleteFrom('rate_limit').where('window_start', '<', cutoff).executeTakeFirst();
  return Number(result.numDeletedRows);
}

let processSecret: Buffer | undefined;

/**
 * RATE_LIMIT_SECRET, or else a random secret for this process only. Set RATE_LIMIT_SECRET (the
 * same on every app server) for limits to hold across restarts and servers.
 */
function rateLimitSecret(config: Config): string | Buffer {
  if (config.RATE_LIMIT_SECRET) return config.RATE_LIMIT_SECRET;
  processSecret ??= randomBytes(32);
  return processSecret;
}

/** "purpose:<HMAC-SHA256 of purpose and address>": the purpose readable, the address not. */
export function rateLimitKey(purpose: string, address: string, config: Config = appConfig()): string {
  const digest = createHmac('sha256', rateLimitSecret(config)).update(`${purpose}\n${address}`).digest('hex');
  return `${purpose}:${digest}`;
}

/**
 * Stands for every request whose address we cannot know: one that says X-Forwarded-For when we do
 * not trust a proxy. Such requests share one count, so changing the header gains nothing.
 */
export const UNVERIFIED_ADDRESS = 'unverified-forwarded-address';

/**
 * The client's address for rate limits. Behind a trusted proxy (TRUST_PROXY=1), the last
 * X-Forwarded-For entry, the one our proxy added (earlier entries are whatever the client said).
 * Otherwise the socket's address. Astro.clientAddress (`astroClientAddress`) prefers the
 * X-Forwarded-For header whenever there is one, so with that header and no trusted proxy the real
 * address is not known here, and UNVERIFIED_ADDRESS is used instead.
 */
export function clientAddress(astroClientAddress: string | undefined, headers: Headers, config: Config = appConfig()): string {
  const forwardedFor = headers.get('x-forwarded-for');
  if (config.TRUST_PROXY) {
    const last = forwardedFor
      ?.split(',')
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1);
    return last || astroClientAddress || UNVERIFIED_ADDRESS;
  }
  if (forwardedFor !== null) return UNVERIFIED_ADDRESS;
  return astroClientAddress || UNVERIFIED_ADDRESS;
}

/** The client's address for a page's request (pass `Astro`), by the rules of clientAddress. */
export function requestAddress(context: { readonly clientAddress: string; readonly request: Request }): string {
  let address: string | undefined;
  try {
    address = context.clientAddress;
  } catch {
    /* the adapter could not tell: counted with the other unknown addresses */
  }
  return clientAddress(address, context.request.headers);
}

/** Reports allowed per address per hour: REPORT_LIMIT_PER_HOUR, or 5. */
export function reportLimitPerHour(config: Config = appConfig()): number {
  return config.REPORT_LIMIT_PER_HOUR;
}
