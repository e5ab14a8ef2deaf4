/**
 * Emits the TypeScript declarations of the modules learner code imports (lib/learner-modules/:
 * `mlflow`, `cuvee/*`, `node:fs/promises` as the sandbox provides it) from their sources, into
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
import { LEARNER_MODULE_SPECIFIERS, LEARNER_MODULES, type LearnerModule } from "../lib/learner-modules";

const root = process.cwd();

/** Every declaration goes under this virtual package, keeping its path below `lib/`. */
const LIB_PACKAGE = "node_modules/cuvee-lib";

/** `lib/x/y.ts` → the module name its declarations get under the virtual package (`cuvee-lib/x/y`). */
function libModule(source: string): string {
  return `cuvee-lib/${source.slice("lib/".length).replace(/\.ts$/, "")}`;
}

const MODULES = LEARNER_MODULE_SPECIFIERS.map((specifier) => ({ specifier, ...(LEARNER_MODULES[specifier] as LearnerModule) }));

/** Every source whose declarations the editor needs (the kit, and the sandbox's file system). */
const ENTRIES = [...new Set(MODULES.map((module) => (module.provider === "kit" ? module.source : module.browserSource)))];

/**
 * The kit's modules (`mlflow`, `cuvee/*`) are real packages: each is a one-line entry that
 * re-exports its lib folder, in a package named by its first segment (`mlflow` has its types at
 * its root, `cuvee` only subfolders). The file-system modules are ambient declarations.
 */
const packageFiles: Record<string, string> = {};
const ambientModules: string[] = [];
for (const module of MODULES) {
  if (module.provider === "kit") {
    const [name, ...subpath] = module.specifier.split("/");
    packageFiles[`node_modules/${name}/package.json`] = JSON.stringify(subpath.length === 0 ? { name, types: "index.d.ts" } : { name });
    packageFiles[`node_modules/${module.specifier}/index.d.ts`] = `export * from "${libModule(module.source)}";\n`;
  } else {
    const target = libModule(module.browserSource);
    ambientModules.push(`declare module "${module.specifier}" {`, `  export * from "${target}";`, `  export { default } from "${target}";`, "}");
  }
}

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
  ...packageFiles,
  "node_modules/cuvee-lib/package.json": JSON.stringify({ name: "cuvee-lib" }),
  "node_modules/@types/cuvee-node-fs/index.d.ts": [
    ...ambientModules,
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
