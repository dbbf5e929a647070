// The suggestion forms' rules (only changed fields are kept, plain messages), an address in
// words made into an address, values in plain words for reviewers, and the outcome email.
import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../src/lib/openreferral/import';
import type { ServiceRecord } from '../../src/lib/openreferral-schema/schemas';
import { uuidFor } from '../../src/lib/ids';
import { describeValue, fieldLabel } from '../../src/lib/editing/describe';
import { currentValues, parseChange, parseNew, webAddress, EMPTY_NEW_VALUES } from '../../src/lib/suggestions/suggest-form';
import { addressFromWords } from '../../src/lib/suggestions/new-service';
import { outcomeMessage } from '../../src/lib/suggestions/outcome-message';
import { parseDecisions } from '../../src/lib/suggestions/decisions';
import { service } from '../fixtures/services';

const TODAY = '2026-11-21';
const record = (spec: Parameters<typeof service>[0]): ServiceRecord => {
  const checked = validateRecord(service(spec), 0);
  if (!('record' in checked)) throw new Error(JSON.stringify(checked.errors));
  return checked.record;
};
const LUNCH = record({
  code: 'unit-lunch',
  name: 'Elm Road Lunch Club',
  description: 'A hot meal.',
  schedules: [{ byday: 'TU', opens_at: '12:00', closes_at: '14:00' }],
  extra: { url: 'https://lunch.example.org', phones: [{ id: uuidFor('phone', 'unit-lunch'), number: '0191 496 0000' }] },
});

describe('the suggest-a-change form', () => {
  it('starts with the listing in words', () => {
    expect(currentValues(LUNCH, TODAY)).toMatchObject({
      name: 'Elm Road Lunch Club',
      times: 'Tuesdays, 12 noon to 2pm',
      phone: '0191 496 0000',
      url: 'https://lunch.example.org',
      email: '',
      address: 'Elm Road Lunch Club venue\n1 High Street\nNewcastle upon Tyne\nNE1 1AA',
    });
  });

  it('keeps only what was changed (line endings and spaces at the ends do not count)', () => {
    const values = { ...currentValues(LUNCH, TODAY), description: 'A hot meal.\r\n', url: 'lunch.example.org/new', times: ' Tuesdays, 12 noon to 2pm ' };
    const parsed = parseChange(values, LUNCH, TODAY);
    expect(parsed).toEqual({
      ok: true,
      message: '',
      contactEmail: '',
      fields: [{ field: 'url', before: 'https://lunch.example.org', after: 'https://lunch.example.org/new' }],
    });
  });

  it('keeps the phone record and changes only its number; times and address are words for a reviewer', () => {
    const values = { ...currentValues(LUNCH, TODAY), phone: '0191 496 0001', times: 'Fridays', address: 'Church Hall, NE2 1AA' };
    const parsed = parseChange(values, LUNCH, TODAY);
    if (!parsed.ok) throw new Error('expected ok');
    expect(parsed.fields.map((field) => field.field)).toEqual(['phones', 'note:times', 'note:address']);
    expect(parsed.fields[0]!.after).toEqual([expect.objectContaining({ id: uuidFor('phone', 'unit-lunch'), number: '0191 496 0001' })]);
  });

  it('says plainly when nothing was changed, and what is wrong with a field', () => {
    expect(parseChange(currentValues(LUNCH, TODAY), LUNCH, TODAY)).toEqual({
      ok: false,
      errors: { message: 'You have not changed anything. Change the details that are wrong, or tell us here what is wrong.' },
    });
    const parsed = parseChange({ ...currentValues(LUNCH, TODAY), name: '', phone: 'call us', email: 'x@' }, LUNCH, TODAY);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(['email', 'name', 'phone']);
    expect(parsed.errors.phone).toBe('Enter a phone number using numbers and spaces, like 0191 496 0000, or leave this empty.');
  });

  it('a message alone is a suggestion', () => {
    expect(parseChange({ ...currentValues(LUNCH, TODAY), message: 'It has moved.' }, LUNCH, TODAY)).toMatchObject({
      ok: true,
      fields: [],
      message: 'It has moved.',
    });
  });

  it('adds https:// to a web address typed without it', () => {
    expect(webAddress('www.example.org')).toBe('https://www.example.org');
    expect(webAddress('http://example.org')).toBe('http://example.org');
    expect(webAddress('')).toBe('');
  });
});

