// The worker-thread side of lib/server/db/sqlite-thread-adapter.ts: Prisma's own better-sqlite3
// adapter on the read-write connection, run here so that SQLite's synchronous work for writes
// and transactions does not stop the server's event loop (plain reads stay on the server's
// thread). Plain JavaScript because Node starts it as is, from the `next start` server and from
// tests alike, with no build step.
//
// Protocol: one message per call, `target` 0 for the adapter or a transaction's id.
//   parent port → { id, target, method, args }   answered once: ← { id, result } or { id, error }
//   sync port   → { id, target, method, args }   the server thread blocks until the answer:
//                 ← { id, result } or { id, error }, then `syncSignal` is bumped and notified.
//                 A transaction's calls all come this way: startTransaction (args: the id the
//                 server thread chose, isolation level, expected options), its statements,
//                 commit, rollback (see ThreadTransaction in sqlite-thread-adapter.ts).
// The worker says { ready: true } on the parent port once the database is open.
import { parentPort, workerData } from "node:worker_threads";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { cacheStatements } from "./sqlite-statement-cache.mjs";

if (!parentPort) throw new Error("sqlite-thread.mjs runs in a worker thread");
const port = parentPort;

const adapter = await new PrismaBetterSqlite3(workerData.config).connect();
cacheStatements(adapter);
/**
 * Open transactions by the id the server thread gave them (as promises: `call` awaits them alike).
 * @type {Map<number, Promise<import("@prisma/driver-adapter-utils").Transaction>>}
 */
const transactions = new Map();

/** Begins a transaction; answered once it has begun (or could not). */
async function startTransaction(transactionId, isolationLevel, expectedOptions) {
  const transaction = await adapter.startTransaction(isolationLevel ?? undefined);
  if (JSON.stringify(transaction.options) !== JSON.stringify(expectedOptions)) {
    await transaction.rollback();
    throw new Error(`the SQLite adapter's transaction options changed: ${JSON.stringify(transaction.options)}; update TRANSACTION_OPTIONS`);
  }
  transactions.set(transactionId, Promise.resolve(transaction));
}

/** Prisma recognises a driver error by its name and its `cause` (the mapped error kind), kept here. */
function plainError(error) {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  return { name: error.name, message: error.message, stack: error.stack, cause: error.cause };
}

const COMMIT = { sql: "COMMIT", args: [], argTypes: [] };
const ROLLBACK = { sql: "ROLLBACK", args: [], argTypes: [] };

/**
 * A statement sent outside any transaction runs in one of its own. The connection is shared:
 * run while another request's transaction is open (between two of its queries), the statement
 * would become part of it, and be undone by its rollback after being answered as done (a
 * metrics-only log-batch beside a refused param). The adapter's transactions take turns.
 */
async function runAlone(method, args) {
  const transaction = await adapter.startTransaction();
  try {
    const result = await transaction[method](...args);
    await transaction.executeRaw(COMMIT);
    return result;
  } catch (error) {
    await transaction.executeRaw(ROLLBACK).catch(() => undefined);
    throw error;
  } finally {
    // Only lets the adapter's next transaction begin (COMMIT or ROLLBACK has been sent).
    await transaction.commit();
  }
}

async function call(target, method, args) {
  if (method === "startTransaction") return startTransaction(...args);
  if (target === 0) {
    return method === "queryRaw" || method === "executeRaw" ? runAlone(method, args) : adapter[method](...args);
  }
  const started = transactions.get(target);
  if (!started) throw new Error(`no open transaction ${target}`);
  if (method === "commit" || method === "rollback") {
    transactions.delete(target);
    // A transaction that never began has nothing to end.
    const transaction = await started.catch(() => undefined);
    return transaction?.[method]();
  }
  const transaction = await started;
  return transaction[method](...args);
}

/** Every call is answered, even when its error cannot be copied to the other thread as is. */
function answer(id, reply) {
  try {
    port.postMessage({ id, ...reply });
  } catch (error) {
    port.postMessage({ id, error: { name: "Error", message: `SQLite worker: ${String(error)}` } });
  }
}

port.on("message", ({ id, target, method, args }) => {
  // Not awaited in turn: a write waiting for the adapter's lock must not hold up the others.
  call(target, method, args).then(
    (result) => answer(id, { result }),
    (error) => answer(id, { error: plainError(error) }),
  );
});

/** @type {import("node:worker_threads").MessagePort} */
const syncPort = workerData.syncPort;
const syncSignal = workerData.syncSignal;

/** Puts the answer on the sync port, then wakes the server thread blocked in `callSync`. */
function answerSync(id, reply) {
  try {
    syncPort.postMessage({ id, ...reply });
  } catch (error) {
    syncPort.postMessage({ id, error: { name: "Error", message: `SQLite worker: ${String(error)}` } });
  }
  Atomics.add(syncSignal, 0, 1);
  Atomics.notify(syncSignal, 0);
}

syncPort.on("message", ({ id, target, method, args }) => {
  call(target, method, args).then(
    (result) => answerSync(id, { result }),
    (error) => answerSync(id, { error: plainError(error) }),
  );
});
port.postMessage({ ready: true });
