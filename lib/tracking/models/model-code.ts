import { KIT_MODULE_SPECIFIERS, learnerModuleTable, type KitModuleSpecifier } from "../../learner-modules";
import { MlflowException } from "../exceptions";

/**
 * A custom model's code, run again where the model is loaded (MLflow's "models from code",
 * `mlflow.models.set_model`). The learner's file is stored in the model folder as they wrote it;
 * loading transpiles it with sucrase (as the browser sandbox does) and evaluates it with a
 * `require` that provides the same modules learner code may import. The same path runs in Node,
 * in the Web Worker and in a WebContainer, and never on the server. See
 * docs/decisions/005-custom-models-stored-as-code.md.
 */

let modelBeingLoaded: unknown;

/** Declares the model a model-code file defines (mirrors `mlflow.models.set_model`). */
export function setModel(model: unknown): void {
  modelBeingLoaded = model;
}

type AsyncModuleFactory = (
  require: (specifier: string) => unknown,
  module: { exports: Record<string, unknown> },
  exports: Record<string, unknown>,
) => Promise<void>;

/** The kit, loaded on first need (the SDK's own index imports this module). */
const KIT_LOADERS: Record<KitModuleSpecifier, () => Promise<unknown>> = {
  mlflow: () => import("../index"),
  "cuvee/data": () => import("../../data"),
  "cuvee/ml": () => import("../../ml"),
  "cuvee/plot": () => import("../../plot"),
};

/** The modules learner code may import (lib/learner-modules/), as loaded here. */
async function providedModules(): Promise<Record<string, unknown>> {
  const [fs, ...loaded] = await Promise.all([import("node:fs/promises"), ...KIT_MODULE_SPECIFIERS.map((specifier) => KIT_LOADERS[specifier]())]);
  const kit = Object.fromEntries(KIT_MODULE_SPECIFIERS.map((specifier, index) => [specifier, loaded[index]])) as Record<KitModuleSpecifier, unknown>;
  return learnerModuleTable(kit, fs);
}

/**
 * Sucrase is CommonJS. Imported dynamically from the runtime packages' ESM bundle (code
 * splitting, lib/runner/node/runtime-packages.ts), its chunk exports only `default`; elsewhere
 * (Node, vitest, the worker bundle) the named export is there. Both shapes are accepted.
 */
async function loadSucrase(): Promise<Pick<typeof import("sucrase"), "transform">> {
  const module = (await import("sucrase")) as typeof import("sucrase") & { default?: typeof import("sucrase") };
  return typeof module.transform === "function" ? module : module.default!;
}

/** Runs a model-code file and returns the model it defines (what it passed to `setModel`, or its default export). */
export async function evaluateModelCode(source: string, fileName: string): Promise<unknown> {
  const { transform } = await loadSucrase();
  let code: string;
  try {
    code = transform(source, { transforms: ["typescript", "imports"], filePath: fileName, disableESTransforms: true, production: true }).code;
  } catch (error) {
    throw MlflowException.local(
      "INVALID_PARAMETER_VALUE",
      `The model code '${fileName}' does not compile: ${(error as Error).message}`,
      `Le code du modèle (${fileName}) ne se compile pas : ${(error as Error).message}`,
    );
  }
  const modules = await providedModules();
  const require = (specifier: string): unknown => {
    if (Object.hasOwn(modules, specifier)) return modules[specifier];
    throw MlflowException.local(
      "INVALID_PARAMETER_VALUE",
      `The model code '${fileName}' imports '${specifier}', which is not available when the model is loaded`,
      `Le code du modèle (${fileName}) importe « ${specifier} » : un modèle personnalisé ne peut importer que ${Object.keys(modules).map((name) => `"${name}"`).join(", ")} (mettez tout son code dans ce fichier)`,
    );
  };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => AsyncModuleFactory;
  const factory = new AsyncFunction("require", "module", "exports", `${code}\n//# sourceURL=mlflow-model:///${fileName}`);
  const module = { exports: {} as Record<string, unknown> };
  modelBeingLoaded = undefined;
  await factory(require, module, module.exports);
  const declared = modelBeingLoaded ?? module.exports.default;
  modelBeingLoaded = undefined;
  const model = typeof declared === "function" ? new (declared as new () => unknown)() : declared;
  if (typeof (model as { predict?: unknown } | undefined)?.predict !== "function") {
    throw MlflowException.local(
      "INVALID_PARAMETER_VALUE",
      `The model code '${fileName}' must call mlflow.models.set_model(model) or export the model class as default`,
      `Le fichier ${fileName} doit déclarer son modèle : terminez-le par mlflow.models.setModel(new MonModele()) (ou exportez la classe par défaut), et le modèle doit avoir une méthode predict(context, modelInput)`,
    );
  }
  return model;
}
