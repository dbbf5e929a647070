// A feed's per-location details on the built server: a service whose times, phone and contact
// are given for one of its places shows them under that place, is found by that day in search
// and in the Open Referral API's day filter, and the API serves them back on the service at location.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../fixtures/server';
import { service } from '../fixtures/services';

type Json = Record<string, any>;
const uuid = (n: number) => `5e1a0000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const base = service({ code: 'per-place', name: 'Saturday Repair Cafe' }) as Json;
const sal = base.service_at_locations[0];
const record: Json = {
  ...base,
  schedules: [],
  service_at_locations: [
    {
      ...sal,
      schedules: [{ id: uuid(1), freq: 'WEEKLY', byday: 'SA', opens_at: '09:30:00', closes_at: '12:00:00' }],
      phones: [{ id: uuid(2), number: '0191 498 0777' }],
      contacts: [{ id: uuid(3), name: 'Pat at the hall' }],
    },
  ],
};

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ fixtures: [record] });
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

describe('per-location schedules, phones and contacts', () => {
  it('are shown under their place on the service page', async () => {
    const html = await (await fetch(server.url(`/services/${record.id}`))).text();
    const where = html.slice(html.indexOf('id="where-heading"'));
    expect(where).toContain('When, at this place');
    expect(where).toMatch(/Saturday[^<]*9:30am to 12 noon/);
    expect(where).toContain('0191 498 0777');
    expect(where).toContain('Pat at the hall');
    expect(html).toContain('Times differ from place to place');
  });

  it('make the service found by that day, and not by another', async () => {
    const saturday = (await (await fetch(server.url('/api/search?day=sat'))).json()) as Json;
    expect(JSON.stringify(saturday)).toContain(record.id);
    const monday = (await (await fetch(server.url('/api/search?day=mon'))).json()) as Json;
    expect(JSON.stringify(monday)).not.toContain(record.id);
    const api = (await (await fetch(server.url('/openreferral/services?day=SA'))).json()) as Json;
    expect(api.contents.map((each: Json) => each.id)).toEqual([record.id]);
  });

  it('are served back on the service at location', async () => {
    const one = (await (await fetch(server.url(`/openreferral/service_at_locations/${sal.id}`))).json()) as Json;
    expect(one.schedules).toEqual([expect.objectContaining({ id: uuid(1), opens_at: '09:30:00', byday: 'SA' })]);
    expect(one.phones).toEqual([{ id: uuid(2), number: '0191 498 0777' }]);
    expect(one.contacts).toEqual([expect.objectContaining({ id: uuid(3), name: 'Pat at the hall' })]);
  });
});
