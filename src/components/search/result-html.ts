// A search result and its parts written as HTML text (src/lib/html/template.ts), for the lists
// that show up to 50 at once: the search page, an organisation's page, urgent help. The .astro
// components of the same names (ServiceResult, AddToList, CheckedDate, FreshnessBanner) write
// these, so every page shows one markup.
import type { SearchResponseResult } from '../../lib/search/search-response';
import type { Reach } from '../../lib/search/search-backend';
import { CAPACITY_LABELS, MODE_LABELS } from '../../lib/search/labels';
import type { CapacityFacet, DeliveryMode } from '../../lib/search/filters';
import { markWords } from '../../lib/search/mark-words';
import { STATUS_LABELS, modesInWords, oneLine, organisationHref, telHref } from '../../lib/directory/service-words';
import type { HowToStart } from '../../lib/directory/how-to-start';
import type { FreshnessStatus } from '../../lib/freshness/rules';
import { backPathOf, listControlId, outcomeFor } from '../../lib/shortlists/current-shortlist';
import { MAX_SHORTLIST_SERVICES, type Shortlist } from '../../lib/shortlists/shortlists';
import { longDate } from '../../lib/dates';
import { attribute, html, Html } from '../../lib/html/template';

/** A date in full, "3 March 2026", in a <time>. */
export function dateHtml(date: string): Html {
  return html`<time datetime="${date.slice(0, 10)}">${longDate(date)}</time>`;
}

/** When someone last checked a service's details (its assured date), or that nobody has yet. */
export function checkedDateHtml(date: string | null | undefined, variant: 'short' | 'long' = 'short'): Html {
  const text = date
    ? variant === 'long'
      ? html`Information last checked on ${dateHtml(date)}.`
      : html`Checked on ${dateHtml(date)}`
    : variant === 'long'
      ? 'This information has not been checked yet. Please contact them before you go.'
      : 'Not checked yet';
  return html`<p class="checked">${text}</p>`;
}

export interface FreshnessMessage {
  message: string;
  severity: string;
}

/**
 * Why a listing may not be right as it stands (src/lib/freshness/rules.ts), in plain words: in a
 * result (brief), the most important reason; on the service page, every one.
 */
export function freshnessHtml(status: FreshnessStatus, messages: readonly FreshnessMessage[], brief = false): Html {
  const shown = (brief ? messages.filter((m) => m.severity !== 'info').slice(0, 1) : messages).map((m) => m.message);
  if (shown.length === 0) return html``;
  const heading = status === 'stale' ? 'This may be out of date' : status === 'check' ? 'Check before you go' : 'Good to know';
  return html`<div class="freshness freshness--${status}">${
    brief
      ? html`<p><strong>${heading}:</strong> ${shown[0]}</p>`
      : html`<p class="freshness__heading"><strong>${heading}</strong></p><ul>${shown.map((message) => html`<li>${message}</li>`)}</ul>`
  }</div>`;
}

/** What "Add to my list" needs to know about the page it is on. */
export interface ListState {
  /** This browser's list, or null. */
  list: Shortlist | null;
  /** The page's address: the way back, and what just happened (?list=added&list_service=…). */
  url: URL;
}

/** The way back to this page, worked out once for a page of results. */
const backPaths = new WeakMap<URL, string>();
function backPath(url: URL): string {
  let back = backPaths.get(url);
  if (back === undefined) {
    back = backPathOf(url);
    backPaths.set(url, back);
  }
  return back;
}

const servicesText = (n: number) => `${n} ${n === 1 ? 'service' : 'services'}`;

/**
 * "Add to my list" beside a service, working without JavaScript. On the list already, it says so
 * and offers "Remove". After a press the page comes back here, and a line says what happened.
 * Inside another form (the search page is one GET form around filters and results, and forms
 * cannot nest), the button posts that form to /shortlist/add itself (formaction, formmethod),
 * carrying the service as its own value and the way back in the address; the handler reads only
 * those. Elsewhere it is a small form of its own.
 */
