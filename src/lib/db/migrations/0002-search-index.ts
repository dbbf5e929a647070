// The SQLite FTS5 search backend's tables: one document per service and its full-text index.
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
  // Porter stemming over unicode61 with diacritics folded; prefix indexes make "walk*" cheap.
  await sql`create virtual table search_fts using fts5(
    name, categories, organization, description,
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '2 3'
  )`.execute(db);
  await sql`create table search_meta (key text primary key, value integer not null)`.execute(db);
  await sql`insert into search_meta (key, value) values ('generation', 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table search_meta`.execute(db);
  await sql`drop table search_fts`.execute(db);
  await sql`drop table search_document`.execute(db);
}
