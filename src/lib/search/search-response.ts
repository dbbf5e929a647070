// The JSON shape of a search, shared by GET /api/search and anything else that serves results.
import type { FacetCounts, SearchQuery } from './filters';
import type { FreshnessStatus } from '../freshness/rules';
import { distanceKm, distanceText, type Point } from '../geo/distance';
import type { Reach, SearchHit, SearchResult, ShownDocument } from './search-backend';
import { servicePath } from '../service-paths';

export interface SearchResponseResult {
  id: string;
  name: string;
  organization: { id: string; name: string };
  description: string;
  categories: readonly string[];
  cost: string;
  schedule_text: string;
  delivery_modes: readonly string[];
  /** They visit people at home. */
  home_visits: boolean;
  /** Where it happens, in a few words; empty when it has no place (by phone or online). */
  where: string;
  /** Its places with positions, for a map. */
  places: readonly { readonly name: string; readonly latitude: number; readonly longitude: number }[];
  /** From the searched place (`near`): kilometres to its nearest place, and that in words. */
  distance_km: number | null;
  distance_text: string | null;
  /** From the searched place: 'place' (has a distance), 'area' (covers it), 'remote' (phone or online), 'unknown'. */
  reach: Reach | null;
  referral_routes: readonly string[];
  /** Plain English names of the languages spoken there. */
  languages: readonly string[];
  capacity_status: string | null;
  waiting_weeks: number | null;
  status: string;
  alert: string | null;
  assured_date: string | null;
  /** Can it be trusted as it stands: status ok, check or stale, and why, in words. */
  freshness: {
    status: FreshnessStatus;
    flags: { flag: string; severity: string; message: string }[];
    assured_date: string | null;
    funding_end_date: string | null;
  };
  url: string;
}

export interface SearchResponse {
  total: number;
  page: number;
  per_page: number;
  total_pages: number;
  /** "all" when every word matched, "any" when only some did, null without words. */
  matched: 'all' | 'any' | null;
  /**
   * When words were misspelt, the search that ran instead ("lonely" for "lonley") and each word
   * put right; null when the words ran as typed. as_typed=1 searches the words as typed.
   */
  corrected: { q: string; words: { from: string; to: string }[] } | null;
  results: SearchResponseResult[];
  facets: FacetCounts | undefined;
}

export function serviceUrl(id: string): string {
  return servicePath(id);
}

export function toSearchResponse(query: SearchQuery, result: SearchResult, origin: Point | null = null): SearchResponse {
  return {
    total: result.total,
    page: result.page,
    per_page: result.perPage,
    total_pages: Math.ceil(result.total / query.per_page),
    matched: result.matched,
    corrected: result.corrected ?? null,
    results: result.hits.map((hit) => toResponseResult(hit.document, hit, origin)),
    facets: result.facets,
  };
}

/** With a searched place, a service with several places is shown at its nearest. */
function whereText(document: ShownDocument, origin: Point | null): string {
  const places = document.places ?? [];
  if (!origin || places.length < 2) return document.placeText ?? '';
  const nearest = places.reduce((best, place) => (distanceKm(origin, place) < distanceKm(origin, best) ? place : best));
  return `${nearest.name}, the nearest of its ${places.length} places`;
}

export function toResponseResult(document: ShownDocument, hit?: Pick<SearchHit, 'distanceKm' | 'reach'>, origin: Point | null = null): SearchResponseResult {
  const distanceKm = hit?.distanceKm ?? null;
  return {
    id: document.id,
    name: document.name,
    organization: document.organization,
    description: document.description,
    categories: document.categoryNames,
    cost: document.costText,
    schedule_text: document.scheduleText,
    delivery_modes: document.deliveryModes,
    home_visits: document.homeVisits ?? false,
    where: whereText(document, origin),
    places: document.places ?? [],
    distance_km: distanceKm === null ? null : Math.round(distanceKm * 100) / 100,
    distance_text: distanceKm === null ? null : distanceText(distanceKm),
    reach: hit?.reach ?? null,
    referral_routes: document.referralRoutes,
    languages: document.languages ?? [],
    capacity_status: document.capacityStatus,
    waiting_weeks: document.waitingWeeks,
    status: document.status,
    alert: document.alert,
    assured_date: document.assuredDate,
    freshness: document.freshness
      ? {
          status: document.freshness.status,
          flags: document.freshness.flags.map(({ flag, severity, sentence }) => ({ flag, severity, message: sentence })),
          assured_date: document.freshness.assured_date,
          funding_end_date: document.freshness.funding_end_date,
        }
      : { status: 'ok', flags: [], assured_date: document.assuredDate, funding_end_date: null },
    url: serviceUrl(document.id),
  };
}
