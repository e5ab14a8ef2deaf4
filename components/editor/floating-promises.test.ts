import ts from "typescript";
import { describe, expect, it } from "vitest";
import { FLOATING_PROMISE_CODE, FLOATING_PROMISE_MESSAGE, floatingPromiseDiagnostics } from "./floating-promises";

/** A tiny `mlflow` module, typed like the SDK's async calls. */
const MLFLOW = `declare module "mlflow" {
  export function logMetric(key: string, value: number): Promise<void>;
  export function setTag(key: string, value: unknown): Promise<void>;
  export function getTrackingUri(): string;
}`;

const libraries = new Map<string, ts.SourceFile | undefined>();

/** Type-checks `main.ts` (with the `mlflow` declarations) in memory and returns the un-awaited calls' text. */
function floating(code: string): string[] {
  const files: Record<string, string> = { "/main.ts": code, "/mlflow.d.ts": MLFLOW };
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, noEmit: true, lib: ["lib.esnext.d.ts"] };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.readFile = (name) => files[name] ?? readFile(name);
  host.fileExists = (name) => name in files || fileExists(name);
  host.getSourceFile = (name, version) => {
    if (name in files) return ts.createSourceFile(name, files[name]!, version);
    // TypeScript's own lib files are parsed once for all the tests.
    if (!libraries.has(name)) {
      const text = readFile(name);
      libraries.set(name, text === undefined ? undefined : ts.createSourceFile(name, text, version));
    }
    return libraries.get(name);
  };
  const program = ts.createProgram(["/main.ts", "/mlflow.d.ts"], options, host);
  const source = program.getSourceFile("/main.ts")!;
  const diagnostics = floatingPromiseDiagnostics(ts, program.getTypeChecker(), source);
  for (const diagnostic of diagnostics) {
    expect(diagnostic).toMatchObject({ category: ts.DiagnosticCategory.Warning, code: FLOATING_PROMISE_CODE, messageText: FLOATING_PROMISE_MESSAGE });
  }
  return diagnostics.map((diagnostic) => code.slice(diagnostic.start, diagnostic.start! + diagnostic.length!));
}

// The first test parses TypeScript's lib files: slow on a busy machine.
describe("the un-awaited promise hint", { timeout: 60_000 }, () => {
  it("flags an SDK call without await, and only the call", () => {
    expect(floating('import * as mlflow from "mlflow";\nmlflow.logMetric("a", 1);\n')).toEqual(['mlflow.logMetric("a", 1)']);
  });

  it("flags any call returning a Promise, also inside callbacks", () => {
    const code = [
      "async function train(): Promise<number> { return 1; }",
      "train();",
      "[1].forEach(async () => { (train()); });",
    ].join("\n");
    expect(floating(code)).toEqual(["train()", "train()"]);
  });

  it("leaves alone awaited, handled, voided, assigned and synchronous calls", () => {
    const code = [
      'import * as mlflow from "mlflow";',
      'await mlflow.logMetric("a", 1);',
      'mlflow.logMetric("a", 1).then(() => {});',
      'mlflow.setTag("t", 1).catch(console.error);',
      'void mlflow.logMetric("a", 1);',
      'const pending = mlflow.logMetric("a", 1);',
      "mlflow.getTrackingUri();",
      "const untyped: any = null;",
      "untyped.logMetric();",
      "await pending;",
    ].join("\n");
    expect(floating(code)).toEqual([]);
  });
});
