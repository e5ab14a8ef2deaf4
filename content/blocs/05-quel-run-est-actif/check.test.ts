/** Bloc 5's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import { check } from "./check";

const { newStore, code, verdict, logRun } = checkHarness(check, { code: true });

describe("bloc 5: active run", () => {
  it("needs the same stored, finished run id printed during and after the run", async () => {
    const store = await newStore();
    const run = await logRun(store, await store.createExperiment({ name: "exp_wine_quality_v2" }));
    const id = run.info.runId;
    const solution = await code(5, "solution");
    expect((await verdict({ tracking: store, code: await code(5, "start"), output: `${id}\n${id}` })).message).toContain("mlflow.activeRun()");
    expect((await verdict({ tracking: store, code: solution, output: "rien" })).message).toBe("Aucun identifiant de run dans la sortie de votre dernière exécution.");
    expect((await verdict({ tracking: store, code: solution, output: `Run actif : ${id} (RUNNING)` })).passed).toBe(false);
    expect((await verdict({ tracking: store, code: solution, output: "Run actif : 0123456789abcdef0123456789abcdef" })).message).toContain("n'existe pas");
    const output = `Run actif : ${id} (RUNNING)\nDernier run : ${id} (FINISHED)`;
    expect(await verdict({ tracking: store, code: solution, output })).toMatchObject({ passed: true });
    const running = await store.createRun({ experimentId: run.info.experimentId });
    const stillRunning = await verdict({ tracking: store, code: solution, output: `${running.info.runId} ${running.info.runId}`, runIds: [running.info.runId] });
    expect(stillRunning.message).toContain("RUNNING");
    // A run an earlier execution printed is not this execution's, even FINISHED.
    const earlier = await verdict({ tracking: store, code: solution, output, runIds: [running.info.runId] });
    expect(earlier.message).toBe(`Le run ${id} affiché n'a pas été créé par votre dernière exécution.`);
  });
});
