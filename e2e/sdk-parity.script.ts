/**
 * The learner script of the SDK parity test: most of the SDK in one program, written as a
 * learner would. It runs unchanged in Node and in the browser's Web Worker. (No `await using`:
 * Node 20 does not parse it yet, and the Node side runs the script untransformed, as the worker does.)
 */
export const PARITY_SCRIPT = `import * as mlflow from "mlflow";
import { mkdir, writeFile } from "node:fs/promises";
import { readCsv } from "cuvee/data";
import { DummyRegressor, ElasticNet, rootMeanSquaredError, trainTestSplit } from "cuvee/ml";
import { Figure } from "cuvee/plot";

await mlflow.createExperiment("parite_sdk", { tags: { cours: "cuvee" } });
await mlflow.setExperiment("parite_sdk");

const data = await readCsv("red-wine-quality.csv");
const X = data.drop(["quality"]);
const y = data.get("quality");
const [XTrain, XTest, yTrain, yTest] = trainTestSplit(X, y, { testSize: 0.25, randomState: 42 });

await mkdir("echantillons", { recursive: true });
await writeFile("echantillons/train.csv", XTrain.head(5).toCsv());
await writeFile("echantillons/test.csv", XTest.head(5).toCsv());

for (const alpha of [0.5, 0.2]) {
  await mlflow.startRun({ runName: "elasticnet-" + alpha }, async () => {
    const model = new ElasticNet({ alpha, l1Ratio: 0.5, randomState: 42 }).fit(XTrain, yTrain);
    const predictions = model.predict(XTest);
    await mlflow.logParams({ alpha, l1_ratio: 0.5 });
    await mlflow.logMetric("rmse", rootMeanSquaredError(yTest, predictions));
    await mlflow.setTags({ "release.candidate": alpha === 0.5, engineering: "cuvee" });
    await mlflow.logArtifacts("echantillons", "data");
    await mlflow.logText("alpha = " + alpha, "notes/alpha.txt");
    await mlflow.logDict({ alpha }, "config.yaml");
    await mlflow.logFigure(new Figure().scatter(yTest.toArray(), predictions).identityLine(), "plots/scatter_plot.svg");
    const signature = mlflow.models.inferSignature(XTrain, model.predict(XTrain));
    await mlflow.sklearn.logModel(model, "model", { signature, inputExample: XTrain.head(2), registeredModelName: "parite-modele" });
    const evaluation = await mlflow.evaluate({
      model,
      data: XTest,
      targets: yTest,
      modelType: "regressor",
      customMetrics: [mlflow.makeMetric({ name: "moitie_somme_cibles", greaterIsBetter: true, evalFn: (_df, builtin) => builtin.sum_on_target / 2 })],
    });
    console.log("rmse évalué", evaluation.metrics.root_mean_squared_error);
  });
}

mlflow.autolog({ logInputExamples: true });
await mlflow.startRun({ runName: "autolog-dummy" });
new DummyRegressor({ strategy: "mean" }).fit(XTrain, yTrain);
await mlflow.endRun();
mlflow.autolog({ disable: true });

await writeFile(
  "arrondi.ts",
  'import * as mlflow from "mlflow";\\n' +
    "class Arrondi extends mlflow.pyfunc.PythonModel {\\n" +
    "  model: any;\\n" +
    "  async loadContext(context: mlflow.pyfunc.PythonModelContext) { this.model = await mlflow.sklearn.loadModel(context.artifacts.model); }\\n" +
    "  predict(_context: unknown, input: any) { return this.model.predict(input).map((value: number) => Math.round(value)); }\\n" +
    "}\\n" +
    "mlflow.models.setModel(new Arrondi());\\n",
);
const customRunId = await mlflow.startRun({ runName: "modele-perso" }, async (run) => {
  await mlflow.pyfunc.logModel({ artifactPath: "arrondi", pythonModel: "arrondi.ts", artifacts: { model: "models:/parite-modele/1" } });
  return run.info.runId;
});

const client = new mlflow.MlflowClient();
await client.transitionModelVersionStage("parite-modele", "1", "Staging");
await client.transitionModelVersionStage("parite-modele", "2", "Staging", true);
await client.setRegisteredModelAlias("parite-modele", "champion", "2");
await client.setModelVersionTag("parite-modele", "2", "validation", "ok");

const champion = await mlflow.pyfunc.loadModel("models:/parite-modele@champion");
const arrondi = await mlflow.pyfunc.loadModel("runs:/" + customRunId + "/arrondi");
console.log("champion", (await champion.predict(XTest.head(3))).join(" "));
console.log("arrondi", (await arrondi.predict(XTest.head(3))).join(" "));
console.log("parité : fin du script");
`;
