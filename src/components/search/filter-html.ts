// The search filters written as HTML text (src/lib/html/template.ts): about a hundred choices,
// each with its count, on every search page. As Astro components they cost more to render than
// the search (docs/performance.md). The .astro components of the same names write these, so a
// field looks the same on every form.
import {
  COST_BANDS,
  DAYS,
  DEFAULT_WALK_KM,
  DELIVERY_MODES,
  RADIUS_FACETS,
  REFERRAL_ROUTES,
  TIMES_OF_DAY,
  TRANSPORT_OPTIONS,
  type FacetCounts,
  type Parameter,
  type SearchQuery,
} from '../../lib/search/filters';
import { COST_LABELS, DAY_LABELS, MODE_LABELS, REFERRAL_LABELS, TIME_LABELS, TRANSPORT_LABELS } from '../../lib/search/labels';
import { getTaxonomy } from '../../lib/taxonomy/taxonomy';
import type { CategoryTerm } from '../../lib/taxonomy/schema';
import { languageName } from '../../lib/search/languages';
import { attribute, html, Html } from '../../lib/html/template';
import { CAPACITY_FILTER_LABELS, FIELD_LABELS } from './filter-labels';

/** One error message, shown beside the field it is about. */
export function fieldErrorHtml(id: string, message: string | undefined): Html {
  return message ? html`<p class="field-error" id="${id}"><span class="visually-hidden">Error: </span>${message}</p>` : html``;
}

/** An option's words followed by how many services it would give: "Free (12)". */
export function choiceLabelHtml(label: string, count?: number): Html {
  return count === undefined
    ? html`${label}`
    : html`${label} <span class="count">(${count}<span class="visually-hidden"> ${count === 1 ? 'service' : 'services'}</span>)</span>`;
}

const withError = (classes: string, error: string | undefined) => (error ? `${classes} field--error` : classes);
const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

export interface ChoiceOption {
  value: string;
  label: string;
  count?: number | undefined;
  checked: boolean;
}

export interface ChoiceFilterProps {
  type?: 'checkbox' | 'radio';
  name: string;
  legend: string;
  hint?: string | undefined;
  options: readonly ChoiceOption[];
  error?: string | undefined;
}

/** A filter shown as checkboxes (any number of answers) or radio buttons (one), each with its count; chosen values stay chosen. */
export function choiceFilterHtml({ type = 'checkbox', name, legend, hint, options, error }: ChoiceFilterProps): Html {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const choices = options.map((option, index) => {
    const id = index === 0 ? name : `${name}-${option.value || 'any'}`;
    return html`<li class="choice"><input type="${type}" id="${id}" name="${name}"${attribute('value', option.value)}${attribute('checked', option.checked)}> <label for="${id}">${choiceLabelHtml(option.label, option.count)}</label></li>`;
  });
  return html`<fieldset class="${withError('filters__group', error)}"${attribute('aria-describedby', describedBy(hint && hintId, error && errorId))}><legend>${legend}</legend>${hint ? html`<p class="hint" id="${hintId}">${hint}</p>` : ''}${fieldErrorHtml(errorId, error)}<ul class="choices">${choices}</ul></fieldset>`;
}

export interface NumberFieldProps {
  name: string;
  label: string;
  hint?: string | undefined;
  value: string;
  error?: string | undefined;
  /** "£" for money. */
  prefix?: string | undefined;
  decimal?: boolean | undefined;
}

/**
 * A number typed in as text (easier on phones and screen readers than type="number"). After a
 * mistake it shows what the person typed, so they can see and fix it.
 */
export function numberFieldHtml({ name, label, hint, value, error, prefix, decimal = false }: NumberFieldProps): Html {
  const hintId = `${name}-hint`;
  const errorId = `${name}-error`;
  const input = html`<input type="text" class="input--short" id="${name}" name="${name}"${attribute('value', value)} inputmode="${decimal ? 'decimal' : 'numeric'}" spellcheck="false" autocomplete="off"${attribute('aria-describedby', describedBy(hint && hintId, error && errorId))}${attribute('aria-invalid', error ? 'true' : undefined)}>`;
  return html`<div class="${withError('field filters__group', error)}"><label for="${name}">${label}</label>${hint ? html`<p class="hint" id="${hintId}">${hint}</p>` : ''}${fieldErrorHtml(errorId, error)}${
    prefix ? html`<div class="prefix-input"><span class="prefix-input__prefix" aria-hidden="true">${prefix}</span> ${input}</div>` : input
  }</div>`;
}

/**
 * Category checkboxes for one level of the tree. A category's own choices (its children) are
 * shown under it once it, or one of them, is chosen, so the list stays short without scripts.
 * The first checkbox of the whole list has the id "category", for the error summary to link to.
 */
