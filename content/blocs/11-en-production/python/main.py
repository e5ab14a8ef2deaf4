# En production, on ne lance pas le serveur depuis le script d'entraînement : on le démarre
# une fois, sur une machine dédiée, avec la commande « mlflow server ». Ce script construit
# cette commande à partir de la configuration, comme le fait la version TypeScript.
#
# Avant de lancer la commande, le serveur reçoit ses secrets par l'environnement :
#   export PGPASSWORD=…                  # mot de passe de la base PostgreSQL
#   export AWS_ACCESS_KEY_ID=…           # identifiants du compartiment S3
#   export AWS_SECRET_ACCESS_KEY=…
#   pip install mlflow psycopg2-binary boto3
import json

# 1. Configuration du serveur MLflow de production
server_config = {
    "backendStoreUri": "postgresql://mlflow@db.interne:5432/mlflow",
    "artifactsDestination": "s3://cuvee-mlflow-artifacts/mlartifacts",
    "serveArtifacts": True,
    "host": "0.0.0.0",
    "port": 5000,
}

# 2. La commande qui lance ce serveur
command = [
    "mlflow server",
    f"--backend-store-uri {server_config['backendStoreUri']}",
    f"--artifacts-destination {server_config['artifactsDestination']}",
    "--serve-artifacts" if server_config["serveArtifacts"] else "--no-serve-artifacts",
    f"--host {server_config['host']}",
    f"--port {server_config['port']}",
]
print(" \\\n  ".join(command))

# 3. Côté scripts d'entraînement, une seule ligne change :
#    mlflow.set_tracking_uri("https://mlflow.interne")
print(json.dumps(server_config))
