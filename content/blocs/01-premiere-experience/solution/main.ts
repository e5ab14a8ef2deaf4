// 1. Importation des bibliothèques
import * as mlflow from "mlflow";
import { readCsv } from "cuvee/data";
import { ElasticNet, rootMeanSquaredError, trainTestSplit } from "cuvee/ml";

// 2. Définir l'expérience MLflow
await mlflow.setExperiment("exp_wine_quality");

// 3. Chargement des données
const data = await readCsv("red-wine-quality.csv");

// 4. Séparation en variables explicatives et variable cible
const X = data.drop(["quality"]);
const y = data.get("quality");

// 5. Division en train/test
const [XTrain, XTest, yTrain, yTest] = trainTestSplit(X, y, { testSize: 0.25, randomState: 42 });

// 6. Démarrer un run MLflow
await mlflow.startRun();

// 7. Entraînement d'un modèle ElasticNet
const alpha = 0.5;
const model = new ElasticNet({ alpha, l1Ratio: 0.5 });
model.fit(XTrain, yTrain);

// 8. Prédictions
const predictions = model.predict(XTest);

// 9. Affichage simple
console.log(`${yTest.length} vins dans le jeu de test`);
console.log(predictions.slice(0, 5));

// 10. Premières traces : un paramètre et une métrique
await mlflow.logParam("alpha", alpha);
await mlflow.logMetric("rmse", rootMeanSquaredError(yTest, predictions));

// 11. Terminer le run
await mlflow.endRun();
