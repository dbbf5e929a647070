// How old a listing may get before it is flagged, from content/freshness/settings.json.
import { z } from 'zod';
import settingsJson from '../../../content/freshness/settings.json';
import { getTaxonomy } from '../taxonomy/taxonomy';

const months = z.number().int().min(1).max(60);

export const freshnessSettingsSchema = z.object({
  /** How often a listing should be checked, in months, unless its category says otherwise. */
  review_months: months,
  /** Shorter (or longer) intervals for some categories, by category code. */
  review_months_by_category: z.record(z.string(), months),
  /** Funding ending within this many days is worth a call. */
  funding_ending_soon_days: z.number().int().min(1).max(365),
  /** Space for new people not updated for this many months is not known. */
  capacity_months: months,
  /** This many days after a check fell due (the urgent reminder), an unchecked listing is stale. */
  stale_days_after_due: z.number().int().min(1).max(365),
  /** The website counts as unreachable after this many failed checks in a row. */
  failed_link_checks: z.number().int().min(1).max(10),
});

export type FreshnessSettings = z.infer<typeof freshnessSettingsSchema>;

let cached: FreshnessSettings | undefined;

export function getFreshnessSettings(): FreshnessSettings {
  if (cached) return cached;
  const parsed = freshnessSettingsSchema.safeParse(settingsJson);
  if (!parsed.success) {
    throw new Error(`content/freshness/settings.json is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const codes = new Set(getTaxonomy().categories.map((term) => term.id));
  const unknown = Object.keys(parsed.data.review_months_by_category).filter((code) => !codes.has(code));
  if (unknown.length) throw new Error(`content/freshness/settings.json names categories that do not exist: ${unknown.join(', ')}`);
  cached = parsed.data;
  return cached;
}
