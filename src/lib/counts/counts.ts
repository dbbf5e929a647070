// Anonymous counts for link workers and the panel: "referred or signposted to this service" and
// "nothing suitable found for this need" (and searches that found nothing). Only aggregate facts
// are stored: a day, a service or a category, an area, a reason and a count. Never who recorded it,
// never anything about the client, never the words someone searched for.
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DatabaseSchema, UnmetNeedReason } from '../db/types';
import { todayInUk } from '../dates';
import { areaById, areasContaining, getAreas } from '../geo/areas';
import { councilOfAreaId } from '../geo/councils';
import { getTaxonomy } from '../taxonomy/taxonomy';
import { REFERRAL_KIND, UNMET_NEED_CHOSEN_REASON, UNMET_NEED_REASON } from '../vocabulary';

export const REFERRAL_KINDS = REFERRAL_KIND.values;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

/** The reasons a person can choose, in plain words (no_results is counted by the search itself). */
export const UNMET_REASON_LABELS: Readonly<Record<UnmetNeedReason, string>> = UNMET_NEED_REASON.labels;
export const CHOSEN_REASONS = UNMET_NEED_CHOSEN_REASON.values;
export const ALL_REASONS = UNMET_NEED_REASON.values;

const realArea = z
  .string()
  .trim()
  .max(100)
  .refine((id) => id === '' || areaById(id) !== undefined || councilOfAreaId(id) !== undefined, 'Choose an area from the list.');
const realCategory = z
  .string()
  .trim()
  .max(100)
  .refine((id) => id === '' || getTaxonomy().categoryByCode.has(id), 'Choose a type of help from the list.');

export const referralSchema = z.object({
  service: z.string().trim().min(1, 'Which service is missing.').max(100),
  kind: REFERRAL_KIND.schema('Choose Referred or Signposted.'),
  area: realArea.default(''),
});
export type ReferralInput = z.infer<typeof referralSchema>;

export const unmetNeedSchema = z.object({
  category: realCategory.default(''),
  area: realArea.default(''),
  reason: UNMET_NEED_CHOSEN_REASON.schema('Choose what was missing.'),
});
export type UnmetNeedInput = z.infer<typeof unmetNeedSchema>;

export type Recorded = { ok: true } | { ok: false; errors: Record<string, string> };

/** Adds one referral or signpost for the service, day and area: one upsert, in a transaction. */
export async function recordReferral(db: Kysely<DatabaseSchema>, input: unknown, day = todayInUk()): Promise<Recorded> {
  const parsed = referralSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const { service, kind, area } = parsed.data;
  return db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('service').select('id').where('id', '=', service).executeTakeFirst();
    if (!found) return { ok: false, errors: { service: 'That service is not in the directory.' } } as Recorded;
    await trx
      .insertInto('referral_count')
      .values({ day, service_id: service, kind, area_id: area, count: 1 })
      .onConflict((oc) => oc.columns(['day', 'service_id', 'kind', 'area_id']).doUpdateSet({ count: sql`referral_count.count + 1` }))
      .execute();
    return { ok: true } as Recorded;
  });
}

/** Adds one unmet need for the day, category, area and reason: one upsert, in a transaction. */
export async function recordUnmetNeed(db: Kysely<DatabaseSchema>, input: unknown, day = todayInUk()): Promise<Recorded> {
  const parsed = unmetNeedSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  await addUnmetNeed(db, day, parsed.data.category, parsed.data.area, parsed.data.reason);
  return { ok: true };
}

async function addUnmetNeed(db: Kysely<DatabaseSchema>, day: string, category: string, area: string, reason: UnmetNeedReason): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('unmet_need_count')
      .values({ day, category_id: category, area_id: area, reason, count: 1 })
      .onConflict((oc) => oc.columns(['day', 'category_id', 'area_id', 'reason']).doUpdateSet({ count: sql`unmet_need_count.count + 1` }))
      .execute();
  });
}

/**
 * The area a search's place lies in: the most specific of ours (the postcode's ward, when we have
 * an area of that name), else the council its postcode is in, or '' when none.
 */
export function areaOfPlace(place: { latitude: number; longitude: number; areaIds?: string[] } | null | undefined): string {
  if (!place) return '';
  const areas = getAreas();
  const known = (place.areaIds ?? []).find((id) => areaById(id, areas));
  if (known) return known;
  const inside = areasContaining(place, areas)[0]?.id;
  if (inside) return inside;
  return (place.areaIds ?? []).find((id) => councilOfAreaId(id)) ?? '';
}

/** Searches that found nothing counted from one address in an hour, at most. */
export const EMPTY_SEARCHES_COUNTED_PER_HOUR = 20;

/**
 * A search that found nothing: counted by its first chosen category and the area of its place.
 * The words searched for are never stored. Call only for a valid query's first page.
 */
export async function countEmptySearch(
  db: Kysely<DatabaseSchema>,
  query: { category: readonly string[] },
  place: { latitude: number; longitude: number; areaIds?: string[] } | null,
  day = todayInUk(),
): Promise<void> {
  const first = query.category[0] ?? '';
  const category = getTaxonomy().categoryByCode.has(first) ? first : '';
  await addUnmetNeed(db, day, category, areaOfPlace(place), 'no_results');
}

function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Where to send someone back to: a local path only, else their start page. */
export function safeBack(back: string | null | undefined, fallback = '/panel'): string {
  // No "//", "/./" or "/../" anywhere: once tidied up, each could become "//elsewhere".
  return back && /^\/[\x21-\x7e]*$/.test(back) && !/\/\.{0,2}\/|\\/.test(back) && back.length <= 1000 ? back : fallback;
}

/** The back path with "recorded=<what>" added and the form's anchor. */
export function withRecorded(back: string, what: string, anchor: string): string {
  const url = new URL(back, 'http://local');
  url.searchParams.set('recorded', what);
  return `${url.pathname}${url.search}#${anchor}`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The answer to a count that could not be recorded: 400, the reasons in words, and the way back. */
export function countRefused(errors: Record<string, string>, back: string): Response {
  const items = Object.values(errors)
    .map((message) => `<li>${escapeHtml(message)}</li>`)
    .join('');
  const html =
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Error: nothing was counted</title></head>' +
    `<body><main><h1>Nothing was counted</h1><div role="alert"><p>There is a problem:</p><ul>${items}</ul></div>` +
    `<p><a href="${escapeHtml(back)}">Go back and try again</a></p></main></body></html>`;
  return new Response(html, {
    status: 400,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex, nofollow' },
  });
}
