// How a person gets started with a service, in a few words for a result card: just turn up, book
// first, contact them yourself, a referral (and from whom) or a voucher (and where from). Read
// from the structured referral routes, with the service's own instructions and description for
// what the routes cannot say (booking, vouchers, who refers).
import { REFERRAL_ROUTES } from '../openreferral-schema/schemas';

export const START_KINDS = ['voucher', 'drop_in', 'book', 'self', 'referral'] as const;
export type StartKind = (typeof START_KINDS)[number];

export interface HowToStart {
  kind: StartKind;
  /** A short label: "Just turn up", "Book first", "Referral needed". */
  label: string;
  /** From whom or how, when the listing says: "from your GP, practice nurse or link worker". */
  detail: string | null;
}

export interface StartFacts {
  referral_routes?: readonly string[] | null | undefined;
  referral_instructions?: string | null | undefined;
  description?: string | null | undefined;
}

export const START_LABELS: Record<StartKind, string> = {
  voucher: 'Voucher needed',
  drop_in: 'Just turn up',
  book: 'Book first',
  self: 'Contact them yourself',
  referral: 'Referral needed',
};

const ROUTE_WHO: Record<string, string> = {
  professional: 'a support worker or link worker',
  gp: 'your GP',
};

function sentences(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "from an advice centre, your GP surgery or a school" in a sentence, without the full stop. */
function fromWhom(sentence: string): string | null {
  const match = /\bfrom\s+(.+?)[.;!]?$/i.exec(sentence);
  if (!match) return null;
  const who = match[1]!.trim();
  // "from 8pm", "from the day" are times, not people.
  if (/^\d|^(the )?(day|morning|afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i.test(who)) return null;
  return `from ${who}`;
}

const SAYS_NO_NEED = /\b(do not|don't|dont|no|not|without)\b[^.]*\b(need|needed|have|required)\b|\bno need\b|\bwithout a\b/i;

function voucherNeeded(facts: StartFacts): HowToStart | null {
  for (const sentence of [...sentences(facts.referral_instructions), ...sentences(facts.description)]) {
    if (!/\bvouchers?\b/i.test(sentence)) continue;
    if (SAYS_NO_NEED.test(sentence)) continue;
    if (!/\b(need|needs|needed|bring|must|require|required|requires|with a)\b/i.test(sentence)) continue;
    return { kind: 'voucher', label: START_LABELS.voucher, detail: fromWhom(sentence) };
  }
  return null;
}

function mentionsBooking(instructions: string | null | undefined): boolean {
  return sentences(instructions).some(
    (sentence) =>
      /\b(book|booking|sign up|register|appointment)\b/i.test(sentence) &&
      !/\b(no need|do not need|don't need|without)\b[^.]*\b(book|booking|appointment)/i.test(sentence),
  );
}

/** Who can refer, from the instructions when they say ("from your GP, ..."), else from the routes. */
function referrers(facts: StartFacts, routes: readonly string[]): string | null {
  for (const sentence of sentences(facts.referral_instructions)) {
    if (!/\brefer/i.test(sentence)) continue;
    const from = fromWhom(sentence);
    if (from) return from;
    const byWhom = /\breferred by\s+(.+?)[.;!]?$/i.exec(sentence) ?? /^(?:ask\s+)?(.+?)\s+(?:can|will|needs? to|must)\s+(?:refer|call)/i.exec(sentence);
    if (byWhom) return `from ${byWhom[1]!.replace(/^ask\s+/i, '').trim()}`;
  }
  const who = routes.map((route) => ROUTE_WHO[route]).filter((text): text is string => Boolean(text));
  return who.length ? `from ${who.join(' or ')}` : null;
}

/** How to start, or null when the listing says nothing about it. */
export function howToStart(facts: StartFacts): HowToStart | null {
  const routes = (facts.referral_routes ?? []).filter((route) => (REFERRAL_ROUTES as readonly string[]).includes(route));
  const voucher = voucherNeeded(facts);
  if (voucher) return voucher;
  if (routes.includes('drop_in')) return { kind: 'drop_in', label: START_LABELS.drop_in, detail: null };
  if (mentionsBooking(facts.referral_instructions)) return { kind: 'book', label: START_LABELS.book, detail: null };
  if (routes.includes('self')) return { kind: 'self', label: START_LABELS.self, detail: null };
  if (routes.length) return { kind: 'referral', label: START_LABELS.referral, detail: referrers(facts, routes) };
  return null;
}

/** "Referral needed from your GP" as one line of text. */
export function howToStartText(start: HowToStart): string {
  return start.detail ? `${start.label} ${start.detail}` : start.label;
}
