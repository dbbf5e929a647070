// The plain-text version of a shortlist, short enough to paste into a text message: each
// service's name, when in a few words and its phone number, then the short link. It is built to
// a length budget and drops detail (times first, then phone numbers, then long names are cut)
// before it ever leaves out a service; the short link is always there, at the end.

/** GSM 03.38: the characters one text message can carry without switching to 70-character segments. */
const GSM_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** These count twice (an escape, then the character). */
const GSM_EXTENDED = '^{}\\[~]|€';

/** One segment on its own; a longer message is split into 153-character parts. */
export const SMS_SINGLE = 160;
export const SMS_PART = 153;
/** The text version of a list must fit in this many parts. */
export const SMS_MAX_SEGMENTS = 3;

export interface TextMessageService {
  name: string;
  /** e.g. "Tuesdays, 10am to 12 noon"; '' when not given. */
  when: string;
  /** The first phone number, or ''. */
  phone: string;
}

/** Typographic characters replaced by plain ones a phone can send as ordinary text. */
const REPLACEMENTS: [RegExp, string][] = [
  [/[\u2018\u2019\u201A\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u2033]/g, '"'],
  [/[\u2013\u2014\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00A0\u2007\u202F\t]/g, ' '],
];

/** The text with typographic quotes and dashes made plain and anything else outside GSM 03.38 left out. */
export function toGsm(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement);
  return [...out]
    .map((char) => {
      if (GSM_BASIC.includes(char) || GSM_EXTENDED.includes(char)) return char;
      const plain = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return [...plain].every((c) => GSM_BASIC.includes(c)) ? plain : '';
    })
    .join('');
}

/** Its length in GSM septets (extended characters count twice). */
export function gsmLength(text: string): number {
  let length = 0;
  for (const char of text) length += GSM_EXTENDED.includes(char) ? 2 : 1;
  return length;
}

/** How many text messages (segments) it takes. */
export function smsSegments(text: string): number {
  const length = gsmLength(text);
  return length <= SMS_SINGLE ? 1 : Math.ceil(length / SMS_PART);
}

/** The most characters that fit in `segments` parts. */
export function smsBudget(segments = SMS_MAX_SEGMENTS): number {
  return segments <= 1 ? SMS_SINGLE : segments * SMS_PART;
}

/** Cut at a word to at most `max` characters, with "..." when cut. */
function cut(text: string, max: number): string {
  if (gsmLength(text) <= max) return text;
  if (max <= 3) return text.slice(0, Math.max(0, max));
  const room = text.slice(0, max - 2);
  const space = room.lastIndexOf(' ');
  const base = (space > max / 2 ? room.slice(0, space) : room.slice(0, max - 3)).replace(/[\s,;:.-]+$/, '');
  return `${base}...`;
}

interface Detail {
  /** Characters allowed for "when"; 0 leaves it out. */
  when: number;
  phone: boolean;
  /** Characters allowed for a name. */
  name: number;
}

/** From the most detail to the least: times shortened then dropped, then phones, then names cut. */
const LEVELS: Detail[] = [
  { when: 80, phone: true, name: 80 },
  { when: 40, phone: true, name: 60 },
  { when: 24, phone: true, name: 45 },
  { when: 0, phone: true, name: 45 },
  { when: 0, phone: true, name: 30 },
  { when: 0, phone: false, name: 30 },
  // Shorter than this, a name stops telling services apart.
  { when: 0, phone: false, name: 24 },
];

function render(header: string, services: TextMessageService[], link: string, detail: Detail, more = 0): string {
  const lines = [header];
  services.forEach((service, index) => {
    const parts = [`${index + 1}. ${cut(service.name, detail.name)}`];
    if (detail.when > 0 && service.when) parts.push(cut(service.when, detail.when));
    if (detail.phone && service.phone) parts.push(service.phone);
    lines.push(parts.join(', '));
  });
  if (more > 0) lines.push(`and ${more} more`);
  lines.push(`All details: ${link}`);
  return lines.join('\n');
}

/**
 * The list as one text message of at most `segments` parts. Only when even the barest list
 * (short names, no times or phones) is too long are services left out, counted as "and N more".
 */
export function shortlistText(services: TextMessageService[], link: string, segments = SMS_MAX_SEGMENTS): string {
  const budget = smsBudget(segments);
  const clean = services.map((service) => ({
    name: toGsm(service.name).replace(/\s+/g, ' ').trim(),
    when: toGsm(service.when).replace(/\s+/g, ' ').trim(),
    phone: toGsm(service.phone)
      .replace(/[^\d+ ]/g, '')
      .trim(),
  }));
  const header = clean.length === 1 ? 'Your list, 1 service:' : `Your list, ${clean.length} services:`;
  const safeLink = toGsm(link);
  for (const detail of LEVELS) {
    const text = render(header, clean, safeLink, detail);
    if (gsmLength(text) <= budget) return text;
  }
  const barest = LEVELS.at(-1)!;
  for (let shown = clean.length - 1; shown >= 0; shown--) {
    const text = render(header, clean.slice(0, shown), safeLink, barest, clean.length - shown);
    if (gsmLength(text) <= budget) return text;
  }
  return `All details: ${safeLink}`;
}

/** "Tuesdays, 10am to 12 noon" and the like, cut to the first schedule: a few words for a text message. */
export function whenInFewWords(when: string[]): string {
  return when[0] ?? '';
}
