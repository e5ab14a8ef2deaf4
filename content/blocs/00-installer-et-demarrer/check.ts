import { type BlocCheck, failed, passed } from "@/lib/server/checks/kit";
import { printsSequence } from "@/lib/course/printed-numbers";
import { REFERENCE } from "@/lib/course/reference";

/** Bloc 0: the script ran and printed the 5 first test predictions, equal to scikit-learn's. */
export const check: BlocCheck = async ({ output }) => {
  const expected = REFERENCE.elasticNet.testPredictions.slice(0, 5);
  if (output.trim() === "") {
    return failed("Aucune sortie à vérifier : exécutez d'abord votre script.");
  }
  if (!printsSequence(output, expected)) {
    return failed("Les 5 premières prédictions n'apparaissent pas dans la sortie de votre dernière exécution.", [
      `Attendu, dans cet ordre : ${expected.map((value) => value.toFixed(4)).join(", ")}…`,
      "Affichez-les avec console.log(predictions.slice(0, 5)).",
    ]);
  }
  return passed("Bravo : vos 5 premières prédictions sont exactement celles du script Python (scikit-learn).");
};
