// schema.org data for a service page: what the record says, and nothing it does not.
import { describe, expect, it } from 'vitest';
import { serviceStructuredData } from '../../src/lib/directory/structured-data';
import { validateRecord } from '../../src/lib/openreferral/import';
import { service, TODAY } from '../fixtures/services';
import type { ServiceRecord } from '../../src/lib/openreferral-schema/schemas';

const record = (spec: Parameters<typeof service>[0]): ServiceRecord => {
  const checked = validateRecord(service(spec), 0);
  if (!('record' in checked)) throw new Error(JSON.stringify(checked.errors));
  return checked.record;
};
const URL_OF_PAGE = 'https://example.org/services/x';

describe('serviceStructuredData', () => {
  it('describes a weekly group with its place, hours, provider and price', () => {
    const data = serviceStructuredData(
      record({
        code: 'walk',
        name: 'Walking group',
        description: 'A gentle walk.',
        schedules: [{ byday: 'TU,TH', opens_at: '10:00', closes_at: '12:00', freq: 'WEEKLY' }],
        costs: [{ option: 'Each walk', amount: 2, currency: 'GBP' }],
        minimumAge: 18,
        extra: { phones: [{ id: '4f6b8f2e-0000-4000-8000-000000000001', number: '0191 000 0000' }] },
      }),
      TODAY,
      URL_OF_PAGE,
    );
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Service',
      url: URL_OF_PAGE,
      name: 'Walking group',
      description: 'A gentle walk.',
      provider: { '@type': 'Organization' },
      offers: [{ '@type': 'Offer', name: 'Each walk', price: '2.00', priceCurrency: 'GBP' }],
      hoursAvailable: [{ dayOfWeek: ['https://schema.org/Tuesday', 'https://schema.org/Thursday'], opens: '10:00', closes: '12:00' }],
      audience: { '@type': 'PeopleAudience', suggestedMinAge: 18 },
      availableChannel: {
        servicePhone: { telephone: '0191 000 0000' },
        serviceLocation: [{ '@type': 'Place', address: { '@type': 'PostalAddress', postalCode: 'NE1 1AA' }, geo: { latitude: 54.97 } }],
      },
    });
    expect(data).not.toHaveProperty('isAccessibleForFree');
  });

  it('says free only when every price is free, and leaves out what is not known', () => {
    const data = serviceStructuredData(
      record({
        code: 'chat',
        name: 'Phone friends',
        locationType: null,
        modes: ['phone'],
        costs: [{ option: 'Free', amount: 0 }],
      }),
      TODAY,
      URL_OF_PAGE,
    );
    expect(data.isAccessibleForFree).toBe(true);
    expect(data).not.toHaveProperty('audience');
    expect(data).not.toHaveProperty('hoursAvailable');
    expect(data).not.toHaveProperty('availableChannel');
  });

  it('leaves out monthly and expired schedules rather than claim weekly hours', () => {
    const data = serviceStructuredData(
      record({
        code: 'monthly',
        name: 'Monthly café',
        schedules: [
          { byday: '2TU', freq: 'MONTHLY', opens_at: '10:00', closes_at: '12:00' },
          { byday: 'WE', freq: 'WEEKLY', opens_at: '10:00', closes_at: '12:00', valid_to: '2020-01-01' },
        ],
      }),
      TODAY,
      URL_OF_PAGE,
    );
    expect(data).not.toHaveProperty('hoursAvailable');
  });
});
