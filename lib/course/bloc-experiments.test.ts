import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { experimentsWrittenBy } from "./bloc-experiments";

const solution = (folder: string) => readFileSync(path.join(process.cwd(), "content", "blocs", folder, "solution", "main.ts"), "utf8");

describe("the experiments a bloc's code writes to", () => {
  it("reads literal names and constants passed to the experiment calls, in order, once each", () => {
    const code = [
      'const experimentName = "exp_b";',
      "await mlflow.setExperiment('exp_a');",
      "if ((await mlflow.getExperimentByName(experimentName)) === undefined) {",
      "  await mlflow.createExperiment(experimentName, { tags: {} });",
      "}",
      "await mlflow.setExperiment(`exp_c`);",
      "await mlflow.setExperiment('exp_a');",
    ].join("\n");
    expect(experimentsWrittenBy(code)).toEqual(["exp_a", "exp_b", "exp_c"]);
  });

  it("ignores commented-out calls, computed names and unknown identifiers", () => {
    const code = ['// await mlflow.setExperiment("old");', "await mlflow.setExperiment(family.name);", "await mlflow.setExperiment(unknown);", "await mlflow.setExperiment(`exp_${n}`);"].join("\n");
    expect(experimentsWrittenBy(code)).toEqual([]);
  });

  it("finds each written bloc's experiment in its solution", () => {
    expect(experimentsWrittenBy(solution("01-premiere-experience"))).toEqual(["exp_wine_quality"]);
    expect(experimentsWrittenBy(solution("04-creer-une-experience"))).toEqual(["exp_wine_quality_v2"]);
    expect(experimentsWrittenBy(solution("12-logger-a-la-main"))).toEqual(["exp_wine_elasticnet"]);
    expect(experimentsWrittenBy(solution("13-logger-le-modele"))).toEqual(["exp_wine_elasticnet"]);
  });
});
