// Import into real SQLite files: valid, invalid, twice, strict, huge; and export back out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { importRecords, recordsOf } from '../../src/lib/openreferral/import';
import { readServices, serviceIds } from '../../src/lib/directory/service-reader';
import { serviceSchema } from '../../src/lib/openreferral-schema/schemas';
import { EMPTY_QUERY } from '../../src/lib/search/filters';
import { migrateDown, migrateToLatest } from '../../src/lib/db/database';
import { scratchDirectory, service, TODAY } from '../fixtures/services';
import { describeOn, testDialect } from '../fixtures/dialect';
import { sql } from 'kysely';

let scratch: Awaited<ReturnType<typeof scratchDirectory>>;
beforeEach(async () => {
  scratch = await scratchDirectory();
});
afterEach(async () => {
  await scratch.cleanup();
});

const walking = service({
  code: 'walk',
  name: 'Heaton Walking Group',
  categories: ['walking-groups'],
  access: ['step-free'],
  schedules: [{ byday: 'TU', opens_at: '10:00', closes_at: '12:00' }],
  costs: [{ option: 'Free', amount: 0 }],
  routes: ['self', 'drop_in'],
  extra: {
    funding: [{ id: '1b0f2c8e-0000-4000-8000-000000000001', source: 'National Lottery', start_date: '2025-04-01', end_date: '2027-03-31' }],
    capacity_status: 'waiting_list',
    waiting_weeks: 3,
    capacity_updated: '2026-11-01',
    support_to_attend: ['bring_someone'],
    first_visit: 'Someone meets you at the gate.',
    group_size: 'small_group',
    referral_instructions: 'Just turn up.',
    phones: [{ id: '1b0f2c8e-0000-4000-8000-000000000002', number: '0191 498 0123' }],
    contacts: [{ id: '1b0f2c8e-0000-4000-8000-000000000003', name: 'Sam', phones: [{ id: '1b0f2c8e-0000-4000-8000-000000000004', number: '07700 900123' }] }],
    languages: [{ id: '1b0f2c8e-0000-4000-8000-000000000005', name: 'Polish', code: 'pl' }],
    service_areas: [{ id: '1b0f2c8e-0000-4000-8000-000000000006', name: 'Newcastle' }],
  },
});

async function tableCounts() {
  const tables = [
    'organization',
    'service',
    'location',
    'service_at_location',
    'address',
    'phone',
    'contact',
    'schedule',
    'cost_option',
    'funding',
    'attribute',
    'language',
    'service_area',
    'search_document',
  ] as const;
  const out: Record<string, number> = {};
  for (const table of tables) {
    out[table] = Number(
      (
        await scratch.directory.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  }
  return out;
}

/** Is every value in `expected` present and equal in `actual`? (Export may add standard fields.) */
function expectContains(actual: unknown, expected: unknown, path = '$'): void {
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, path).toBe(expected.length);
    expected.forEach((item, i) => expectContains((actual as unknown[])[i], item, `${path}[${i}]`));
  } else if (expected && typeof expected === 'object') {
    for (const [key, value] of Object.entries(expected)) {
      if (value === null || value === undefined) continue;
      expectContains((actual as Record<string, unknown>)[key], value, `${path}.${key}`);
    }
  } else {
    expect(actual, path).toEqual(expected);
  }
}

