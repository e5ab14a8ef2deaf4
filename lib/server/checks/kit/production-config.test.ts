import { describe, expect, it } from "vitest";
import { lastPrintedJsonObject, productionConfigProblems } from "./production-config";

const ready = {
  backendStoreUri: "postgresql://mlflow@db.interne:5432/mlflow",
  artifactsDestination: "s3://cuvee-mlflow-artifacts/mlartifacts",
  serveArtifacts: true,
  host: "0.0.0.0",
  port: 5000,
};

describe("productionConfigProblems", () => {
  it("accepts PostgreSQL, S3, proxied artifacts and a reachable host", () => {
    expect(productionConfigProblems(ready)).toEqual([]);
    expect(productionConfigProblems({ ...ready, backendStoreUri: "postgresql+psycopg2://mlflow@db:5432/mlflow", s3EndpointUrl: "http://minio:9000" })).toEqual([]);
  });

  it("explains each point a development configuration misses", () => {
    const problems = productionConfigProblems({ ...ready, backendStoreUri: "sqlite:///mlflow.db", artifactsDestination: "./mlartifacts", host: "127.0.0.1" });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^backendStoreUri : SQLite/);
    expect(problems[1]).toMatch(/^artifactsDestination : un dossier local/);
    expect(problems[2]).toMatch(/^host : « 127\.0\.0\.1 »/);
  });

  it("refuses what MLflow accepts but the platform does not, passwords in clear and bad bucket names", () => {
    expect(productionConfigProblems({ ...ready, backendStoreUri: "mysql://mlflow@db:3306/mlflow" })[0]).toContain("ne prend en charge que PostgreSQL");
    expect(productionConfigProblems({ ...ready, artifactsDestination: "gs://bucket/x" })[0]).toContain("ne prend en charge que S3");
    expect(productionConfigProblems({ ...ready, backendStoreUri: "postgresql://mlflow:secret@db:5432/mlflow" })[0]).toContain("PGPASSWORD");
    expect(productionConfigProblems({ ...ready, backendStoreUri: "postgresql://mlflow@db:5432" })[0]).toContain("nom de la base");
    expect(productionConfigProblems({ ...ready, artifactsDestination: "s3://Mon_Bucket/x" })[0]).toContain("n'est pas un nom de compartiment S3 valide");
    expect(productionConfigProblems({ ...ready, serveArtifacts: false })[0]).toMatch(/^serveArtifacts/);
  });

  it("reports missing, mistyped and unknown keys", () => {
    const { port: _port, ...withoutPort } = ready;
    expect(productionConfigProblems(withoutPort)).toEqual(["port : valeur manquante."]);
    expect(productionConfigProblems({ ...ready, port: "5000" })[0]).toMatch(/^port : valeur invalide/);
    expect(productionConfigProblems({ ...ready, backendUri: "x" })[0]).toMatch(/^Clé\(s\) inconnue\(s\) : backendUri/);
  });
});

describe("lastPrintedJsonObject", () => {
  it("finds the last JSON object line of the output", () => {
    expect(lastPrintedJsonObject(`mlflow server \\\n  --port 5000\n{"a":1}\n{"b":2}\nfin`)).toEqual({ b: 2 });
    expect(lastPrintedJsonObject("{pas du json}\n[1, 2]")).toBeUndefined();
  });
});
