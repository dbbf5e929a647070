// The HTML written as text for a page of results (src/lib/html/template.ts and
// src/components/search/result-html.ts): whatever a publisher's record holds is shown as text,
// never as markup, and the parts a result leaves out are left out.
import { describe, expect, it } from 'vitest';
import { attribute, escapeHtml, html, Html, joinHtml } from '../../src/lib/html/template';
import { addToListHtml, resultListHtml, serviceResultHtml } from '../../src/components/search/result-html';
import { choiceFilterHtml, numberFieldHtml } from '../../src/components/search/filter-html';
import type { SearchResponseResult } from '../../src/lib/search/search-response';

const HOSTILE = `<script>alert("x")</script> & 'quotes'`;

function result(overrides: Partial<SearchResponseResult> = {}): SearchResponseResult {
  return {
    id: 'service-1',
    name: 'Walking group',
    organization: { id: 'org-1', name: 'Friends of the park' },
    description: 'A gentle walk for beginners. Bring boots.',
    categories: [],
    cost: 'Free',
    schedule_text: 'Tuesdays, 10am',
    delivery_modes: ['in_person'],
    home_visits: false,
    where: 'Leazes Park',
    places: [],
    distance_km: null,
    distance_text: null,
    reach: null,
    referral_routes: [],
    languages: [],
    capacity_status: null,
    waiting_weeks: null,
    status: 'active',
    alert: null,
    assured_date: '2026-10-16',
    freshness: { status: 'ok', flags: [], assured_date: '2026-10-16', funding_end_date: null },
    url: '/services/service-1',
    ...overrides,
  };
}

const state = (url = 'http://localhost/search?q=walk') => ({ list: null, url: new URL(url) });

describe('html templates', () => {
  it('escapes every value put into a template, and keeps Html as it is', () => {
    expect(escapeHtml(HOSTILE)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;');
    expect(html`<p title="${HOSTILE}">${HOSTILE}</p>`.text).not.toContain('<script>');
    expect(html`<p>${new Html('<b>bold</b>')}</p>`.text).toBe('<p><b>bold</b></p>');
  });

  it('writes nothing for null, undefined and booleans, and numbers and lists as they are', () => {
    expect(html`a${null}b${undefined}c${false}d${true}e${0}`.text).toBe('abcde0');
    expect(html`<ul>${['<1>', html`<li>2</li>`]}</ul>`.text).toBe('<ul>&lt;1&gt;<li>2</li></ul>');
    expect(joinHtml(['a', 1, null]).text).toBe('a1');
  });

  it('writes attributes as Astro does: left out when false or missing, bare when true or empty', () => {
    expect(attribute('checked', true).text).toBe(' checked');
    expect(attribute('checked', false).text).toBe('');
    expect(attribute('value', '').text).toBe(' value');
    expect(attribute('data-n', undefined).text).toBe('');
    expect(attribute('aria-label', 'a "b"').text).toBe(' aria-label="a &quot;b&quot;"');
  });
});

describe('a search result written as text', () => {
  it('shows a hostile name, organisation and description as text, in the heading, link and button label alike', () => {
    const text = serviceResultHtml(
      result({ name: HOSTILE, organization: { id: 'o"1', name: HOSTILE }, description: HOSTILE, cost: HOSTILE }),
      { words: 'script' },
      state(),
    ).text;
    expect(text).not.toContain('<script>');
    expect(text).toContain('aria-label="Add to my list: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;"');
    expect(text).toContain('href="/organisations/o%221"');
    expect(text).toContain('<mark>script</mark>');
  });

  it('leaves out what the service does not say, and says what it has not', () => {
    const text = serviceResultHtml(result({ assured_date: null, schedule_text: '', where: '', delivery_modes: [] }), {}, state()).text;
    expect(text).toContain('<dd>Times not given: please ask</dd>');
    expect(text).toContain('<p class="checked">Not checked yet</p>');
    expect(text).not.toContain('<dt>Where</dt>');
    expect(text).not.toContain('<dt>How</dt>');
    expect(text).not.toContain('data-result-number');
  });

  it('says a full service is not taking people, rather than how to start', () => {
    const text = serviceResultHtml(result({ capacity_status: 'full' }), { start: { kind: 'book', label: 'Book first', detail: null } }, state()).text;
    expect(text).toContain('result__start--full');
    expect(text).not.toContain('Book first');
  });

  it('numbers results across groups, and groups a nearest-first page by how far each is', () => {
    const results = [result({ id: 'a', reach: 'place', distance_text: '0.4 km away' }), result({ id: 'b', reach: 'remote', delivery_modes: ['phone'] })];
    const text = resultListHtml(results, { words: '', grouped: true, nearLabel: 'NE4 8RQ', starts: new Map(), numbered: true }, state()).text;
    expect(text).toContain('<h3 id="group-place" class="result-group__heading">Nearest to NE4 8RQ first</h3>');
    expect(text).toContain('No travel needed: by phone or online');
    expect(text.match(/<h4 class="result__name">/g)).toHaveLength(2);
    expect(text).toContain('data-result-number="2"');
  });

  it('offers Remove for a service on the list, and says what just happened with a link to the list', () => {
    const list = { id: 'abc123', createdAt: '', updatedAt: '', expiresAt: '', serviceIds: ['service-1'] };
    const url = new URL('http://localhost/search?q=walk&list=added&list_service=service-1');
    const inside = addToListHtml('service-1', 'Walking group', true, { list, url }).text;
    expect(inside).toContain('Added to your list (1 service). <a href="/shortlist/abc123">See your list</a>.');
    expect(inside).toContain('formaction="/shortlist/remove?back=%2Fsearch%3Fq%3Dwalk"');
    const alone = addToListHtml('service-1', 'Walking group', false, { list, url }).text;
    expect(alone).toContain('<form method="post" action="/shortlist/remove" class="add-to-list__form">');
    expect(alone).toContain('<input type="hidden" name="back" value="/search?q=walk">');
  });
});

describe('search filters written as text', () => {
  it('ties each choice to its label and the error to its group', () => {
    const text = choiceFilterHtml({
      name: 'cost',
      legend: 'Cost',
      error: 'Choose from the list',
      options: [
        { value: 'free', label: 'Free', count: 1, checked: true },
        { value: 'low', label: 'Low cost', count: 3, checked: false },
      ],
    }).text;
    expect(text).toContain('<fieldset class="filters__group field--error" aria-describedby="cost-error">');
    expect(text).toContain(
      '<input type="checkbox" id="cost" name="cost" value="free" checked> <label for="cost">Free <span class="count">(1<span class="visually-hidden"> service</span>)</span></label>',
    );
    expect(text).toContain('id="cost-low"');
  });

  it('shows back a number the person typed, marked invalid', () => {
    const text = numberFieldHtml({ name: 'age', label: 'Age', value: '"12', error: 'Enter a whole number' }).text;
    expect(text).toContain('value="&quot;12"');
    expect(text).toContain('aria-invalid="true"');
    expect(text).toContain('aria-describedby="age-error"');
  });
});
