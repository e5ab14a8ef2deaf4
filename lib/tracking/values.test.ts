import { describe, expect, it } from "vitest";
import { MlflowException } from "./exceptions";
import { checkKey, toMetricValue } from "./values";

function thrownBy(action: () => unknown): MlflowException {
  try {
    action();
  } catch (error) {
    if (error instanceof MlflowException) return error;
    throw error;
  }
  throw new Error("nothing thrown");
}

describe("the SDK's messages for a wrong metric, param or tag", () => {
  it("logMetric({ rmse, mae, r2 }) says what was passed and suggests logMetrics, never [object Object]", () => {
    const error = thrownBy(() => checkKey("logMetric", { rmse: 0.5, mae: 0.4, r2: 0.3 }));
    expect(error.errorCode).toBe("INVALID_PARAMETER_VALUE");
    expect(error.message).toBe(
      'logMetric attend d\'abord le nom de la métrique (un texte), puis sa valeur : mlflow.logMetric("rmse", 0.42). ' +
        "Reçu comme nom : un objet { rmse, mae, r2 }. Pour en enregistrer plusieurs d'un coup, utilisez mlflow.logMetrics({ rmse, mae, r2 }). (INVALID_PARAMETER_VALUE)",
    );
    expect(error.serverMessage).toBe('Invalid metric name: {"rmse":0.5,"mae":0.4,"r2":0.3}. Names must be strings.');
    expect(`${error.message} ${error.serverMessage}`).not.toContain("[object Object]");
  });

  it("logParam and setTag suggest their batch forms; a number as name gets no batch hint", () => {
    expect(thrownBy(() => checkKey("logParam", { alpha: 1 })).message).toContain("mlflow.logParams({ alpha })");
    expect(thrownBy(() => checkKey("setTag", { a: 1 })).message).toContain("mlflow.setTags({ a })");
    const number = thrownBy(() => checkKey("logMetric", 3)).message;
    expect(number).toContain("Reçu comme nom : le nombre 3.");
    expect(number).not.toContain("logMetrics");
    expect(checkKey("logMetric", "rmse")).toBe("rmse");
  });

  it("a metric whose value is an object names its keys and suggests logMetrics", () => {
    const error = thrownBy(() => toMetricValue("scores", { rmse: 1, mae: 2 }));
    expect(error.message).toBe(
      "La métrique scores doit être un nombre (reçu : un objet { rmse, mae }). Pour enregistrer plusieurs métriques d'un coup : mlflow.logMetrics({ rmse, mae }) (INVALID_PARAMETER_VALUE)",
    );
    expect(error.serverMessage).not.toContain("[object Object]");
    expect(thrownBy(() => toMetricValue("rmse", [1, 2])).message).toContain("reçu : un tableau de 2 éléments");
    expect(thrownBy(() => toMetricValue("rmse", "0.7")).message).toBe('La métrique rmse doit être un nombre (reçu : le texte "0.7") (INVALID_PARAMETER_VALUE)');
  });
});
