// When a search backend's documents were last all built, and by which version of the document
// builder: each backend keeps this with its own documents (SearchBackend.markAllBuilt and
// needsRebuild); the rule for "out of date" is the same for all, here.
import { dayNumber } from '../dates';
import { SEARCH_DOCUMENT_VERSION } from './search-document';

export interface BuildState {
  /** dayNumber() of the day every document was last built for; null if never. */
  day: number | null;
  /** SEARCH_DOCUMENT_VERSION of the code that built them; null if never. */
  documentVersion: number | null;
}

/** What a backend records once every document has been built for `today` by this code. */
export function builtToday(today: string): { day: number; documentVersion: number } {
  return { day: dayNumber(today), documentVersion: SEARCH_DOCUMENT_VERSION };
}

/**
 * Must the documents be built again: built for an earlier day than today (so their schedule and
 * cost wording may be out of date), never, or by a version of this code that built them differently?
 */
export function isOutOfDate(state: BuildState, today: string): boolean {
  return state.day === null || state.day < dayNumber(today) || state.documentVersion !== SEARCH_DOCUMENT_VERSION;
}
