/** Bloc 7's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import { check } from "./check";

const { newStore, verdict, logRun } = checkHarness(check);

describe("bloc 7: tags", () => {
  it("reads the three tags on the newest finished run", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_quality_v2" });
    await logRun(store, experimentId, { tags: { engineering: "Plateforme ML", "release.candidate": "RC1", "release.version": "2.0" } });
    await logRun(store, experimentId, { tags: { engineering: "Plateforme ML" } });
    expect((await verdict({ tracking: store })).message).toContain("les tags release.candidate, release.version");
    await logRun(store, experimentId, { tags: { engineering: "Plateforme ML", "release.candidate": "RC1", "release.version": "2.0" } });
    expect(await verdict({ tracking: store })).toMatchObject({ passed: true });
  });
});
