import { parse } from "yaml";
import { type BlocCheck, failed, newestExecutionRun, passed, RunArtifacts } from "@/lib/server/checks/kit";

const MODEL_DIR = "model";

interface MlModelFile {
  signature?: { inputs?: string | null; outputs?: string | null } | null;
  saved_input_example_info?: { artifact_path?: string } | null;
}

/** Bloc 13: the newest finished run of the last execution holds model/MLmodel with a signature (inputs and outputs) and an input example file. */
export const check: BlocCheck = async ({ tracking, runIds }) => {
  const run = await newestExecutionRun(tracking, runIds, { status: "FINISHED" });
  if (!run) return failed("Votre dernière exécution n'a terminé aucun run : exécutez votre script jusqu'au bout.");
  const artifacts = RunArtifacts.of(tracking.workspaceId, run);
  const text = artifacts ? await artifacts.readText(`${MODEL_DIR}/MLmodel`) : null;
  if (!artifacts || text === null) {
    return failed(`Votre dernier run terminé (« ${run.info.runName} ») n'a pas de modèle dans ${MODEL_DIR}/.`, [
      'Dans le run, appelez await mlflow.sklearn.logModel(model, "model", { signature, inputExample }).',
    ]);
  }
  let mlmodel: MlModelFile;
  try {
    mlmodel = (parse(text) ?? {}) as MlModelFile;
  } catch {
    return failed(`Le fichier ${MODEL_DIR}/MLmodel de votre dernier run est illisible.`);
  }
  const missing: string[] = [];
  if (!mlmodel.signature?.inputs || !mlmodel.signature.outputs) {
    missing.push("Le modèle n'a pas de signature complète (entrées et sorties) : passez { signature } obtenue avec mlflow.models.inferSignature(…).");
  }
  const example = mlmodel.saved_input_example_info?.artifact_path;
  if (!example || (await artifacts.readText(`${MODEL_DIR}/${example}`)) === null) {
    missing.push("Le modèle n'a pas d'exemple d'entrée : passez { inputExample: XTrain.head(5) }.");
  }
  if (missing.length > 0) return failed(`Le modèle de votre dernier run (« ${run.info.runName} ») est incomplet.`, missing);
  const columns = (JSON.parse(mlmodel.signature!.inputs!) as unknown[]).length;
  return passed(`Bravo : le modèle du run « ${run.info.runName} » décrit ses ${columns} colonnes d'entrée et sa sortie, avec un exemple d'entrée (${example}).`);
};
