// Configuration du serveur MLflow
const serverConfig = {
  backendStoreUri: "postgresql://mlflow@db.interne:5432/mlflow",
  artifactsDestination: "s3://cuvee-mlflow-artifacts/mlartifacts",
  serveArtifacts: true,
  host: "0.0.0.0",
  port: 5000,
};

// La commande qui lance ce serveur
const command = [
  "mlflow server",
  `--backend-store-uri ${serverConfig.backendStoreUri}`,
  `--artifacts-destination ${serverConfig.artifactsDestination}`,
  serverConfig.serveArtifacts ? "--serve-artifacts" : "--no-serve-artifacts",
  `--host ${serverConfig.host}`,
  `--port ${serverConfig.port}`,
];
console.log(command.join(" \\\n  "));

// La configuration, telle que la vérification la lit
console.log(JSON.stringify(serverConfig));
