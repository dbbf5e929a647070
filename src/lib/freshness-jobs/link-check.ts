// Checks that listings' websites still answer, politely (a few requests a second, one at a time,
// with a user agent that says who we are), and records each result in link_check for the rules.
import type { Kysely } from 'kysely';
import { appConfig } from '../config';
import type { DatabaseSchema } from '../db/types';
import { queueSearchChanges } from '../db/search-outbox';

export interface LinkTarget {
  serviceId: string;
  url: string;
}

export interface LinkCheckResult {
  serviceId: string;
  url: string;
  ok: boolean;
  /** The final answer's HTTP status, after redirects; null when there was none. */
  statusCode: number | null;
  /** What went wrong when there was no usable answer (network error, timeout, too many redirects). */
  error: string | null;
  checkedAt: string;
}

export interface LinkCheckReport {
  results: LinkCheckResult[];
  /** Addresses that are not http or https (or not addresses at all), so were not checked. */
  skipped: LinkTarget[];
  ok: number;
  failed: number;
}

export interface LinkCheckOptions {
  /** How long to wait for each answer. */
  timeoutMs?: number;
  /** At most this many requests a second, in all. */
  perSecond?: number;
  userAgent?: string;
  maxRedirects?: number;
  /** The clock for checked_at. */
  now?: () => Date;
  onProgress?: (done: number, total: number) => void;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_PER_SECOND = 2;
export const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Says who is asking, so a site's owner can tell us to stop or ask why. */
export function linkCheckUserAgent(contact = appConfig().LINK_CHECK_CONTACT): string {
  return `FindLocalHelpLinkCheck/1.0 (+${contact?.trim() || 'community directory link check'})`;
}

/** The website a listing gives: the service's own, else its organisation's. */
export function websiteOf(service: { url?: string | null; organization?: { website?: string | null } | null }): string | null {
  return service.url?.trim() || service.organization?.website?.trim() || null;
}

/** Every service that gives a website, with that website. */
export async function linkTargets(db: Kysely<DatabaseSchema>): Promise<LinkTarget[]> {
  const rows = await db
    .selectFrom('service')
    .innerJoin('organization', 'organization.id', 'service.organization_id')
    .select(['service.id as id', 'service.url as url', 'organization.website as website'])
    .orderBy('service.id')
    .execute();
  return rows.flatMap((row) => {
    const url = websiteOf({ url: row.url, organization: { website: row.website } });
    return url ? [{ serviceId: row.id, url }] : [];
  });
}

function httpUrl(address: string): URL | null {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Spaces out the start of requests; as requests are made one at a time, no host gets two at once. */
class Pace {
  private next = 0;
  constructor(private readonly gapMs: number) {}
  async wait(): Promise<void> {
    const delay = this.next - Date.now();
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    this.next = Date.now() + this.gapMs;
  }
}

function errorText(error: unknown, timeoutMs: number): string {
  const failure = error as Error & { cause?: Error & { code?: string } };
  if (failure?.name === 'TimeoutError' || failure?.name === 'AbortError') return `No answer within ${timeoutMs} ms`;
  const cause = failure?.cause;
  if (cause?.message) return cause.message;
  return failure?.message || String(error);
}

interface Outcome {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

async function checkOne(start: URL, pace: Pace, settings: Required<Pick<LinkCheckOptions, 'timeoutMs' | 'userAgent' | 'maxRedirects'>>): Promise<Outcome> {
  let url = start;
  let method: 'HEAD' | 'GET' = 'HEAD';
  let redirects = 0;
  for (;;) {
    await pace.wait();
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        redirect: 'manual',
        headers: { 'user-agent': settings.userAgent, accept: '*/*' },
        signal: AbortSignal.timeout(settings.timeoutMs),
      });
      // Only the status matters; let the connection go rather than download the page.
      await response.body?.cancel().catch(() => undefined);
    } catch (error) {
      return { ok: false, statusCode: null, error: errorText(error, settings.timeoutMs) };
    }
    const status = response.status;
    if (method === 'HEAD' && (status === 405 || status === 501)) {
      method = 'GET';
      continue;
    }
    const location = response.headers.get('location');
    if (REDIRECTS.has(status) && location) {
      if (redirects >= settings.maxRedirects) {
        return { ok: false, statusCode: status, error: `More than ${settings.maxRedirects} redirects` };
      }
      const next = (() => {
        try {
          return new URL(location, url);
        } catch {
          return null;
        }
      })();
      if (!next || (next.protocol !== 'http:' && next.protocol !== 'https:')) {
        return { ok: false, statusCode: status, error: `Redirected to an address that is not a web page: ${location}` };
      }
      redirects++;
      url = next;
      continue;
    }
    return { ok: status >= 200 && status <= 399, statusCode: status, error: null };
  }
}

/** Checks each target's website in turn and records every result in link_check. */
export async function checkLinks(db: Kysely<DatabaseSchema>, targets: LinkTarget[], options: LinkCheckOptions = {}): Promise<LinkCheckReport> {
  const perSecond = options.perSecond ?? DEFAULT_PER_SECOND;
  if (!(perSecond > 0)) throw new Error(`The number of requests a second must be more than 0, not ${perSecond}.`);
  const settings = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    userAgent: options.userAgent ?? linkCheckUserAgent(),
    maxRedirects: options.maxRedirects ?? MAX_REDIRECTS,
  };
  const now = options.now ?? (() => new Date());
  const pace = new Pace(1000 / perSecond);
  const report: LinkCheckReport = { results: [], skipped: [], ok: 0, failed: 0 };
  options.onProgress?.(0, targets.length);
  for (const [index, target] of targets.entries()) {
    const url = httpUrl(target.url);
    if (!url) {
      report.skipped.push(target);
    } else {
      const outcome = await checkOne(url, pace, settings);
      const result: LinkCheckResult = { serviceId: target.serviceId, url: target.url, ...outcome, checkedAt: now().toISOString() };
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('link_check')
          .values({
            service_id: result.serviceId,
            url: result.url,
            checked_at: result.checkedAt,
            ok: result.ok ? 1 : 0,
            status_code: result.statusCode,
            error: result.error,
          })
          .execute();
        // So that a website failing again shows in search now, not at the next rebuild.
        await queueSearchChanges(trx, [result.serviceId], result.checkedAt);
      });
      report.results.push(result);
      if (result.ok) report.ok++;
      else report.failed++;
    }
    options.onProgress?.(index + 1, targets.length);
  }
  return report;
}
