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

  // Logger le modèle personnalisé : le code de sklearn-wrapper.ts et, comme artefact, le modèle sauvegardé
  await mlflow.pyfunc.logModel({
    artifactPath: "sklearn_pyfunc_model",
    pythonModel: "sklearn-wrapper.ts",
    artifacts: { sklearn_model: modelPath },
  });
});
