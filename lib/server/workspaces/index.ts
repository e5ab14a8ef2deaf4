/**
 * Workspaces: an anonymous learner's space. The id is the only credential, so it is unguessable
 * (16 random bytes, base64url: 22 characters). Every workspace has MLflow's Default experiment.
 *
 * The `default` workspace serves the un-prefixed API (`/api/2.0/mlflow/…`), as a plain MLflow
 * server would; it is created on first use, and `CUVEE_DEFAULT_WORKSPACE` (default-mode.ts) may
 * make it read-only or switch it off. It is never a learner's workspace: the web UI never adopts
 * it. Other workspaces are created only by `createWorkspace()`, never from an id a client made up;
 * sweep.ts deletes the empty ones nobody has seen for long.
 */
import { randomBytes } from "node:crypto";
import { getDb, type Db } from "@/lib/server/db";
import { isUniqueViolation } from "@/lib/server/db/helpers";
import { TrackingError } from "@/lib/tracking/protocol";
import { DEFAULT_EXPERIMENT_NUMBER, defaultExperimentData } from "./default-experiment";

export const DEFAULT_WORKSPACE_ID = "default";

/**
 * Ids this server accepts: what `newWorkspaceId()` makes, `default`, and other short URL-safe
 * tokens (fixtures). The check keeps garbage (slashes, huge strings) away from the database.
 */
const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface Workspace {
  id: string;
  createdAt: Date;
}

export function isValidWorkspaceId(id: unknown): id is string {
  return typeof id === "string" && WORKSPACE_ID.test(id);
}

export function newWorkspaceId(): string {
  return randomBytes(16).toString("base64url");
}

function invalidId(id: string): TrackingError {
  return TrackingError.invalidParameterValue(`Invalid workspace id '${id.slice(0, 80)}'`);
}

/**
 * Workspaces known to exist, per database client, and when each was last marked as seen.
 * Remembering them spares every API request a query (bench/ingest, bench/run-loop); the sweep
 * (sweep.ts), the only deleter, forgets what it deletes. On globalThis: instrumentation.ts (which
 * runs the sweep) and the route handlers may each evaluate this module, and must share the memory.
 */
interface Memory {
  known: WeakMap<Db, Map<string, Workspace>>;
  touchedAt: WeakMap<Db, Map<string, number>>;
}
const MEMORY = Symbol.for("cuvee.workspaces");
const memory = ((globalThis as { [MEMORY]?: Memory })[MEMORY] ??= { known: new WeakMap(), touchedAt: new WeakMap() });

function perClient<V>(map: WeakMap<Db, Map<string, V>>, client: Db): Map<string, V> {
  let values = map.get(client);
  if (!values) map.set(client, (values = new Map()));
  return values;
}

function known(client: Db): Map<string, Workspace> {
  return perClient(memory.known, client);
}

/** Forgets deleted workspaces, so that the next lookup asks the database. */
export function forgetWorkspaces(client: Db, ids: Iterable<string>): void {
  const workspaces = known(client);
  const touched = perClient(memory.touchedAt, client);
  for (const id of ids) {
    workspaces.delete(id);
    touched.delete(id);
  }
}

/** `lastSeenAt` is written at most this often per workspace: it only needs day precision. */
const TOUCH_EVERY_MS = 60 * 60 * 1000;

/**
 * Marks the workspace as seen (its `lastSeenAt`), which keeps the sweep away from a workspace in
 * use. Cheap to call on every request: it writes once an hour per workspace.
 */
export async function touchWorkspace(id: string, db?: Db, now: Date = new Date()): Promise<void> {
  const client = db ?? (await getDb());
  const touched = perClient(memory.touchedAt, client);
  const last = touched.get(id);
  if (last !== undefined && now.getTime() - last < TOUCH_EVERY_MS) return;
  touched.set(id, now.getTime());
  await client.workspace.updateMany({ where: { id }, data: { lastSeenAt: now } });
}

/** Creates a workspace with a fresh id and its Default experiment. */
export async function createWorkspace(db?: Db): Promise<Workspace> {
  const client = db ?? (await getDb());
  const row = await client.workspace.create({
    data: { id: newWorkspaceId(), experiments: { create: defaultExperimentData() } },
    select: { id: true, createdAt: true },
  });
  return remember(client, row);
}

/**
 * Makes sure the workspace and its Default experiment exist (idempotent, safe under concurrent
 * calls). For `default` and for server-side setup; the API never calls it with a client's id.
 */
export async function ensureWorkspace(id: string, db?: Db): Promise<Workspace> {
  if (!isValidWorkspaceId(id)) throw invalidId(id);
  const client = db ?? (await getDb());
  const existing = await client.workspace.findUnique({
    where: { id },
    select: { id: true, createdAt: true, experiments: { where: { number: DEFAULT_EXPERIMENT_NUMBER }, select: { id: true } } },
  });
  if (existing && existing.experiments.length > 0) return remember(client, { id: existing.id, createdAt: existing.createdAt });
  try {
    if (existing) {
      await client.experiment.create({ data: { ...defaultExperimentData(), workspace: { connect: { id } } } });
    } else {
      await client.workspace.create({ data: { id, experiments: { create: defaultExperimentData() } } });
    }
  } catch (error) {
    // Another request created it meanwhile: that is the outcome we wanted.
    if (!isUniqueViolation(error)) throw error;
  }
  const row = await client.workspace.findUniqueOrThrow({ where: { id }, select: { id: true, createdAt: true } });
  return remember(client, row);
}

function remember(client: Db, workspace: Workspace): Workspace {
  known(client).set(workspace.id, workspace);
  return workspace;
}

/** False for unknown and malformed ids alike. */
export async function workspaceExists(id: string, db?: Db): Promise<boolean> {
  if (!isValidWorkspaceId(id)) return false;
  const client = db ?? (await getDb());
  if (known(client).has(id)) return true;
  const row = await client.workspace.findUnique({ where: { id }, select: { id: true, createdAt: true } });
  if (row) remember(client, row);
  return row !== null;
}

/**
 * What every API request checks first: the workspace exists. `default` (the un-prefixed API) is
 * created on first use; any other must have been created by the app. Answered from memory once
 * the workspace has been seen.
 */
export async function assertWorkspace(workspaceId: string): Promise<void> {
  const client = await getDb();
  if (workspaceId === DEFAULT_WORKSPACE_ID) {
    if (!known(client).has(workspaceId)) await ensureWorkspace(workspaceId, client);
    return;
  }
  if (!(await workspaceExists(workspaceId, client))) {
    throw TrackingError.resourceDoesNotExist(`Workspace '${workspaceId.slice(0, 80)}' does not exist`);
  }
  await touchWorkspace(workspaceId, client);
}

/**
 * A workspace the web UI may adopt (the cookie, the resume link): an existing one other than
 * `default`, which is shared by everyone who uses the un-prefixed API.
 */
export async function isLearnerWorkspace(id: string, db?: Db): Promise<boolean> {
  return id !== DEFAULT_WORKSPACE_ID && (await workspaceExists(id, db));
}
