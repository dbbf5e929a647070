// Reads one organisation with every service it runs, for the organisation's page.
import type { Kysely, Selectable } from 'kysely';
import type { DatabaseSchema, OrganizationTable } from '../db/types';
import type { ServiceRecord } from '../openreferral-schema/schemas';
import { readServices } from './service-reader';

export interface OrganisationWithServices {
  organization: Selectable<OrganizationTable>;
  /** Its services, open ones first, each group by name. */
  services: ServiceRecord[];
}

export async function readOrganisation(db: Kysely<DatabaseSchema>, id: string): Promise<OrganisationWithServices | undefined> {
  const organization = await db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst();
  if (!organization) return undefined;
  const ids = (await db.selectFrom('service').select('id').where('organization_id', '=', id).execute()).map((row) => row.id);
  const services = (await readServices(db, ids)).sort(
    (a, b) => Number(a.status !== 'active') - Number(b.status !== 'active') || a.name.localeCompare(b.name, 'en-GB'),
  );
  return { organization, services };
}
