/**
 * Emits the TypeScript declarations of the modules learner code imports (`mlflow`, `cuvee/*`,
 * `node:fs/promises` as the sandbox provides it) from their sources, into
 * `public/generated/editor-types.json`, which the editor loads as virtual `node_modules`.
 * One source: the SDK and the kit's own code, never a hand-written .d.ts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const root = process.cwd();

/** Source folder → where the editor's module resolution will look for it. */
const PACKAGES: Record<string, string> = {
  "lib/tracking": "node_modules/mlflow",
  "lib/data": "node_modules/cuvee/data",
  "lib/ml": "node_modules/cuvee/ml",
  "lib/plot": "node_modules/cuvee/plot",
  "lib/runner": "node_modules/cuvee-sandbox",
};

const ENTRIES = ["lib/tracking/index.ts", "lib/data/index.ts", "lib/ml/index.ts", "lib/plot/index.ts", "lib/runner/browser-fs.ts"];

function virtualPath(emitted: string): string | undefined {
  const relative = path.relative(root, emitted).split(path.sep).join("/");
  for (const [source, target] of Object.entries(PACKAGES)) {
    if (relative.startsWith(`${source}/`)) return `${target}/${relative.slice(source.length + 1)}`;
  }
  return undefined;
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
  "node_modules/@types/cuvee-node-fs/index.d.ts": [
    'declare module "node:fs/promises" {',
    '  export * from "cuvee-sandbox/browser-fs";',
    '  export { default } from "cuvee-sandbox/browser-fs";',
    "}",
    'declare module "fs/promises" {',
    '  export * from "node:fs/promises";',
    '  export { default } from "node:fs/promises";',
    "}",
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
