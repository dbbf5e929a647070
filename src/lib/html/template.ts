// HTML written as text, for the parts of a page repeated many times over (a page of 50 results).
// Astro renders every component instance through its own async machinery, which for a page of
// results cost more than the search itself (docs/performance.md); a result written as one
// template costs almost nothing. Everything put into a template is escaped unless it is Html.

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to place between tags or inside a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** Markup already escaped: put into a template as it is. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** What a template takes: text (escaped), numbers, Html, lists of these; nothing for null, undefined and booleans. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function written(value: HtmlValue): string {
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(written).join('');
  return escapeHtml(String(value));
}

/** html`<p>${text}</p>`: the template with every value escaped. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let text = strings[0]!;
  for (let index = 0; index < values.length; index++) text += written(values[index]!) + strings[index + 1]!;
  return new Html(text);
}

/**
 * One attribute, with its leading space: ` name="value"`; ` name` alone for true or an empty
 * value; nothing for false, null or undefined (as Astro writes attributes).
 */
export function attribute(name: string, value: string | number | boolean | null | undefined): Html {
  if (value === null || value === undefined || value === false) return new Html('');
  if (value === true || value === '') return new Html(` ${name}`);
  return new Html(` ${name}="${escapeHtml(String(value))}"`);
}

/** Several values written one after another. */
export function joinHtml(values: readonly HtmlValue[]): Html {
  return new Html(written(values));
}
