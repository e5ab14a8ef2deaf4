/** Bloc 4's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import { check } from "./check";

const { newStore, code, verdict, logRun } = checkHarness(check, { code: true });

describe("bloc 4: create an experiment", () => {
  it("fails without the experiment, without tags or without a finished run; passes with all three", async () => {
    const store = await newStore();
    const solution = await code(4, "solution");
    expect((await verdict({ tracking: store, code: solution })).message).toBe("L'expérience exp_wine_quality_v2 n'existe pas dans votre espace.");
    const bare = await newStore();
    await bare.createExperiment({ name: "exp_wine_quality_v2" });
    expect((await verdict({ tracking: bare, code: await code(4, "start") })).message).toContain("createExperiment");
    expect((await verdict({ tracking: bare, code: solution })).message).toBe("L'expérience exp_wine_quality_v2 n'a aucun tag.");
    const experimentId = await store.createExperiment({ name: "exp_wine_quality_v2", tags: [{ key: "version", value: "v2" }] });
    expect((await verdict({ tracking: store, code: solution })).message).toBe("Votre dernière exécution n'a terminé aucun run dans l'expérience exp_wine_quality_v2.");
    await logRun(store, experimentId);
    expect(await verdict({ tracking: store, code: solution })).toMatchObject({ passed: true });
  });
});
