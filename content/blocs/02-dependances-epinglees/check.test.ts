/** Bloc 2's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import { CUVEE_VERSION } from "@/lib/tracking/version";
import { check } from "./check";

const { newStore, code, verdict, logRun, putArtifact } = checkHarness(check, { code: true });
const VERSION = CUVEE_VERSION;

describe("bloc 2: pinned dependencies", () => {
  it("fails without the artifact or with a loose version, passes with the solution's manifest", async () => {
    const store = await newStore();
    const solution = await code(2, "solution");
    expect((await verdict({ tracking: store, code: solution })).message).toMatch(/^Votre dernière exécution n'a terminé aucun run/);
    const experimentId = await store.createExperiment({ name: "exp_wine_quality" });
    const run = await logRun(store, experimentId);
    expect((await verdict({ tracking: store, code: await code(2, "start") })).message).toContain("n'a pas d'artefact package.json");
    await putArtifact(store, run, "package.json", JSON.stringify({ dependencies: { cuvee: `^${VERSION}`, mlflow: VERSION } }));
    const loose = await verdict({ tracking: store, code: solution });
    expect(loose.passed).toBe(false);
    expect(loose.details?.[0]).toContain("« cuvee »");
    await putArtifact(store, run, "package.json", JSON.stringify({ dependencies: { cuvee: VERSION, mlflow: VERSION } }));
    expect(await verdict({ tracking: store, code: solution })).toMatchObject({ passed: true });
  });
});
