# requirements.txt, à côté du script (versions exactes, avec ==) :
#   mlflow==2.9.2
#   scikit-learn==1.2.1
#   pandas==1.5.3
#   numpy==1.24.2

# 1. Importation des bibliothèques
import os
import pandas as pd
import numpy as np
from sklearn.model_selection import train_test_split
from sklearn.linear_model import ElasticNet
from sklearn.metrics import mean_squared_error
import mlflow
import mlflow.sklearn

# 2. Choisir le serveur de suivi
mlflow.set_tracking_uri(os.environ.get("MLFLOW_TRACKING_URI", "http://localhost:5000"))
print("Serveur de suivi :", mlflow.get_tracking_uri())

# 3. Créer l'expérience MLflow (la première fois seulement), puis la retrouver par son nom
experiment_name = "exp_wine_quality_v2"
if mlflow.get_experiment_by_name(experiment_name) is None:
    mlflow.create_experiment(experiment_name, tags={"version": "v2", "priority": "p1"})
experiment = mlflow.get_experiment_by_name(experiment_name)
print(f"Expérience {experiment.name} (id {experiment.experiment_id}), tags :", experiment.tags)

# 4. Chargement des données
data = pd.read_csv("red-wine-quality.csv")

# 5. Séparation en variables explicatives et variable cible
X = data.drop(["quality"], axis=1)
y = data["quality"]

# 6. Division en train/test
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=42)

# 7. Démarrer un run MLflow
mlflow.start_run(experiment_id=experiment.experiment_id)

# 8. Quel run est actif ?
run = mlflow.active_run()
print(f"Run actif : {run.info.run_id} ({run.info.status})")

# 9. Entraînement d'un modèle ElasticNet
alpha = 0.5
model = ElasticNet(alpha=alpha, l1_ratio=0.5)
model.fit(X_train, y_train)

# 10. Prédictions
predictions = model.predict(X_test)

# 11. Affichage simple
print(predictions[:5])

# 12. Premières traces : un paramètre et une métrique
mlflow.log_param("alpha", alpha)
mlflow.log_metric("rmse", np.sqrt(mean_squared_error(y_test, predictions)))

# 13. Dépendances épinglées : le fichier requirements.txt devient un artefact du run
mlflow.log_artifact("requirements.txt")

# 14. Échantillons des données, enregistrés comme artefacts dans un dossier
train, test = train_test_split(data, test_size=0.25, random_state=42)
os.makedirs("data", exist_ok=True)
train.to_csv("data/train.csv", index=False)
test.to_csv("data/test.csv", index=False)
mlflow.log_artifacts("data", artifact_path="data")

# 15. Terminer le run
mlflow.end_run()

# 16. Le dernier run actif, relu sur le serveur
last_run = mlflow.last_active_run()
print(f"Dernier run : {last_run.info.run_id} ({last_run.info.status})")