describe('importing Open Referral services', () => {
  it('stores every part of a valid record and makes it searchable', async () => {
    const report = await importRecords(scratch.directory, scratch.search, [walking], { today: TODAY });
    expect(report).toMatchObject({ total: 1, written: 1, unchanged: 0, invalid: [], abandoned: false });
    const counts = await tableCounts();
    expect(counts).toMatchObject({
      service: 1,
      organization: 1,
      schedule: 1,
      cost_option: 1,
      funding: 1,
      phone: 2,
      contact: 1,
      language: 1,
      service_area: 1,
      search_document: 1,
    });
    const result = await scratch.search.search({ ...EMPTY_QUERY, q: 'walking' });
    expect(result.hits.map((hit) => hit.document.name)).toEqual(['Heaton Walking Group']);
  });

  it('changes nothing when the same file is imported twice', async () => {
    await importRecords(scratch.directory, scratch.search, [walking], { today: TODAY });
    const before = await tableCounts();
    const exportBefore = await readServices(scratch.directory.db, await serviceIds(scratch.directory.db));
    const generation = await scratch.directory.db.selectFrom('search_meta').select('value').where('key', '=', 'generation').executeTakeFirstOrThrow();
    const again = await importRecords(scratch.directory, scratch.search, [walking], { today: TODAY });
    expect(again).toMatchObject({ written: 0, unchanged: 1 });
    expect(await tableCounts()).toEqual(before);
    expect(await readServices(scratch.directory.db, await serviceIds(scratch.directory.db))).toEqual(exportBefore);
    const generationAfter = await scratch.directory.db.selectFrom('search_meta').select('value').where('key', '=', 'generation').executeTakeFirstOrThrow();
    expect(generationAfter.value).toBe(generation.value);
  });

  it('replaces a changed record, its schedules and its search document', async () => {
    await importRecords(scratch.directory, scratch.search, [walking], { today: TODAY });
    const changed = {
      ...walking,
      name: 'Heaton Strollers',
      schedules: [{ id: '1b0f2c8e-0000-4000-8000-0000000000aa', freq: 'WEEKLY', byday: 'FR', opens_at: '14:00', closes_at: '15:00' }],
    };
    const report = await importRecords(scratch.directory, scratch.search, [changed], { today: TODAY });
    expect(report.written).toBe(1);
    const [stored] = await readServices(scratch.directory.db, [walking.id as string]);
    expect(stored!.name).toBe('Heaton Strollers');
    expect(stored!.schedules.map((s) => s.byday)).toEqual(['FR']);
    const found = await scratch.search.search({ ...EMPTY_QUERY, q: 'strollers' });
    expect(found.hits.map((hit) => [hit.document.name, hit.document.scheduleText])).toEqual([['Heaton Strollers', 'Fridays, 2pm to 3pm']]);
    expect(await scratch.search.count()).toBe(1);
  });

  it('records in change_history what a later import changed: status, checks, capacity and funding, with old and new values', async () => {
    await importRecords(scratch.directory, scratch.search, [walking], { today: TODAY, source: 'council feed' });
    const history = () => scratch.directory.db.selectFrom('change_history').selectAll().orderBy('id').execute();
    expect(await history()).toEqual([]); // a first import creates; it changes nothing anyone relied on
    const [funding] = walking.funding as { id: string }[];
    const changed = {
      ...walking,
      status: 'temporarily closed',
      assured_date: '2026-11-20',
      capacity_status: 'accepting',
      waiting_weeks: null,
      funding: [
        { ...funding!, end_date: '2027-09-30' },
        { id: '1b0f2c8e-0000-4000-8000-0000000000f1', source: 'Council', end_date: '2028-03-31' },
      ],
    };
    const second = await importRecords(scratch.directory, scratch.search, [changed], { today: TODAY, source: 'council feed' });
    expect(second.invalid).toEqual([]);
    const rows = await history();
    const id = walking.id as string;
    expect(rows.map((row) => [row.entity, row.entity_id, row.action, row.field, row.old_value, row.new_value])).toEqual([
      ['service', id, 'update', 'status', 'active', 'temporarily closed'],
      ['service', id, 'update', 'assured_date', walking.assured_date ?? null, '2026-11-20'],
      ['service', id, 'update', 'capacity_status', 'waiting_list', 'accepting'],
      ['service', id, 'update', 'waiting_weeks', '3', null],
      ['funding', funding!.id, 'update', 'end_date', '2027-03-31', '2027-09-30'],
      ['funding', '1b0f2c8e-0000-4000-8000-0000000000f1', 'create', 'source', null, 'Council'],
      ['funding', '1b0f2c8e-0000-4000-8000-0000000000f1', 'create', 'end_date', null, '2028-03-31'],
    ]);
    expect(new Set(rows.map((row) => row.changed_by))).toEqual(new Set(['import from council feed']));
    expect(rows.every((row) => !Number.isNaN(Date.parse(row.changed_at)))).toBe(true);

    // Funding dropped from the feed is recorded as gone; the same file again records nothing more.
    await importRecords(scratch.directory, scratch.search, [{ ...changed, funding: [] }], { today: TODAY, source: 'council feed' });
    const after = await history();
    expect(after.slice(rows.length).map((row) => [row.entity, row.action, row.old_value])).toEqual([
      ['funding', 'delete', '2027-09-30'],
      ['funding', 'delete', '2028-03-31'],
    ]);
    await importRecords(scratch.directory, scratch.search, [{ ...changed, funding: [] }], { today: TODAY, source: 'council feed' });
    expect(await history()).toHaveLength(after.length);
  });

  it('keeps not_for (who a service is not for) through import, read-back and export, and counts a change to it', async () => {
    const notFor = 'Not for people who need help in a crisis: call 111 instead.';
    const withNotFor = { ...walking, not_for: notFor };
    expect(await importRecords(scratch.directory, scratch.search, [withNotFor], { today: TODAY })).toMatchObject({ written: 1, invalid: [] });
    const row = await scratch.directory.db.selectFrom('service').select(['not_for', 'record_hash']).where('id', '=', walking.id).executeTakeFirstOrThrow();
    expect(row.not_for).toBe(notFor);
    const [stored] = await readServices(scratch.directory.db, [walking.id]);
    expect(stored!.not_for).toBe(notFor);
    // What export writes (scripts/export.ts writes readServices' records as JSON).
    const exported = JSON.parse(JSON.stringify(await readServices(scratch.directory.db, await serviceIds(scratch.directory.db))));
    expect(exported[0].not_for).toBe(notFor);
    expect(serviceSchema.parse(exported[0]).not_for).toBe(notFor);

    // The same record again changes nothing; changing only not_for rewrites it.
    expect(await importRecords(scratch.directory, scratch.search, [withNotFor], { today: TODAY })).toMatchObject({ written: 0, unchanged: 1 });
    const changed = { ...walking, not_for: 'Not for carers of children under 18.' };
    expect(await importRecords(scratch.directory, scratch.search, [changed], { today: TODAY })).toMatchObject({ written: 1, unchanged: 0 });
    const after = await scratch.directory.db.selectFrom('service').select(['not_for', 'record_hash']).where('id', '=', walking.id).executeTakeFirstOrThrow();
    expect(after.not_for).toBe('Not for carers of children under 18.');
    expect(after.record_hash).not.toBe(row.record_hash);
    expect((await readServices(scratch.directory.db, [walking.id]))[0]!.not_for).toBe('Not for carers of children under 18.');

    // Leaving it out clears it, and export then leaves the field out.
    expect(await importRecords(scratch.directory, scratch.search, [walking], { today: TODAY })).toMatchObject({ written: 1 });
    const [cleared] = await readServices(scratch.directory.db, [walking.id]);
    expect(cleared).not.toHaveProperty('not_for');
  });

  it('refuses a not_for that is not text', async () => {
    const report = await importRecords(scratch.directory, scratch.search, [{ ...walking, not_for: 42 }], { today: TODAY });
    expect(report.invalid).toEqual([{ index: 0, id: walking.id, path: 'not_for', message: 'must be text' }]);
  });

  describe('the transport extensions', () => {
    const transport = {
      stops: [
        { name: 'Heaton Road / Chillingham Road', mode: 'bus', routes: ['62', '63'], distance_m: 120, walk_minutes: 2, step_free_route: true },
        { name: 'Chillingham Road', mode: 'metro', routes: ['Yellow'], walk_minutes: 5 },
      ],
      parking: { available: true, free: true, blue_badge: true, notes: 'Behind the hall.' },
      cycle_parking: true,
    };
    const transportOffered = { description: 'Our minibus picks people up from home in Walker and Byker.', eligibility: 'People over 60 who cannot use buses.' };
    const place = (walking.service_at_locations as { id: string; location: Record<string, unknown> }[])[0]!;
    const withPlace = (location: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
      ...walking,
      service_at_locations: [{ ...place, location: { ...place.location, ...location } }],
      ...extra,
    });
    const full = withPlace({ transport }, { transport_offered: transportOffered, home_visits: true });

    it('keeps transport, transport_offered and home_visits through import, read-back and export', async () => {
      expect(await importRecords(scratch.directory, scratch.search, [full], { today: TODAY })).toMatchObject({ written: 1, invalid: [], warnings: [] });
      const serviceRow = await scratch.directory.db
        .selectFrom('service')
        .select(['transport_offered', 'home_visits'])
        .where('id', '=', walking.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(serviceRow.transport_offered!)).toEqual(transportOffered);
      expect(serviceRow.home_visits).toBe(1);
      const locationRow = await scratch.directory.db
        .selectFrom('location')
        .select('transport')
        .where('id', '=', place.location.id as string)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(locationRow.transport!)).toEqual(transport);

      const [stored] = await readServices(scratch.directory.db, [walking.id]);
      expect(stored!.service_at_locations[0]!.location.transport).toEqual(transport);
      expect(stored!.transport_offered).toEqual(transportOffered);
      expect(stored!.home_visits).toBe(true);
      expectContains(stored, serviceSchema.parse(full));

      // What export writes, and that it imports again unchanged.
      const exported = JSON.parse(JSON.stringify(await readServices(scratch.directory.db, await serviceIds(scratch.directory.db))));
      expect(exported[0].service_at_locations[0].location.transport).toEqual(transport);
      expect(exported[0].transport_offered).toEqual(transportOffered);
      expect(exported[0].home_visits).toBe(true);
      const reparsed = serviceSchema.parse(exported[0]);
      expect([reparsed.service_at_locations[0]!.location.transport, reparsed.transport_offered, reparsed.home_visits]).toEqual([
        transport,
        transportOffered,
        true,
      ]);
      // Importing the export gives back the same record.
      expect(await importRecords(scratch.directory, scratch.search, exported, { today: TODAY })).toMatchObject({ invalid: [] });
      expect((await readServices(scratch.directory.db, [walking.id]))[0]).toEqual(stored);
    });

    it('rewrites the service and its place when only transport changes, and clears what is left out', async () => {
      await importRecords(scratch.directory, scratch.search, [full], { today: TODAY });
      const hashes = async () => ({
        service: (await scratch.directory.db.selectFrom('service').select('record_hash').where('id', '=', walking.id).executeTakeFirstOrThrow()).record_hash,
        location: (
          await scratch.directory.db
            .selectFrom('location')
            .select('record_hash')
            .where('id', '=', place.location.id as string)
            .executeTakeFirstOrThrow()
        ).record_hash,
      });
      const before = await hashes();
      const moved = { ...transport, stops: [{ ...transport.stops[0]!, distance_m: 450, walk_minutes: 6 }] };
      const changed = withPlace({ transport: moved }, { transport_offered: transportOffered, home_visits: true });
      expect(await importRecords(scratch.directory, scratch.search, [changed], { today: TODAY })).toMatchObject({ written: 1, unchanged: 0 });
      const after = await hashes();
      expect(after.service).not.toBe(before.service);
      expect(after.location).not.toBe(before.location);
      expect((await readServices(scratch.directory.db, [walking.id]))[0]!.service_at_locations[0]!.location.transport).toEqual(moved);

      // home_visits false is kept as false; leaving the fields out clears them, and export leaves them out.
      await importRecords(scratch.directory, scratch.search, [{ ...walking, home_visits: false }], { today: TODAY });
      const [noVisits] = await readServices(scratch.directory.db, [walking.id]);
      expect(noVisits!.home_visits).toBe(false);
      expect(noVisits).not.toHaveProperty('transport_offered');
      expect(noVisits!.service_at_locations[0]!.location).not.toHaveProperty('transport');
      await importRecords(scratch.directory, scratch.search, [walking], { today: TODAY });
      expect((await readServices(scratch.directory.db, [walking.id]))[0]).not.toHaveProperty('home_visits');
    });

    it('refuses transport of the wrong shape, naming the field', async () => {
      const bad = withPlace(
        { transport: { stops: [{ name: 'Heaton Road', mode: 'rocket', routes: ['62'], distance_m: -5, walk_minutes: 2.5 }], parking: { free: true } } },
        {
          transport_offered: { eligibility: 'Anyone' },
          home_visits: 'yes',
        },
      );
      const report = await importRecords(scratch.directory, scratch.search, [bad], { today: TODAY });
      expect(report.written).toBe(0);
      const at = 'service_at_locations[0].location.transport';
      expect(report.invalid.map((error) => `${error.path} ${error.message}`)).toEqual([
        `${at}.stops[0].mode must be one of bus, metro, train, tram, ferry`,
        `${at}.stops[0].distance_m must not be negative`,
        `${at}.stops[0].walk_minutes must be a whole number of minutes`,
        `${at}.parking.available is required`,
        'transport_offered.description is required',
        'home_visits must be true or false',
      ]);
      expect(report.invalid.every((error) => error.id === walking.id && error.index === 0)).toBe(true);
    });

    it('warns when transport is given for an online place', async () => {
      const online = service({ code: 'online-transport', name: 'Online Group', locationType: 'virtual' });
      const [sal] = online.service_at_locations as { location: Record<string, unknown> }[];
      sal!.location.transport = { stops: [{ name: 'Monument', mode: 'metro' }] };
      const report = await importRecords(scratch.directory, scratch.search, [online], { today: TODAY });
      expect(report.written).toBe(1);
      expect(report.warnings).toEqual([
        expect.objectContaining({ path: 'service_at_locations[0].location.transport', message: expect.stringContaining('virtual place') }),
      ]);
    });
  });

  it('skips invalid records, saying where and why, and imports the rest', async () => {
    const bad = { ...service({ code: 'bad', name: 'Bad one' }), status: 'open', schedules: [{ id: 'x', opens_at: '25:00' }] };
    const noName = { id: 'no-name', status: 'active', organization: { id: 'o', name: 'Org' } };
    const report = await importRecords(scratch.directory, scratch.search, [walking, bad, noName], { today: TODAY });
    expect(report.written).toBe(1);
    expect(report.invalid).toEqual([
      { index: 1, id: bad.id, path: 'schedules[0].opens_at', message: 'is "25:00", which is not a time written as HH:MM' },
      { index: 1, id: bad.id, path: 'status', message: 'must be one of "active", "inactive", "defunct", "temporarily closed"' },
      { index: 2, id: 'no-name', path: 'name', message: 'is required' },
    ]);
    expect((await tableCounts()).service).toBe(1);
  });

  it('words type errors for people', async () => {
    const record = { ...service({ code: 'types', name: 'Types' }), minimum_age: 'twelve', schedules: 'weekly', organization: 'Age UK', email: 'nope' };
    const report = await importRecords(scratch.directory, scratch.search, [record], { today: TODAY });
    expect(report.invalid.map((e) => `${e.path} ${e.message}`)).toEqual([
      'email must be an email address',
      'minimum_age must be a number',
      'organization must be an object with fields',
      'schedules must be a list',
    ]);
  });

  it('imports nothing with --strict when any record is invalid', async () => {
    const bad = { ...service({ code: 'bad', name: 'Bad one' }), minimum_age: 30, maximum_age: 20 };
    const report = await importRecords(scratch.directory, scratch.search, [walking, bad], { today: TODAY, strict: true });
    expect(report.abandoned).toBe(true);
    expect(report.invalid[0]).toMatchObject({ index: 1, path: 'maximum_age' });
    expect((await tableCounts()).service).toBe(0);
    expect((await tableCounts()).search_document).toBe(0);
  });

  it('keeps whole, and says so, an attribute naming a taxonomy term nobody has defined', async () => {
    const record = { ...service({ code: 't', name: 'T' }), attributes: [{ id: 'a1', taxonomy_term_id: 'no-such-term' }] };
    const report = await importRecords(scratch.directory, scratch.search, [record], { today: TODAY });
    expect(report.invalid).toEqual([]);
    expect(report.keptWhole).toEqual([{ index: 0, id: record.id, path: 'attributes[0]', message: expect.stringContaining('not in the directory') }]);
    expect((await tableCounts()).attribute).toBe(0);
  });

  it('imports a record listed twice in one file once, and refuses a second, different record with the same id', async () => {
    const twice = await importRecords(scratch.directory, scratch.search, [walking, walking], { today: TODAY });
    expect(twice.invalid).toEqual([]);
    expect(twice.warnings).toEqual([{ index: 1, id: walking.id, path: 'id', message: expect.stringContaining('imported once') }]);
    expect(twice.written).toBe(1);
    const report = await importRecords(scratch.directory, scratch.search, [walking, { ...walking, name: 'Another walk' }], { today: TODAY });
    expect(report.invalid).toEqual([{ index: 1, id: walking.id, path: 'id', message: expect.stringContaining('record 0') }]);
  });

  it('says when two records give one place or organisation differently, and which is kept', async () => {
    const first = service({ code: 'shared-a', name: 'Shared Place Lunch', organization: 'Shared Trust' }) as Record<string, any>;
    const second = service({ code: 'shared-b', name: 'Shared Place Games', organization: 'Shared Trust' }) as Record<string, any>;
    const place = first.service_at_locations[0];
    const same = { ...second, service_at_locations: [{ ...second.service_at_locations[0], location: place.location }] };
    const agreeing = await importRecords(scratch.directory, scratch.search, [first, same], { today: TODAY });
    expect(agreeing.warnings).toEqual([]);
    const differing = {
      ...same,
      organization: { ...first.organization, description: 'Another description.' },
      service_at_locations: [{ ...same.service_at_locations[0], location: { ...place.location, name: 'The hall (back door)' } }],
    };
    const report = await importRecords(scratch.directory, scratch.search, [first, differing], { today: TODAY });
    expect(report.invalid).toEqual([]);
    expect(report.warnings.map((warning) => [warning.index, warning.path, warning.message])).toEqual([
      [1, 'service_at_locations[0].location', expect.stringContaining(`is the place "${place.location.id}", which record 0 gave differently`)],
      [1, 'organization', expect.stringContaining('the last one given is kept')],
    ]);
    const [stored] = await readServices(scratch.directory.db, [first.id]);
    expect(stored!.service_at_locations[0]!.location.name).toBe('The hall (back door)');
    expect(stored!.organization.description).toBe('Another description.');
  });

  it('leaves nothing half-written when the database refuses a write', async () => {
    await importRecords(scratch.directory, scratch.search, [walking], { today: TODAY });
    const before = await tableCounts();
    // A trigger makes the second service's insert fail part way through the transaction.
    if (scratch.directory.dialect === 'sqlite') {
      scratch.directory.sqlite.exec(`create trigger refuse before insert on service when new.name = 'Refused' begin select raise(abort, 'refused'); end`);
    } else {
      await sql`create function refuse() returns trigger language plpgsql as $$ begin
        if new.name = 'Refused' then raise exception 'refused'; end if; return new; end $$`.execute(scratch.directory.db);
      await sql`create trigger refuse before insert on service for each row execute function refuse()`.execute(scratch.directory.db);
    }
    const fine = service({ code: 'fine', name: 'Fine Group' });
    const refused = service({ code: 'refused', name: 'Refused' });
    await expect(importRecords(scratch.directory, scratch.search, [fine, refused], { today: TODAY })).rejects.toThrow('refused');
    expect(await tableCounts()).toEqual(before);
    expect((await scratch.search.search({ ...EMPTY_QUERY, q: 'fine' })).total).toBe(0);
  });

  it('refuses a child id that belongs to another service, rather than moving the row', async () => {
    const a = service({ code: 'owner-a', name: 'Alpha Group', schedules: [{ byday: 'TU', opens_at: '10:00', closes_at: '11:00' }] });
    await importRecords(scratch.directory, scratch.search, [a], { today: TODAY });
    const stolenId = (a.schedules as { id: string }[])[0]!.id;
    const b = {
      ...service({ code: 'owner-b', name: 'Beta Group' }),
      schedules: [{ id: stolenId, freq: 'WEEKLY', byday: 'FR', opens_at: '10:00', closes_at: '11:00' }],
    };
    const fine = service({ code: 'owner-c', name: 'Gamma Group' });
    const report = await importRecords(scratch.directory, scratch.search, [fine, b], { today: TODAY });
    expect(report.invalid).toEqual([{ index: 1, id: b.id, path: 'schedules[0].id', message: expect.stringContaining('belongs to another service') }]);
    expect(report.written).toBe(1);
    const [storedA] = await readServices(scratch.directory.db, [a.id]);
    expect(storedA!.schedules.map((s) => s.byday)).toEqual(['TU']);
    expect(await readServices(scratch.directory.db, [b.id])).toEqual([]);
    expect((await scratch.search.search({ ...EMPTY_QUERY, day: ['tue'] })).hits.map((h) => h.document.name)).toEqual(['Alpha Group']);
    // The same inside one file: the first record keeps the id.
    const twin = { ...service({ code: 'owner-d', name: 'Delta Group' }), schedules: [{ id: 'shared-in-file', freq: 'WEEKLY', byday: 'MO' }] };
    const twin2 = { ...service({ code: 'owner-e', name: 'Epsilon Group' }), schedules: [{ id: 'shared-in-file', freq: 'WEEKLY', byday: 'SA' }] };
    const strict = await importRecords(scratch.directory, scratch.search, [twin, twin2], { today: TODAY, strict: true });
    expect(strict.abandoned).toBe(true);
    expect(strict.invalid).toEqual([expect.objectContaining({ index: 1, path: 'schedules[0].id' })]);
    expect(await readServices(scratch.directory.db, [twin.id])).toEqual([]);
  });

  it('updates the search results of every service at a place or organisation that changed', async () => {
    const shared = { organization: 'shared-org', access: ['step-free'] };
    const a = service({ code: 'share-a', name: 'Alpha Club', ...shared });
    const c = service({ code: 'share-c', name: 'Charlie Club', ...shared });
    // Both services at one place (each with its own service_at_location id).
    const placeOfA = (a.service_at_locations as { location: Record<string, unknown> }[])[0]!.location;
    c.service_at_locations = [{ id: 'sal-charlie', location: placeOfA }];
    const first = await importRecords(scratch.directory, scratch.search, [a, c], { today: TODAY });
    expect(first.invalid).toEqual([]);
    expect((await scratch.search.search({ ...EMPTY_QUERY, access: ['step-free'] })).total).toBe(2);
    const place = { id: 'sal-charlie', location: { ...placeOfA, attributes: [] } };
    const changedC = { ...c, service_at_locations: [place], organization: { ...(c.organization as object), name: 'Renamed Trust' } };
    await importRecords(scratch.directory, scratch.search, [changedC], { today: TODAY });
    expect((await scratch.search.search({ ...EMPTY_QUERY, access: ['step-free'] })).total).toBe(0);
    const alpha = await scratch.search.search({ ...EMPTY_QUERY, q: 'alpha' });
    expect(alpha.hits.map((h) => h.document.organization.name)).toEqual(['Renamed Trust']);
    const [storedA] = await readServices(scratch.directory.db, [a.id]);
    expect(storedA!.organization.name).toBe('Renamed Trust');
  });

  it('reads the three feed shapes', () => {
    expect(recordsOf(walking)).toEqual([walking]);
    expect(recordsOf([walking])).toEqual([walking]);
    expect(recordsOf({ total_items: 1, contents: [walking] })).toEqual([walking]);
    expect(() => recordsOf('nonsense')).toThrow(/not Open Referral service data/);
  });

  it('reads an organisation as its services, each under it, and a service at a location as its service there', () => {
    const { organization, ...bare } = walking as unknown as Record<string, unknown> & { organization: Record<string, unknown> };
    const other = { ...bare, id: 'other-service', organization: { id: 'its-own', name: 'Its own organisation' } };
    expect(recordsOf({ ...organization, services: [bare, other] })).toEqual([{ ...bare, organization }, other]);
    const [place] = walking.service_at_locations as Record<string, unknown>[];
    const noPlaces = { ...walking, service_at_locations: [] };
    expect(recordsOf({ ...place, service: noPlaces })).toEqual([{ ...walking, service_at_locations: [place] }]);
    // A service that lists the place already is taken as it is, not given the place twice.
    expect(recordsOf({ contents: [{ ...place, service: walking }] })).toEqual([walking]);
  });

  it('imports a large file in one go', async () => {
    const records = Array.from({ length: 3000 }, (_, i) =>
      service({
        code: `bulk-${i}`,
        name: `Bulk Group ${i}`,
        organization: `org-${i % 300}`,
        categories: ['social-groups'],
        schedules: [{ byday: 'MO', opens_at: '10:00', closes_at: '11:00' }],
        costs: [{ option: 'Free', amount: 0 }],
      }),
    );
    const progress: number[] = [];
    const report = await importRecords(scratch.directory, scratch.search, records, { today: TODAY, onProgress: (done) => progress.push(done) });
    expect(report.written).toBe(3000);
    expect(progress.at(-1)).toBe(3000);
    expect(progress.length).toBeGreaterThan(1);
    expect(await scratch.search.count()).toBe(3000);
    expect((await tableCounts()).organization).toBe(300);
  });
});

