// The API's service filters run through the site's SearchBackend, so a search here and on the
// site agree. What the site's query model has no filter for (modified_after, minimum_age and
// maximum_age as the UK profile means them, start_time and end_time, taxonomy_id, terms of
// other taxonomies) is applied after, from the directory's own tables.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/types';
import type { App } from '../../app';
import { EMPTY_QUERY, type SearchQuery } from '../../search/filters';
import { searchOrigin, type SearchOrigin } from '../../search/search-origin';
import { getTaxonomy } from '../../taxonomy/taxonomy';
import { isCurrent, minutesOf, parseByDay } from '../../directory/schedule-text';
import { DAYS } from '../../search/filters';
import { todayInUk } from '../../dates';
import { serviceIds } from '../../directory/service-reader';
import type { ApiParameterError } from './responses';
import type { ServiceParameters } from './parameters';
import type { SpellingCorrection } from '../../search/spelling';

type Db = Kysely<DatabaseSchema>;

export interface PlannedSearch {
  query: SearchQuery;
  origin: SearchOrigin | null;
  /** Null when the search backend does all the filtering. */
  after: ((db: Db) => Promise<Set<string>>) | null;
}

export type Plan = { ok: true; plan: PlannedSearch } | { ok: false; errors: ApiParameterError[] };

/** Turns the API's parameters into the site's query, and the filters the query cannot hold. */
export async function planSearch(db: Db, parameters: ServiceParameters): Promise<Plan> {
  const errors: ApiParameterError[] = [];
  const taxonomy = getTaxonomy();
  const query: SearchQuery = {
    ...EMPTY_QUERY,
    q: parameters.search,
    day: parameters.days,
    // A feed serves every service with its status; consumers choose what to show.
    include_closed: true,
  };
  const filters: ((db: Db) => Promise<Set<string>>)[] = [];

  if (parameters.taxonomyTermId) {
    const id = parameters.taxonomyTermId;
    const category = taxonomy.categoryByUuid.get(id);
    const access = taxonomy.accessibilityByUuid.get(id);
    if (category) query.category = [category.id];
    else if (access) query.access = [access.id];
    else if (await db.selectFrom('taxonomy_term').select('id').where('id', '=', id).executeTakeFirst()) {
      filters.push((db) => servicesWithTerms(db, 'taxonomy_term_id', id));
    } else {
      errors.push({ parameter: 'taxonomy_term_id', message: `"${id.slice(0, 60)}" is not a taxonomy term here. /taxonomy_terms lists them.` });
    }
  }
  if (parameters.taxonomyId) {
    const id = parameters.taxonomyId;
    const known =
      (await db.selectFrom('taxonomy').select('id').where('id', '=', id).executeTakeFirst()) ??
      (await db.selectFrom('taxonomy_term').select('id').where('taxonomy_id', '=', id).executeTakeFirst());
    if (known) filters.push((db) => servicesWithTerms(db, 'taxonomy_id', id));
    else errors.push({ parameter: 'taxonomy_id', message: `"${id.slice(0, 60)}" is not a taxonomy here. /taxonomies lists them.` });
  }

  let origin: SearchOrigin | null = null;
  if (parameters.postcode) {
    query.near = parameters.postcode;
    query.sort = 'distance';
    const found = await searchOrigin(db, query);
    if (found.error) {
      errors.push({ parameter: 'postcode', message: found.error.message });
    } else {
      origin = found.origin;
      if (parameters.proximityMetres !== null) query.radius_km = parameters.proximityMetres / 1000;
    }
  }

  if (parameters.modifiedAfter !== null || parameters.minimumAge !== null || parameters.maximumAge !== null) {
    const { modifiedAfter, minimumAge, maximumAge } = parameters;
    filters.push(async (db) => {
      const rows = await db.selectFrom('service').select(['id', 'last_modified', 'minimum_age', 'maximum_age']).execute();
      return new Set(
        rows
          .filter((row) => {
            if (modifiedAfter !== null) {
              const modified = row.last_modified ? Date.parse(row.last_modified) : NaN;
              if (!(modified >= modifiedAfter)) return false;
            }
            // "A minimum age of at least": no minimum is taken as 0; no maximum as none (never at most).
            if (minimumAge !== null && !((row.minimum_age ?? 0) >= minimumAge)) return false;
            if (maximumAge !== null && !(row.maximum_age !== null && row.maximum_age <= maximumAge)) return false;
            return true;
          })
          .map((row) => row.id),
      );
    });
  }
  if (parameters.startTime !== null || parameters.endTime !== null) {
    filters.push((db) => servicesWithSession(db, parameters));
  }
  if (errors.length) return { ok: false, errors };
  const after = filters.length
    ? async (db: Db) => {
        let allowed = await filters[0]!(db);
        for (const filter of filters.slice(1)) {
          const ids = await filter(db);
          allowed = new Set([...allowed].filter((id) => ids.has(id)));
        }
        return allowed;
      }
    : null;
  return { ok: true, plan: { query, origin, after } };
}

