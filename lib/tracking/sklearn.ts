/**
 * `mlflow.sklearn` for the kit's estimators (`cuvee/ml` mirrors scikit-learn): the same calls as
 * in Python; the models are written with the honest `cuvee_ml` flavor.
 */
export { autolog, type AutologOptions } from "./autolog";
export { loadModel, logModel, saveModel } from "./models/cuvee-ml";
