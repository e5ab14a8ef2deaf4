/** `mlflow.pyfunc`: load any model, and write custom models (`PythonModel`). */
export {
  loadModel,
  logModel,
  PyFuncModel,
  PythonModel,
  saveModel,
  type PyfuncModelOptions,
  type PythonModelContext,
} from "./models/pyfunc";
