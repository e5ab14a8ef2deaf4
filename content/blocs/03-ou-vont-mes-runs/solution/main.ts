// Importation des bibliothèques
import * as mlflow from "mlflow";
import { writeFile } from "node:fs/promises";
import { readCsv } from "cuvee/data";
import { ElasticNet, rootMeanSquaredError, trainTestSplit } from "cuvee/ml";

// Choisir le serveur de suivi
mlflow.setTrackingUri(process.env.MLFLOW_TRACKING_URI ?? "http://localhost:3000");
console.log(`Serveur de suivi : ${mlflow.getTrackingUri()}`);

// Définir l'expérience MLflow
await mlflow.setExperiment("exp_wine_quality");

// Chargement des données
const data = await readCsv("red-wine-quality.csv");

// Séparation en variables explicatives et variable cible
const X = data.drop(["quality"]);
const y = data.get("quality");

// Division en train/test
const [XTrain, XTest, yTrain, yTest] = trainTestSplit(X, y, { testSize: 0.25, randomState: 42 });

// Démarrer un run MLflow
await mlflow.startRun();

// Entraînement d'un modèle ElasticNet
const model = new ElasticNet({ alpha: 0.5, l1Ratio: 0.5 });
model.fit(XTrain, yTrain);

// Prédictions
const predictions = model.predict(XTest);

// Affichage simple
console.log(`${yTest.length} vins dans le jeu de test`);
console.log(predictions.slice(0, 5));

// Premières traces : un paramètre et une métrique
await mlflow.logParam("alpha", 0.5);
await mlflow.logMetric("rmse", rootMeanSquaredError(yTest, predictions));

// Dépendances épinglées : l'équivalent de requirements.txt
const dependencies = { cuvee: "0.1.0", mlflow: "0.1.0" };
await writeFile("package.json", JSON.stringify({ name: "vin-rouge", private: true, dependencies }, null, 2));
await mlflow.logArtifact("package.json");

// Terminer le run
await mlflow.endRun();
