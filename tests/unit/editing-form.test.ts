// The service editor's form mapping: a stored listing with every field filled goes to form values,
// through a posted form and back to exactly the same record; edits change only what was edited;
// bad input gets plain-words messages keyed by form field; publishing problems map to fields;
// and the conflict sorting and merging of two people's edits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidFor } from '../../src/lib/ids';
import { importRecords } from '../../src/lib/openreferral/import';
import type { ServiceRecord } from '../../src/lib/openreferral-schema/schemas';
import { readRecord } from '../../src/lib/editing/publish';
import {
  bydayFromChoices,
  changedFields,
  choicesFromByday,
  formFieldFor,
  formFieldLabel,
  recordErrorsToFields,
  recordToValues,
  sameMeaning,
  validateValues,
  valuesFromForm,
  valuesToFields,
  valuesToRecord,
  withBlankRows,
  type EditorValues,
} from '../../src/lib/editing/form';
import { conflictFields, mergeRecords, missingChoices, sealRecord, unsealRecord } from '../../src/lib/editing/form-conflict';
import { scratchDirectory, service } from '../fixtures/services';
import { prepareDirectory } from '../../src/lib/setup/prepare';
import { readServices, serviceIds } from '../../src/lib/directory/service-reader';
import { validateRecord } from '../../src/lib/openreferral/import';

const TODAY = '2026-11-21';

/** A listing with every field the editor shows filled in. */
const FULL = service({
  code: 'editor-full',
  name: 'Everything Club',
  description: 'A club with every detail filled in.',
  categories: ['food-banks', 'befriending'],
  access: ['step-free', 'hearing-loop'],
  schedules: [
    { byday: 'MO,WE', opens_at: '10:00', closes_at: '12:30', valid_from: '2026-01-01', valid_to: '2027-12-31', notes: 'Not on bank holidays' },
    { freq: 'MONTHLY', byday: '1TU,3TU', opens_at: '18:00', closes_at: '20:00', interval: 1 },
    { freq: 'MONTHLY', byday: '1TU,3TH', opens_at: '09:00', closes_at: '10:00' },
  ],
  costs: [{ option: 'Lunch', amount: 2.5, currency: 'GBP', amount_description: 'Pay what you can', valid_to: '2027-03-31' }],
  routes: ['self', 'gp'],
  modes: ['in_person', 'phone'],
  capacity: 'waiting_list',
  minimumAge: 18,
  maximumAge: 99,
  serviceAreas: ['Newcastle upon Tyne', 'Gateshead'],
  transportOffered: { description: 'Our minibus picks people up', eligibility: 'People who cannot use buses' },
  homeVisits: true,
  places: [
    {
      name: 'Church hall',
      latitude: 54.97,
      longitude: -1.61,
      postcode: 'NE6 1AA',
      transport: {
        stops: [{ name: 'Heaton Road', mode: 'bus', routes: ['62', '63'], distance_m: 120, walk_minutes: 2, step_free_route: true }],
        parking: { available: true, blue_badge: true, free: false, notes: 'Two spaces' },
        cycle_parking: true,
      },
    },
    { name: 'Online', type: 'virtual' },
  ],
  extra: {
    alternate_name: 'The Club',
    url: 'https://club.example.org',
    email: 'hello@club.example.org',
    alert: 'Closed over Christmas',
    fees: 'Free',
    fees_description: 'Lunch costs a little',
    accreditations: 'Quality mark',
    eligibility_description: 'Adults who feel alone',
    not_for: 'Not for people in crisis',
    first_visit: 'Someone meets you at the door',
    referral_instructions: 'Just phone us',
    waiting_weeks: 3,
    capacity_updated: '2026-10-01',
    support_to_attend: ['bring_someone', 'met_on_first_visit'],
    group_size: 'small_group',
    assurer_email: 'checks@club.example.org',
    funding: [{ id: uuidFor('funding', 'editor-full'), source: 'Lottery', start_date: '2025-04-01', end_date: '2027-03-31' }],
    phones: [{ id: uuidFor('phone', 'editor-full'), number: '0191 498 0000', extension: '12', type: 'voice', description: 'Office' }],
    contacts: [
      {
        id: uuidFor('contact', 'editor-full'),
        name: 'Sam Jones',
        title: 'Coordinator',
        department: 'Outreach',
        email: 'sam@club.example.org',
        phones: [{ id: uuidFor('phone', 'editor-full-contact'), number: '0191 498 0001' }],
      },
    ],
    languages: [{ id: uuidFor('language', 'editor-full'), name: 'Polish', code: 'pl', note: 'On Mondays' }],
  },
});

