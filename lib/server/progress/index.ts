/**
 * The learner's progress: which blocs of the course are done. A bloc is marked done when its
 * check passed (the caller's job), never merely by a click.
 */
import { getDb, type Db } from "@/lib/server/db";
import { TrackingError } from "@/lib/tracking/protocol";
import { isValidWorkspaceId } from "@/lib/server/workspaces";

function assertBloc(bloc: number): void {
  if (!Number.isSafeInteger(bloc) || bloc < 0) {
    throw TrackingError.invalidParameterValue(`Invalid bloc number ${bloc}: expected an integer ≥ 0`);
  }
}

/** Idempotent: marking a done bloc again keeps its first completion time. */
export async function markBlocDone(workspaceId: string, bloc: number, db?: Db): Promise<void> {
  assertBloc(bloc);
  const client = db ?? (await getDb());
  const exists = isValidWorkspaceId(workspaceId)
    ? await client.workspace.findUnique({ where: { id: workspaceId }, select: { id: true } })
    : null;
  if (!exists) throw TrackingError.resourceDoesNotExist(`No workspace with id=${workspaceId.slice(0, 80)} exists`);
  await client.blocProgress.upsert({
    where: { workspaceId_bloc: { workspaceId, bloc } },
    create: { workspaceId, bloc },
    update: {},
  });
}

/** The done blocs, ascending; [] for an unknown workspace. */
export async function listDoneBlocs(workspaceId: string, db?: Db): Promise<number[]> {
  if (!isValidWorkspaceId(workspaceId)) return [];
  const client = db ?? (await getDb());
  const rows = await client.blocProgress.findMany({
    where: { workspaceId },
    select: { bloc: true },
    orderBy: { bloc: "asc" },
  });
  return rows.map((row) => row.bloc);
}
