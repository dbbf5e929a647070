// The text version of a shortlist handout: everything the printed list says that matters for
// going there (every session, every place's address once, how to start, every phone number),
// as plain text to copy into an email, a note or a message. (The short text for a text message
// is src/lib/shortlists/text-message.ts.)
import { longDate } from '../dates';
import { howToStartText } from '../directory/how-to-start';
import type { HandoutEntry } from './handout';
import { handoutWarnings } from './handout';

export function handoutText(entries: HandoutEntry[], link: string, today: string): string {
  const out: string[] = [
    entries.length === 1 ? 'Your list: 1 service that may help.' : `Your list: ${entries.length} services that may help.`,
    'Groups and services change, so please check with them before you go.',
    '',
  ];
  entries.forEach((entry, index) => {
    out.push(`${index + 1}. ${entry.name}`);
    out.push(entry.what);
    if (entry.statusMessage) out.push(`Important: ${entry.statusMessage}`);
    for (const warning of handoutWarnings(entry.freshness)) out.push(`Check first: ${warning}`);
    if (entry.when.length === 0) out.push('When: times not given, please ask.');
    for (const when of entry.when) out.push(`When: ${when}`);
    out.push(`Cost: ${entry.cost}`);
    if (entry.places.length === 0) out.push(`Where: ${entry.reach ?? 'no place given, please ask.'}`);
    for (const place of entry.places) {
      out.push(`Where: ${[place.name, place.address].filter(Boolean).join(', ')}`);
      if (place.gettingThere.length) out.push(`Getting there: ${place.gettingThere.join(' ')}`);
    }
    out.push(`To start: ${entry.start ? howToStartText(entry.start) : (entry.howToGetIn[0] ?? 'please ask.')}`);
    if (entry.phones.length === 0) out.push('Phone: no phone number given.');
    for (const phone of entry.phones) {
      out.push(
        `${phone.type === 'text' ? 'Text' : 'Phone'}: ${phone.number}${phone.extension ? `, extension ${phone.extension}` : ''}${phone.description ? ` (${phone.description})` : ''}`,
      );
    }
    out.push(entry.checkedOn ? `Checked on ${longDate(entry.checkedOn)}.` : 'Not checked yet.');
    out.push('');
  });
  out.push(`All details: ${link}`);
  out.push(`Made on ${longDate(today)}.`);
  return `${out.join('\n')}\n`;
}