let record: ServiceRecord;
let scratch: Awaited<ReturnType<typeof scratchDirectory>>;

beforeAll(async () => {
  scratch = await scratchDirectory();
  const report = await importRecords(scratch.directory, scratch.search, [FULL], { strict: true, source: 'test' });
  expect(report.invalid).toEqual([]);
  record = (await readRecord(scratch.directory.db, FULL.id))!;
});
afterAll(async () => {
  await scratch?.cleanup();
});

/** Values through a form post as a browser sends it. */
function post(values: EditorValues): EditorValues {
  return valuesFromForm(new URLSearchParams(valuesToFields(values)));
}

function build(values: EditorValues, base = record) {
  return valuesToRecord(values, base, { organization: base.organization, today: TODAY });
}

describe('record to form and back', () => {
  it('the stored record has every field the editor shows', () => {
    for (const field of [
      'alternate_name',
      'url',
      'email',
      'alert',
      'fees',
      'fees_description',
      'accreditations',
      'eligibility_description',
      'not_for',
      'first_visit',
      'referral_instructions',
      'waiting_weeks',
      'capacity_updated',
      'support_to_attend',
      'group_size',
      'assurer_email',
      'transport_offered',
      'home_visits',
      'minimum_age',
      'maximum_age',
    ] as const) {
      expect(record[field], field).not.toBeUndefined();
    }
    expect(record.service_at_locations[0]!.location.transport?.parking?.notes).toBe('Two spaces');
  });

  it('gives back exactly the same record, with blank rows added and ignored', () => {
    const values = post(withBlankRows(recordToValues(record)));
    expect(values.places).toHaveLength(4);
    expect(values.schedules).toHaveLength(5);
    const { record: rebuilt } = build(values);
    expect(rebuilt).toEqual(record);
    expect(changedFields(record, rebuilt)).toEqual([]);
  });

  it('holds every editable value in the form (rebuilt over an empty listing, it means the same apart from ids)', () => {
    const values = post(recordToValues(record));
    expect(values.schedules.map((s) => [s.days, s.weeks, s.byday_other])).toEqual([
      [['MO', 'WE'], [], ''],
      [['TU'], ['1', '3'], ''],
      [[], [], '1TU,3TH'],
    ]);
    expect(values.places[0]!.stops[0]).toMatchObject({
      name: 'Heaton Road',
      mode: 'bus',
      routes: '62, 63',
      distance_m: '120',
      walk_minutes: '2',
      step_free_route: 'yes',
    });
    expect(values.places[0]!.access.sort()).toEqual(['hearing-loop', 'step-free']);
    expect(values.categories.sort()).toEqual(['befriending', 'food-banks']);
    expect(values.contacts[0]!.phone).toBe('0191 498 0001');
    const empty = {
      ...record,
      service_at_locations: [],
      schedules: [],
      cost_options: [],
      funding: [],
      phones: [],
      contacts: [],
      languages: [],
      service_areas: [],
      attributes: [],
    } as ServiceRecord;
    for (const key of Object.keys(record))
      if (
        ![
          'id',
          'organization',
          'status',
          'last_modified',
          'service_at_locations',
          'schedules',
          'cost_options',
          'funding',
          'phones',
          'contacts',
          'languages',
          'service_areas',
          'attributes',
        ].includes(key)
      )
        delete (empty as Record<string, unknown>)[key];
    const { record: rebuilt } = build(values, empty);
    const strip = (value: unknown): unknown =>
      JSON.parse(
        JSON.stringify(value, (key, item) =>
          key === 'id' ||
          key.endsWith('_id') ||
          ['link_id', 'link_entity', 'taxonomy_term', 'country', 'address_type', 'state_province', 'last_modified'].includes(key)
            ? undefined
            : item,
        ),
      );
    expect(rebuilt.capacity_updated).toBe(TODAY); // space for new people "changed" from nothing
    expect(rebuilt.assured_date).toBeUndefined(); // checked only by "Verified today"
    const { capacity_updated: _a, assured_date: _b, ...rest } = record;
    const { capacity_updated: _c, ...rebuiltRest } = rebuilt;
    expect(strip(rebuiltRest)).toEqual(strip(rest));
    expect(sameMeaning(strip(rebuiltRest), strip(rest))).toBe(true);
  });

  it('changes only the field edited, keeps the ids of existing rows and gives new rows new ids', () => {
    const values = withBlankRows(recordToValues(record));
    values.name = 'Everything Club (Heaton)';
    values.schedules[0]!.opens_at = '10:30';
    values.phones[1] = { ...values.phones[1]!, number: '0191 498 0999', description: 'Mobile' };
    const { record: edited } = build(post(values));
    expect(changedFields(record, edited).map((change) => change.field)).toEqual(['name', 'schedules', 'phones']);
    expect(edited.schedules[0]).toEqual({ ...record.schedules[0], opens_at: '10:30' });
    expect(edited.schedules[1]).toBe(record.schedules[1]);
    expect(edited.phones[0]).toBe(record.phones[0]);
    expect(edited.phones[1]!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(edited.phones[1]!.id).not.toBe(record.phones[0]!.id);
  });

  it('a row ticked "remove" is left out; a posted id the listing never had becomes a new id', () => {
    const values = recordToValues(record);
    values.costs[0]!.remove = true;
    values.languages[0]!.id = uuidFor('language', 'someone-elses');
    const { record: edited } = build(post(values));
    expect(edited.cost_options).toEqual([]);
    expect(edited.languages[0]!.id).not.toBe(uuidFor('language', 'someone-elses'));
    expect(edited.languages[0]!.name).toBe('Polish');
  });

  it('sets capacity_updated to today when the space or waiting time changes', () => {
    const values = recordToValues(record);
    values.waiting_weeks = '6';
    const { record: edited } = build(post(values));
    expect(edited.waiting_weeks).toBe(6);
    expect(edited.capacity_updated).toBe(TODAY);
    expect(build(post(recordToValues(record))).record.capacity_updated).toBe('2026-10-01');
  });

  it('adds categories and accessibility features by term id and removes unticked ones', () => {
    const values = recordToValues(record);
    values.categories = ['befriending', 'debt-advice'];
    values.places[0]!.access = ['step-free', 'quiet-space'];
    const { record: edited } = build(post(values));
    expect(edited.attributes).toHaveLength(2);
    expect(edited.attributes[1]).toMatchObject({ link_type: 'category' });
    expect(edited.attributes[1]!.taxonomy_term_id).toBeTruthy();
    expect(edited.service_at_locations[0]!.location.attributes).toHaveLength(2);
  });

  it('reads and writes days of the week and weeks of the month', () => {
    expect(choicesFromByday('2TH')).toEqual({ days: ['TH'], weeks: ['2'] });
    expect(choicesFromByday('-1FR')).toEqual({ days: ['FR'], weeks: ['-1'] });
    expect(choicesFromByday('1TU,3TH')).toBeNull();
    expect(bydayFromChoices(['WE', 'MO'], [])).toBe('MO,WE');
    expect(bydayFromChoices(['TU'], ['3', '1'])).toBe('1TU,3TU');
  });
});

describe('every listing in the sample directory', () => {
  it("passes the form's checks and comes back identical and valid, so saving an untouched form changes nothing", async () => {
    const sample = await scratchDirectory();
    try {
      await prepareDirectory(sample.directory, sample.search);
      const records = await readServices(sample.directory.db, await serviceIds(sample.directory.db));
      expect(records.length).toBeGreaterThan(300);
      const problems: string[] = [];
      for (const stored of records) {
        const values = post(withBlankRows(recordToValues(stored)));
        const errors = validateValues(values, [stored.organization.id]);
        if (Object.keys(errors).length) {
          problems.push(`${stored.id}: ${JSON.stringify(errors)}`);
          continue;
        }
        const rebuilt = build(values, stored).record;
        if (JSON.stringify(rebuilt) !== JSON.stringify(stored))
          problems.push(
            `${stored.id}: changed ${changedFields(stored, rebuilt)
              .map((c) => c.field)
              .join(', ')}`,
          );
        if ('errors' in validateRecord(rebuilt, 0)) problems.push(`${stored.id}: not valid`);
      }
      expect(problems).toEqual([]);
    } finally {
      await sample.cleanup();
    }
  }, 60_000);
});

describe('validation', () => {
  const allowed = () => [record.organization.id];
  it('passes the stored record', () => {
    expect(validateValues(withBlankRows(recordToValues(record)), allowed())).toEqual({});
  });

  it('gives plain-words messages keyed by the form field', () => {
    const values = withBlankRows(recordToValues(record));
    values.name = ' ';
    values.email = 'not an email';
    values.url = 'club.example.org';
    values.schedules[0]!.opens_at = '25:00';
    values.schedules[0]!.valid_to = '2026-02-30';
    values.costs[0]!.amount = 'five';
    values.funding[0]!.end_date = '2020-01-01';
    values.minimum_age = '40';
    values.maximum_age = '30';
    values.places[0]!.latitude = 'north';
    values.places[0]!.stops[0]!.mode = 'rocket';
    values.phones[1]!.description = 'Only a description';
    values.organization_id = 'someone-elses';
    expect(validateValues(values, allowed())).toEqual({
      name: "Enter the service's name",
      email: 'Enter an email address like name@example.org',
      url: 'Enter the web address in full, starting with https://',
      'schedules.0.opens_at': 'Enter a time on the 24-hour clock, like 09:30 or 14:00',
      'schedules.0.valid_to': 'Enter a real date, like 2026-03-31 (year, month, day)',
      'costs.0.amount': 'Enter the amount in pounds, like 5 or 12.50, or leave it empty',
      'funding.0.end_date': 'The end date must not be before the start date',
      maximum_age: 'The oldest age must not be lower than the youngest age',
      'places.0.latitude': 'Enter the latitude as a number, like -1.61',
      'places.0.stops.0.mode': 'Choose bus, Metro, train, tram or ferry',
      'phones.1.number': 'Enter the phone number',
      organization_id: 'Choose the organisation that runs it from the list',
    });
  });

  it('labels fields in words for the error summary', () => {
    expect(formFieldLabel('schedules.1.opens_at')).toBe('Time 2: opens');
    expect(formFieldLabel('places.0.stops.1.walk_minutes')).toBe('Place 1, stop 2: walk in minutes');
    expect(formFieldLabel('assurer_email')).toBe('Email for checks');
  });

  it('maps publishing problems back to the form row they came from', () => {
    const sources = { places: [2], stops: [[1]], schedules: [0, 3], costs: [], funding: [1], phones: [], contacts: [0], languages: [], areas: [] };
    expect(formFieldFor('schedules[1].opens_at', sources)).toBe('schedules.3.opens_at');
    expect(formFieldFor('service_at_locations[0].location.addresses[0].postal_code', sources)).toBe('places.2.postal_code');
    expect(formFieldFor('service_at_locations[0].location.transport.stops[0].mode', sources)).toBe('places.2.stops.1.mode');
    expect(formFieldFor('funding[0].end_date', sources)).toBe('funding.1.end_date');
    expect(formFieldFor('contacts[0].phones[0].number', sources)).toBe('contacts.0.phone');
    expect(formFieldFor('transport_offered.description', sources)).toBe('transport_description');
    expect(recordErrorsToFields([{ index: 0, id: null, path: 'maximum_age', message: 'must not be lower than minimum_age' }], sources)).toEqual({
      maximum_age: 'Oldest age must not be lower than minimum age',
    });
  });
});

describe('two people editing at once', () => {
  it('seals the opened listing and refuses a changed copy', () => {
    const sealed = sealRecord(record, 'secret');
    expect(unsealRecord(sealed, 'secret')).toEqual(record);
    expect(unsealRecord(sealed, 'other secret')).toBeNull();
    const [data, signed] = sealed.split('.');
    expect(unsealRecord(`${data}x.${signed}`, 'secret')).toBeNull();
    expect(unsealRecord('', 'secret')).toBeNull();
  });

  it('sorts fields into mine, theirs, both and same, and merges onto theirs', () => {
    const opened = record;
    const theirs = { ...record, name: 'Their name', alert: 'Their notice', fees: 'Both said this' } as ServiceRecord;
    const mine = { ...record, name: 'My name', description: 'My description', fees: 'Both said this' } as ServiceRecord;
    const fields = conflictFields(opened, theirs, mine);
    expect(fields.map((f) => [f.field, f.kind])).toEqual([
      ['name', 'both'],
      ['description', 'mine'],
      ['alert', 'theirs'],
      ['fees', 'same'],
    ]);
    expect(missingChoices(fields, {})).toEqual(['name']);
    const keepTheirs = mergeRecords(opened, theirs, mine, { name: 'theirs' });
    expect([keepTheirs.name, keepTheirs.description, keepTheirs.alert, keepTheirs.fees]).toEqual([
      'Their name',
      'My description',
      'Their notice',
      'Both said this',
    ]);
    const useMine = mergeRecords(opened, theirs, mine, { name: 'mine' });
    expect([useMine.name, useMine.description, useMine.alert]).toEqual(['My name', 'My description', 'Their notice']);
  });

  it('a field only I cleared is cleared in the merge', () => {
    const mine = { ...record } as ServiceRecord;
    delete (mine as Record<string, unknown>).alert;
    const merged = mergeRecords(record, { ...record, name: 'Theirs' } as ServiceRecord, mine, {});
    expect(merged.alert).toBeUndefined();
    expect(merged.name).toBe('Theirs');
  });
});
