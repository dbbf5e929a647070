// Column shapes the two engines spell differently, for the migrations.
import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import { dialectOf } from '../dialect';

/**
 * A whole-number id the database numbers itself: on SQLite an `integer primary key` (the rowid),
 * on PostgreSQL an identity column (a plain `integer primary key` there is never filled in).
 */
export function numberedId(db: Kysely<unknown>): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return dialectOf(db) === 'postgres' ? (column) => column.primaryKey().generatedByDefaultAsIdentity() : (column) => column.primaryKey();
}
