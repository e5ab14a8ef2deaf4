/** Bloc 13's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import elasticnet from "@/test-data/fixtures/elasticnet.json";
import { check } from "./check";

const { newStore, verdict, logRun, putArtifact } = checkHarness(check);

describe("bloc 13: the logged model", () => {
  const signature = `signature:\n  inputs: '[{"type": "double", "name": "alcohol", "required": true}]'\n  outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float64", "shape": [-1]}}]'\n`;

  it("needs model/MLmodel with a signature and a saved input example", async () => {
    const store = await newStore();
    const experimentId = await store.createExperiment({ name: "exp_wine_elasticnet" });
    await logRun(store, experimentId);
    expect((await verdict({ tracking: store })).message).toContain("n'a pas de modèle dans model/");
    const run = await logRun(store, experimentId);
    await putArtifact(store, run, "model/MLmodel", `artifact_path: model\n${signature}`);
    expect((await verdict({ tracking: store })).details).toEqual(["Le modèle n'a pas d'exemple d'entrée : passez { inputExample: XTrain.head(5) }."]);
    await putArtifact(store, run, "model/MLmodel", `artifact_path: model\n${signature}saved_input_example_info:\n  artifact_path: input_example.json\n  type: dataframe\n`);
    expect((await verdict({ tracking: store })).passed).toBe(false);
    await putArtifact(store, run, "model/input_example.json", '{"columns": ["alcohol"], "data": [[9.4]]}');
    expect(await verdict({ tracking: store })).toMatchObject({ passed: true });
  });
});
