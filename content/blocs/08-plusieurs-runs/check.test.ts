/** Bloc 8's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import elasticnet from "@/test-data/fixtures/elasticnet.json";
import { check } from "./check";

const { newStore, code, verdict, logRun } = checkHarness(check, { code: true });

describe("bloc 8: several runs", () => {
  it("fails on the starting code, on repeated params and on a wrong rmse; passes on the reference grid", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_quality_v2" });
    const solution = await code(8, "solution");
    expect((await verdict({ tracking: store, code: await code(8, "start") })).message).toBe("Votre code ne démarre pas de run dans une boucle.");
    for (let i = 0; i < 3; i++) await logRun(store, experimentId, { params: { alpha: "0.5" } });
    expect((await verdict({ tracking: store, code: solution })).message).toMatch(/a produit 0 run/);
    const grid: string[] = [];
    for (const point of elasticnet.grid) {
      const run = await logRun(store, experimentId, { params: { alpha: String(point.alpha), l1_ratio: String(point.l1_ratio) }, metrics: { rmse: point.test_metrics.rmse } });
      grid.push(run.info.runId);
    }
    expect(await verdict({ tracking: store, code: solution })).toMatchObject({ passed: true });
    const off = await logRun(store, experimentId, { params: { alpha: "0.1", l1_ratio: "0.1" }, metrics: { rmse: 0.5 } });
    const wrong = await verdict({ tracking: store, code: solution, runIds: [...grid, off.info.runId] });
    expect(wrong.passed).toBe(false);
    expect(wrong.details?.[0]).toContain("scikit-learn obtient");
    // The grid an earlier execution logged is not this execution's.
    expect((await verdict({ tracking: store, code: solution, runIds: [off.info.runId] })).message).toMatch(/a produit 1 run/);
  });
});
