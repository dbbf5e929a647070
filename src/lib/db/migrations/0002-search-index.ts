// The SQLite FTS5 search backend's tables: one document per service and its full-text index.
import { randomInt } from 'node:crypto';
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table search_document (
    rowid integer primary key,
    service_id text not null unique,
    generation integer not null,
    removed integer not null default 0,
    sort_name text not null,
    assured_date text,
    fields text not null,
    document text not null
  )`.execute(db);
  await db.schema.createIndex('search_document_generation').on('search_document').column('generation').execute();
  // unicode61 with diacritics folded and no stemming in the index, so that a partly typed word
  // ("communit") is the start of the word as written; what people type is stemmed lightly as a
  // search is read (query-text.ts). Prefix indexes make "walk*" cheap. The terms column holds only
  // term tokens ("catfoodbanks"), which typed words are never matched against.
  await sql`create virtual table search_fts using fts5(
    name, categories, organization, description, terms,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
  )`.execute(db);
  await sql`create table search_meta (key text primary key, value integer not null)`.execute(db);
  await sql`insert into search_meta (key, value) values ('generation', 0)`.execute(db);
  // A random number for these tables: a server holding a copy of an older search_document (dropped
  // and made again, or another database file) sees a different epoch and reloads.
  await sql`insert into search_meta (key, value) values ('epoch', ${randomInt(1, 2 ** 47)})`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table search_meta`.execute(db);
  await sql`drop table search_fts`.execute(db);
  await sql`drop table search_document`.execute(db);
}
