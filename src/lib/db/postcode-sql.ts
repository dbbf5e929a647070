// The SQL both engines share for writing postcodes (postcode-writes.ts): the columns, and how a
// file's postcode meets one stored already.
import type { PostcodeTable } from './types';

/** Where a written postcode came from (the directory's own addresses are written elsewhere). */
export type PostcodeRowSource = 'shipped' | 'gb' | 'ons' | 'codepoint';

/** One postcode to write, as the files give it: a postcode row without its source. */
export type PostcodeValues = Omit<PostcodeTable, 'source'>;

export const POSTCODE_COLUMNS = ['postcode', 'outward', 'latitude', 'longitude', 'source', 'council_code', 'council_name', 'ward_code', 'ward_name'] as const;

export function postcodeConflictSql(source: PostcodeRowSource): string {
  return `on conflict (postcode) do update set
       outward = excluded.outward, latitude = excluded.latitude, longitude = excluded.longitude, source = excluded.source,
       council_code = excluded.council_code,
       council_name = coalesce(excluded.council_name, case when excluded.council_code = postcode.council_code then postcode.council_name end),
       ward_code = excluded.ward_code,
       ward_name = coalesce(excluded.ward_name, case when excluded.ward_code = postcode.ward_code then postcode.ward_name end)
     ${source === 'shipped' ? "where postcode.source in ('directory', 'shipped')" : ''}`;
}