function categoryChoicesHtml(
  terms: readonly CategoryTerm[],
  childrenOf: Map<string, CategoryTerm[]>,
  open: Set<string>,
  chosen: Set<string>,
  counts: Record<string, number>,
  firstId: boolean,
): Html {
  return html`<ul class="choices">${terms.map((term, index) => {
    const id = firstId && index === 0 ? 'category' : `category-${term.id}`;
    const children = childrenOf.get(term.id) ?? [];
    return html`<li class="choice--nested"><div class="choice"><input type="checkbox" id="${id}" name="category" value="${term.id}"${attribute('checked', chosen.has(term.id))}> <label for="${id}">${choiceLabelHtml(term.name, counts[term.id] ?? 0)}</label></div>${
      children.length > 0 && open.has(term.id) ? categoryChoicesHtml(children, childrenOf, open, chosen, counts, false) : ''
    }</li>`;
  })}</ul>`;
}

/** The "Type of help" filter: top-level categories, and the chosen category's own choices. */
export function categoryFilterHtml(legend: string, chosen: readonly string[], counts: Record<string, number>, error: string | undefined): Html {
  const taxonomy = getTaxonomy();
  const childrenOf = new Map<string, CategoryTerm[]>();
  for (const term of taxonomy.categories) {
    if (term.parent) childrenOf.set(term.parent, [...(childrenOf.get(term.parent) ?? []), term]);
  }
  const topLevel = taxonomy.categories.filter((term) => !term.parent);
  const open = new Set(chosen.flatMap((code) => taxonomy.ancestorsOf(code)));
  const hintId = 'category-hint';
  const errorId = 'category-error';
  return html`<fieldset class="${withError('filters__group', error)}" aria-describedby="${describedBy(hintId, error && errorId)}"><legend>${legend}</legend><p class="hint" id="${hintId}">Tick a type of help, then press “Show results” to see more detailed choices.</p>${fieldErrorHtml(errorId, error)}${categoryChoicesHtml(topLevel, childrenOf, open, new Set(chosen), counts, true)}</fieldset>`;
}

export interface SearchFiltersProps {
  query: SearchQuery;
  /** Whether the search has a place to measure from (a near= that was found). */
  hasPlace: boolean;
  facets: FacetCounts;
  errors: Partial<Record<Parameter, string>>;
  /** The request's own parameters, to show back a number the person typed that we could not use. */
  raw: URLSearchParams;
  clearHref: string;
}

