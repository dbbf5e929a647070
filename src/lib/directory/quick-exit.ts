// Which pages offer "Exit this page" (GOV.UK's quick exit): those about services for people who
// may be watched at home. One list of categories, read by the search page and the service page.
import { getTaxonomy } from '../taxonomy/taxonomy';

/** Category codes whose services need a quick way out. */
export const QUICK_EXIT_CATEGORIES = ['domestic-abuse'] as const;

/** Where "Exit this page" goes: an everyday page that gives nothing away (as GOV.UK does). */
export const QUICK_EXIT_URL = 'https://www.bbc.co.uk/weather';

const quickExitNames = () => new Set(QUICK_EXIT_CATEGORIES.map((code) => getTaxonomy().categoryByCode.get(code)?.name).filter(Boolean));

/** True when a search asks for such a category, or any result shown is in one (results give category names). */
export function needsQuickExit(chosenCategories: readonly string[], resultCategoryNames: readonly (readonly string[])[]): boolean {
  if (chosenCategories.some((code) => (QUICK_EXIT_CATEGORIES as readonly string[]).includes(code))) return true;
  const names = quickExitNames();
  return resultCategoryNames.some((list) => list.some((name) => names.has(name)));
}

/** True when a service is in such a category (by its category codes). */
export function serviceNeedsQuickExit(categoryCodes: readonly string[]): boolean {
  return categoryCodes.some((code) => (QUICK_EXIT_CATEGORIES as readonly string[]).includes(code));
}
