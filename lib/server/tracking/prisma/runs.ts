/** Runs in the Prisma store: create, get, update (log-batch and search live beside it). */
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/server/db";
import { dedupeByKey, type DbClient } from "@/lib/server/db/helpers";
import { TrackingError, validateTag } from "@/lib/tracking/protocol";
import { DEFAULT_EXPERIMENT_ID, MLFLOW_RUN_NAME_TAG, runArtifactUri } from "../constants";
import type { Run, RunInfo } from "../entities";
import { generateRunName } from "../run-names";
import type { CreateRunInput, UpdateRunInput } from "../store";
import { assertExperimentActive, findExperimentRow } from "./experiments";
import { runInclude, runInfoInclude, toRun, toRunInfo } from "./mappers";

export function runNotFound(runId: string): TrackingError {
  return TrackingError.resourceDoesNotExist(`Run with id=${runId} not found`);
}

/** A run of this workspace (runs of other workspaces do not exist from here). */
export async function findRunRow<I extends Prisma.RunInclude>(
  db: DbClient,
  workspaceId: string,
  runId: string,
  include: I,
): Promise<Prisma.RunGetPayload<{ include: I }>> {
  const row = await db.run.findFirst({ where: { id: runId, experiment: { workspaceId } }, include });
  if (!row) throw runNotFound(runId);
  return row as Prisma.RunGetPayload<{ include: I }>;
}

/**
 * The artifact URI of a run of this workspace; RESOURCE_DOES_NOT_EXIST otherwise. Public (through
 * `@/lib/server/tracking`) for the registry, whose model versions point at runs: it checks a
 * version's run and finds a `runs:/` URI's files without reading tracking's rows itself.
 */
export async function findRunArtifactUri(db: DbClient, workspaceId: string, runId: string): Promise<string> {
  return (await findRunRow(db, workspaceId, runId, {})).artifactUri;
}

export function assertRunActive(row: { id: string; lifecycleStage: string }): void {
  if (row.lifecycleStage !== "active") {
    throw TrackingError.invalidParameterValue(
      `The run ${row.id} must be in the 'active' state. Current state is ${row.lifecycleStage}.`,
    );
  }
}

/** A timestamp in milliseconds: a nonnegative safe integer. */
export function assertTimestamp(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw TrackingError.invalidParameterValue(`Invalid value ${value} for parameter '${name}': expected milliseconds since the epoch.`);
  }
}

/** MLflow's create_run: `run_name` and the `mlflow.runName` tag must agree, and both end up set. */
export async function createRun(db: DbClient, workspaceId: string, input: CreateRunInput = {}): Promise<Run> {
  const tags = dedupeByKey(input.tags ?? []);
  for (const tag of tags) validateTag(tag.key, tag.value);
  const runNameTag = tags.find((t) => t.key === MLFLOW_RUN_NAME_TAG)?.value;
  if (input.runName && runNameTag && input.runName !== runNameTag) {
    throw TrackingError.invalidParameterValue(
      "Both 'run_name' argument and 'mlflow.runName' tag are specified, but with " +
        `different values (run_name='${input.runName}', mlflow.runName='${runNameTag}').`,
    );
  }
  const runName = input.runName || runNameTag || generateRunName();
  if (!runNameTag) tags.push({ key: MLFLOW_RUN_NAME_TAG, value: runName });
  validateTag(MLFLOW_RUN_NAME_TAG, runName);
  const startTime = input.startTime ?? Date.now();
  assertTimestamp("start_time", startTime);

  const experiment = await findExperimentRow(db, workspaceId, input.experimentId || DEFAULT_EXPERIMENT_ID);
  assertExperimentActive(experiment);

  // 32 lowercase hex characters, like Python's uuid.uuid4().hex.
  const runId = randomUUID().replaceAll("-", "");
  const row = await db.run.create({
    data: {
      id: runId,
      experimentId: experiment.id,
      name: runName,
      userId: input.userId ?? "",
      status: "RUNNING",
      startTime: BigInt(startTime),
      lifecycleStage: "active",
      artifactUri: runArtifactUri(experiment.artifactLocation, runId),
      tags: { create: tags },
    },
    include: runInclude,
  });
  return toRun(row);
}

export async function getRun(db: DbClient, workspaceId: string, runId: string): Promise<Run> {
  return toRun(await findRunRow(db, workspaceId, runId, runInclude));
}

/** MLflow's update_run_info: status, end time, and a new name mirrored into `mlflow.runName`. */
export async function updateRun(db: DbClient, workspaceId: string, runId: string, update: UpdateRunInput): Promise<RunInfo> {
  if (update.endTime !== undefined) assertTimestamp("end_time", update.endTime);
  if (update.runName) validateTag(MLFLOW_RUN_NAME_TAG, update.runName);
  const run = await findRunRow(db, workspaceId, runId, runInfoInclude);
  assertRunActive(run);
  const data: Prisma.RunUpdateInput = {};
  if (update.status !== undefined) data.status = update.status;
  if (update.endTime !== undefined) data.endTime = BigInt(update.endTime);
  if (update.runName) {
    data.name = update.runName;
    data.tags = {
      upsert: {
        where: { runId_key: { runId: run.id, key: MLFLOW_RUN_NAME_TAG } },
        create: { key: MLFLOW_RUN_NAME_TAG, value: update.runName },
        update: { value: update.runName },
      },
    };
  }
  const updated = await db.run.update({ where: { id: run.id }, data, include: runInfoInclude });
  return toRunInfo(updated);
}
