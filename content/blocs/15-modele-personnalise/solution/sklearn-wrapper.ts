// Le modèle personnalisé : une classe qui enveloppe le modèle entraîné
import * as mlflow from "mlflow";
import type { DataFrame } from "cuvee/data";
import type { Regressor } from "cuvee/ml";

class SklearnWrapper extends mlflow.pyfunc.PythonModel {
  private model: Regressor | undefined;

  // Au chargement du modèle : relire le modèle sauvegardé, rangé parmi ses artefacts
  async loadContext(context: mlflow.pyfunc.PythonModelContext) {
    this.model = await mlflow.sklearn.loadModel(context.artifacts["sklearn_model"]!);
  }

  // À chaque prédiction : confier les données au modèle relu
  predict(context: mlflow.pyfunc.PythonModelContext, modelInput: DataFrame) {
    return this.model!.predict(modelInput);
  }
}

// Le modèle que ce fichier définit, celui que mlflow.pyfunc.loadModel rendra
mlflow.models.setModel(new SklearnWrapper());
