import { describe, expect, it } from "vitest";
import { calleeText, findCalls, firstStringArgument, importedPackages, isCalledFromLoop, parseLearnerCode } from "./code";

describe("importedPackages", () => {
  it("names packages, not subpaths, and leaves out Node built-ins and relative files", () => {
    const file = parseLearnerCode(`
      import * as mlflow from "mlflow";
      import { writeFile } from "node:fs/promises";
      import { readCsv } from "cuvee/data";
      import { ElasticNet } from "cuvee/ml";
      import { helper } from "./helper";
      import thing from "@scope/pkg/sub";
    `);
    expect(importedPackages(file)).toEqual(["@scope/pkg", "cuvee", "mlflow"]);
  });
});

describe("findCalls", () => {
  it("finds calls by name, in file order with their line, ignoring comments and strings", () => {
    const file = parseLearnerCode(
      [
        "// mlflow.startRun() in a comment",
        'const text = "mlflow.startRun()";',
        "await mlflow.setExperiment(\"exp\");",
        "await mlflow.startRun();",
      ].join("\n"),
    );
    expect(findCalls(file, "startRun").map((call) => call.line)).toEqual([4]);
    const [setExperiment] = findCalls(file, "setExperiment");
    expect(setExperiment && firstStringArgument(setExperiment)).toBe("exp");
    expect(findCalls(file, "setTrackingUri")).toEqual([]);
  });

  it("gives the callee as written, so a check can tell mlflow.autolog from mlflow.sklearn.autolog", () => {
    const file = parseLearnerCode("mlflow.autolog();\nmlflow\n  .sklearn.autolog();");
    expect(findCalls(file, "autolog").map(calleeText)).toEqual(["mlflow.autolog", "mlflow.sklearn.autolog"]);
  });

  it("does not throw on code that does not compile", () => {
    expect(() => findCalls(parseLearnerCode("await mlflow.startRun({ ;"), "startRun")).not.toThrow();
  });
});

describe("isCalledFromLoop", () => {
  it("sees a call written in a loop body", () => {
    expect(isCalledFromLoop(parseLearnerCode("for (const a of [1, 2]) { await mlflow.startRun(); await mlflow.endRun(); }"), "startRun")).toBe(true);
    expect(isCalledFromLoop(parseLearnerCode("let i = 0; while (i++ < 3) await mlflow.startRun({}, async () => {});"), "startRun")).toBe(true);
    expect(isCalledFromLoop(parseLearnerCode("[1, 2].forEach(async () => { await mlflow.startRun(); });"), "startRun")).toBe(true);
  });

  it("sees a call made by a function that a loop calls", () => {
    const source = `
      async function trainAndLog(alpha: number) { return mlflow.startRun({}, async () => alpha); }
      const other = async () => mlflow.logMetric("x", 1);
      for (const alpha of [0.1, 0.5]) await trainAndLog(alpha);
    `;
    expect(isCalledFromLoop(parseLearnerCode(source), "startRun")).toBe(true);
    expect(isCalledFromLoop(parseLearnerCode(source), "logMetric")).toBe(false);
  });

  it("is false for a single call, or a loop declared inside a function the call does not belong to", () => {
    expect(isCalledFromLoop(parseLearnerCode("await mlflow.startRun(); await mlflow.endRun();"), "startRun")).toBe(false);
    // The loop's body defines a function; the function is never called there.
    expect(isCalledFromLoop(parseLearnerCode("for (const a of [1]) { const f = () => 1; }\nawait mlflow.startRun();"), "startRun")).toBe(false);
    expect(isCalledFromLoop(parseLearnerCode("for (const a of [1]) { const f = async () => mlflow.startRun(); }"), "startRun")).toBe(false);
  });
});
