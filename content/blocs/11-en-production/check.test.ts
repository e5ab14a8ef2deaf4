/** Bloc 11's check on a real tracking store (harness: lib/server/checks/kit/testing.ts). */
import { describe, expect, it } from "vitest";
import { checkHarness } from "@/lib/server/checks/kit/testing";
import { check } from "./check";

const { newStore, verdict } = checkHarness(check);

describe("bloc 11: production configuration", () => {
  const printed = (config: Record<string, unknown>) => `mlflow server \\\n  --port 5000\n${JSON.stringify(config)}`;
  const start = { backendStoreUri: "sqlite:///mlflow.db", artifactsDestination: "./mlartifacts", serveArtifacts: true, host: "127.0.0.1", port: 5000 };

  it("fails on the development configuration and passes on PostgreSQL + S3", async () => {
    const store = await newStore();
    expect((await verdict({ tracking: store, output: "" })).message).toBe("La sortie de votre dernière exécution ne contient pas la configuration.");
    const development = await verdict({ tracking: store, output: printed(start) });
    expect(development.message).toBe("Cette configuration n'est pas prête pour la production (3 points à corriger).");
    const production = { ...start, backendStoreUri: "postgresql://mlflow@db.interne:5432/mlflow", artifactsDestination: "s3://cuvee-mlflow-artifacts/mlartifacts", host: "0.0.0.0" };
    expect(await verdict({ tracking: store, output: printed(production) })).toMatchObject({ passed: true });
  });
});
