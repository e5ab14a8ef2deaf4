import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { KIT_MODULE_SPECIFIERS, LEARNER_MODULE_SPECIFIERS, LEARNER_MODULES, learnerModuleTable } from "./index";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("the learner-modules table", () => {
  it("lists the modules learner code may import, in order", () => {
    expect(LEARNER_MODULE_SPECIFIERS).toEqual(["mlflow", "cuvee/data", "cuvee/ml", "cuvee/plot", "node:fs/promises", "fs/promises"]);
    expect(KIT_MODULE_SPECIFIERS).toEqual(["mlflow", "cuvee/data", "cuvee/ml", "cuvee/plot"]);
  });

  it("points every entry at a source that exists, with one bundle per kit module", () => {
    const bundles = new Set<string>();
    for (const specifier of LEARNER_MODULE_SPECIFIERS) {
      const entry = LEARNER_MODULES[specifier];
      const source = entry.provider === "kit" ? entry.source : entry.browserSource;
      expect(existsSync(path.join(root, source)), source).toBe(true);
      if (entry.provider === "kit") bundles.add(entry.bundle);
    }
    expect(bundles.size).toBe(KIT_MODULE_SPECIFIERS.length);
  });

  it("gives a host's table the kit's modules and its file system for every file-system entry", () => {
    const fs = { name: "fs" };
    const table = learnerModuleTable({ mlflow: 1, "cuvee/data": 2, "cuvee/ml": 3, "cuvee/plot": 4 }, fs);
    expect(table).toEqual({ mlflow: 1, "cuvee/data": 2, "cuvee/ml": 3, "cuvee/plot": 4, "node:fs/promises": fs, "fs/promises": fs });
    expect(Object.keys(table)).toEqual(LEARNER_MODULE_SPECIFIERS);
  });
});
