// Waiting for another connection's write lock without blocking the event loop: SQLite (through
// better-sqlite3) waits for a lock synchronously, which freezes every request in the process. Here
// SQLite is told not to wait at all; a statement that meets a lock is tried again a little later
// (asynchronously, so other requests go on meanwhile), until a time budget runs out, when it fails
// with DatabaseBusyError (answered 503 with Retry-After, never 500).
import { SqliteDialect, type DatabaseConnection, type Driver, type QueryResult, type TransactionSettings, CompiledQuery } from 'kysely';

/** A request that meets a lock waits this long at most before "busy, try again" (503), on either engine. */
export const SERVER_RETRY_FOR_MS = 2_000;

/** The lock stayed held longer than the budget: the caller should say "busy, try again shortly". */
export class DatabaseBusyError extends Error {
  readonly retryAfterSeconds: number;
  constructor(waitedMs: number, cause: unknown) {
    super(`The database stayed locked by another writer for ${Math.round(waitedMs)} ms.`, { cause });
    this.name = 'DatabaseBusyError';
    this.retryAfterSeconds = 2;
  }
}

/**
 * PostgreSQL's answers that mean "another connection holds what this needs; try again": the lock
 * wait ran past lock_timeout (55P03), and the two kinds of conflict a retry resolves (40001, 40P01).
 */
const POSTGRES_BUSY_CODES = new Set(['55P03', '40001', '40P01']);

/**
 * Is this "another connection holds the lock": SQLite's SQLITE_BUSY and its kinds, PostgreSQL's
 * lock timeout and conflicts, or our own error?
 */
export function isDatabaseBusy(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (current instanceof DatabaseBusyError) return true;
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === 'SQLITE_LOCKED' || POSTGRES_BUSY_CODES.has(code))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export interface BusyRetryOptions {
  /** How long a statement may keep meeting a lock before DatabaseBusyError. */
  retryForMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** The pause before each new try: short at first (most locks are brief), then longer. */
const pauseFor = (attempt: number) => Math.min(100, 2 ** attempt) + Math.random() * 5;

/**
 * Runs `work` again while it fails with a busy error, for at most `retryForMs`; between tries,
 * `whileWaiting` (if given) lets other queries of this process use the connection.
 */
export async function retryWhileBusy<T>(
  work: () => Promise<T>,
  { retryForMs }: BusyRetryOptions,
  whileWaiting?: (pause: () => Promise<void>) => Promise<void>,
): Promise<T> {
  const started = performance.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isDatabaseBusy(error) || error instanceof DatabaseBusyError) throw error;
      const waited = performance.now() - started;
      if (waited >= retryForMs) throw new DatabaseBusyError(waited, error);
      const pause = () => sleep(Math.min(pauseFor(attempt), Math.max(1, retryForMs - waited)));
      await (whileWaiting ? whileWaiting(pause) : pause());
    }
  }
}

/** A connection whose statements wait for locks asynchronously. */
class BusyRetryConnection implements DatabaseConnection {
  inTransaction = false;
  constructor(
    readonly inner: DatabaseConnection,
    private readonly driver: BusyRetryDriver,
  ) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // Outside a transaction a statement that met a lock changed nothing, so the connection can be
    // lent to other queries while this one waits; inside one it stays with the transaction.
    return this.driver.retry(() => this.inner.executeQuery<R>(query), this.inTransaction ? undefined : this);
  }

  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class BusyRetryDriver implements Driver {
  #connection: BusyRetryConnection | undefined;
  constructor(
    private readonly inner: Driver,
    private readonly options: BusyRetryOptions,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await this.inner.acquireConnection();
    // SQLite has one connection per database here; wrap it once.
    if (this.#connection?.inner !== inner) this.#connection = new BusyRetryConnection(inner, this);
    return this.#connection;
  }

  retry<T>(work: () => Promise<T>, lend?: BusyRetryConnection): Promise<T> {
    return retryWhileBusy(
      work,
      this.options,
      lend
        ? async (pause) => {
            await this.inner.releaseConnection(lend.inner);
            try {
              await pause();
            } finally {
              await this.inner.acquireConnection();
            }
          }
        : undefined,
    );
  }

  async beginTransaction(connection: DatabaseConnection, _settings: TransactionSettings): Promise<void> {
    const wrapped = connection as BusyRetryConnection;
    // IMMEDIATE: the write lock is taken at the start, where waiting for it is safe, rather than at
    // the first write, where another writer's commit would end the transaction (SQLITE_BUSY_SNAPSHOT).
    await wrapped.executeQuery(CompiledQuery.raw('begin immediate'));
    wrapped.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const wrapped = connection as BusyRetryConnection;
    await wrapped.inner.executeQuery(CompiledQuery.raw('commit'));
    wrapped.inTransaction = false;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const wrapped = connection as BusyRetryConnection;
    try {
      await wrapped.inner.executeQuery(CompiledQuery.raw('rollback'));
    } finally {
      wrapped.inTransaction = false;
    }
  }

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection((connection as BusyRetryConnection).inner);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** Kysely's SQLite dialect with statements that wait for locks asynchronously (see above). */
export class BusyRetrySqliteDialect extends SqliteDialect {
  readonly #options: BusyRetryOptions;
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0], options: BusyRetryOptions) {
    super(config);
    this.#options = options;
  }

  override createDriver(): Driver {
    return new BusyRetryDriver(super.createDriver(), this.#options);
  }
}
