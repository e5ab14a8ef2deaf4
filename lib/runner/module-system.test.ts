import { describe, expect, it } from "vitest";
import { describeError } from "./describe-error";
import { ModuleSystem } from "./module-system";

async function runProject(files: Record<string, string>, builtins: Record<string, unknown> = {}) {
  const modules = new ModuleSystem(files, builtins);
  try {
    await modules.runEntry("main.ts");
    return undefined;
  } catch (error) {
    return describeError(error);
  }
}

describe("ModuleSystem", () => {
  it("runs TypeScript with top-level await, local imports and provided modules", async () => {
    const seen: unknown[] = [];
    const error = await runProject(
      {
        "main.ts": [
          'import { double } from "./lib/math";',
          'import * as kit from "kit";',
          "const value: number = await Promise.resolve(21);",
          "kit.report(double(value));",
        ].join("\n"),
        "lib/math.ts": "export const double = (x: number): number => x * 2;\n",
      },
      { kit: { report: (value: unknown) => seen.push(value) } },
    );
    expect(error).toBeUndefined();
    expect(seen).toEqual([42]);
  });

  it("points a runtime error at the learner's file and line", async () => {
    const error = await runProject({ "main.ts": "const a: number = 1;\n\nthrow new Error(`boum ${a}`);\n" });
    expect(error).toMatchObject({ name: "Error", message: "boum 1", location: { file: "main.ts", line: 3 } });
  });

  it("points an error after an await at the right line", async () => {
    const error = await runProject({ "main.ts": "await null;\nconst x = undefined as unknown as { y: number };\nconsole.log(x.y);\n" });
    expect(error?.name).toBe("TypeError");
    expect(error?.location).toMatchObject({ file: "main.ts", line: 3 });
  });

  it("reports syntax errors in French with their line", async () => {
    const error = await runProject({ "main.ts": "const ok = 1;\nconst = 2;\n" });
    expect(error?.name).toBe("SyntaxError");
    expect(error?.explanation).toContain("Erreur de syntaxe dans main.ts, ligne 2, colonne 7");
    expect(error?.location).toMatchObject({ file: "main.ts", line: 2, column: 7 });
  });

  it.skipIf(engineParsesUsing())("explains, at its line, that this engine cannot run `await using`", async () => {
    const error = await runProject({ "main.ts": "const a = 1;\n{\n  await using run = await startRun();\n}\n" });
    expect(error?.name).toBe("SyntaxError");
    expect(error?.message).toContain("ne connaît pas encore `await using`");
    expect(error?.message).toContain("await mlflow.startRun({}, async (run) =>");
    expect(error?.location).toMatchObject({ file: "main.ts", line: 3, column: 3 });
  });

  it("explains an unknown module and lists what is available", async () => {
    const error = await runProject({ "main.ts": 'import pandas from "pandas";\nconsole.log(pandas);\n' }, { mlflow: {} });
    expect(error?.message).toContain("« pandas » n'est pas disponible");
    expect(error?.message).toContain('"mlflow"');
  });
});

/** Node 24 and recent browsers parse `await using`; Node 20 (this project's floor) does not. */
function engineParsesUsing(): boolean {
  try {
    (0, eval)("(async () => { await using x = null; })");
    return true;
  } catch {
    return false;
  }
}
