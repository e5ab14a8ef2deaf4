/**
 * Emits the TypeScript declarations of the modules learner code imports (`mlflow`, `cuvee/*`,
 * `node:fs/promises` as the sandbox provides it) from their sources, into
 * `public/generated/editor-types.json`, which the editor loads as virtual `node_modules`.
 * One source: the SDK and the kit's own code, never a hand-written .d.ts.
 *
 * The declarations keep the `lib/` layout (under `node_modules/cuvee-lib/`), so that the SDK's
 * relative imports of the kit (`../../ml`) resolve as in the sources; each public module is a
 * one-line entry that re-exports its folder. One JSON file, fetched once by the editor, is the
 * bundle: a single rolled-up .d.ts would need a dts bundler we do not ship, for no gain in
 * completions (see docs/decisions/005-custom-models-stored-as-code.md, "Editor types").
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = process.cwd();

/** Every declaration goes under this virtual package, keeping its path below `lib/`. */
const LIB_PACKAGE = "node_modules/cuvee-lib";

/** Module learner code imports → the lib folder whose index it re-exports. */
const ENTRY_POINTS: Record<string, string> = {
  "node_modules/mlflow/index.d.ts": "cuvee-lib/tracking/index",
  "node_modules/cuvee/data/index.d.ts": "cuvee-lib/data/index",
  "node_modules/cuvee/ml/index.d.ts": "cuvee-lib/ml/index",
  "node_modules/cuvee/plot/index.d.ts": "cuvee-lib/plot/index",
};

const ENTRIES = ["lib/tracking/index.ts", "lib/data/index.ts", "lib/ml/index.ts", "lib/plot/index.ts", "lib/runner/browser-fs.ts"];

function virtualPath(emitted: string): string | undefined {
  const relative = path.relative(root, emitted).split(path.sep).join("/");
  return relative.startsWith("lib/") ? `${LIB_PACKAGE}/${relative.slice("lib/".length)}` : undefined;
}

const program = ts.createProgram(
  ENTRIES.map((entry) => path.join(root, entry)),
  {
    declaration: true,
    emitDeclarationOnly: true,
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.esnext.d.ts", "lib.esnext.disposable.d.ts", "lib.dom.d.ts"],
    skipLibCheck: true,
    outDir: root,
    rootDir: root,
  },
);

const files: Record<string, string> = {
  "node_modules/mlflow/package.json": JSON.stringify({ name: "mlflow", types: "index.d.ts" }),
  "node_modules/cuvee/package.json": JSON.stringify({ name: "cuvee" }),
  "node_modules/cuvee-lib/package.json": JSON.stringify({ name: "cuvee-lib" }),
  ...Object.fromEntries(Object.entries(ENTRY_POINTS).map(([file, target]) => [file, `export * from "${target}";\n`])),
  "node_modules/@types/cuvee-node-fs/index.d.ts": [
    'declare module "node:fs/promises" {',
    '  export * from "cuvee-lib/runner/browser-fs";',
    '  export { default } from "cuvee-lib/runner/browser-fs";',
    "}",
    'declare module "fs/promises" {',
    '  export * from "node:fs/promises";',
    '  export { default } from "node:fs/promises";',
    "}",
    "/** The environment every runtime gives learner code (MLFLOW_TRACKING_URI: the learner's workspace). */",
    "declare var process: { readonly env: Record<string, string | undefined> };",
    "",
  ].join("\n"),
};

const result = program.emit(undefined, (fileName, text) => {
  const target = virtualPath(fileName);
  if (target) files[target] = text;
});

const errors = ts.getPreEmitDiagnostics(program).concat(result.diagnostics).filter((d) => d.category === ts.DiagnosticCategory.Error);
if (errors.length > 0) {
  console.error(ts.formatDiagnosticsWithColorAndContext(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => "\n" }));
  process.exit(1);
}

const outDir = path.join(root, "public", "generated");
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, "editor-types.json"), JSON.stringify({ files }));
console.log(`editor types: ${Object.keys(files).length} files → public/generated/editor-types.json`);
