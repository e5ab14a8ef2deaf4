/** Bloc 15's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import { check } from "./check";

const { newStore, verdict, logRun, putArtifact } = checkHarness(check);

const history = (...paths: string[]) => ({ "mlflow.log-model.history": JSON.stringify(paths.map((path) => ({ artifact_path: path }))) });
const customMlmodel = (artifacts: string) =>
  `artifact_path: sklearn_pyfunc_model\nflavors:\n  js_function:\n    loader_module: mlflow.pyfunc.model\n    model_code: sklearn-wrapper.ts\n    artifacts: ${artifacts}\n`;

describe("bloc 15: a custom model", () => {
  it("is not satisfied by the autologged model of bloc 14", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_elasticnet" });
    const run = await logRun(store, experimentId, { tags: history("model") });
    await putArtifact(store, run, "model/MLmodel", "artifact_path: model\nflavors:\n  js_function:\n    model_path: model.json\n  cuvee_ml:\n    model_data: model.json\n");
    expect((await verdict({ tracking: store })).message).toContain("n'a pas de modèle personnalisé");
  });

  it("needs the model's code file and the artifact it was given, in the model's folder", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_elasticnet" });
    const run = await logRun(store, experimentId, { tags: history("model", "sklearn_pyfunc_model") });
    await putArtifact(store, run, "sklearn_pyfunc_model/MLmodel", customMlmodel("{}"));
    expect((await verdict({ tracking: store })).details).toEqual([
      "Le code du modèle (sklearn-wrapper.ts) n'est pas dans sklearn_pyfunc_model/.",
      "Le modèle n'a reçu aucun artefact : passez { artifacts: { sklearn_model: modelPath } }, le dossier où vous avez sauvegardé le modèle entraîné.",
    ]);
    await putArtifact(store, run, "sklearn_pyfunc_model/MLmodel", customMlmodel("{ sklearn_model: { path: artifacts/sklearn_model, uri: sklearn_model } }"));
    await putArtifact(store, run, "sklearn_pyfunc_model/sklearn-wrapper.ts", "mlflow.models.setModel(new SklearnWrapper());\n");
    expect((await verdict({ tracking: store })).details).toEqual(["L'artefact sklearn_model (artifacts/sklearn_model) n'est pas dans sklearn_pyfunc_model/."]);
    await putArtifact(store, run, "sklearn_pyfunc_model/artifacts/sklearn_model/model.json", "{}");
    expect(await verdict({ tracking: store })).toMatchObject({ passed: true });
  });
});
