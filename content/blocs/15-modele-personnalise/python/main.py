# 1. Importation des bibliothèques
import argparse
import os
import pandas as pd
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.linear_model import ElasticNet
from sklearn.metrics import mean_squared_error, mean_absolute_error, r2_score
import mlflow
import mlflow.sklearn
import mlflow.pyfunc
import joblib

# 2. Hyperparamètres : les arguments du script (python main.py --alpha 0.5 --l1_ratio 0.5)
parser = argparse.ArgumentParser()
parser.add_argument("--alpha", type=float, required=False, default=0.5)
parser.add_argument("--l1_ratio", type=float, required=False, default=0.5)
args = parser.parse_args()


# Le modèle personnalisé : une classe qui enveloppe le modèle entraîné
# (en TypeScript, elle a son propre fichier : sklearn-wrapper.ts)
class SklearnWrapper(mlflow.pyfunc.PythonModel):
    def load_context(self, context):
        # Au chargement du modèle : relire le modèle sauvegardé, rangé parmi ses artefacts
        self.model = joblib.load(context.artifacts["sklearn_model"])

    def predict(self, context, model_input):
        # À chaque prédiction : confier les données au modèle relu
        return self.model.predict(model_input)


# 3. Évaluation : les trois métriques du modèle
def eval_metrics(actual, pred):
    rmse = np.sqrt(mean_squared_error(actual, pred))
    mae = mean_absolute_error(actual, pred)
    r2 = r2_score(actual, pred)
    return rmse, mae, r2


# 4. Serveur de suivi et expérience
mlflow.set_tracking_uri(os.environ.get("MLFLOW_TRACKING_URI", "http://localhost:5000"))
mlflow.set_experiment("exp_wine_elasticnet")

# 5. Chargement des données
data = pd.read_csv("red-wine-quality.csv")

# 6. Séparation en variables explicatives et variable cible
X = data.drop(["quality"], axis=1)
y = data["quality"]

# 7. Division en train/test
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=42)

# 8. Un run, terminé automatiquement à la fin du bloc with
with mlflow.start_run(run_name=f"elasticnet alpha {args.alpha}, l1_ratio {args.l1_ratio}"):
    # 9. Autolog du modèle : hyperparamètres, métriques d'entraînement et modèle enregistrés à chaque fit()
    mlflow.sklearn.autolog(log_input_examples=True)

    # 10. Entraînement d'un modèle ElasticNet
    model = ElasticNet(alpha=args.alpha, l1_ratio=args.l1_ratio)
    model.fit(X_train, y_train)

    # 11. Prédictions
    predictions = model.predict(X_test)
    print(f"ElasticNet (alpha {args.alpha}, l1_ratio {args.l1_ratio}) : {len(predictions)} prédictions")

    # 12. Évaluer sur le jeu de test (plus de log_params, log_metrics ni log_model : l'autolog s'en charge)
    (rmse, mae, r2) = eval_metrics(y_test, predictions)
    print(f"  RMSE : {rmse}")
    print(f"  MAE : {mae}")
    print(f"  R2 : {r2}")

    # 13. Sauvegarder le modèle entraîné dans un fichier local
    model_path = "sklearn_model.pkl"
    joblib.dump(model, model_path)

    # 14. Logger le modèle personnalisé, avec le modèle sauvegardé comme artefact
    mlflow.pyfunc.log_model(
        artifact_path="sklearn_pyfunc_model",
        python_model=SklearnWrapper(),
        artifacts={"sklearn_model": model_path},
    )
