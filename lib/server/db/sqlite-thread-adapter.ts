/**
 * Prisma's better-sqlite3 adapter over two connections: writes in a worker thread
 * (lib/server/db/sqlite-thread.mjs), plain reads in the server's thread.
 *
 * better-sqlite3 is synchronous: in the server's own thread, every statement (a 1000-metric
 * log-batch insert takes ~4 ms) stops every other request, and the server's JavaScript work
 * (parsing, validating, Prisma's query planning) cannot overlap the database's. In the worker,
 * writes and transactions run beside that work. But each message to the worker is a round trip
 * (~0.07 ms, more on a busy machine), and most of what the app does is small reads: a `SELECT`
 * outside a transaction runs at once on a read-only connection here. In WAL mode readers never
 * wait for the writer and see every committed write (a write's answer comes after its commit).
 * The Prisma client is unchanged: this is a driver adapter, Prisma's documented extension point.
 * See docs/decisions/009.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
  TransactionOptions,
} from "@prisma/driver-adapter-utils";
import { cacheStatements } from "./sqlite-statement-cache.mjs";

export interface SqliteThreadConfig {
  /** The database file (better-sqlite3's `url`, `file:` prefix optional). */
  url: string;
  /** How long a statement waits for SQLite's write lock (ms). */
  timeout?: number;
}

/** Where the worker's entry is: from the project root, because the server code is bundled by Next. */
const WORKER_ENTRY = path.join(process.cwd(), "lib", "server", "db", "sqlite-thread.mjs");
const ADAPTER_NAME = "@prisma/adapter-better-sqlite3";

interface WorkerError {
  name: string;
  message: string;
  stack?: string;
  cause?: unknown;
}

type Reply = { id: number; result?: unknown; error?: WorkerError } | { ready: true };

/** An error from the worker, as Prisma expects it (a DriverAdapterError is known by name and `cause`). */
function revive(error: WorkerError): Error {
  const revived = new Error(error.message, error.cause === undefined ? undefined : { cause: error.cause });
  revived.name = error.name;
  if (error.stack) revived.stack = error.stack;
  return revived;
}

/** The message channel to one worker: each call gets one answer, in any order. */
class SqliteThread {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #lastId = 0;
  #failure: Error | undefined;
  readonly ready: Promise<void>;

  constructor(config: SqliteThreadConfig) {
    this.#worker = new Worker(WORKER_ENTRY, { workerData: { config } });
    this.ready = new Promise((resolve, reject) => {
      this.#worker.on("message", (reply: Reply) => {
        // From now on the worker keeps the process alive only while a call waits for it: a script
        // or a test may end with the database open.
        if ("ready" in reply) {
          this.#worker.unref();
          return resolve();
        }
        const waiting = this.#waiting.get(reply.id);
        this.#waiting.delete(reply.id);
        if (this.#waiting.size === 0) this.#worker.unref();
        if (reply.error) waiting?.reject(revive(reply.error));
        else waiting?.resolve(reply.result);
      });
      const fail = (error: Error) => {
        this.#failure = error;
        reject(error);
        for (const waiting of this.#waiting.values()) waiting.reject(error);
        this.#waiting.clear();
      };
      this.#worker.on("error", fail);
      this.#worker.on("exit", (code) => fail(new Error(`the SQLite worker thread exited (code ${code})`)));
    });
    // Failures also reach every call; this only keeps an unobserved `ready` from being "unhandled".
    this.ready.catch(() => undefined);
  }

  call<T>(target: number, method: string, args: unknown[]): Promise<T> {
    if (this.#failure) return Promise.reject(this.#failure);
    this.#lastId += 1;
    const id = this.#lastId;
    if (this.#waiting.size === 0) this.#worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ id, target, method, args });
    });
  }

