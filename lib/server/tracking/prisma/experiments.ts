/** Experiments in the Prisma store: create, get, get-by-name, search. */
import {
  TrackingError,
  validateExperimentName,
  validateExperimentTag,
  validateSearchMaxResults,
  SEARCH_MAX_RESULTS_DEFAULT,
} from "@/lib/tracking/protocol";
import { experimentArtifactLocation } from "../constants";
import type { Experiment, PagedList, ViewType } from "../entities";
import type { CreateExperimentInput, SearchExperimentsQuery } from "../store";
import type { Db } from "@/lib/server/db";
import {
  compareSortValues,
  EXPERIMENT_FILTER_GRAMMAR,
  EXPERIMENT_ORDER_GRAMMAR,
  matchesClause,
  pageOf,
  parseFilter,
  parseOrderByList,
  parseStartOffset,
  startSearchBudget,
  type Clause,
  type OrderByClause,
  type SearchBudget,
} from "@/lib/server/search";
import { dedupeByKey, fitsIntColumn, isUniqueViolation, nowMillis, TRANSACTION_OPTIONS, type DbClient } from "@/lib/server/db/helpers";
import { experimentInclude, toExperiment, type ExperimentRow } from "./mappers";

/** MLflow's experiment_id is the per-workspace number; anything else names no experiment. */
export function parseExperimentNumber(experimentId: string): number | null {
  if (!/^\d{1,15}$/.test(experimentId)) return null;
  const number = Number(experimentId);
  return fitsIntColumn(number) ? number : null;
}

export function experimentNotFound(experimentId: string): TrackingError {
  return TrackingError.resourceDoesNotExist(`No Experiment with id=${experimentId} exists`);
}

/** Active or deleted; RESOURCE_DOES_NOT_EXIST otherwise. */
export async function findExperimentRow(db: DbClient, workspaceId: string, experimentId: string): Promise<ExperimentRow> {
  const number = parseExperimentNumber(experimentId);
  const row =
    number === null
      ? null
      : await db.experiment.findUnique({ where: { workspaceId_number: { workspaceId, number } }, include: experimentInclude });
  if (!row) throw experimentNotFound(experimentId);
  return row;
}

export function assertExperimentActive(row: { number: number; lifecycleStage: string }): void {
  if (row.lifecycleStage !== "active") {
    throw TrackingError.invalidParameterValue(
      `The experiment ${row.number} must be in the 'active' state. Current state is ${row.lifecycleStage}.`,
    );
  }
}

const MAX_CREATE_ATTEMPTS = 5;

export async function createExperiment(db: Db, workspaceId: string, input: CreateExperimentInput): Promise<string> {
  const { name } = input;
  validateExperimentName(name);
  const tags = dedupeByKey(input.tags ?? []);
  for (const tag of tags) validateExperimentTag(tag.key, tag.value);
  if (input.artifactLocation && !input.artifactLocation.startsWith("mlflow-artifacts:")) {
    // Cuvée serves artifacts itself: an s3:// or local location could never be read back.
    throw TrackingError.invalidParameterValue(
      `Invalid artifact_location '${input.artifactLocation}': this server stores artifacts itself; ` +
        "omit artifact_location or use an mlflow-artifacts:/ URI.",
    );
  }
  const alreadyExists = () => TrackingError.resourceAlreadyExists(`Experiment(name=${name}) already exists.`);

  // The number is max + 1 within the workspace. Touching the workspace row first locks it until
  // commit (PostgreSQL; SQLite serialises writers anyway), so concurrent creations in one
  // workspace take turns; the unique index (workspaceId, number) stays the last line of defence.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(async (tx) => {
        const { count } = await tx.workspace.updateMany({ where: { id: workspaceId }, data: { lastSeenAt: new Date() } });
        if (count === 0) throw TrackingError.resourceDoesNotExist(`Workspace '${workspaceId}' does not exist`);
        const taken = await tx.experiment.findUnique({
          where: { workspaceId_name: { workspaceId, name } },
          select: { id: true },
        });
        if (taken) throw alreadyExists();
        const { _max } = await tx.experiment.aggregate({ where: { workspaceId }, _max: { number: true } });
        const number = Math.max(1, (_max.number ?? 0) + 1);
        const now = nowMillis();
        await tx.experiment.create({
          data: {
            workspaceId,
            number,
            name,
            artifactLocation: input.artifactLocation || experimentArtifactLocation(number),
            lifecycleStage: "active",
            creationTime: now,
            lastUpdateTime: now,
            tags: { create: tags },
          },
        });
        return String(number);
      }, TRANSACTION_OPTIONS);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const nameTaken = await db.experiment.findUnique({
        where: { workspaceId_name: { workspaceId, name } },
        select: { id: true },
      });
      if (nameTaken) throw alreadyExists();
      if (attempt >= MAX_CREATE_ATTEMPTS) throw error;
    }
  }
}

