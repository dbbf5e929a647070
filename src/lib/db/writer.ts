// The bulk writer for a transaction: on SQLite the fast synchronous statements of the raw
// connection (which the transaction runs on: better-sqlite3 has one), on PostgreSQL the same
// operations through Kysely on the transaction's own connection. Both meet one contract
// (tests/integration/bulk-writer-contract.test.ts).
import type { Transaction } from 'kysely';
import type { DirectoryDatabase } from './database';
import type { AsyncBulkWriter } from './bulk-writes';
import type { DatabaseSchema } from './types';
import { kyselyBulkWriter } from './kysely-bulk-writer';
import { bulkWriter, type BulkWriter } from './sqlite/bulk-writer';
import { withLargeCache } from './sqlite/open';

const asyncForms = new WeakMap<BulkWriter, AsyncBulkWriter>();

/** The synchronous writer behind the asynchronous interface: each call runs at once. */
function asAsync(writer: BulkWriter): AsyncBulkWriter {
  let wrapped = asyncForms.get(writer);
  if (!wrapped) {
    wrapped = {
      upsert: async (table, rows, options) => writer.upsert(table, rows, options),
      deleteWhereIn: async (table, column, values, where) => writer.deleteWhereIn(table, column, values, where),
      storedHashes: async (table, ids) => writer.storedHashes(table, ids),
      idsWhereIn: async (table, select, column, values) => writer.idsWhereIn(table, select, column, values),
      rowsWhereIn: async (table, select, column, values) => writer.rowsWhereIn(table, select, column, values),
      insert: async (table, rows) => writer.insert(table, rows),
    };
    asyncForms.set(writer, wrapped);
  }
  return wrapped;
}

/** The bulk writer to use inside `trx`, a transaction on `directory`. */
export function bulkWriterFor(directory: DirectoryDatabase, trx: Transaction<DatabaseSchema>): AsyncBulkWriter {
  return directory.dialect === 'sqlite' ? asAsync(bulkWriter(directory.sqlite)) : kyselyBulkWriter(trx);
}

/**
 * Runs `work` in one transaction on the directory, with the bulk writer for it. `large` (an
 * import of thousands of records) gives SQLite a bigger page cache meanwhile.
 */
export async function inWriteTransaction<T>(
  directory: DirectoryDatabase,
  { large = false }: { large?: boolean },
  work: (trx: Transaction<DatabaseSchema>, bulk: AsyncBulkWriter) => Promise<T>,
): Promise<T> {
  const run = () => directory.db.transaction().execute((trx) => work(trx, bulkWriterFor(directory, trx)));
  return directory.dialect === 'sqlite' && large ? withLargeCache(directory.sqlite, run) : run();
}
