// The easy-read handout, line by line: short sentences, one idea a line, each with a simple
// picture (src/components/shortlist/EasyReadPicture.astro draws them). Pure: an entry in, lines out.
import { longDate } from '../dates';
import type { HandoutEntry } from './handout';
import { handoutWarnings } from './handout';

export const PICTURES = [
  'what',
  'warning',
  'when',
  'cost',
  'where',
  'travel',
  'no-travel',
  'turn-up',
  'book',
  'contact',
  'referral',
  'voucher',
  'phone',
  'text',
  'checked',
] as const;
export type Picture = (typeof PICTURES)[number];

export interface EasyReadLine {
  picture: Picture;
  /** One short sentence. */
  text: string;
  /** A phone number to make a link of (tel: or sms:). */
  phone?: { number: string; text: boolean };
}

/** The first sentence, cut at a word to about 110 characters: easy read keeps sentences short. */
export function firstSentence(text: string, max = 110): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const sentence = /^.+?[.!?](?=\s|$)/.exec(clean)?.[0] ?? clean;
  if (sentence.length <= max) return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
  const cut = sentence.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:]$/, '')}…`;
}

const withStop = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);

export function easyReadLines(entry: HandoutEntry): EasyReadLine[] {
  const lines: EasyReadLine[] = [{ picture: 'what', text: firstSentence(entry.what) }];
  const hasPhone = entry.phones.length > 0;
  if (entry.statusMessage) lines.push({ picture: 'warning', text: 'It is not running as usual. Ask first.' });
  if (handoutWarnings(entry.freshness).length > 0) {
    lines.push({ picture: 'warning', text: hasPhone ? 'This may have changed. Phone them first.' : 'This may have changed. Ask first.' });
  }
  if (entry.when.length === 0) lines.push({ picture: 'when', text: 'Ask when it is on.' });
  for (const when of entry.when) lines.push({ picture: 'when', text: `When: ${withStop(when)}` });
  const free = /^free\b/i.test(entry.cost);
  const known = !/^cost not given/i.test(entry.cost);
  lines.push({ picture: 'cost', text: free ? 'It is free.' : known ? `Cost: ${withStop(entry.cost)}` : 'Ask how much it costs.' });
  if (entry.places.length === 0) {
    lines.push({
      picture: 'no-travel',
      text: entry.reach ? withStop(entry.reach.replace(/^No travel needed: /, 'You do not need to travel. It is ')) : 'Ask where it is.',
    });
  }
  for (const place of entry.places) {
    lines.push({ picture: 'where', text: `Go to: ${withStop([place.name, place.address].filter(Boolean).join(', '))}` });
    const travel = place.gettingThere[0];
    if (travel) lines.push({ picture: 'travel', text: firstSentence(travel) });
  }
  const start = entry.start;
  if (start?.kind === 'drop_in') lines.push({ picture: 'turn-up', text: 'You can just turn up.' });
  else if (start?.kind === 'book') lines.push({ picture: 'book', text: 'You need to book first.' });
  else if (start?.kind === 'self') lines.push({ picture: 'contact', text: 'Get in touch with them yourself.' });
  else if (start?.kind === 'referral') {
    lines.push({ picture: 'referral', text: 'Someone needs to refer you.' });
    if (start.detail) lines.push({ picture: 'referral', text: `Ask ${withStop(start.detail.replace(/^from /, ''))}` });
  } else if (start?.kind === 'voucher') {
    lines.push({ picture: 'voucher', text: 'You need a voucher.' });
    if (start.detail) lines.push({ picture: 'voucher', text: `Get one ${withStop(start.detail)}` });
  } else lines.push({ picture: 'contact', text: 'Ask them how to start.' });
  const call = entry.phones.find((phone) => phone.type !== 'text');
  const text = entry.phones.find((phone) => phone.type === 'text');
  if (call) lines.push({ picture: 'phone', text: `Phone: ${call.number}`, phone: { number: call.number, text: false } });
  if (text) lines.push({ picture: 'text', text: `Text: ${text.number}`, phone: { number: text.number, text: true } });
  if (!call && !text) lines.push({ picture: 'phone', text: 'There is no phone number.' });
  lines.push({ picture: 'checked', text: entry.checkedOn ? `We checked this on ${longDate(entry.checkedOn)}.` : 'Nobody has checked this yet.' });
  return lines;
}
