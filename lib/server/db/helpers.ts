/**
 * What every store (tracking, registry, workspaces, progress) codes against besides the client
 * itself. Both generated clients (SQLite, PostgreSQL) have the same API; the stores are written
 * once against the SQLite one's types. Types only from `./index`: importing this module never
 * opens a database.
 */
import type { Db, Prisma } from "./index";

/** A client or an interactive transaction: what the helpers accept. */
export type DbClient = Db | Prisma.TransactionClient;

/**
 * A unique-constraint violation (P2002). Checked by code rather than `instanceof` so that errors
 * from either generated client (SQLite or PostgreSQL) are recognised.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error !== null && typeof error === "object" && (error as { code?: unknown }).code === "P2002";
}

/**
 * A write refused because the database is saturated: SQLite's writer queue is full or the
 * write's turn did not come in time (write-turns.ts), or PostgreSQL's pool gave no connection
 * within maxWait (Prisma's P2028 "Unable to start a transaction"). By name and code rather than
 * `instanceof`: the class may come from another bundle chunk, the code from either client.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (error === null || typeof error !== "object") return false;
  const { name, code, message } = error as { name?: unknown; code?: unknown; message?: unknown };
  if (name === "DatabaseBusyError") return true;
  return code === "P2028" && typeof message === "string" && message.includes("Unable to start a transaction");
}

export function nowMillis(): bigint {
  return BigInt(Date.now());
}

/**
 * Options of every interactive transaction. Prisma's defaults (2 s to get a connection, 5 s to
 * finish) are short for PostgreSQL under a burst of concurrent writes on one run (a learner's
 * un-awaited calls, the test suite's parallel files): a request would fail with INTERNAL_ERROR
 * while simply waiting its turn.
 */
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

/** Last value wins when a key repeats, as MLflow's tag dictionaries do. */
export function dedupeByKey(pairs: readonly { key: string; value: string }[]): { key: string; value: string }[] {
  return [...new Map(pairs.map((p) => [p.key, { key: p.key, value: p.value }])).values()];
}

/**
 * The largest value of an `Int` column (PostgreSQL INTEGER, 32-bit signed). Ids that clients send
 * as numbers (experiment_id, a model version) are checked against it before a query: PostgreSQL
 * refuses a larger parameter outright (a 500), while it can only name a row that does not exist.
 */
export const MAX_INT_COLUMN = 2_147_483_647;

export function fitsIntColumn(value: number): boolean {
  return Number.isInteger(value) && value >= -MAX_INT_COLUMN - 1 && value <= MAX_INT_COLUMN;
}
