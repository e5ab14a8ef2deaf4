import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { KIT_MODULE_SPECIFIERS, LEARNER_MODULES } from "../../learner-modules";
import { CUVEE_VERSION } from "../../tracking/version";
import type { CodeFiles } from "../types";

/**
 * Builds the SDK and the kit as the local packages a Node-hosted run imports, from their
 * sources (the kit entries of lib/learner-modules/, and the bootstrap in lib/runner):
 *
 *   node_modules/cuvee/   package.json, dist/{mlflow,data,ml,plot,run}.js + shared chunks
 *   node_modules/mlflow/  package.json, index.js (re-exports `cuvee/mlflow`)
 *
 * One esbuild build with code splitting, so the bootstrap (`run.js`) and the `mlflow` learner
 * code imports share one SDK instance (its active-run stack, its pending requests). The result
 * is a path → text map: the Node runner writes it to disk, `scripts/build-runtime-packages.mts`
 * publishes it for the WebContainer runner, which mounts it.
 */

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const KIT = KIT_MODULE_SPECIFIERS.map((specifier) => ({ specifier, ...LEARNER_MODULES[specifier] }));

/** esbuild entry name (`dist/<name>.js`) → source: the kit's modules, and the bootstrap. */
const ENTRIES: Record<string, string> = {
  ...Object.fromEntries(KIT.map(({ bundle, source }) => [bundle, source])),
  run: "lib/runner/node/bootstrap.ts",
};

const CUVEE_PACKAGE = {
  name: "cuvee",
  version: CUVEE_VERSION,
  private: true,
  type: "module",
  description: "Cuvée's SDK runtime and data/ML kit for learner code (generated, do not edit).",
  exports: Object.fromEntries(Object.keys(ENTRIES).map((name) => [`./${name}`, `./dist/${name}.js`])),
};

/** A kit module imported by a name outside `cuvee/` (`mlflow`) gets a package that re-exports its bundle. */
const OWN_PACKAGES = KIT.filter(({ specifier, bundle }) => specifier !== `cuvee/${bundle}`);

const OWN_PACKAGE_DESCRIPTIONS: Record<string, string> = {
  mlflow: "Cuvée's MLflow SDK (MLflow's Python API in camelCase; generated, do not edit).",
};

function ownPackage(name: string) {
  return {
    name,
    version: CUVEE_VERSION,
    private: true,
    type: "module",
    description: OWN_PACKAGE_DESCRIPTIONS[name] ?? `Cuvée's ${name} module for learner code (generated, do not edit).`,
    exports: { ".": "./index.js" },
  };
}

async function bundle(): Promise<CodeFiles> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name, `./${source}`])),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    // WebContainers run an older Node than this machine's: stay at what Node 18 parses.
    target: "node18",
    outdir: "node_modules/cuvee/dist",
    chunkNames: "chunks/[name]-[hash]",
    write: false,
    logLevel: "silent",
    legalComments: "none",
    // Sucrase is CommonJS: esbuild's ESM output needs a real `require` for its Node built-ins.
    banner: { js: 'import { createRequire as __cuveeCreateRequire } from "node:module"; const require = __cuveeCreateRequire(import.meta.url);' },
  });
  const files: CodeFiles = {};
  for (const output of result.outputFiles) {
    files[output.path.slice(ROOT.length).split("\\").join("/")] = output.text;
  }
  files["node_modules/cuvee/package.json"] = JSON.stringify(CUVEE_PACKAGE, null, 2);
  for (const { specifier, bundle } of OWN_PACKAGES) {
    files[`node_modules/${specifier}/package.json`] = JSON.stringify(ownPackage(specifier), null, 2);
    files[`node_modules/${specifier}/index.js`] = `export * from "cuvee/${bundle}";\n`;
  }
  return files;
}

let cached: Promise<CodeFiles> | undefined;

/** The packages, built once per process (~0.3 s). */
export function runtimePackages(): Promise<CodeFiles> {
  cached ??= bundle().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
