/**
 * 50 writers at once, as 50 learners' scripts would: each logs 1000 metric points through the
 * SDK's `logBatch` (batches of 100), all into the same run, with keys and steps of its own. Every
 * point must be stored exactly once: 50 000 rows, no duplicate, none lost, each history complete.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as mlflow from "@/lib/tracking";
import { baseUrl, closeTestDb, createTestWorkspace } from "./helpers";

const WRITERS = 50;
const POINTS_PER_WRITER = 1000;
const BATCH = 100;

let workspaceId: string;

beforeAll(async () => {
  workspaceId = await createTestWorkspace();
});

afterAll(async () => {
  await closeTestDb();
});

describe("concurrent writers", () => {
  it(`stores exactly ${WRITERS} × ${POINTS_PER_WRITER} metric points logged at once, without duplicates`, async () => {
    const uri = `${baseUrl()}/w/${workspaceId}`;
    const setup = new mlflow.MlflowClient(uri);
    const experimentId = await setup.createExperiment("concurrency");
    const { runId } = (await setup.createRun(experimentId, { runName: "fifty-writers" })).info;

    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        // Each writer its own client, as each learner's script has its own.
        const client = new mlflow.MlflowClient(uri);
        for (let start = 0; start < POINTS_PER_WRITER; start += BATCH) {
          const metrics = Array.from({ length: BATCH }, (_, i) => {
            const step = start + i;
            return { key: `writer_${writer}`, value: writer * 10_000 + step, step, timestamp: 1_700_000_000_000 + step };
          });
          await client.logBatch(runId, { metrics });
        }
      }),
    );

    // Through the database: the row count, and the count of distinct (key, step) points.
    const { getDb } = await import("@/lib/server/db");
    const db = await getDb();
    const rows = await db.metric.count({ where: { runId } });
    const distinct = await db.metric.groupBy({ by: ["key", "step"], where: { runId } });
    expect({ rows, distinct: distinct.length }).toEqual({ rows: WRITERS * POINTS_PER_WRITER, distinct: WRITERS * POINTS_PER_WRITER });

    // Through the API: each writer's history is complete and in order, its latest value the last step's.
    const reader = new mlflow.MlflowClient(uri);
    const histories = await Promise.all(Array.from({ length: WRITERS }, (_, writer) => reader.getMetricHistory(runId, `writer_${writer}`)));
    histories.forEach((history, writer) => {
      expect(history.map((m) => m.step)).toEqual(Array.from({ length: POINTS_PER_WRITER }, (_, step) => step));
      expect(history.every((m) => m.value === writer * 10_000 + m.step)).toBe(true);
    });
    const run = await reader.getRun(runId);
    expect(Object.keys(run.data.metrics)).toHaveLength(WRITERS);
    expect(run.data.metrics.writer_7).toBe(7 * 10_000 + POINTS_PER_WRITER - 1);
  }, 180_000);
});
