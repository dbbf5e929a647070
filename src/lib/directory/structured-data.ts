// schema.org structured data (JSON-LD) for a service page, so search engines and other tools
// can read what it is, who runs it, where, when and what it costs. Only what the record says.
import type { ServiceRecord } from '../openreferral-schema/schemas';
import { currentCostOptions, isFreeOption } from './cost';
import { isCurrent } from './schedule-text';

const DAY_NAMES: Record<string, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

type Json = Record<string, unknown>;

/** Leaves out properties with no value, so the data never claims what the record does not say. */
function defined(value: Json): Json {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)));
}

/** The object, or nothing when it has no property but its type. */
function withContent(value: Json): Json | undefined {
  const kept = defined(value);
  return Object.keys(kept).some((key) => key !== '@type') ? kept : undefined;
}

/** Weekly opening hours: one specification per schedule with plain weekdays ("TU,TH"), not "2TU". */
function openingHours(service: ServiceRecord, today: string): Json[] {
  return service.schedules
    .filter((schedule) => isCurrent(schedule, today) && (schedule.freq ?? 'WEEKLY') === 'WEEKLY' && schedule.byday)
    .flatMap((schedule) => {
      const days = schedule
        .byday!.split(',')
        .map((day) => DAY_NAMES[day])
        .filter((day): day is string => Boolean(day));
      if (!days.length) return [];
      return [
        defined({
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: days.map((day) => `https://schema.org/${day}`),
          opens: schedule.opens_at ?? undefined,
          closes: schedule.closes_at ?? undefined,
          validFrom: schedule.valid_from ?? undefined,
          validThrough: schedule.valid_to ?? undefined,
        }),
      ];
    });
}

export function serviceStructuredData(service: ServiceRecord, today: string, pageUrl: string): Json {
  const places = service.service_at_locations.map(({ location }) => location).filter((location) => location.location_type !== 'virtual');
  const costOptions = currentCostOptions(service.cost_options, today);
  const offers = costOptions
    .filter((option) => option.amount != null)
    .map((option) =>
      defined({
        '@type': 'Offer',
        name: option.option ?? undefined,
        description: option.amount_description ?? undefined,
        price: option.amount!.toFixed(2),
        priceCurrency: option.currency ?? 'GBP',
      }),
    );
  const hours = openingHours(service, today);
  return defined({
    '@context': 'https://schema.org',
    '@type': 'Service',
    '@id': pageUrl,
    url: pageUrl,
    name: service.name,
    alternateName: service.alternate_name ?? undefined,
    description: service.description ?? undefined,
    provider: defined({
      '@type': 'Organization',
      name: service.organization.name,
      url: service.organization.website ?? undefined,
      email: service.organization.email ?? undefined,
    }),
    areaServed: service.service_areas.map((area) => area.name).filter(Boolean),
    isAccessibleForFree: costOptions.length > 0 && costOptions.every(isFreeOption) ? true : undefined,
    offers,
    hoursAvailable: hours,
    availableLanguage: service.languages.map((language) => language.name ?? language.code).filter(Boolean),
    audience:
      service.eligibility_description || service.minimum_age != null || service.maximum_age != null
        ? defined({
            '@type': 'PeopleAudience',
            audienceType: service.eligibility_description ?? undefined,
            suggestedMinAge: service.minimum_age ?? undefined,
            suggestedMaxAge: service.maximum_age ?? undefined,
          })
        : undefined,
    availableChannel: withContent({
      '@type': 'ServiceChannel',
      serviceUrl: service.url ?? undefined,
      servicePhone: service.phones[0] ? { '@type': 'ContactPoint', telephone: service.phones[0].number } : undefined,
      serviceLocation: places.map((location) => {
        const address = location.addresses[0];
        return defined({
          '@type': 'Place',
          name: location.name ?? undefined,
          address: address
            ? defined({
                '@type': 'PostalAddress',
                streetAddress: [address.address_1, address.address_2].filter(Boolean).join(', '),
                addressLocality: address.city ?? undefined,
                addressRegion: address.region ?? address.state_province ?? undefined,
                postalCode: address.postal_code ?? undefined,
                addressCountry: address.country ?? undefined,
              })
            : undefined,
          geo:
            location.latitude != null && location.longitude != null && Math.abs(location.latitude) <= 90 && Math.abs(location.longitude) <= 180
              ? { '@type': 'GeoCoordinates', latitude: location.latitude, longitude: location.longitude }
              : undefined,
          openingHoursSpecification: hours,
        });
      }),
    }),
  });
}
