import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as mlflow from "./index";
import { environmentFile } from "./models/log-model";
import { CUVEE_VERSION } from "./version";

describe("CUVEE_VERSION", () => {
  it("is package.json's version, so model environments pin what actually runs", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
    expect(CUVEE_VERSION).toBe(pkg.version);
  });
});

describe("mlflow.version", () => {
  it("is the SDK's exact version, the one a model's environment file pins (like mlflow.__version__)", () => {
    expect(mlflow.version).toBe(CUVEE_VERSION);
    expect(mlflow.version).toMatch(/^\d+\.\d+\.\d+$/);
    const environment = JSON.parse(environmentFile({ mlflow: mlflow.version })) as { dependencies: Record<string, string> };
    expect(environment.dependencies).toEqual({ cuvee: mlflow.version, mlflow: mlflow.version });
  });
});
