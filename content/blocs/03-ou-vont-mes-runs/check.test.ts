/** Bloc 3's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import { check } from "./check";

const { newStore, code, verdict, logRun } = checkHarness(check, { code: true });

describe("bloc 3: tracking URI", () => {
  it("fails on the starting code, passes when the solution printed the workspace's URI", async () => {
    const store = await newStore();
    await logRun(store, await store.createExperiment({ name: "exp_wine_quality" }));
    const printed = `Serveur de suivi : http://localhost:3000/w/${store.workspaceId}`;
    const start = await verdict({ tracking: store, code: await code(3, "start"), output: printed });
    expect(start.message).toBe("Votre code ne choisit pas son serveur de suivi.");
    const solution = await code(3, "solution");
    expect((await verdict({ tracking: store, code: solution, output: "Serveur de suivi : http://localhost:3000/w/autre" })).passed).toBe(false);
    expect(await verdict({ tracking: store, code: solution, output: printed })).toMatchObject({ passed: true });
  });

  it("fails when the URI is set after the first call to the server", async () => {
    const store = await newStore();
    const late = { "main.ts": 'await mlflow.setExperiment("e");\nmlflow.setTrackingUri("http://localhost:3000");\nconsole.log(mlflow.getTrackingUri());' };
    const result = await verdict({ tracking: store, code: late, output: `http://localhost:3000/w/${store.workspaceId}` });
    expect(result.message).toBe("mlflow.setTrackingUri (ligne 2) arrive après le premier appel au serveur (ligne 1).");
  });
});
