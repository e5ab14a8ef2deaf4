import type { AppliedMigration, Migration } from "./migrations";

/** One database, as the migrator needs it. */
export interface MigrationTarget {
  /**
   * Runs `work` in one transaction that no other migrator (another process starting at the
   * same time) can interleave with; commits if `work` resolves, rolls back if it throws.
   */
  exclusive<T>(work: (tx: MigrationTransaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface MigrationTransaction {
  /** The applied migrations (creating the bookkeeping table on first use). */
  applied(): Promise<AppliedMigration[]>;
  /** Runs a migration's SQL and records it. */
  apply(migration: Migration): Promise<void>;
}