describe('exporting', () => {
  it('gives back the data that was imported, and is stable through a second round trip', async () => {
    await importRecords(scratch.directory, scratch.search, [walking], { today: TODAY });
    const exported = await readServices(scratch.directory.db, await serviceIds(scratch.directory.db));
    expectContains(exported[0], serviceSchema.parse(walking));
    const second = await scratchDirectory();
    try {
      await importRecords(second.directory, second.search, exported, { today: TODAY });
      expect(await readServices(second.directory.db, await serviceIds(second.directory.db))).toEqual(exported);
    } finally {
      await second.cleanup();
    }
  });

  const example = '../shared/oruk/examples/service_full.json';
  it.skipIf(!existsSync(example))('imports the official ORUK example and exports it unchanged', async () => {
    const raw = JSON.parse(readFileSync(example, 'utf8'));
    const report = await importRecords(scratch.directory, scratch.search, recordsOf(raw), { today: TODAY });
    expect(report.invalid).toEqual([]);
    expect(report.warnings[0]!.message).toContain('not a real place');
    const [exported] = await readServices(scratch.directory.db, [raw.id]);
    // Every field of the official example comes back as it was, times with their seconds.
    expectContains(exported, raw);
  });
});

describe('the database file', () => {
  it.skipIf(testDialect() !== 'sqlite')('runs with write-ahead logging and foreign keys on', () => {
    if (scratch.directory.dialect !== 'sqlite') return;
    expect(scratch.directory.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(scratch.directory.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});

// On PostgreSQL: tests/integration/postgres-migrations.test.ts.
describeOn('sqlite')('migrations on SQLite', () => {
  const sqlite = () => {
    if (scratch.directory.dialect !== 'sqlite') throw new Error('SQLite only');
    return scratch.directory.sqlite;
  };
  const columnsOf = (table: string) => (sqlite().prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);

  it('go down and up again', async () => {
    await importRecords(scratch.directory, scratch.search, [{ ...walking, not_for: 'Not for children.', home_visits: true }], { today: TODAY });
    const tableNames = () => (sqlite().prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]).map((t) => t.name);
    const indexNames = () => (sqlite().prepare(`select name from sqlite_master where type = 'index'`).all() as { name: string }[]).map((t) => t.name);
    expect(indexNames()).toContain('location_latitude_longitude');
    expect(tableNames()).toContain('search_outbox');
    await migrateDown(scratch.directory.db); // 0017: the search outbox
    expect(tableNames()).not.toContain('search_outbox');
    const tablesBefore = tableNames();
    await migrateDown(scratch.directory.db); // 0016: PostgreSQL's rate-limit windows in 64 bits, nothing on SQLite
    expect(tableNames()).toEqual(tablesBefore);
    await migrateDown(scratch.directory.db); // 0015: PostgreSQL's search tables, nothing on SQLite
    expect(tableNames()).toEqual(tablesBefore);
    await migrateDown(scratch.directory.db); // 0014: places by position
    expect(indexNames()).not.toContain('location_latitude_longitude');
    await migrateDown(scratch.directory.db); // 0013: the taxonomy crosswalk
    expect(tableNames()).not.toContain('taxonomy_crosswalk');
    expect(tableNames()).toContain('shortlist');
    await migrateDown(scratch.directory.db); // 0012: per-location schedules, phones and contacts; kept properties; feed pulls
    expect(tableNames()).not.toContain('feed_pull');
    for (const table of ['schedule', 'phone', 'contact']) expect(columnsOf(table)).not.toContain('service_at_location_id');
    expect(columnsOf('service')).not.toContain('extra_properties');
    await migrateDown(scratch.directory.db); // 0011: postcodes' councils and wards, sector and district centres
    expect(tableNames()).not.toContain('postcode_centre');
    expect(columnsOf('postcode')).not.toContain('council_code');
    expect(columnsOf('postcode')).toContain('source');
    await migrateDown(scratch.directory.db); // 0010: shortlists, referral and unmet-need counts, gaps, key services
    for (const table of ['shortlist', 'shortlist_item', 'referral_count', 'unmet_need_count', 'gap', 'key_service']) expect(tableNames()).not.toContain(table);
    expect(tableNames()).toContain('user_account');
    await migrateDown(scratch.directory.db); // 0009: accounts, suggestions, notes, the audit log, the outbox
    for (const table of [
      'user_account',
      'user_session',
      'invitation',
      'organization_editor',
      'trusted_organization',
      'audit_event',
      'suggestion',
      'suggestion_field',
      'practitioner_note',
      'outbox_message',
    ]) {
      expect(tableNames()).not.toContain(table);
    }
    expect(columnsOf('problem_report')).not.toContain('resolved_by');
    expect(columnsOf('problem_report')).toContain('resolved_at');
    await migrateDown(scratch.directory.db); // 0008: reminders' send attempts
    expect(columnsOf('reminder')).not.toContain('attempts');
    expect(columnsOf('reminder')).toContain('status');
    await migrateDown(scratch.directory.db); // 0007: reminders
    expect(tableNames()).not.toContain('reminder');
    expect(tableNames()).toEqual(expect.arrayContaining(['confirmation_link', 'change_history', 'app_setting']));
    await migrateDown(scratch.directory.db); // 0006: confirmation links, change history, app settings
    expect(tableNames()).not.toContain('confirmation_link');
    expect(tableNames()).not.toContain('change_history');
    expect(tableNames()).not.toContain('app_setting');
    expect(tableNames()).toEqual(expect.arrayContaining(['problem_report', 'link_check', 'rate_limit']));
    await migrateDown(scratch.directory.db); // 0005: problem reports, link checks, rate limits
    expect(tableNames()).not.toContain('problem_report');
    expect(tableNames()).not.toContain('rate_limit');
    expect(tableNames()).toContain('postcode');
    await migrateDown(scratch.directory.db); // 0004: places and the transport extensions
    expect(columnsOf('service')).not.toContain('home_visits');
    expect(columnsOf('service')).not.toContain('transport_offered');
    expect(columnsOf('location')).not.toContain('transport');
    expect(columnsOf('service')).toContain('not_for');
    await migrateDown(scratch.directory.db); // 0003: service.not_for
    expect(columnsOf('service')).not.toContain('not_for');
    expect(columnsOf('service')).toContain('first_visit');
    expect((await tableCounts()).service).toBe(1);
    await migrateDown(scratch.directory.db);
    await migrateDown(scratch.directory.db);
    const tables = sqlite().prepare(`select name from sqlite_master where type = 'table' and name not like 'kysely%'`).all();
    expect(tables).toEqual([]);
    await migrateToLatest(scratch.directory.db);
    expect((await tableCounts()).service).toBe(0);
    expect(columnsOf('service')).toContain('not_for');
    expect(columnsOf('location')).toContain('transport');
    expect(tableNames()).toEqual(
      expect.arrayContaining(['problem_report', 'link_check', 'rate_limit', 'confirmation_link', 'change_history', 'app_setting', 'reminder']),
    );
    expect(columnsOf('reminder')).toEqual(expect.arrayContaining(['attempts', 'last_attempt_at']));
    expect(tableNames()).toEqual(expect.arrayContaining(['user_account', 'user_session', 'suggestion', 'practitioner_note', 'audit_event']));
    expect(tableNames()).toEqual(expect.arrayContaining(['shortlist', 'shortlist_item', 'referral_count', 'unmet_need_count', 'gap', 'key_service']));
    expect(tableNames()).toContain('taxonomy_crosswalk');
  });
});