export async function getExperiment(db: DbClient, workspaceId: string, experimentId: string): Promise<Experiment> {
  return toExperiment(await findExperimentRow(db, workspaceId, experimentId));
}

export async function getExperimentByName(db: DbClient, workspaceId: string, name: string): Promise<Experiment | null> {
  const row = await db.experiment.findUnique({ where: { workspaceId_name: { workspaceId, name } }, include: experimentInclude });
  return row ? toExperiment(row) : null;
}

export function lifecycleStagesFor(viewType: ViewType | undefined): string[] {
  if (viewType === "DELETED_ONLY") return ["deleted"];
  if (viewType === "ALL") return ["active", "deleted"];
  return ["active"];
}

function attributeOf(experiment: Experiment, key: string): string | number {
  switch (key) {
    case "name":
      return experiment.name;
    case "experiment_id":
      return Number(experiment.experimentId);
    case "creation_time":
      return experiment.creationTime;
    case "last_update_time":
      return experiment.lastUpdateTime;
    default:
      throw new Error(`unexpected experiment attribute ${key}`);
  }
}

function matches(experiment: Experiment, clause: Clause): boolean {
  const actual =
    clause.type === "tag" ? experiment.tags.find((t) => t.key === clause.key)?.value : attributeOf(experiment, clause.key);
  return matchesClause(clause, actual);
}

function comparator(orderBy: readonly OrderByClause[]) {
  return (a: Experiment, b: Experiment): number => {
    for (const clause of orderBy) {
      const c = compareSortValues(attributeOf(a, clause.key), attributeOf(b, clause.key), clause.ascending);
      if (c !== 0) return c;
    }
    return 0;
  };
}

/**
 * A workspace holds a learner's handful of experiments, so the search filters and sorts them in
 * memory: one implementation of MLflow's semantics (LIKE case rules included) for both databases.
 * `budget` bounds the time spent in memory (started at the call by default).
 */
export async function searchExperiments(
  db: DbClient,
  workspaceId: string,
  query: SearchExperimentsQuery = {},
  budget: SearchBudget = startSearchBudget(),
): Promise<PagedList<Experiment>> {
  const maxResults = query.maxResults ?? SEARCH_MAX_RESULTS_DEFAULT;
  validateSearchMaxResults(maxResults);
  const clauses = parseFilter(query.filter, EXPERIMENT_FILTER_GRAMMAR);
  const orderBy = parseOrderByList(
    query.orderBy && query.orderBy.length > 0 ? query.orderBy : ["creation_time DESC", "experiment_id ASC"],
    EXPERIMENT_ORDER_GRAMMAR,
  );
  // MLflow's tie-breaker: experiment_id DESC unless the caller ordered by it.
  if (!orderBy.some((c) => c.key === "experiment_id")) {
    orderBy.push({ type: "attribute", key: "experiment_id", ascending: false });
  }
  const offset = parseStartOffset(query.pageToken);

  const rows = await db.experiment.findMany({
    where: { workspaceId, lifecycleStage: { in: lifecycleStagesFor(query.viewType) } },
    include: experimentInclude,
  });
  const sorted = budget.sort(
    budget.filter(budget.map(rows, toExperiment), (e) => clauses.every((clause) => matches(e, clause))),
    comparator(orderBy),
  );
  return pageOf(sorted.slice(offset, offset + maxResults + 1), offset, maxResults);
}