describe('the new group form', () => {
  it('needs a name and what it is; keeps only what was given', () => {
    expect(parseNew(EMPTY_NEW_VALUES)).toEqual({
      ok: false,
      errors: { name: 'Enter the name of the group or service.', description: 'Tell us what it is and what happens there.' },
    });
    const parsed = parseNew({ ...EMPTY_NEW_VALUES, name: 'Knit Club', description: 'Knitting.', address: 'Hall, NE1 1AA', phone: '0191 496 0000' });
    if (!parsed.ok) throw new Error('expected ok');
    expect(parsed.fields.map((field) => [field.field, field.before])).toEqual([
      ['name', null],
      ['description', null],
      ['new:address', null],
      ['phones', null],
    ]);
  });
});

describe('an address in words', () => {
  it('takes out a UK postcode, alone or at the end of a part, and keeps the rest as written', () => {
    expect(addressFromWords('Church Hall, 12 Elm Road, Gateshead NE8 1AB')).toEqual({
      address_1: 'Church Hall',
      address_2: '12 Elm Road, Gateshead',
      postal_code: 'NE8 1AB',
    });
    expect(addressFromWords('Church Hall\nne81ab')).toEqual({ address_1: 'Church Hall', address_2: null, postal_code: 'NE8 1AB' });
    expect(addressFromWords('Behind the library')).toEqual({ address_1: 'Behind the library', address_2: null, postal_code: null });
    expect(addressFromWords('NE8 1AB')).toEqual({ address_1: 'NE8 1AB', address_2: null, postal_code: 'NE8 1AB' });
    expect(addressFromWords(' , ')).toBeNull();
  });
});

describe('values in plain words', () => {
  it('reads schedules, costs, phones, places and routes as the public page would', () => {
    expect(describeValue('schedules', LUNCH.schedules)).toEqual(['Tuesdays, 12 noon to 2pm']);
    expect(describeValue('cost_options', [{ id: 'c', option: 'Adults', amount: 3, currency: 'GBP' }])).toEqual(['Adults: £3']);
    expect(describeValue('phones', [{ id: 'p', number: '0191 496 0000', extension: '12' }])).toEqual(['0191 496 0000 (extension 12)']);
    expect(describeValue('service_at_locations', LUNCH.service_at_locations)).toEqual([
      'Elm Road Lunch Club venue: 1 High Street, Newcastle upon Tyne, NE1 1AA',
    ]);
    expect(describeValue('referral_routes', ['self', 'gp'])).toEqual(['You can contact them yourself', 'Your GP can refer you']);
    expect(describeValue('status', 'temporarily closed')).toEqual(['Closed for now']);
    expect(describeValue('assured_date', '2026-03-03')).toEqual(['3 March 2026']);
    expect(describeValue('organization', LUNCH.organization)).toEqual(['unit-lunch-org trust']);
    expect(describeValue('description', '')).toEqual(['Not given']);
    expect(fieldLabel('note:times')).toBe('Times (in words)');
    expect(fieldLabel('note:something_else')).toBe('Something else');
  });
});

describe('the outcome email', () => {
  it("says which changes were made, which were not and the reviewer's notes", () => {
    const { subject, body } = outcomeMessage({
      title: 'Elm Road Lunch Club',
      suggestedAt: '2026-11-20T10:00:00Z',
      listingUrl: 'https://directory.example.org/services/x',
      fields: [
        { field: 'name', after: 'Elm Road Lunch Club', decision: 'accepted', note: null },
        { field: 'note:times', after: 'Fridays', decision: 'accepted', note: null },
        { field: 'url', after: 'https://x.example.org', decision: 'rejected', note: 'Not their website.' },
      ],
    });
    expect(subject).toBe('Your suggestion about Elm Road Lunch Club');
    expect(body).toContain('sent on 20 November 2026');
    expect(body).toContain('Changes we made:\n- Name: now "Elm Road Lunch Club"\n- Times (in words): we have updated this.\n');
    expect(body).toContain('Changes we did not make:\n- Website. The reviewer said: Not their website.\n');
    expect(body).toContain('See the listing: https://directory.example.org/services/x');
  });
});

describe('the review form', () => {
  it('needs a decision for every field, in words for notes and for changes', () => {
    const form = new URLSearchParams({ 'decision-1': 'accepted', 'note-1': ' fine ' });
    expect(
      parseDecisions(form, [
        { key: '1', field: 'name' },
        { key: '2', field: 'url' },
        { key: '3', field: 'note:times' },
      ]),
    ).toEqual({
      ok: false,
      values: { 1: { decision: 'accepted', note: ' fine ' }, 2: { decision: '', note: '' }, 3: { decision: '', note: '' } },
      errors: { 2: 'Choose whether to accept or reject this change.', 3: 'Choose "Done by hand" or "Not needed".' },
    });
    expect(parseDecisions(form, [{ key: '1', field: 'name' }])).toMatchObject({ ok: true, decisions: { 1: { decision: 'accepted', note: 'fine' } } });
  });
});