export function addToListHtml(serviceId: string, serviceName: string, insideForm: boolean, state: ListState): Html {
  const { list, url } = state;
  const onList = Boolean(list?.serviceIds.includes(serviceId));
  const count = list?.serviceIds.length ?? 0;
  const outcome = outcomeFor(url, serviceId);
  const back = backPath(url);
  const action = onList ? '/shortlist/remove' : '/shortlist/add';
  const label = onList ? `Remove ${serviceName} from your list` : `Add to my list: ${serviceName}`;
  const onListTag = onList ? html`<span class="add-to-list__on">On your list</span>` : '';
  const buttonText = onList ? 'Remove' : 'Add to my list';
  const said =
    outcome === 'added' && onList
      ? `Added to your list (${servicesText(count)}).`
      : outcome === 'removed' && !onList
        ? `Removed from your list (${servicesText(count)}).`
        : outcome === 'full'
          ? `Your list is full: it can hold ${MAX_SHORTLIST_SERVICES} services. Remove one to add another.`
          : '';
  const outcomeLine = outcome
    ? html`<p class="add-to-list__outcome" role="status">${said}${list ? html` <a href="/shortlist/${list.id}">See your list</a>.` : ''}</p>`
    : '';
  const control = insideForm
    ? html`${onListTag}<button type="submit" formmethod="post" formnovalidate formaction="${action}?${new URLSearchParams({ back }).toString()}" name="service" value="${serviceId}" aria-label="${label}">${buttonText}</button>`
    : html`<form method="post" action="${action}" class="add-to-list__form"><input type="hidden" name="service" value="${serviceId}"> <input type="hidden" name="back" value="${back}"> ${onListTag} <button type="submit" aria-label="${label}">${buttonText}</button></form>`;
  return html`<div class="add-to-list" id="${listControlId(serviceId)}">${outcomeLine}${control}</div>`;
}

export interface ServiceResultOptions {
  /** What the person typed, to mark the matching words. */
  words?: string;
  /** Leave out "Run by" (on the organisation's own page). */
  showOrganisation?: boolean;
  /** 4 inside a labelled group of results. */
  headingLevel?: 3 | 4;
  /** Rendered inside another form (the search page's), so "Add to my list" must not be a form. */
  insideForm?: boolean;
  /** How to get in: just turn up, book, referral (from whom), voucher. */
  start?: HowToStart | undefined;
  /** Its number on the map above the list. */
  number?: number | undefined;
  /** A number to call straight from the card (urgent help). */
  phone?: { number: string } | undefined;
}

/** Where it is as far as getting there goes: distance only for a place (an area-wide or phone service has no honest one). */
function reachText(service: SearchResponseResult): string | null {
  if (service.reach === 'area') return 'Covers your area';
  if (service.reach === 'remote') {
    const remotely = service.delivery_modes.some((mode) => mode === 'phone' || mode === 'online');
    return remotely ? 'No travel needed: by phone or online' : 'No travel needed: they visit you at home';
  }
  return service.reach === 'place' ? (service.distance_text ?? null) : null;
}

/**
 * One service in a list of results: what it is, who runs it, cost, when, how, where, and when its
 * details were last checked. The words the search matched are marked in the summary.
 */
