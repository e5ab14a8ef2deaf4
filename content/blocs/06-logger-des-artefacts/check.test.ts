/** Bloc 6's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import { check } from "./check";

const { newStore, verdict, logRun, putArtifact } = checkHarness(check);

describe("bloc 6: a folder of artifacts", () => {
  it("fails with a single root file, passes with a folder of two non-empty files", async () => {
    const store = await newStore();
    const run = await logRun(store, await store.createExperiment({ name: "exp_wine_quality_v2" }));
    await putArtifact(store, run, "package.json", "{}");
    const start = await verdict({ tracking: store });
    expect(start.passed).toBe(false);
    expect(start.details?.[0]).toBe("Artefacts trouvés : package.json.");
    await putArtifact(store, run, "data/train.csv", "quality\n5\n");
    expect((await verdict({ tracking: store })).passed).toBe(false);
    await putArtifact(store, run, "data/test.csv", "quality\n6\n");
    expect(await verdict({ tracking: store })).toMatchObject({ passed: true });
  });
});
