// The PostgreSQL search backend's own tables (src/lib/search/postgres): nothing on SQLite, whose
// full-text index is FTS5 (0002). They live in their own schema, `postgres_search`, beside the
// search_document and search_meta tables both engines share:
// - `text`: each searchable document's words as a weighted tsvector (name A, categories B,
//   organisation C, description D) and its term tokens ("catfoodbanks") as another, so that typed
//   words never match a token;
// - `word`: every word of the documents with how many have it, for correcting spelling, with a
//   trigram index (pg_trgm) to find the words close to a misspelt one.
import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect';

export async function up(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create schema postgres_search`.execute(db);
  await sql`create table postgres_search.text (
    rowid bigint primary key references public.search_document (rowid) on delete cascade,
    words tsvector not null,
    terms tsvector not null
  )`.execute(db);
  await sql`create index text_words on postgres_search.text using gin (words)`.execute(db);
  await sql`create index text_terms on postgres_search.text using gin (terms)`.execute(db);
  // "C" collation: words compare by code point, so a prefix is a range of the primary key.
  await sql`create table postgres_search.word (
    word text collate "C" primary key,
    documents integer not null
  )`.execute(db);
  await sql`create index word_trigrams on postgres_search.word using gin (word gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`drop schema postgres_search cascade`.execute(db);
}
