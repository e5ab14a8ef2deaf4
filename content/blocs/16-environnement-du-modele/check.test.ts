/** Bloc 16's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import { CUVEE_VERSION } from "@/lib/tracking/version";
import { check } from "./check";

const { newStore, verdict, logRun, putArtifact } = checkHarness(check);

const MODEL = "sklearn_pyfunc_model";
const HISTORY = { "mlflow.log-model.history": JSON.stringify([{ artifact_path: "model" }, { artifact_path: MODEL }]) };
const MLMODEL = `artifact_path: ${MODEL}\nflavors:\n  js_function:\n    model_code: sklearn-wrapper.ts\n    artifacts:\n      sklearn_model:\n        path: artifacts/sklearn_model\n`;
const WRAPPER = 'import * as mlflow from "mlflow";\nimport type { Regressor } from "cuvee/ml";\nmlflow.models.setModel(new SklearnWrapper());\n';
const environment = (dependencies: Record<string, string>) => JSON.stringify({ name: "mlflow-model", dependencies });

describe("bloc 16: the model's environment", () => {
  it("wants every package the model's code imports pinned to the platform's exact version, the SDK included", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_elasticnet" });
    const run = await logRun(store, experimentId, { tags: HISTORY });
    await putArtifact(store, run, `${MODEL}/MLmodel`, MLMODEL);
    await putArtifact(store, run, `${MODEL}/sklearn-wrapper.ts`, WRAPPER);
    expect((await verdict({ tracking: store })).message).toBe(`Le modèle ${MODEL}/ n'a pas de fichier d'environnement (package.json).`);

    // What bloc 15 leaves: the kit is pinned, the SDK is not.
    await putArtifact(store, run, `${MODEL}/package.json`, environment({ cuvee: CUVEE_VERSION }));
    const withoutSdk = await verdict({ tracking: store });
    expect(withoutSdk.message).toContain("(cuvee, mlflow)");
    expect(withoutSdk.details?.[0]).toBe("Votre code importe « mlflow », absent des dépendances.");

    await putArtifact(store, run, `${MODEL}/package.json`, environment({ cuvee: CUVEE_VERSION, mlflow: `^${CUVEE_VERSION}` }));
    expect((await verdict({ tracking: store })).details?.[0]).toContain("n'est pas exacte");

    await putArtifact(store, run, `${MODEL}/package.json`, environment({ cuvee: CUVEE_VERSION, mlflow: CUVEE_VERSION }));
    expect(await verdict({ tracking: store })).toMatchObject({ passed: true });
  });

  it("sends a run without a custom model back to bloc 15", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_elasticnet" });
    await logRun(store, experimentId);
    expect((await verdict({ tracking: store })).message).toContain("reprenez le bloc 15");
  });
});