/** Services carrying a term (by term id, or any term of a taxonomy), on the service or at one of its places. */
async function servicesWithTerms(db: Db, column: 'taxonomy_term_id' | 'taxonomy_id', id: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('attribute')
    .innerJoin('taxonomy_term', 'taxonomy_term.id', 'attribute.taxonomy_term_id')
    .select(['attribute.link_id', 'attribute.link_entity'])
    .where(column === 'taxonomy_term_id' ? 'attribute.taxonomy_term_id' : 'taxonomy_term.taxonomy_id', '=', id)
    .where('attribute.link_entity', 'in', ['service', 'location'])
    .execute();
  const services = new Set(rows.filter((row) => row.link_entity === 'service').map((row) => row.link_id));
  const locations = rows.filter((row) => row.link_entity === 'location').map((row) => row.link_id);
  if (locations.length) {
    const sals = await db.selectFrom('service_at_location').select(['service_id', 'location_id']).execute();
    const wanted = new Set(locations);
    for (const sal of sals) if (wanted.has(sal.location_id)) services.add(sal.service_id);
  }
  return services;
}

/**
 * Services with a session still running (not ended) that opens at or after start_time and closes
 * at or before end_time, on one of the days asked for when `day` is given.
 */
async function servicesWithSession(db: Db, parameters: ServiceParameters): Promise<Set<string>> {
  const today = todayInUk();
  const wantedDays = parameters.days.map((day) => DAYS.indexOf(day));
  const rows = await db.selectFrom('schedule').select(['service_id', 'opens_at', 'closes_at', 'byday', 'freq', 'bymonthday', 'valid_to']).execute();
  const found = new Set<string>();
  for (const row of rows) {
    if (found.has(row.service_id) || !isCurrent(row, today)) continue;
    const opens = minutesOf(row.opens_at);
    const closes = minutesOf(row.closes_at);
    if (parameters.startTime !== null && (opens === null || opens < parameters.startTime)) continue;
    if (parameters.endTime !== null && (closes === null || closes > parameters.endTime)) continue;
    if (wantedDays.length) {
      const days = parseByDay(row.byday).map((part) => part.day);
      const everyDay = !days.length && row.freq === 'MONTHLY' && row.bymonthday;
      if (!everyDay && !days.some((day) => wantedDays.includes(day))) continue;
    }
    found.add(row.service_id);
  }
  return found;
}

export interface FoundServices {
  total: number;
  /** The ids asked for, in the backend's order: one page, or all of them. */
  ids: string[];
  /** The search's words as corrected, when they were misspelt (as on the site's search). */
  corrected: SpellingCorrection | null;
}

/**
 * Runs a planned search: one page of ids, or (page null) every matching id in order. With
 * anyOrder (a download), a search with no filters at all gives every id in id order.
 */
export async function findServices(
  app: App,
  plan: PlannedSearch,
  page: { page: number; perPage: number } | null,
  { anyOrder = false } = {},
): Promise<FoundServices> {
  const options = { origin: plan.origin };
  if (!plan.after && page) {
    const result = await app.search.search({ ...plan.query, page: page.page, per_page: page.perPage }, options);
    return { total: result.total, ids: result.hits.map((hit) => hit.document.id), corrected: result.corrected ?? null };
  }
  // The whole directory (a full download): read the ids, not every search document.
  const q = plan.query;
  const everything = anyOrder && !plan.after && !q.q && !q.near && !q.category.length && !q.access.length && !q.day.length;
  const { ids, corrected } = everything ? { ids: await serviceIds(app.directory.db), corrected: null } : await allIds(app, plan.query, options);
  const allowed = plan.after ? await plan.after(app.directory.db) : null;
  const kept = allowed ? ids.filter((id) => allowed.has(id)) : ids;
  if (!page) return { total: kept.length, ids: kept, corrected };
  const start = (page.page - 1) * page.perPage;
  return { total: kept.length, ids: kept.slice(start, start + page.perPage), corrected };
}

/** Every id the backend finds for a query, in its order (one page as long as the directory). */
async function allIds(
  app: App,
  query: SearchQuery,
  options: { origin: SearchOrigin | null },
): Promise<{ ids: string[]; corrected: SpellingCorrection | null }> {
  const services = await app.directory.db
    .selectFrom('service')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  const perPage = Math.max(1, Number(services.count), await app.search.count());
  const result = await app.search.search({ ...query, page: 1, per_page: perPage }, options);
  return { ids: result.hits.map((hit) => hit.document.id), corrected: result.corrected ?? null };
}
