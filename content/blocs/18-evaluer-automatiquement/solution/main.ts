// Importation des bibliothèques
import * as mlflow from "mlflow";
import { readCsv, type NumericVector } from "cuvee/data";
import { ElasticNet, meanAbsoluteError, r2Score, rootMeanSquaredError, trainTestSplit } from "cuvee/ml";

// Hyperparamètres : les arguments du script
const args = { alpha: 0.5, l1Ratio: 0.5 };

// Évaluation : les trois métriques du modèle
function evalMetrics(actual: NumericVector, predicted: NumericVector) {
  return {
    rmse: rootMeanSquaredError(actual, predicted),
    mae: meanAbsoluteError(actual, predicted),
    r2: r2Score(actual, predicted),
  };
}

// Serveur de suivi et expérience
mlflow.setTrackingUri(process.env.MLFLOW_TRACKING_URI ?? "http://localhost:3000");
await mlflow.setExperiment("exp_wine_elasticnet");

// Chargement des données
const data = await readCsv("red-wine-quality.csv");

// Séparation en variables explicatives et variable cible
const X = data.drop(["quality"]);
const y = data.get("quality");

// Division en train/test
const [XTrain, XTest, yTrain, yTest] = trainTestSplit(X, y, { testSize: 0.25, randomState: 42 });

// Un run, terminé automatiquement à la fin de la fonction
await mlflow.startRun({ runName: `elasticnet alpha ${args.alpha}, l1Ratio ${args.l1Ratio}` }, async () => {
  // Autolog du modèle : hyperparamètres, métriques d'entraînement et modèle enregistrés à chaque fit()
  mlflow.sklearn.autolog({ logInputExamples: true });

  // Entraînement d'un modèle ElasticNet
  const model = new ElasticNet({ alpha: args.alpha, l1Ratio: args.l1Ratio });
  model.fit(XTrain, yTrain);

  // Prédictions
  const predictions = model.predict(XTest);
  console.log(`ElasticNet (alpha ${args.alpha}, l1Ratio ${args.l1Ratio}) : ${predictions.length} prédictions`);

  // Évaluer sur le jeu de test
  const { rmse, mae, r2 } = evalMetrics(yTest, predictions);
  console.log(`  RMSE : ${rmse}`);
  console.log(`  MAE : ${mae}`);
  console.log(`  R2 : ${r2}`);

  // Sauvegarder le modèle entraîné dans un dossier local (l'équivalent de joblib.dump)
  const modelPath = "sklearn_model";
  await mlflow.sklearn.saveModel(model, modelPath);

  // L'environnement du modèle : les versions exactes de ce dont il a besoin (l'équivalent de conda_env)
  const modelEnvironment = { mlflow: mlflow.version };
  console.log(`Environnement du modèle : mlflow ${mlflow.version}`);

  // Logger le modèle personnalisé : le code de sklearn-wrapper.ts et, comme artefact, le modèle sauvegardé
  await mlflow.pyfunc.logModel({
    artifactPath: "sklearn_pyfunc_model",
    pythonModel: "sklearn-wrapper.ts",
    artifacts: { sklearn_model: modelPath },
    extraDependencies: modelEnvironment,
  });
});

// Le run qui vient de se terminer
const run = (await mlflow.lastActiveRun())!;

// Recharger le modèle personnalisé depuis le run
const loadedModel = await mlflow.pyfunc.loadModel(`runs:/${run.info.runId}/sklearn_pyfunc_model`);

// Prédire avec le modèle rechargé, puis réévaluer
const reloadedPredictions = await loadedModel.predict(XTest);
const reloaded = evalMetrics(yTest, reloadedPredictions);
console.log("Évaluation du modèle rechargé depuis MLflow :");
console.log(`  RMSE (rechargé) : ${reloaded.rmse}`);
console.log(`  MAE (rechargé) : ${reloaded.mae}`);
console.log(`  R2 (rechargé) : ${reloaded.r2}`);

// Dans le même run, à côté de celles du modèle d'origine : ces métriques, puis l'évaluation automatique
await mlflow.startRun({ runId: run.info.runId }, async () => {
  await mlflow.logMetrics({ rmse_reload: reloaded.rmse, mae_reload: reloaded.mae, r2_reload: reloaded.r2 });

  // Évaluer automatiquement le modèle rechargé : les métriques standard d'une régression
  const evalResult = await mlflow.evaluate({
    model: loadedModel,
    data: XTest,
    targets: yTest,
    modelType: "regressor",
    evaluators: "default",
  });
  console.log("Résultats d'évaluation automatique avec mlflow.evaluate :");
  console.log(evalResult.metrics);
});
