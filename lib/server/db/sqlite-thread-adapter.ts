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
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
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
import { WriteTurns, type WriteTurnLimits } from "./write-turns";
import { recordWriteWait } from "./write-wait";

export interface SqliteThreadConfig {
  /** The database file (better-sqlite3's `url`, `file:` prefix optional). */
  url: string;
  /** How long a statement waits for SQLite's write lock (ms). */
  timeout?: number;
  /** The bound on transactions waiting for the writer (see write-turns.ts); defaults below. */
  writeTurns?: WriteTurnLimits;
}

/**
 * A burst of a class's writes fits (each transaction holds the writer for about a millisecond of
 * work); beyond that, or after waiting well under Prisma's maxWait (15 s, helpers.ts), a write is
 * refused with a 503 instead of failing later with a 500.
 */
const DEFAULT_WRITE_TURNS: WriteTurnLimits = { maxWaiting: 1_000, maxWaitMs: 5_000 };

/**
 * How long the server thread blocks for one statement of a transaction. A statement that waits
 * for SQLite's own lock gives up after the busy timeout (5 s): past this, the worker is stuck.
 */
const SYNC_CALL_TIMEOUT_MS = 60_000;

/** How long a blocking call sleeps between two looks at its port when no signal wakes it (ms). */
const SYNC_POLL_MS = 2;

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
type SyncReply = { id: number; result?: unknown; error?: WorkerError };

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
  /** The channel of blocking calls: read with receiveMessageOnPort, never by a listener. */
  readonly #syncPort: MessagePort;
  /** Bumped by the worker after each answer it puts on #syncPort. */
  readonly #syncSignal = new Int32Array(new SharedArrayBuffer(4));
  #lastSyncId = 0;

  constructor(config: SqliteThreadConfig) {
    const { port1, port2 } = new MessageChannel();
    this.#syncPort = port1;
    this.#syncPort.unref();
    this.#worker = new Worker(WORKER_ENTRY, {
      workerData: { config, syncPort: port2, syncSignal: this.#syncSignal },
      transferList: [port2],
    });
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

  /**
   * A call that blocks this thread until the worker answers: the answer is used in the same turn
   * of the event loop, before any other request's work (see ThreadTransaction).
   */
  callSync<T>(target: number, method: string, args: unknown[]): T {
    if (this.#failure) throw this.#failure;
    this.#lastSyncId += 1;
    const id = this.#lastSyncId;
    this.#syncPort.postMessage({ id, target, method, args });
    const deadline = performance.now() + SYNC_CALL_TIMEOUT_MS;
    for (;;) {
      const received = receiveMessageOnPort(this.#syncPort)?.message as SyncReply | undefined;
      // An answer to another id belongs to a call given up on (the channel is then broken): dropped.
      if (received?.id === id) {
        if (received.error) throw revive(received.error);
        return received.result as T;
      }
      if (received) continue;
      if (performance.now() > deadline) {
        // A late answer could be taken for a later call's: this channel cannot be used again.
        this.#failure = new Error(`the SQLite worker thread did not answer ${method} within ${SYNC_CALL_TIMEOUT_MS} ms`);
        throw this.#failure;
      }
      // The worker bumps the counter after each answer it sends. The wait is short because under
      // load an answer was seen to be signalled before this thread could take it from the port
      // (integration suite): the port is looked at again rather than the signal trusted.
      Atomics.wait(this.#syncSignal, 0, Atomics.load(this.#syncSignal, 0), SYNC_POLL_MS);
    }
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

/** A blocking call as the promise Prisma expects (a failure rejects it, it never throws). */
function settled<T>(call: () => T): Promise<T> {
  try {
    return Promise.resolve(call());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * A transaction whose statements block the server thread until the worker has run them.
 *
 * The transaction holds SQLite's one writer from BEGIN to COMMIT. Answered by message, each of
 * its statements would resume only when the server thread next gets round to the worker's
 * answer: behind every request already queued (a class's panels poll several times a second),
 * so a transaction of five statements held the writer for five turns of a saturated event loop,
 * every other write waited for it, and transactions expired (P2028, 30 s) in the queue. Answered
 * synchronously, the answer resumes Prisma in the same turn (its continuations are microtasks),
 * so from BEGIN to COMMIT nothing else runs on this thread and the writer is held only for the
 * transaction's own work. Blocking costs the thread the SQLite time of these small statements;
 * big writes (a metrics-only log-batch) stay asynchronous, outside any transaction.
 * See docs/decisions/011.
 */
class ThreadTransaction implements Transaction {
  readonly provider = "sqlite" as const;
  readonly adapterName = ADAPTER_NAME;

  constructor(
    private readonly thread: SqliteThread,
    private readonly target: number,
    readonly options: TransactionOptions,
    private readonly endTurn: () => void,
  ) {}

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return settled(() => this.thread.callSync<SqlResultSet>(this.target, "queryRaw", [query]));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return settled(() => this.thread.callSync<number>(this.target, "executeRaw", [query]));
  }

  // Prisma has already sent COMMIT or ROLLBACK; these release the worker adapter's lock, then
  // this thread's turn.
  commit(): Promise<void> {
    return this.#end("commit");
  }

  rollback(): Promise<void> {
    return this.#end("rollback");
  }

  createSavepoint(name: string): Promise<void> {
    return settled(() => this.thread.callSync<void>(this.target, "createSavepoint", [name]));
  }

  rollbackToSavepoint(name: string): Promise<void> {
    return settled(() => this.thread.callSync<void>(this.target, "rollbackToSavepoint", [name]));
  }

  releaseSavepoint(name: string): Promise<void> {
    return settled(() => this.thread.callSync<void>(this.target, "releaseSavepoint", [name]));
  }

  #end(method: "commit" | "rollback"): Promise<void> {
    try {
      return settled(() => this.thread.callSync<void>(this.target, method, []));
    } finally {
      this.endTurn();
    }
  }
}

/**
 * What Prisma's better-sqlite3 adapter answers for every transaction (it sends BEGIN, COMMIT and
 * ROLLBACK as queries), stated here so that the worker's answer to a BEGIN carries nothing; the
 * worker checks that its adapter agrees.
 */
const TRANSACTION_OPTIONS: TransactionOptions = { usePhantomQuery: false };

/** What may run on the read-only connection: a plain `SELECT` (Prisma's reads all start so). */
const PLAIN_READ = /^\s*SELECT\b/i;

class ThreadAdapter extends ThreadQueryable implements SqlDriverAdapter {
  #lastTransactionId = 0;

  constructor(
    thread: SqliteThread,
    private readonly reader: SqlDriverAdapter,
    private readonly turns: WriteTurns,
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
   * Waits (asynchronously) for this thread's turn, then begins in the worker, blocking: the worker
   * adapter's lock is then free or held only by a write the worker finishes on its own (a
   * statement outside any transaction), never by another transaction of this thread, which
   * could not go on while this thread blocks. Beyond the turn's limits the write is refused.
   */
  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const asked = performance.now();
    const endTurn = await this.turns.acquire().finally(() => recordWriteWait(performance.now() - asked));
    this.#lastTransactionId += 1;
    const transactionId = this.#lastTransactionId;
    try {
      this.thread.callSync(0, "startTransaction", [transactionId, isolationLevel ?? null, TRANSACTION_OPTIONS]);
    } catch (error) {
      endTurn();
      throw error;
    }
    return new ThreadTransaction(this.thread, transactionId, TRANSACTION_OPTIONS, endTurn);
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
      return new ThreadAdapter(thread, reader, new WriteTurns(this.config.writeTurns ?? DEFAULT_WRITE_TURNS));
    } catch (error) {
      await thread.terminate();
      throw error;
    }
  }
}