/** Every search filter, as fieldsets inside the search form, each option with its count and each error beside its own filter. */
export function searchFiltersHtml({ query, hasPlace, facets, errors, raw, clearHref }: SearchFiltersProps): Html {
  const taxonomy = getTaxonomy();
  const options = <T extends string>(values: readonly T[], labels: Record<T, string>, counts: Record<T, number>, chosen: readonly T[]) =>
    values.map((value) => ({ value, label: labels[value], count: counts[value], checked: chosen.includes(value) }));
  const numberValue = (parameter: 'age' | 'max_cost' | 'walk_km') => {
    const value = query[parameter];
    if (errors[parameter])
      return (
        raw
          .getAll(parameter)
          .filter((v) => v.trim() !== '')
          .at(-1) ?? ''
      ).slice(0, 40);
    return value === null ? '' : String(value);
  };
  const capacity = facets.capacity;
  const capacityOptions = [
    { value: '', label: CAPACITY_FILTER_LABELS.any, count: capacity.accepting + capacity.waiting_list + capacity.unknown + capacity.full + capacity.paused },
    { value: 'available', label: CAPACITY_FILTER_LABELS.available, count: capacity.accepting + capacity.waiting_list + capacity.unknown },
    { value: 'accepting', label: CAPACITY_FILTER_LABELS.accepting, count: capacity.accepting },
  ].map((option) => ({ ...option, checked: option.value === (query.capacity ?? '') }));
  // Distance and walking need a place; without one they are left out rather than shown and ignored.
  const radiusOptions = hasPlace
    ? [
        { value: '', label: 'Any distance', count: undefined, checked: query.radius_km === null },
        ...[...new Set([...RADIUS_FACETS, ...(query.radius_km !== null ? [query.radius_km] : [])])]
          .sort((a, b) => a - b)
          .map((km) => ({
            value: String(km),
            label: `Within ${km} km`,
            count: facets.radius_km[String(km)],
            checked: query.radius_km === km,
          })),
      ]
    : [];
  const transportOptions = TRANSPORT_OPTIONS.filter((option) => hasPlace || option !== 'walk').map((option) => ({
    value: option,
    label: option === 'walk' ? `Within walking distance (${query.walk_km ?? DEFAULT_WALK_KM} km)` : TRANSPORT_LABELS[option],
    count: facets.transport[option],
    checked: query.transport.includes(option),
  }));
  const accessOptions = taxonomy.accessibility.map((term) => ({
    value: term.id,
    label: term.name,
    count: facets.access[term.id] ?? 0,
    checked: query.access.includes(term.id),
  }));
  // Only the languages the directory's services speak, by name; one already chosen stays shown.
  const languageOptions = Object.entries(facets.language ?? {})
    .filter(([key, count]) => count > 0 || query.language.includes(key))
    .map(([key, count]) => ({ value: key, label: languageName(key), count, checked: query.language.includes(key) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));

  const radius = hasPlace
    ? choiceFilterHtml({
        type: 'radio',
        name: 'radius_km',
        legend: FIELD_LABELS.radius_km,
        hint: 'Services that cover your area, or work by phone or online, are always shown.',
        options: radiusOptions,
        error: errors.radius_km,
      })
    : html`<div class="filters__group"><p class="filters__note"><strong>${FIELD_LABELS.radius_km}:</strong> enter a postcode or place in “Near” to search by distance.</p>${
        errors.radius_km ? html`<p class="field-error" id="radius_km"><span class="visually-hidden">Error: </span>${errors.radius_km}</p>` : ''
      }</div>`;
  const language =
    languageOptions.length > 0
      ? choiceFilterHtml({
          name: 'language',
          legend: FIELD_LABELS.language,
          hint: 'Services where staff or volunteers speak or sign it. Tick more than one to see any of them.',
          options: languageOptions,
          error: errors.language,
        })
      : errors.language
        ? html`<div class="filters__group">${fieldErrorHtml('language', errors.language)}</div>`
        : '';

  return html`<section class="filters" aria-labelledby="filters-heading"><h3 id="filters-heading">Filter results</h3><p>Choose what matters to you, then press “Show results”.</p>${[
    categoryFilterHtml(FIELD_LABELS.category, query.category, facets.category, errors.category),
    radius,
    choiceFilterHtml({
      name: 'transport',
      legend: FIELD_LABELS.transport,
      hint: 'Shows only services that have everything you tick.',
      options: transportOptions,
      error: errors.transport,
    }),
    hasPlace && query.transport.includes('walk')
      ? numberFieldHtml({
          name: 'walk_km',
          label: 'How far you can walk',
          hint: `In kilometres, for example 1 or 0.5. Leave empty for ${DEFAULT_WALK_KM} km.`,
          value: numberValue('walk_km'),
          error: errors.walk_km,
          decimal: true,
        })
      : '',
    choiceFilterHtml({ name: 'cost', legend: FIELD_LABELS.cost, options: options(COST_BANDS, COST_LABELS, facets.cost, query.cost), error: errors.cost }),
    numberFieldHtml({
      name: 'max_cost',
      label: FIELD_LABELS.max_cost,
      hint: 'In pounds, for example 3 or 2.50. Leave empty for any amount.',
      value: numberValue('max_cost'),
      error: errors.max_cost,
      prefix: '£',
      decimal: true,
    }),
    choiceFilterHtml({ name: 'mode', legend: FIELD_LABELS.mode, options: options(DELIVERY_MODES, MODE_LABELS, facets.mode, query.mode), error: errors.mode }),
    choiceFilterHtml({ name: 'day', legend: FIELD_LABELS.day, options: options(DAYS, DAY_LABELS, facets.day, query.day), error: errors.day }),
    choiceFilterHtml({ name: 'time', legend: FIELD_LABELS.time, options: options(TIMES_OF_DAY, TIME_LABELS, facets.time, query.time), error: errors.time }),
    numberFieldHtml({
      name: 'age',
      label: FIELD_LABELS.age,
      hint: 'To show only services for someone your age. Leave empty to see all.',
      value: numberValue('age'),
      error: errors.age,
    }),
    choiceFilterHtml({
      name: 'referral',
      legend: FIELD_LABELS.referral,
      options: options(REFERRAL_ROUTES, REFERRAL_LABELS, facets.referral, query.referral),
      error: errors.referral,
    }),
    choiceFilterHtml({
      name: 'access',
      legend: FIELD_LABELS.access,
      hint: 'Shows only places that have everything you tick.',
      options: accessOptions,
      error: errors.access,
    }),
    language,
    choiceFilterHtml({ type: 'radio', name: 'capacity', legend: FIELD_LABELS.capacity, options: capacityOptions, error: errors.capacity }),
    choiceFilterHtml({
      name: 'fresh',
      legend: FIELD_LABELS.fresh,
      error: errors.fresh,
      options: [{ value: '1', label: 'Only services checked recently, with nothing reported wrong', count: facets.fresh, checked: query.fresh }],
    }),
    choiceFilterHtml({
      name: 'include_closed',
      legend: FIELD_LABELS.include_closed,
      error: errors.include_closed,
      options: [
        {
          value: '1',
          label: 'Also show services that are closed or paused',
          count: query.include_closed ? undefined : facets.closed,
          checked: query.include_closed,
        },
      ],
    }),
  ]}<div class="filters__actions"><button type="submit">Show results</button> <a href="${clearHref}">Clear all filters</a></div></section>`;
}
