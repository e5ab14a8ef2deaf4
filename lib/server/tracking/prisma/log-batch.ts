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
  timestamp: bigint;
  step: bigint;
}

function encodeMetric(metric: { key: string; value: number; timestamp: number; step: number }): StoredMetric {
  const isNan = Number.isNaN(metric.value);
  let value = metric.value;
  if (isNan) value = 0;
  else if (value >= INFINITY_STAND_IN) value = INFINITY_STAND_IN;
  else if (value <= -INFINITY_STAND_IN) value = -INFINITY_STAND_IN;
  return { key: metric.key, value, isNan, timestamp: BigInt(metric.timestamp), step: BigInt(metric.step) };
}

function signature(m: StoredMetric): string {
  return `${m.key}\u0000${m.value}\u0000${m.isNan}\u0000${m.timestamp}\u0000${m.step}`;
}

/** MLflow's rule for the latest value: greatest (step, timestamp, value). */
function isMoreRecent(a: StoredMetric, b: Pick<StoredMetric, "step" | "timestamp" | "value">): boolean {
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

function minOf(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => (b < a ? b : a));
}

function maxOf(values: readonly bigint[]): bigint {
  return values.reduce((a, b) => (b > a ? b : a));
}

/** Rows per INSERT statement: 6 parameters each, well under SQLite's and PostgreSQL's limits. */
const INSERT_CHUNK = 1000;

/**
 * History rows in multi-row INSERT statements. Prisma's createMany spends most of a 1000-metric
 * log-batch building and checking its query (bench/ingest measured ~0.5 s per batch); one
 * parameterised statement per chunk is what the driver does natively.
 */
async function insertMetricRows(tx: DbClient, runId: string, rows: readonly StoredMetric[]): Promise<void> {
  const postgres = resolveDbConfig().provider === "postgresql";
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const { tuples, values } = valuesList(rows.slice(start, start + INSERT_CHUNK), runId, postgres);
    await tx.$executeRawUnsafe(`INSERT INTO "Metric" ("runId", "key", "value", "isNan", "timestamp", "step") VALUES ${tuples}`, ...values);
  }
}

/** `(placeholders, values)` of a multi-row VALUES list, in the provider's placeholder style. */
function valuesList(rows: readonly StoredMetric[], runId: string, postgres: boolean): { tuples: string; values: (string | number | boolean)[] } {
  const values: (string | number | boolean)[] = [];
  const tuples = rows.map((m) => {
    values.push(runId, m.key, m.value, postgres ? m.isNan : m.isNan ? 1 : 0, Number(m.timestamp), Number(m.step));
    const first = values.length - 5;
    return postgres ? `($${first}, $${first + 1}, $${first + 2}, $${first + 3}, $${first + 4}, $${first + 5})` : "(?, ?, ?, ?, ?, ?)";
  });
  return { tuples: tuples.join(", "), values };
}

/**
 * The latest value of each key, in one statement (SQLite and PostgreSQL both speak
 * `ON CONFLICT … DO UPDATE … WHERE`): a row is replaced only by a more recent value (greater
 * step, then timestamp, then value), so concurrent batches on one run cannot regress it.
 */
async function upsertLatestMetrics(tx: DbClient, runId: string, candidates: readonly StoredMetric[]): Promise<void> {
  if (candidates.length === 0) return;
  const { tuples, values } = valuesList(candidates, runId, resolveDbConfig().provider === "postgresql");
  const current = '"LatestMetric"';
  await tx.$executeRawUnsafe(
    `INSERT INTO "LatestMetric" ("runId", "key", "value", "isNan", "timestamp", "step") VALUES ${tuples} ` +
      `ON CONFLICT ("runId", "key") DO UPDATE SET "value" = excluded."value", "isNan" = excluded."isNan", ` +
      `"timestamp" = excluded."timestamp", "step" = excluded."step" ` +
      `WHERE excluded."step" > ${current}."step" OR (excluded."step" = ${current}."step" AND ` +
      `(excluded."timestamp" > ${current}."timestamp" OR (excluded."timestamp" = ${current}."timestamp" AND excluded."value" > ${current}."value")))`,
    ...values,
  );
}

async function logMetrics(tx: DbClient, runId: string, metrics: readonly StoredMetric[]): Promise<void> {
  if (metrics.length === 0) return;
  // An identical (key, value, timestamp, step) is logged once, as MLflow's primary key enforces.
  const unique = [...new Map(metrics.map((m) => [signature(m), m])).values()];
  const keys = [...new Set(unique.map((m) => m.key))];
  const already = await tx.metric.findMany({
    // A range rather than a list of every timestamp: one cheap index scan instead of a 1000-value IN.
    where: { runId, key: { in: keys }, timestamp: { gte: minOf(unique.map((m) => m.timestamp)), lte: maxOf(unique.map((m) => m.timestamp)) } },
    select: { key: true, value: true, isNan: true, timestamp: true, step: true },
  });
  const seen = new Set(already.map(signature));
  const fresh = unique.filter((m) => !seen.has(signature(m)));
  await insertMetricRows(tx, runId, fresh);

  // The candidate latest value of each key in this batch.
  const candidates = new Map<string, StoredMetric>();
  for (const m of unique) {
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
    // A no-op write locks the run's row until commit (PostgreSQL; SQLite serialises writers
    // anyway): concurrent batches on one run (a learner's un-awaited logMetric calls) take turns,
    // so the param, latest-metric and tag checks below never race.
    await tx.run.update({ where: { id: run.id }, data: { lifecycleStage: run.lifecycleStage } });
    await logParams(tx, run.id, params, options);
    await logMetrics(tx, run.id, metrics.map(encodeMetric));
    await setTags(tx, run.id, tags);
  }, TRANSACTION_OPTIONS);
}
