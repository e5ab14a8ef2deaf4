import { describe, expect, it } from "vitest";
import { CUVEE_VERSION } from "@/lib/tracking/version";
import { PLATFORM_PACKAGES, pinningProblems } from "./pinned-dependencies";

const version = CUVEE_VERSION;
const manifest = (dependencies: unknown) => JSON.stringify({ name: "vin-rouge", dependencies });

describe("pinningProblems", () => {
  it("accepts every imported package pinned to the platform's version", () => {
    expect(PLATFORM_PACKAGES).toEqual({ cuvee: version, mlflow: version });
    expect(pinningProblems(manifest({ cuvee: version, mlflow: version }), ["cuvee", "mlflow"])).toEqual([]);
  });

  it("names each missing, loose or wrong version", () => {
    const problems = pinningProblems(manifest({ cuvee: `^${version}`, other: "1.0.0" }), ["cuvee", "mlflow"]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("« cuvee »");
    expect(problems[0]).toContain("n'est pas exacte");
    expect(problems[1]).toBe("Votre code importe « mlflow », absent des dépendances.");
    expect(pinningProblems(manifest({ mlflow: "latest" }), ["mlflow"])[0]).toContain("n'est pas exacte");
    expect(pinningProblems(manifest({ mlflow: "9.9.9" }), ["mlflow"])[0]).toBe(`« mlflow » est épinglé en 9.9.9, mais la plateforme fournit la version ${version}.`);
  });

  it("explains a manifest that is not JSON or has no dependencies", () => {
    expect(pinningProblems("mlflow==2.9.2", ["mlflow"])).toEqual(["Le fichier package.json enregistré n'est pas du JSON valide."]);
    expect(pinningProblems("{}", ["mlflow"])).toEqual(["Le package.json enregistré n'a pas d'objet « dependencies »."]);
  });
});
