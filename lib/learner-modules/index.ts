/**
 * The modules learner code may import by name, and where each one comes from. One table, read
 * by every host (docs/decisions/002 and 006):
 *
 * - the Web Worker sandbox (`lib/runner/sandbox.worker.ts`) and the Node bootstrap
 *   (`lib/runner/node/bootstrap.ts`) give `runScript` one implementation per entry;
 * - the runtime packages build (`lib/runner/node/runtime-packages.ts`) bundles each kit entry
 *   from its `source` as `node_modules/cuvee/dist/<bundle>.js` (plus a package of its own when
 *   the specifier is not `cuvee/<bundle>`, like `mlflow`);
 * - model-code evaluation (`lib/tracking/models/model-code.ts`) gives a custom model's code the
 *   same modules;
 * - `scripts/build-editor-types.mts` emits the editor's declarations from the same sources.
 *
 * A leaf room of its own (it imports nothing), `lib/learner-modules/`: the SDK (`lib/tracking`) reads it,
 * and `lib/runner` already imports the SDK, so the table cannot live in `lib/runner` without a
 * cycle between the two folders.
 */

export type LearnerModule =
  /** Cuvée's own code (the SDK and the kit), built from `source` in every host. */
  | { provider: "kit"; source: string; bundle: string }
  /**
   * The host's file system: the run's in-memory files in the worker (`browserSource`, which the
   * browser bundles also alias `node:fs/promises` to), Node's own module in Node and a
   * WebContainer. The editor's declarations come from `browserSource`.
   */
  | { provider: "file-system"; browserSource: string };

export const LEARNER_MODULES = {
  mlflow: { provider: "kit", source: "lib/tracking/index.ts", bundle: "mlflow" },
  "cuvee/data": { provider: "kit", source: "lib/data/index.ts", bundle: "data" },
  "cuvee/ml": { provider: "kit", source: "lib/ml/index.ts", bundle: "ml" },
  "cuvee/plot": { provider: "kit", source: "lib/plot/index.ts", bundle: "plot" },
  "node:fs/promises": { provider: "file-system", browserSource: "lib/runner/browser-fs.ts" },
  "fs/promises": { provider: "file-system", browserSource: "lib/runner/browser-fs.ts" },
} as const satisfies Record<string, LearnerModule>;

export type LearnerModuleSpecifier = keyof typeof LEARNER_MODULES;

/** The specifiers served by Cuvée's own code (`mlflow`, `cuvee/*`). */
export type KitModuleSpecifier = {
  [Specifier in LearnerModuleSpecifier]: (typeof LEARNER_MODULES)[Specifier] extends { provider: "kit" } ? Specifier : never;
}[LearnerModuleSpecifier];

/** Every specifier, in the table's order (the order error messages list them in). */
export const LEARNER_MODULE_SPECIFIERS = Object.keys(LEARNER_MODULES) as LearnerModuleSpecifier[];

export const KIT_MODULE_SPECIFIERS = LEARNER_MODULE_SPECIFIERS.filter(
  (specifier): specifier is KitModuleSpecifier => LEARNER_MODULES[specifier].provider === "kit",
);

/**
 * What a host gives learner code: the kit's modules as that host loads them (the compiler checks
 * none is missing) and the host's file system for every file-system entry.
 */
export function learnerModuleTable(kit: Record<KitModuleSpecifier, unknown>, fileSystem: unknown): Record<LearnerModuleSpecifier, unknown> {
  const table = {} as Record<LearnerModuleSpecifier, unknown>;
  for (const specifier of LEARNER_MODULE_SPECIFIERS) {
    const entry: LearnerModule = LEARNER_MODULES[specifier];
    table[specifier] = entry.provider === "kit" ? kit[specifier as KitModuleSpecifier] : fileSystem;
  }
  return table;
}