export function serviceResultHtml(service: SearchResponseResult, options: ServiceResultOptions, state: ListState): Html {
  const { words = '', showOrganisation = true, headingLevel = 3, insideForm = false, start, number, phone } = options;
  const heading = `h${headingLevel}`;
  const summary = markWords(oneLine(service.description), words);
  const modes = modesInWords(service.delivery_modes.map((mode) => MODE_LABELS[mode as DeliveryMode] ?? mode));
  // Full or paused: "Book first" would send someone to a door that is shut, so "To start" says so.
  const closedToNew = service.capacity_status === 'full' || service.capacity_status === 'paused';
  const capacity =
    service.capacity_status && service.capacity_status !== 'accepting' && !closedToNew
      ? (CAPACITY_LABELS[service.capacity_status as CapacityFacet] ?? null)
      : null;
  const status = service.status !== 'active' ? (STATUS_LABELS[service.status] ?? service.status) : null;
  const reach = reachText(service);
  const numbered = number !== undefined;
  const toStart = closedToNew
    ? html`<dt>To start</dt><dd class="result__start result__start--full"><strong>${CAPACITY_LABELS[service.capacity_status as CapacityFacet]}:</strong> not taking new people now</dd>`
    : start
      ? html`<dt>To start</dt><dd class="result__start result__start--${start.kind}"><strong>${start.label}</strong>${start.detail ? html` ${start.detail}` : ''}</dd>`
      : '';
  return new Html(
    html`<li class="result"${attribute('data-result-number', number)}>`.text +
      html`<${new Html(heading)} class="result__name">${numbered ? html`<span class="result__number" aria-hidden="true">${number}</span>` : ''}<a href="${service.url}">${numbered ? html`<span class="visually-hidden">${number}. </span>` : ''}${service.name}</a></${new Html(heading)}>`
        .text +
      (showOrganisation
        ? html`<p class="result__organisation">Run by <a href="${organisationHref(service.organization.id)}">${service.organization.name}</a></p>`.text
        : '') +
      (status || capacity
        ? html`<p>${status ? html`<span class="tag tag--warning">${status}</span>` : ''}${status && capacity ? ' ' : ''}${capacity ? html`<span class="tag">${capacity}</span>` : ''}</p>`
            .text
        : '') +
      (summary.length > 0
        ? html`<p class="result__summary">${summary.map((part) => (part.marked ? html`<mark>${part.text}</mark>` : part.text))}</p>`.text
        : '') +
      (phone
        ? html`<p class="result__call"><a class="service-action" href="${telHref(phone.number)}">Call <span class="service-action__detail">${phone.number}</span></a></p>`
            .text
        : '') +
      html`<dl class="facts result__facts">${toStart}<dt>Cost</dt><dd>${service.cost}</dd><dt>When</dt><dd>${service.schedule_text || 'Times not given: please ask'}</dd>`
        .text +
      html`${modes ? html`<dt>How</dt><dd>${modes}</dd>` : ''}${service.where ? html`<dt>Where</dt><dd>${service.where}</dd>` : ''}${reach ? html`<dt>Distance</dt><dd>${reach}</dd>` : ''}</dl>`
        .text +
      freshnessHtml(service.freshness.status, service.freshness.flags, true).text +
      checkedDateHtml(service.assured_date).text +
      addToListHtml(service.id, service.name, insideForm, state).text +
      '</li>',
  );
}

export interface ResultListOptions {
  words: string;
  /** Sorted nearest first: split into labelled groups. */
  grouped: boolean;
  /** The searched place, for the group headings ("Near NE4 5TG"). */
  nearLabel: string | null;
  /** How to start each service, by id (src/lib/directory/start-reader.ts). */
  starts: Map<string, HowToStart>;
  /** Number each result, to match the numbered pins of the map above. */
  numbered: boolean;
}

/**
 * A page of results, inside the search page's form. Sorted nearest first, it is split into
 * labelled groups: places by distance, services that cover the searched area, and those available
 * by phone or online, which are neither near nor far and so are never mixed into the distance order.
 */
export function resultListHtml(results: readonly SearchResponseResult[], options: ResultListOptions, state: ListState): Html {
  const { words, grouped, nearLabel, starts, numbered } = options;
  // Numbers run through the page (the map's pins say the same numbers), across groups.
  const item = (service: SearchResponseResult, index: number, headingLevel: 3 | 4) =>
    serviceResultHtml(
      service,
      {
        words,
        headingLevel,
        insideForm: true,
        start: starts.get(service.id),
        number: numbered ? index + 1 : undefined,
      },
      state,
    ).text;
  if (!grouped) return html`<ul class="results">${new Html(results.map((service, index) => item(service, index, 3)).join(''))}</ul>`;
  const headings: Record<Reach, string> = {
    place: nearLabel ? `Nearest to ${nearLabel} first` : 'Nearest first',
    area: 'Covering your area (they come to you or work across it)',
    remote: 'Available by phone or online, or at home (no travel needed)',
    unknown: 'Place not given',
  };
  let text = '';
  let index = 0;
  while (index < results.length) {
    const reach = results[index]!.reach ?? 'unknown';
    let items = '';
    for (; index < results.length && (results[index]!.reach ?? 'unknown') === reach; index++) items += item(results[index]!, index, 4);
    text +=
      html`<section class="result-group" aria-labelledby="group-${reach}"><h3 id="group-${reach}" class="result-group__heading">${headings[reach]}</h3><ul class="results">${new Html(items)}</ul></section>`
        .text;
  }
  return new Html(text);
}
