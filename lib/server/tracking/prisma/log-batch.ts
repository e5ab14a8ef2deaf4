/**
 * MLflow's log_batch (store/tracking/sqlalchemy_store.py): validate everything first, then, in
 * one transaction, params (never changed once set), metrics (history + latest value), tags
 * (overwritten; `mlflow.runName` also renames the run).
 */
import {
  TrackingError,
  validateBatchLogLimits,
  validateMetric,
  validateParam,
  validateParamKeysUnique,
  validateRunId,
  validateTag,
} from "@/lib/tracking/protocol";
import { resolveDbConfig, type Db } from "@/lib/server/db";
import { dedupeByKey, TRANSACTION_OPTIONS, type DbClient } from "@/lib/server/db/helpers";
import { MLFLOW_RUN_NAME_TAG } from "../constants";
import type { KeyValue } from "../entities";
import type { LogBatchInput, MetricInput } from "../store";
import { INFINITY_STAND_IN } from "./infinity-stand-in";
import { assertRunActive, findRunRow } from "./runs";

export interface LogBatchOptions {
  /**
   * How a param conflict reads: MLflow's log_param names the one param ("single"), log_batch
   * lists them all ("batch", the default).
   */
  paramConflictMessage?: "single" | "batch";
}

/**
 * A metric as stored, in the order of the JSON rows below: NaN → 0 + isNan, ±Infinity →
 * ±INFINITY_STAND_IN (SQL has neither).
 */
type StoredMetricRow = [key: string, value: number, isNan: 0 | 1, timestamp: number, step: number];

function storedRow(metric: MetricInput): StoredMetricRow {
  const isNan = Number.isNaN(metric.value);
  let value = metric.value;
  if (isNan) value = 0;
  else if (value >= INFINITY_STAND_IN) value = INFINITY_STAND_IN;
  else if (value <= -INFINITY_STAND_IN) value = -INFINITY_STAND_IN;
  return [metric.key, value, isNan ? 1 : 0, metric.timestamp, metric.step ?? 0];
}

/** Python's repr of MLflow's conflict list: `[{'key': 'a', 'old_value': '1', 'new_value': '2'}]`. */
function conflictList(conflicts: { key: string; oldValue: string; newValue: string }[]): string {
  return `[${conflicts
    .map((c) => `{'key': '${c.key}', 'old_value': '${c.oldValue}', 'new_value': '${c.newValue}'}`)
    .join(", ")}]`;
}

async function logParams(tx: DbClient, runId: string, params: readonly KeyValue[], options: LogBatchOptions): Promise<void> {
  if (params.length === 0) return;
  const existing = await tx.param.findMany({
    where: { runId, key: { in: params.map((p) => p.key) } },
    select: { key: true, value: true },
  });
  const logged = new Map(existing.map((p) => [p.key, p.value]));
  const conflicts = params
    .filter((p) => logged.has(p.key) && logged.get(p.key) !== p.value)
    .map((p) => ({ key: p.key, oldValue: logged.get(p.key) ?? "", newValue: p.value }));
  const [first] = conflicts;
  if (first && options.paramConflictMessage === "single" && conflicts.length === 1) {
    throw TrackingError.invalidParameterValue(
      `Changing param values is not allowed. Param with key='${first.key}' was already logged with ` +
        `value='${first.oldValue}' for run ID='${runId}'. Attempted logging new value '${first.newValue}'.`,
    );
  }
  if (first) {
    throw TrackingError.invalidParameterValue(
      `Changing param values is not allowed. Params were already logged='${conflictList(conflicts)}' for run ID='${runId}'.`,
    );
  }
  const fresh = params.filter((p) => !logged.has(p.key));
  if (fresh.length > 0) await tx.param.createMany({ data: fresh.map((p) => ({ runId, key: p.key, value: p.value })) });
}

/**
 * Metric rows as one JSON parameter (`[[key, value, isNan, timestamp, step], …]`), unpacked by
 * the database (SQLite's `json_each`, PostgreSQL's `json_array_elements`). A 1000-metric batch as
 * 6000 bound parameters spent most of its time in Prisma's per-parameter handling
 * (bench/ingest); one text parameter does not, and the statement text stays the same, so it is
 * prepared once. Both databases read JSON numbers as the double JavaScript wrote (correctly
 * rounded; tests/integration covers the round trip of awkward values).
 *
 * The rows are written only if the run is active and in the workspace: the check and the write
 * are one statement. A point already logged (same key, step, timestamp and value) is kept once,
 * as in MLflow. A database trigger (migration `latest_metric_trigger`) keeps `LatestMetric` in
 * step with every row inserted, in the same statement.
 *
 * Parameters: the JSON rows, the run id, the workspace id.
 */
