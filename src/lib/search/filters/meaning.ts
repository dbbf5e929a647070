// What each kind of filter meaning says about one search document, written plainly: the
// reference that every search backend is tested against (tests/unit/filter-engine.test.ts).
import type { Meaning } from './definition';
import { nearestKm, type Origin } from './distance';
import { DEFAULT_WALK_KM, featuresChosen } from './transport';
import { runsWhen } from './when';
import { FILTERS, type FilterFields, type SearchQuery } from './index';

/** How a document stands to the searched place: kilometres to its nearest place, and whether it covers the place's area. */
export function measure(fields: FilterFields, origin: Origin): { km: number; covers: boolean } {
  return { km: nearestKm(fields.points, origin), covers: fields.areas.some((id) => origin.areaIds.includes(id)) };
}

/** Does a document meet one filter of the query? */
export function meets(meaning: Meaning, fields: FilterFields, query: SearchQuery, origin: Origin | null): boolean {
  switch (meaning.kind) {
    case 'any-of': {
      const chosen = meaning.chosen(query);
      return chosen.length === 0 || (fields[meaning.field] as readonly string[]).some((value) => chosen.includes(value));
    }
    case 'all-of':
      return meaning.chosen(query).every((value) => (fields[meaning.field] as readonly string[]).includes(value));
    case 'at-most': {
      const most = meaning.chosen(query);
      const value = fields[meaning.field];
      return most === null || (value !== null && value <= most);
    }
    case 'range': {
      const value = meaning.chosen(query);
      const min = fields[meaning.min];
      const max = fields[meaning.max];
      return value === null || ((min === null || min <= value) && (max === null || max >= value));
    }
    case 'one-of': {
      const allowed = meaning.allowed(query);
      return allowed === null || allowed.includes(fields[meaning.field]);
    }
    case 'schedule':
      return runsWhen(fields, query.day, query.time);
    case 'distance': {
      if (query.radius_km === null || !origin) return true;
      const { km, covers } = measure(fields, origin);
      return km <= query.radius_km || covers || fields.remote;
    }
    case 'transport': {
      if (!featuresChosen(query.transport).every((feature) => fields.transport.includes(feature))) return false;
      if (!query.transport.includes('walk') || !origin) return true;
      return measure(fields, origin).km <= (query.walk_km ?? DEFAULT_WALK_KM);
    }
  }
}

/** Does a document pass every filter of the query? */
export function matchesFilters(fields: FilterFields, query: SearchQuery, origin: Origin | null = null): boolean {
  return FILTERS.every((filter) => meets(filter.meaning, fields, query, origin));
}
