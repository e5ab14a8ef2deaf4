/**
 * The Prisma client types the store codes against. Both generated clients (SQLite, PostgreSQL)
 * have the same API; the store is written once against the SQLite one's types.
 */
import type { Db, Prisma } from "@/lib/server/db";

export type { Db };
/** A client or an interactive transaction: what the helpers accept. */
export type DbClient = Db | Prisma.TransactionClient;

/**
 * A unique-constraint violation (P2002). Checked by code rather than `instanceof` so that errors
 * from either generated client (SQLite or PostgreSQL) are recognised.
 */
export function isUniqueViolation(error: unknown): boolean {
  return error !== null && typeof error === "object" && (error as { code?: unknown }).code === "P2002";
}

export function nowMillis(): bigint {
  return BigInt(Date.now());
}

/**
 * What ±Infinity is stored as. MLflow stores ±Number.MAX_VALUE, but Prisma writes floats with 16
 * significant digits, which rounds MAX_VALUE past the largest double (PostgreSQL then refuses it):
 * this is the largest value that survives the round trip on both databases.
 */
export const INFINITY_STAND_IN = 1.7976931348623e308;

/**
 * Options of every interactive transaction. Prisma's defaults (2 s to get a connection, 5 s to
 * finish) are short for PostgreSQL under a burst of concurrent writes on one run (a learner's
 * un-awaited calls, the test suite's parallel files): a request would fail with INTERNAL_ERROR
 * while simply waiting its turn.
 */
export const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;
