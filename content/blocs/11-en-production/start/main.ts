// Configuration du serveur MLflow
const serverConfig = {
  backendStoreUri: "sqlite:///mlflow.db",
  artifactsDestination: "./mlartifacts",
  serveArtifacts: true,
  host: "127.0.0.1",
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
