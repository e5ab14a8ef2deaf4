/**
 * Deletes abandoned empty workspaces. Every first visit creates one, and most visitors never come
 * back: a workspace that holds nothing (only its Default experiment, untagged and without runs;
 * no registered model; no progress; no artifact) and has not been seen for
 * `CUVEE_EMPTY_WORKSPACE_DAYS` days is removed. Nothing of value can be lost: a learner who
 * returns with its cookie or resume link simply gets a new, equally empty workspace.
 *
 * instrumentation.ts runs it at start and then periodically (`scheduleWorkspaceSweeps`).
 */
import { getDb, type Db, type Prisma } from "@/lib/server/db";
import { getArtifactStorage } from "@/lib/server/artifacts";
import { DEFAULT_EXPERIMENT_NUMBER } from "./default-experiment";
import { DEFAULT_WORKSPACE_ID, forgetWorkspaces } from "./index";

export const DEFAULT_EMPTY_WORKSPACE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;
/** Between two sweeps; a workspace lives at most this much longer than the configured days. */
export const SWEEP_INTERVAL_MS = 6 * 60 * 60 * 1000;

export function parseEmptyWorkspaceDays(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_EMPTY_WORKSPACE_DAYS;
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`CUVEE_EMPTY_WORKSPACE_DAYS must be a whole number of days (0 = never delete), got "${raw}"`);
  }
  return value;
}

/** Empty and not seen since `cutoff`: written once, used to find candidates and again to delete them. */
function abandonedAndEmpty(cutoff: Date): Prisma.WorkspaceWhereInput {
  return {
    id: { not: DEFAULT_WORKSPACE_ID },
    lastSeenAt: { lt: cutoff },
    experiments: { every: { number: DEFAULT_EXPERIMENT_NUMBER, runs: { none: {} }, tags: { none: {} } } },
    registeredModels: { none: {} },
    progress: { none: {} },
  };
}

async function hasArtifacts(workspaceId: string): Promise<boolean> {
  return (await getArtifactStorage(workspaceId).list("")).length > 0;
}

export interface SweepOptions {
  /** Days without a visit; 0 never deletes anything. */
  idleDays: number;
  /** The clock (tests pass a fake one). */
  now?: Date;
  db?: Db;
}

/** Deletes the abandoned empty workspaces; returns how many. */
export async function sweepEmptyWorkspaces({ idleDays, now = new Date(), db }: SweepOptions): Promise<number> {
  if (idleDays === 0) return 0;
  const client = db ?? (await getDb());
  const cutoff = new Date(now.getTime() - idleDays * DAY_MS);
  let deleted = 0;
  let after = "";
  for (;;) {
    const batch = await client.workspace.findMany({
      where: { AND: [abandonedAndEmpty(cutoff), { id: { gt: after } }] },
      select: { id: true },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    if (batch.length === 0) return deleted;
    after = batch[batch.length - 1]!.id;
    const ids: string[] = [];
    for (const { id } of batch) if (!(await hasArtifacts(id))) ids.push(id);
    if (ids.length === 0) continue;
    // The conditions again, in the delete itself: a workspace used since it was found is kept.
    const { count } = await client.workspace.deleteMany({ where: { AND: [abandonedAndEmpty(cutoff), { id: { in: ids } }] } });
    forgetWorkspaces(client, ids);
    deleted += count;
  }
}

/** Sweeps now, then every SWEEP_INTERVAL_MS, for as long as the process lives. */
export function scheduleWorkspaceSweeps(idleDays: number): void {
  if (idleDays === 0) return;
  const sweep = () =>
    sweepEmptyWorkspaces({ idleDays })
      .then((count) => {
        if (count > 0) console.log(`[workspaces] deleted ${count} empty workspace(s) not seen for ${idleDays} days`);
      })
      .catch((error: unknown) => console.error("[workspaces] sweep failed", error));
  void sweep();
  // unref: a pending sweep never keeps the process alive.
  setInterval(sweep, SWEEP_INTERVAL_MS).unref();
}