const INSERT_METRICS_SQL: Record<"sqlite" | "postgresql", string> = (() => {
  const columns = `("runId", "key", "value", "isNan", "timestamp", "step")`;
  const run = `FROM "Run" AS r JOIN "Experiment" AS x ON x."id" = r."experimentId"`;
  const guard = `r."lifecycleStage" = 'active'`;
  return {
    postgresql:
      `INSERT INTO "Metric" ${columns} ` +
      `SELECT r."id", e ->> 0, (e ->> 1)::double precision, (e ->> 2) = '1', (e ->> 3)::bigint, (e ->> 4)::bigint ` +
      `${run} CROSS JOIN json_array_elements($1::json) AS e ` +
      `WHERE r."id" = $2 AND x."workspaceId" = $3 AND ${guard} ON CONFLICT DO NOTHING`,
    // json_extract reads the element json_each already parsed; `->>` would parse its text again.
    sqlite:
      `INSERT INTO "Metric" ${columns} ` +
      `SELECT r."id", json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'), ` +
      `json_extract(j.value, '$[3]'), json_extract(j.value, '$[4]') ` +
      `${run}, json_each(?) AS j ` +
      `WHERE r."id" = ? AND x."workspaceId" = ? AND ${guard} ON CONFLICT DO NOTHING`,
  };
})();

/** How many rows were written: 0 when the run is missing, foreign or inactive, or every point was already logged. */
async function insertMetrics(
  db: DbClient,
  workspaceId: string,
  runId: string,
  metrics: readonly StoredMetricRow[],
): Promise<number> {
  if (metrics.length === 0) return 0;
  return db.$executeRawUnsafe(INSERT_METRICS_SQL[resolveDbConfig().provider], JSON.stringify(metrics), runId, workspaceId);
}

async function setTags(tx: DbClient, runId: string, tags: readonly KeyValue[]): Promise<void> {
  for (const tag of dedupeByKey(tags)) {
    await tx.runTag.upsert({
      where: { runId_key: { runId, key: tag.key } },
      create: { runId, key: tag.key, value: tag.value },
      update: { value: tag.value },
    });
    // MLflow keeps the run's name and its mlflow.runName tag equal.
    if (tag.key === MLFLOW_RUN_NAME_TAG) await tx.run.update({ where: { id: runId }, data: { name: tag.value } });
  }
}

export async function logBatch(
  db: Db,
  workspaceId: string,
  runId: string,
  batch: LogBatchInput,
  options: LogBatchOptions = {},
): Promise<void> {
  validateRunId(runId);
  const params = batch.params ?? [];
  const tags = batch.tags ?? [];
  const metrics: StoredMetricRow[] = [];
  for (const metric of batch.metrics ?? []) {
    validateMetric(metric);
    metrics.push(storedRow(metric));
  }
  for (const param of params) validateParam(param.key, param.value);
  for (const tag of tags) validateTag(tag.key, tag.value);
  validateBatchLogLimits({ metrics: metrics.length, params: params.length, tags: tags.length });
  validateParamKeysUnique(params);

  if (params.length === 0 && tags.length === 0) {
    // Metrics alone: one statement checks the run and writes the batch, atomic by itself, with no
    // transaction held open. Only when it writes nothing is the run read, to say why (or to find
    // that every point had been logged before).
    const written = await insertMetrics(db, workspaceId, runId, metrics);
    if (written === 0) assertRunActive(await findRunRow(db, workspaceId, runId, {}));
    return;
  }
  await db.$transaction(async (tx) => {
    const run = await findRunRow(tx, workspaceId, runId, {});
    assertRunActive(run);
    // On PostgreSQL, a no-op write locks the run's row until commit: concurrent batches on one
    // run (a learner's un-awaited logParam calls) take turns, so the param and tag checks below
    // never race. SQLite already runs one write transaction at a time.
    if (resolveDbConfig().provider === "postgresql") {
      await tx.run.update({ where: { id: run.id }, data: { lifecycleStage: run.lifecycleStage } });
    }
    await logParams(tx, run.id, params, options);
    await insertMetrics(tx, workspaceId, run.id, metrics);
    await setTags(tx, run.id, tags);
  }, TRANSACTION_OPTIONS);
}
