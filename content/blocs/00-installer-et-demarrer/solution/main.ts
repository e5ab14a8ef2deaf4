// Importation des bibliothèques
import { readCsv } from "cuvee/data";
import { ElasticNet, trainTestSplit } from "cuvee/ml";

// Chargement des données
const data = await readCsv("red-wine-quality.csv");

// Séparation en variables explicatives et variable cible
const X = data.drop(["quality"]);
const y = data.get("quality");

// Division en train/test
const [XTrain, XTest, yTrain, yTest] = trainTestSplit(X, y, { testSize: 0.25, randomState: 42 });

// Entraînement d'un modèle ElasticNet
const model = new ElasticNet({ alpha: 0.5, l1Ratio: 0.5 });
model.fit(XTrain, yTrain);

// Prédictions
const predictions = model.predict(XTest);

// Affichage simple
console.log(`${yTest.length} vins dans le jeu de test`);
console.log(predictions.slice(0, 5));
