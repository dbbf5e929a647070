// The email telling someone what happened to their suggestion: which changes were made, which
// were not and why, in plain words. Nothing about anyone else, and no links that need an account.
import { describeValue, fieldLabel } from '../editing/describe';
import type { StoredField } from './store';

export interface OutcomeDetails {
  /** The listing's name, or the suggested new service's. */
  title: string;
  /** When it was suggested (an ISO date-time). */
  suggestedAt: string;
  fields: Pick<StoredField, 'field' | 'after' | 'decision' | 'note'>[];
  /** The public page of the listing (changed, or made from the suggestion), if there is one. */
  listingUrl: string | null;
  /** A new service was added to the directory. */
  added?: boolean;
}

const day = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(new Date(iso));

function fieldLine(field: OutcomeDetails['fields'][number]): string {
  const label = fieldLabel(field.field);
  if (field.decision === 'accepted') {
    if (field.field.startsWith('note:')) return `- ${label}: we have updated this.`;
    if (field.field.startsWith('new:')) return `- ${label}: ${describeValue(field.field, field.after).join('; ')}`;
    return `- ${label}: now "${describeValue(field.field, field.after).join('; ')}"`;
  }
  return `- ${label}${field.note?.trim() ? `. The reviewer said: ${field.note.trim().replace(/\s+/g, ' ')}` : ''}`;
}

export function outcomeMessage(details: OutcomeDetails): { subject: string; body: string } {
  const made = details.fields.filter((field) => field.decision === 'accepted' && field.field !== 'note:message');
  const notMade = details.fields.filter((field) => field.decision === 'rejected' && field.field !== 'note:message');
  const message = details.fields.find((field) => field.field === 'note:message');
  const lines = [
    'Hello,',
    '',
    `Thank you for your suggestion about ${details.title}, sent on ${day(details.suggestedAt)}. The community panel has looked at it.`,
    '',
  ];
  if (details.added) lines.push('We have added it to the directory.', '');
  if (made.length) lines.push('Changes we made:', ...made.map(fieldLine), '');
  if (notMade.length) lines.push('Changes we did not make:', ...notMade.map(fieldLine), '');
  if (message) {
    lines.push(message.decision === 'accepted' ? 'We have made the changes you told us about.' : 'We have not made any changes this time.');
    if (message.note?.trim()) lines.push(`The reviewer said: ${message.note.trim().replace(/\s+/g, ' ')}`);
    lines.push('');
  }
  if (details.listingUrl && (made.length || details.added || message?.decision === 'accepted')) lines.push(`See the listing: ${details.listingUrl}`, '');
  lines.push('We only used your email address to tell you this, and will not use it for anything else.', '', 'Community directory');
  return { subject: `Your suggestion about ${details.title}`, body: lines.join('\n') };
}

/** The email telling someone who reported a problem (and left an address) what the panel did. */
export function reportOutcomeMessage(details: {
  serviceName: string;
  reportedAt: string;
  outcome: 'resolved' | 'dismissed';
  note: string | null;
  listingUrl: string;
}): { subject: string; body: string } {
  const lines = [
    'Hello,',
    '',
    `Thank you for telling us about a problem with ${details.serviceName}, on ${day(details.reportedAt)}. The community panel has looked into it.`,
    '',
    details.outcome === 'resolved'
      ? 'We have dealt with it, and the listing has been brought up to date where it needed to be.'
      : 'We looked into it and have not changed the listing this time.',
  ];
  if (details.note?.trim()) lines.push(`The reviewer said: ${details.note.trim().replace(/\s+/g, ' ')}`);
  lines.push(
    '',
    `See the listing: ${details.listingUrl}`,
    '',
    'We only used your email address to tell you this, and will not use it for anything else.',
    '',
    'Community directory',
  );
  return { subject: `The problem you reported with ${details.serviceName}`, body: lines.join('\n') };
}
