/** Runs in the Prisma store: soft delete / restore, delete-tag, log-inputs, metric history. */
import type { Db } from "@/lib/server/db";
import { nowMillis, TRANSACTION_OPTIONS } from "@/lib/server/db/helpers";
import { pageOf, parseStartOffset } from "@/lib/server/search";
import { TrackingError, validateRunId } from "@/lib/tracking/protocol";
import type { DatasetInput, Metric, PagedList } from "../entities";
import type { MetricHistoryQuery } from "../store";
import { assertRunActive, findRunRow } from "./runs";
import { toMetric } from "./mappers";

/** MLflow's delete_run: the run moves to the `deleted` stage (restorable), with its deletion time. */
export async function deleteRun(db: Db, workspaceId: string, runId: string): Promise<void> {
  const row = await findRunRow(db, workspaceId, runId, {});
  await db.run.update({ where: { id: row.id }, data: { lifecycleStage: "deleted", deletedTime: nowMillis() } });
}

export async function restoreRun(db: Db, workspaceId: string, runId: string): Promise<void> {
  const row = await findRunRow(db, workspaceId, runId, {});
  await db.run.update({ where: { id: row.id }, data: { lifecycleStage: "active", deletedTime: null } });
}

/** MLflow's delete_tag: the run must be active and have the tag. */
export async function deleteTag(db: Db, workspaceId: string, runId: string, key: string): Promise<void> {
  const row = await findRunRow(db, workspaceId, runId, {});
  assertRunActive(row);
  const { count } = await db.runTag.deleteMany({ where: { runId: row.id, key } });
  if (count === 0) throw TrackingError.resourceDoesNotExist(`No tag with name: ${key} in run with id ${runId}`);
}

/** MLflow's dataset limits (mlflow/utils/validation.py `_validate_dataset_inputs`). */
const DATASET_LIMITS = { name: 500, digest: 36, schema: 1_048_575, profile: 16_384, source: 65_535 } as const;

/** MLflow's log_inputs: each (name, digest) is recorded once per run; the input tags are replaced. */
export async function logInputs(db: Db, workspaceId: string, runId: string, datasets: readonly DatasetInput[]): Promise<void> {
  validateRunId(runId);
  for (const { dataset } of datasets) {
    for (const [field, limit] of Object.entries(DATASET_LIMITS)) {
      const value = dataset[field as keyof typeof DATASET_LIMITS];
      if (value !== null && value !== undefined && value.length > limit) {
        throw TrackingError.invalidParameterValue(`Dataset ${field} exceeds the maximum length of ${limit}`);
      }
    }
  }
  await db.$transaction(async (tx) => {
    const row = await findRunRow(tx, workspaceId, runId, {});
    assertRunActive(row);
    for (const { dataset, tags } of datasets) {
      const data = {
        sourceType: dataset.sourceType,
        source: dataset.source,
        schema: dataset.schema,
        profile: dataset.profile,
        tags: JSON.stringify(Object.fromEntries(tags.map((t) => [t.key, t.value]))),
      };
      await tx.runInput.upsert({
        where: { runId_name_digest: { runId: row.id, name: dataset.name, digest: dataset.digest } },
        create: { runId: row.id, name: dataset.name, digest: dataset.digest, ...data },
        update: data,
      });
    }
  }, TRANSACTION_OPTIONS);
}

/** MLflow's bound on a page of metric history (GET_METRIC_HISTORY_MAX_RESULTS). */
export const METRIC_HISTORY_MAX_RESULTS = 25_000;

/** Every value of one metric, by step then timestamp; paged only when asked. */
export async function getMetricHistory(
  db: Db,
  workspaceId: string,
  runId: string,
  metricKey: string,
  query: MetricHistoryQuery = {},
): Promise<PagedList<Metric>> {
  const row = await findRunRow(db, workspaceId, runId, {});
  const paged = query.maxResults !== undefined || Boolean(query.pageToken);
  const maxResults = query.maxResults ?? METRIC_HISTORY_MAX_RESULTS;
  if (!Number.isSafeInteger(maxResults) || maxResults < 1 || maxResults > METRIC_HISTORY_MAX_RESULTS) {
    throw TrackingError.invalidParameterValue(
      `Invalid value for request parameter max_results. It must be between 1 and ${METRIC_HISTORY_MAX_RESULTS}, but got ${maxResults}`,
    );
  }
  const offset = parseStartOffset(query.pageToken);
  const rows = await db.metric.findMany({
    where: { runId: row.id, key: metricKey },
    orderBy: [{ step: "asc" }, { timestamp: "asc" }, { id: "asc" }],
    ...(paged ? { skip: offset, take: maxResults + 1 } : {}),
  });
  const metrics = rows.map(toMetric);
  return paged ? pageOf(metrics, offset, maxResults) : { items: metrics, nextPageToken: null };
}
