// How a service is delivered (in person, by phone, online): as stated, or worked out from its places.
import type { DELIVERY_MODES } from '../openreferral-schema/schemas';

type DeliveryMode = (typeof DELIVERY_MODES)[number];

interface DeliveryLike {
  delivery_modes?: DeliveryMode[] | null;
  service_at_locations: { location: { location_type: string } }[];
  phones?: unknown[];
}

/**
 * The stated delivery modes; when a record states none, "in_person" for a physical place and
 * "online" for a virtual one, or "phone" when it has only phone numbers.
 */
export function effectiveDeliveryModes(record: DeliveryLike): DeliveryMode[] {
  if (record.delivery_modes?.length) return record.delivery_modes;
  const modes = new Set<DeliveryMode>();
  for (const { location } of record.service_at_locations) {
    if (location.location_type === 'virtual') modes.add('online');
    else if (location.location_type === 'physical') modes.add('in_person');
  }
  if (!modes.size && record.phones?.length) modes.add('phone');
  return [...modes];
}
