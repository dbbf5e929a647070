// Reads what a result card needs to say how to start (src/lib/directory/how-to-start.ts) for a
// page of results at once, straight from the service table.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../db/types';
import { howToStart, type HowToStart } from './how-to-start';

/** How to start each of the given services; a service whose listing says nothing is left out. */
export async function readHowToStart(db: Kysely<DatabaseSchema>, ids: readonly string[]): Promise<Map<string, HowToStart>> {
  const out = new Map<string, HowToStart>();
  if (!ids.length) return out;
  const rows = await db
    .selectFrom('service')
    .select(['id', 'referral_routes', 'referral_instructions', 'description'])
    .where('id', 'in', [...ids])
    .execute();
  for (const row of rows) {
    const start = howToStart({
      referral_routes: row.referral_routes ? (JSON.parse(row.referral_routes) as string[]) : null,
      referral_instructions: row.referral_instructions,
      description: row.description,
    });
    if (start) out.set(row.id, start);
  }
  return out;
}
