import { mkdtemp, readFile, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runInNode } from "./run-in-node";

/**
 * A real child Node process on the real packages built from lib/ (no mocks). The tracking
 * server is exercised in tests/integration/runner-node.test.ts; here the URI points at a
 * closed port so that the SDK's failure path is real too.
 */
const UNREACHABLE = "http://127.0.0.1:9";
const csv = readFileSync(path.join(process.cwd(), "public/data/red-wine-quality.csv"), "utf8");

// Each test starts real Node child processes: seconds each on a loaded 2-CPU machine.
describe("runInNode", { timeout: 60_000 }, () => {
  it("runs TypeScript with local imports, the kit, the CSV and top-level await, and captures console output", async () => {
    const result = await runInNode({
      files: {
        "main.ts": [
          'import { readCsv } from "cuvee/data";',
          'import { double } from "./lib/math";',
          'const data = await readCsv("red-wine-quality.csv");',
          "const rows: number = data.shape[0];",
          'console.log("lignes", double(rows) / 2);',
          'console.info({ alpha: 0.5 });',
        ].join("\n"),
        "lib/math.ts": "export const double = (x: number): number => x * 2;\n",
        "red-wine-quality.csv": csv,
      },
      entry: "main.ts",
      trackingUri: UNREACHABLE,
      timeoutMs: 20_000,
    });
    expect(result).toEqual({ status: "succeeded", output: "lignes 1599\n{ alpha: 0.5 }", errors: [], runIds: [] });
  });

  it("maps a thrown error to the learner's file and line, after the output before it", async () => {
    const result = await runInNode({
      files: { "main.ts": 'import { fail } from "./helpers";\nconsole.log("avant");\nfail();\n', "helpers.ts": "export function fail(): never {\n  throw new RangeError(\"trop grand\");\n}\n" },
      entry: "main.ts",
      trackingUri: UNREACHABLE,
      timeoutMs: 20_000,
    });
    expect(result.status).toBe("failed");
    expect(result.output).toBe("avant");
    expect(result.errors).toEqual([{ name: "RangeError", message: "trop grand", location: { file: "helpers.ts", line: 2, column: 9 } }]);
  });

  it("reports syntax errors and unknown modules in French, as the browser sandbox does", async () => {
    const syntax = await runInNode({ files: { "main.ts": "const ok = 1;\nconst = 2;\n" }, entry: "main.ts", trackingUri: UNREACHABLE, timeoutMs: 20_000 });
    expect(syntax.errors[0]).toMatchObject({ name: "SyntaxError", location: { file: "main.ts", line: 2 } });
    expect(syntax.errors[0]?.explanation).toContain("Erreur de syntaxe dans main.ts, ligne 2, colonne 7");

    const unknown = await runInNode({ files: { "main.ts": 'import pandas from "pandas";\nconsole.log(pandas);\n' }, entry: "main.ts", trackingUri: UNREACHABLE, timeoutMs: 20_000 });
    expect(unknown.errors[0]?.message).toContain("« pandas » n'est pas disponible");
  });

  it("kills an infinite loop at the time limit and says so", async () => {
    // An endless loop can only end by the kill: "timed-out" proves it came (no clock bound needed).
    // The limit counts from the spawn, so it leaves a loaded machine time to start Node and print.
    const result = await runInNode({ files: { "main.ts": 'console.log("je boucle");\nwhile (true) {}\n' }, entry: "main.ts", trackingUri: UNREACHABLE, timeoutMs: 5_000 });
    expect(result.status).toBe("timed-out");
    expect(result.output).toBe("je boucle");
    expect(result.errors[0]?.message).toContain("plus de 5 s");
  });

  it("stops when aborted", async () => {
    const controller = new AbortController();
    const result = await runInNode({
      files: { "main.ts": 'console.log("go");\nwhile (true) {}\n' },
      entry: "main.ts",
      trackingUri: UNREACHABLE,
      timeoutMs: 30_000,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === "console") controller.abort();
      },
    });
    expect(result.status).toBe("failed");
    expect(result.errors.at(-1)?.name).toBe("AbortError");
  });

  it("gives the SDK MLFLOW_TRACKING_URI and reports what the server refused, after flushing", async () => {
    const result = await runInNode({
      files: { "main.ts": 'import * as mlflow from "mlflow";\nconsole.log(mlflow.getTrackingUri());\nawait mlflow.setExperiment("x");\n' },
      entry: "main.ts",
      trackingUri: UNREACHABLE,
      timeoutMs: 20_000,
    });
    expect(result.output).toBe(UNREACHABLE);
    expect(result.status).toBe("failed");
    expect(result.errors[0]?.message).toContain("Impossible de joindre le serveur de suivi");
  });

  it("writes with the real node:fs/promises in the working directory it was given", async () => {
    const cwd = await mkdtemp(path.join(tmpdir(), "cuvee-run-test-"));
    try {
      const result = await runInNode({
        files: { "main.ts": 'import { writeFile, readFile } from "node:fs/promises";\nawait writeFile("sortie.txt", "écrit");\nconsole.log(await readFile("sortie.txt", "utf8"));\n' },
        entry: "main.ts",
        trackingUri: UNREACHABLE,
        timeoutMs: 20_000,
        cwd,
      });
      expect(result).toEqual({ status: "succeeded", output: "écrit", errors: [], runIds: [] });
      expect(await readFile(path.join(cwd, "sortie.txt"), "utf8")).toBe("écrit");
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});

describe("runInNode, errors thrown later", { timeout: 60_000 }, () => {
  it("ends the script on an exception thrown in a timer, at its line, as the browser sandbox does", async () => {
    const result = await runInNode({
      files: { "main.ts": 'setTimeout(() => {\n  throw new Error("plus tard");\n}, 10);\nawait new Promise((resolve) => setTimeout(resolve, 5_000));\nconsole.log("jamais");\n' },
      entry: "main.ts",
      trackingUri: UNREACHABLE,
      timeoutMs: 20_000,
    });
    expect(result).toEqual({ status: "failed", output: "", errors: [{ name: "Error", message: "plus tard", location: { file: "main.ts", line: 2, column: 9 } }], runIds: [] });
  });
});

describe("runInNode, what the child is given", () => {
  it("passes only the variables the run needs: a secret of the parent's environment stays out", async () => {
    const planted = { CUVEE_PLANTED_SECRET: "ne-doit-pas-fuir", DATABASE_URL: "postgresql://secret@db/cuvee" };
    const saved = { CUVEE_PLANTED_SECRET: process.env.CUVEE_PLANTED_SECRET, DATABASE_URL: process.env.DATABASE_URL };
    Object.assign(process.env, planted);
    try {
      const result = await runInNode({
        files: { "main.ts": "console.log(JSON.stringify(process.env));\n" },
        entry: "main.ts",
        trackingUri: UNREACHABLE,
        timeoutMs: 20_000,
      });
      expect(result.status).toBe("succeeded");
      const seen = JSON.parse(result.output) as Record<string, string>;
      expect(seen.MLFLOW_TRACKING_URI).toBe(UNREACHABLE);
      expect(seen).not.toHaveProperty("CUVEE_PLANTED_SECRET");
      expect(seen).not.toHaveProperty("DATABASE_URL");
      expect(result.output).not.toContain("ne-doit-pas-fuir");
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it("ends a memory bomb at the heap limit with a French message instead of V8's dump", async () => {
    const result = await runInNode({
      files: { "main.ts": 'console.log("je remplis");\nconst heap: number[][] = [];\nwhile (true) heap.push(new Array(1_000_000).fill(1));\n' },
      entry: "main.ts",
      trackingUri: UNREACHABLE,
      timeoutMs: 60_000,
      maxHeapMb: 64,
    });
    expect(result.status).toBe("failed");
    expect(result.output).toBe("je remplis");
    expect(result.errors).toEqual([{ name: "RangeError", message: expect.stringContaining("Votre script a utilisé trop de mémoire (plus de 64 Mo)") }]);
    expect(JSON.stringify(result)).not.toContain("FATAL ERROR");
  });
});