  /** A call nobody waits for: the worker handles messages in order, and answers none for this one. */
  send(target: number, method: string, args: unknown[]): void {
    if (!this.#failure) this.#worker.postMessage({ target, method, args });
  }

  async terminate(): Promise<void> {
    await this.#worker.terminate();
  }
}

class ThreadQueryable {
  readonly provider = "sqlite" as const;
  readonly adapterName = ADAPTER_NAME;
  constructor(
    protected readonly thread: SqliteThread,
    protected readonly target: number,
  ) {}

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.thread.call(this.target, "queryRaw", [query]);
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.thread.call(this.target, "executeRaw", [query]);
  }
}

class ThreadTransaction extends ThreadQueryable implements Transaction {
  constructor(
    thread: SqliteThread,
    transactionId: number,
    readonly options: TransactionOptions,
  ) {
    super(thread, transactionId);
  }

  // Prisma has already sent COMMIT or ROLLBACK (and awaited it); these only let the adapter's next
  // transaction begin, which cannot fail: nothing to wait for.
  commit(): Promise<void> {
    this.thread.send(this.target, "commit", []);
    return Promise.resolve();
  }

  rollback(): Promise<void> {
    this.thread.send(this.target, "rollback", []);
    return Promise.resolve();
  }

  createSavepoint(name: string): Promise<void> {
    return this.thread.call(this.target, "createSavepoint", [name]);
  }

  rollbackToSavepoint(name: string): Promise<void> {
    return this.thread.call(this.target, "rollbackToSavepoint", [name]);
  }

  releaseSavepoint(name: string): Promise<void> {
    return this.thread.call(this.target, "releaseSavepoint", [name]);
  }
}

/**
 * What Prisma's better-sqlite3 adapter answers for every transaction (it sends BEGIN, COMMIT and
 * ROLLBACK as queries). Known in advance so that a transaction need not wait for the worker to
 * start; the worker checks that its adapter agrees.
 */
const TRANSACTION_OPTIONS: TransactionOptions = { usePhantomQuery: false };

/** What may run on the read-only connection: a plain `SELECT` (Prisma's reads all start so). */
const PLAIN_READ = /^\s*SELECT\b/i;

class ThreadAdapter extends ThreadQueryable implements SqlDriverAdapter {
  #lastTransactionId = 0;

  constructor(
    thread: SqliteThread,
    private readonly reader: SqlDriverAdapter,
  ) {
    super(thread, 0);
  }

  override queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return PLAIN_READ.test(query.sql) ? this.reader.queryRaw(query) : super.queryRaw(query);
  }

  executeScript(script: string): Promise<void> {
    return this.thread.call(0, "executeScript", [script]);
  }

  /**
   * Answered at once: a transaction's queries are sent after its start anyway, in order, and a
   * round trip saved is one less wait per transaction. The worker begins it (waiting for the
   * adapter's one-transaction-at-a-time lock) and runs its queries once it has begun; if it
   * cannot begin, its first query fails with the reason.
   */
  startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    this.#lastTransactionId += 1;
    const transactionId = this.#lastTransactionId;
    this.thread.send(0, "startTransaction", [transactionId, isolationLevel ?? null, TRANSACTION_OPTIONS]);
    return Promise.resolve(new ThreadTransaction(this.thread, transactionId, TRANSACTION_OPTIONS));
  }

  async dispose(): Promise<void> {
    await this.reader.dispose().catch(() => undefined);
    await this.thread.call(0, "dispose", []).catch(() => undefined);
    await this.thread.terminate();
  }
}

/** A Prisma adapter factory, used like `new PrismaBetterSqlite3(config)`. */
export class PrismaSqliteThread implements SqlDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName = ADAPTER_NAME;
  constructor(private readonly config: SqliteThreadConfig) {}

  async connect(): Promise<SqlDriverAdapter> {
    const thread = new SqliteThread(this.config);
    await thread.ready;
    // Opened after the worker's connection: the file exists, and a read-only connection cannot create it.
    try {
      const reader = cacheStatements(await new PrismaBetterSqlite3({ ...this.config, readonly: true }).connect());
      return new ThreadAdapter(thread, reader);
    } catch (error) {
      await thread.terminate();
      throw error;
    }
  }
}
