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
import { resolveDbConfig } from "@/lib/server/db";
import { MLFLOW_RUN_NAME_TAG } from "../constants";
import type { KeyValue } from "../entities";
import type { LogBatchInput } from "../store";
import { INFINITY_STAND_IN, TRANSACTION_OPTIONS, type Db, type DbClient } from "./db";
import { dedupeByKey } from "./experiments";
import { assertRunActive, findRunRow } from "./runs";

export interface LogBatchOptions {
  /**
   * How a param conflict reads: MLflow's log_param names the one param ("single"), log_batch
   * lists them all ("batch", the default).
   */
  paramConflictMessage?: "single" | "batch";
}

/** A metric as stored: NaN → 0 + isNan, ±Infinity → ±INFINITY_STAND_IN (SQL has neither). */
interface StoredMetric {
  key: string;
  value: number;
  isNan: boolean;
  timestamp: number;
  step: number;
}

function encodeMetric(metric: { key: string; value: number; timestamp: number; step: number }): StoredMetric {
  const isNan = Number.isNaN(metric.value);
  let value = metric.value;
  if (isNan) value = 0;
  else if (value >= INFINITY_STAND_IN) value = INFINITY_STAND_IN;
  else if (value <= -INFINITY_STAND_IN) value = -INFINITY_STAND_IN;
  return { key: metric.key, value, isNan, timestamp: metric.timestamp, step: metric.step };
}

/** MLflow's rule for the latest value: greatest (step, timestamp, value). */
function isMoreRecent(a: StoredMetric, b: StoredMetric): boolean {
  if (a.step !== b.step) return a.step > b.step;
  if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp;
  return a.value > b.value;
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
 */
function metricRows(runId: string, rows: readonly StoredMetric[]): { sql: string; values: [string, string] } {
  const json = JSON.stringify(rows.map((m) => [m.key, m.value, m.isNan ? 1 : 0, m.timestamp, m.step]));
  const sql =
    resolveDbConfig().provider === "postgresql"
      ? `SELECT $1, e ->> 0, (e ->> 1)::double precision, (e ->> 2) = '1', (e ->> 3)::bigint, (e ->> 4)::bigint FROM json_array_elements($2::json) AS e`
      : `SELECT ?, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4 FROM json_each(?) AS j WHERE true`;
  return { sql, values: [runId, json] };
}

const METRIC_COLUMNS = `("runId", "key", "value", "isNan", "timestamp", "step")`;

/** History rows; a point already logged (same key, step, timestamp and value) is kept once, as in MLflow. */
async function insertMetricRows(tx: DbClient, runId: string, rows: readonly StoredMetric[]): Promise<void> {
  const source = metricRows(runId, rows);
  await tx.$executeRawUnsafe(`INSERT INTO "Metric" ${METRIC_COLUMNS} ${source.sql} ON CONFLICT DO NOTHING`, ...source.values);
}

/**
 * The latest value of each key, in one statement (SQLite and PostgreSQL both speak
 * `ON CONFLICT … DO UPDATE … WHERE`): a row is replaced only by a more recent value (greater
 * step, then timestamp, then value), so concurrent batches on one run cannot regress it.
 */
async function upsertLatestMetrics(tx: DbClient, runId: string, candidates: readonly StoredMetric[]): Promise<void> {
  if (candidates.length === 0) return;
  const source = metricRows(runId, candidates);
  const current = '"LatestMetric"';
  await tx.$executeRawUnsafe(
    `INSERT INTO "LatestMetric" ${METRIC_COLUMNS} ${source.sql} ` +
      `ON CONFLICT ("runId", "key") DO UPDATE SET "value" = excluded."value", "isNan" = excluded."isNan", ` +
      `"timestamp" = excluded."timestamp", "step" = excluded."step" ` +
      `WHERE excluded."step" > ${current}."step" OR (excluded."step" = ${current}."step" AND ` +
      `(excluded."timestamp" > ${current}."timestamp" OR (excluded."timestamp" = ${current}."timestamp" AND excluded."value" > ${current}."value")))`,
    ...source.values,
  );
}

async function logMetrics(tx: DbClient, runId: string, metrics: readonly StoredMetric[]): Promise<void> {
  if (metrics.length === 0) return;
  await insertMetricRows(tx, runId, metrics);
  // The candidate latest value of each key in this batch.
  const candidates = new Map<string, StoredMetric>();
  for (const m of metrics) {
    const current = candidates.get(m.key);
    if (!current || isMoreRecent(m, current)) candidates.set(m.key, m);
  }
  await upsertLatestMetrics(tx, runId, [...candidates.values()]);
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
  const metrics = (batch.metrics ?? []).map((m) => ({ key: m.key, value: m.value, timestamp: m.timestamp, step: m.step ?? 0 }));
  const params = batch.params ?? [];
  const tags = batch.tags ?? [];
  for (const metric of metrics) validateMetric(metric);
  for (const param of params) validateParam(param.key, param.value);
  for (const tag of tags) validateTag(tag.key, tag.value);
  validateBatchLogLimits({ metrics: metrics.length, params: params.length, tags: tags.length });
  validateParamKeysUnique(params);

  await db.$transaction(async (tx) => {
    const run = await findRunRow(tx, workspaceId, runId, {});
    assertRunActive(run);
    // On PostgreSQL, a no-op write locks the run's row until commit: concurrent batches on one
    // run (a learner's un-awaited logMetric calls) take turns, so the param, latest-metric and
    // tag checks below never race. SQLite already runs one write transaction at a time.
    if (resolveDbConfig().provider === "postgresql") {
      await tx.run.update({ where: { id: run.id }, data: { lifecycleStage: run.lifecycleStage } });
    }
    await logParams(tx, run.id, params, options);
    await logMetrics(tx, run.id, metrics.map(encodeMetric));
    await setTags(tx, run.id, tags);
  }, TRANSACTION_OPTIONS);
}
