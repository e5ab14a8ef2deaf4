import { describe, expect, it } from "vitest";
import { BOOTSTRAP_PATH, nodeProjectFiles, RUN_REQUEST_PATH } from "./node-project";

describe("nodeProjectFiles", () => {
  const packages = { [BOOTSTRAP_PATH]: "// bootstrap", "node_modules/mlflow/index.js": "// sdk" };

  it("lays out the learner's files beside the packages and lists the code files to run", () => {
    const files = nodeProjectFiles({ "main.ts": "x", "lib/a.ts": "y", "red-wine-quality.csv": "a,b" }, "main.ts", "http://h/w/1", packages);
    expect(files["main.ts"]).toBe("x");
    expect(files["red-wine-quality.csv"]).toBe("a,b");
    expect(files[BOOTSTRAP_PATH]).toBe("// bootstrap");
    expect(JSON.parse(files[RUN_REQUEST_PATH]!)).toEqual({ entry: "main.ts", trackingUri: "http://h/w/1", codeFiles: ["main.ts", "lib/a.ts"] });
  });

  it("refuses learner files that would replace the runtime or leave the project", () => {
    for (const name of ["node_modules/mlflow/index.js", ".cuvee/run.json", "../evil.ts", "/etc/passwd"]) {
      expect(() => nodeProjectFiles({ [name]: "x" }, "main.ts", "http://h", packages)).toThrow(/réservé ou invalide/);
    }
  });
});
