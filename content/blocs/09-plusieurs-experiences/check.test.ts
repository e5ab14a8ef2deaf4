/** Bloc 9's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import { check } from "./check";

const { newStore, verdict, logRun } = checkHarness(check);

describe("bloc 9: several experiments", () => {
  it("needs two new experiments holding a finished run", async () => {
    const store = await newStore();
    await logRun(store, await store.createExperiment({ name: "exp_wine_quality" }));
    await logRun(store, await store.createExperiment({ name: "exp_wine_quality_v2" }));
    expect((await verdict({ tracking: store })).message).toMatch(/vous en avez 0/);
    await logRun(store, await store.createExperiment({ name: "exp_wine_lasso" }));
    const empty = await store.createExperiment({ name: "exp_wine_ridge" });
    const one = await verdict({ tracking: store });
    expect(one.message).toMatch(/vous en avez 1/);
    expect(one.details?.[0]).toBe("Sans run terminé par cette exécution : exp_wine_ridge.");
    // One execution that runs in both new experiments.
    await logRun(store, (await store.getExperimentByName("exp_wine_lasso"))!.experimentId);
    await logRun(store, empty);
    expect(await verdict({ tracking: store })).toMatchObject({ passed: true });
    // The next execution ran in one of them only: the earlier one's runs do not count.
    await logRun(store, empty);
    expect((await verdict({ tracking: store })).message).toMatch(/vous en avez 1/);
  });
});
