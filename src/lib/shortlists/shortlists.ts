// Shortlists: lists of services anyone can build and hand to someone, with no account. A list
// holds service ids and dates only (no personal data), and is deleted once it expires.
//
// Lifetime: SHORTLIST_DAYS (default 90) from the list's LAST CHANGE. Every change (create, add,
// remove, reorder) moves expires_at on by the full lifetime, so a list someone is still using
// does not vanish; reading it does not (a handout on a fridge should not live for ever).
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DatabaseSchema } from '../db/types';
import { appConfig, type Config } from '../config';
import { readServices } from '../directory/service-reader';
import type { ServiceRecord } from '../openreferral-schema/schemas';
import { newShortlistId } from './shortlist-id';

type Db = Kysely<DatabaseSchema>;

/** The most services one list can hold: a handout, not a directory. */
export const MAX_SHORTLIST_SERVICES = 20;
const DAY_MS = 86_400_000;
/** Expired lists are purged at most this often per process, when a list is created. */
const PURGE_EVERY_MS = 60 * 60 * 1000;
let lastPurged = 0;

/** A service id as it arrives in a form: a non-empty id of sensible length. */
export const serviceIdSchema = z.string().trim().min(1).max(200);

/** How many days a list lives after its last change: SHORTLIST_DAYS (1 to 3650), else 90. */
export function shortlistDays(config: Config = appConfig()): number {
  return config.SHORTLIST_DAYS;
}

function expiresAt(now: Date, config: Config = appConfig()): string {
  return new Date(now.getTime() + shortlistDays(config) * DAY_MS).toISOString();
}

export interface Shortlist {
  id: string;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  /** Service ids in the list's order. */
  serviceIds: string[];
}

export type ShortlistLookup =
  | { state: 'live'; shortlist: Shortlist }
  /** It was there but has expired: now purged. */
  | { state: 'expired' }
  | { state: 'unknown' };

/** Makes a new, empty list. Now and then, purges expired lists first. */
export async function createShortlist(db: Db, now = new Date()): Promise<Shortlist> {
  if (now.getTime() - lastPurged > PURGE_EVERY_MS) {
    lastPurged = now.getTime();
    await purgeExpiredShortlists(db, now);
  }
  const stamp = now.toISOString();
  const row = { id: newShortlistId(), created_at: stamp, updated_at: stamp, expires_at: expiresAt(now) };
  await db.insertInto('shortlist').values(row).execute();
  return { id: row.id, createdAt: stamp, updatedAt: stamp, expiresAt: row.expires_at, serviceIds: [] };
}

/** Deletes every expired list and its services; returns how many lists. */
export async function purgeExpiredShortlists(db: Db, now = new Date()): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const stamp = now.toISOString();
    await trx
      .deleteFrom('shortlist_item')
      .where('shortlist_id', 'in', trx.selectFrom('shortlist').select('id').where('expires_at', '<=', stamp))
      .execute();
    const result = await trx.deleteFrom('shortlist').where('expires_at', '<=', stamp).executeTakeFirst();
    return Number(result.numDeletedRows);
  });
}

async function deleteShortlist(db: Db, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('shortlist_item').where('shortlist_id', '=', id).execute();
    await trx.deleteFrom('shortlist').where('id', '=', id).execute();
  });
}

/** The list with this (already validated) id; an expired one is purged on the spot. */
export async function findShortlist(db: Db, id: string, now = new Date()): Promise<ShortlistLookup> {
  const row = await db.selectFrom('shortlist').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return { state: 'unknown' };
  if (row.expires_at <= now.toISOString()) {
    await deleteShortlist(db, id);
    return { state: 'expired' };
  }
  const items = await db.selectFrom('shortlist_item').select('service_id').where('shortlist_id', '=', id).orderBy('position').orderBy('added_at').execute();
  return {
    state: 'live',
    shortlist: {
      id: row.id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      expiresAt: row.expires_at,
      serviceIds: items.map((item) => item.service_id),
    },
  };
}

export type ChangeOutcome = { ok: true; shortlist: Shortlist } | { ok: false; reason: 'gone' | 'full' | 'no-such-service' | 'not-on-list' };

export type ShortlistChange = { action: 'add'; serviceId: string } | { action: 'remove'; serviceId: string } | { action: 'up' | 'down'; serviceId: string };

/**
 * Adds, removes or moves one service, in one transaction, and moves the expiry on by the full
 * lifetime. Adding a service already on the list changes nothing but the expiry.
 */
export async function changeShortlist(db: Kysely<DatabaseSchema>, id: string, change: ShortlistChange, now = new Date()): Promise<ChangeOutcome> {
  // Read and written in one transaction holding the list, so two adds at once cannot take it past its limit.
  return db.transaction().execute((trx) => changeInTransaction(trx, id, change, now));
}

async function changeInTransaction(db: Transaction<DatabaseSchema>, id: string, change: ShortlistChange, now: Date): Promise<ChangeOutcome> {
  // Take the list for this transaction before reading it: an update that changes nothing locks
  // its row on PostgreSQL (whose transactions otherwise read side by side, so two servers' adds
  // could each see 19 and make 21) and takes the write lock at once on SQLite.
  await db
    .updateTable('shortlist')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', id)
    .execute();
  const lookup = await findShortlist(db, id, now);
  if (lookup.state !== 'live') return { ok: false, reason: 'gone' };
  const order = [...lookup.shortlist.serviceIds];
  const index = order.indexOf(change.serviceId);
  if (change.action === 'add') {
    if (index === -1) {
      if (order.length >= MAX_SHORTLIST_SERVICES) return { ok: false, reason: 'full' };
      const exists = await db.selectFrom('service').select('id').where('id', '=', change.serviceId).executeTakeFirst();
      if (!exists) return { ok: false, reason: 'no-such-service' };
      order.push(change.serviceId);
    }
  } else {
    if (index === -1) return { ok: false, reason: 'not-on-list' };
    if (change.action === 'remove') order.splice(index, 1);
    const to = change.action === 'up' ? index - 1 : change.action === 'down' ? index + 1 : index;
    if (change.action !== 'remove' && to >= 0 && to < order.length) {
      [order[index], order[to]] = [order[to]!, order[index]!];
    }
  }
  const stamp = now.toISOString();
  const expires = expiresAt(now);
  await (async (trx: Transaction<DatabaseSchema>) => {
    await trx.updateTable('shortlist').set({ updated_at: stamp, expires_at: expires }).where('id', '=', id).execute();
    if (change.action === 'add' && index === -1) {
      await trx
        .insertInto('shortlist_item')
        .values({ shortlist_id: id, service_id: change.serviceId, position: order.length - 1, added_at: stamp })
        .onConflict((conflict) => conflict.columns(['shortlist_id', 'service_id']).doNothing())
        .execute();
    }
    if (change.action === 'remove') {
      await trx.deleteFrom('shortlist_item').where('shortlist_id', '=', id).where('service_id', '=', change.serviceId).execute();
    }
    if (change.action !== 'add') {
      for (const [position, serviceId] of order.entries()) {
        await trx.updateTable('shortlist_item').set({ position }).where('shortlist_id', '=', id).where('service_id', '=', serviceId).execute();
      }
    }
  })(db);
  return { ok: true, shortlist: { ...lookup.shortlist, updatedAt: stamp, expiresAt: expires, serviceIds: order } };
}

/** A live list and its services as full records, in the list's order (services since removed from the directory are left out). */
export async function readShortlistServices(db: Db, shortlist: Shortlist): Promise<ServiceRecord[]> {
  return readServices(db, shortlist.serviceIds);
}
