// Every phone number a listing gives (its own, its contacts', its places', its organisation's),
// so a note may mention them without being taken for an NHS number.
import type { ServiceRecord } from '../openreferral-schema/schemas';

export function phonesOf(service: ServiceRecord): string[] {
  const numbers: string[] = [];
  const visit = (value: unknown, key: string | null, depth: number): void => {
    if (depth > 8 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const item of value) {
        if (key === 'phones' && item && typeof item === 'object' && typeof (item as { number?: unknown }).number === 'string') {
          numbers.push((item as { number: string }).number);
        } else {
          visit(item, key, depth + 1);
        }
      }
      return;
    }
    for (const [childKey, child] of Object.entries(value)) visit(child, childKey, depth + 1);
  };
  visit(service, null, 0);
  return numbers;
}
