// Stable identifiers: Open Referral ids are UUIDs, so content with readable codes gets
// name-based (version 5 style) UUIDs that never change between builds or machines.
import { createHash, randomUUID } from 'node:crypto';

const NAMESPACE = 'community-asset-directory';

/** A UUID derived from a kind and a readable code, e.g. uuidFor('category', 'food'). */
export function uuidFor(kind: string, code: string): string {
  const hash = createHash('sha1').update(`${NAMESPACE}:${kind}:${code}`).digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newId(): string {
  return randomUUID();
}
