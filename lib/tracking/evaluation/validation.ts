import { MlflowException } from "../exceptions";

/**
 * Model validation (mlflow/models/evaluation/validation.py): thresholds on a candidate model's
 * metrics, alone or compared with a baseline model's, with MLflow's exact rules.
 */

export interface MetricThresholdOptions {
  /** The metric must be ≥ this value (≤ when lower is better). */
  threshold?: number;
  /** The candidate must beat the baseline by at least this much (a positive number). */
  minAbsoluteChange?: number;
  /** The candidate must beat the baseline by at least this fraction of it (between 0 and 1). */
  minRelativeChange?: number;
  /** Whether a higher value is better for this metric (required). */
  greaterIsBetter: boolean;
}

function invalidThreshold(english: string, french: string): MlflowException {
  return MlflowException.local(
    "INVALID_PARAMETER_VALUE",
    `Could not instantiate MetricThreshold class: ${english}`,
    `MetricThreshold invalide : ${french}`,
  );
}

/** A validation rule for one metric (mirrors `mlflow.models.MetricThreshold`). */
export class MetricThreshold {
  readonly threshold?: number;
  readonly minAbsoluteChange?: number;
  readonly minRelativeChange?: number;
  readonly greaterIsBetter: boolean;

  constructor(options: MetricThresholdOptions) {
    const { threshold, minAbsoluteChange, minRelativeChange, greaterIsBetter } = options ?? ({} as MetricThresholdOptions);
    if (threshold !== undefined && typeof threshold !== "number") {
      throw invalidThreshold("`threshold` parameter must be a number.", "threshold doit être un nombre");
    }
    if (minAbsoluteChange !== undefined && (typeof minAbsoluteChange !== "number" || !(minAbsoluteChange > 0))) {
      throw invalidThreshold("`min_absolute_change` parameter must be a positive number.", "minAbsoluteChange doit être un nombre strictement positif");
    }
    if (minRelativeChange !== undefined && (typeof minRelativeChange !== "number" || !(minRelativeChange >= 0 && minRelativeChange <= 1))) {
      throw invalidThreshold("`min_relative_change` parameter must be between 0 and 1.", "minRelativeChange doit être un nombre entre 0 et 1 (0.05 pour 5 %)");
    }
    if (typeof greaterIsBetter !== "boolean") {
      throw invalidThreshold("`greater_is_better` parameter must be defined.", "précisez greaterIsBetter (true si une valeur plus grande est meilleure)");
    }
    if (threshold === undefined && minAbsoluteChange === undefined && minRelativeChange === undefined) {
      throw invalidThreshold("no threshold was specified.", "donnez au moins threshold, minAbsoluteChange ou minRelativeChange");
    }
    this.threshold = threshold;
    this.minAbsoluteChange = minAbsoluteChange;
    this.minRelativeChange = minRelativeChange;
    this.greaterIsBetter = greaterIsBetter;
  }
}

/** One failed check, for `ModelValidationFailedError.failures`. */
export interface ValidationFailure {
  metric: string;
  check: "missing_candidate" | "threshold" | "missing_baseline" | "min_absolute_change" | "min_relative_change";
  candidate?: number;
  baseline?: number;
  /** The threshold, absolute or relative change the check required. */
  required?: number;
  english: string;
  french: string;
}

/** Raised when a candidate model fails its thresholds; lists every failed check (mirrors `ModelValidationFailedException`). */
export class ModelValidationFailedError extends MlflowException {
  override readonly name: string = "ModelValidationFailedError";

  constructor(readonly failures: ValidationFailure[]) {
    super(
      "BAD_REQUEST",
      failures.map((failure) => failure.english).join("\n"),
      undefined,
      `La validation du modèle a échoué :\n${failures.map((failure) => `- ${failure.french}`).join("\n")}\n`,
    );
  }
}

/** MLflow's `_validate`: checks every threshold and raises one error naming every failure. */
export function validateMetrics(
  thresholds: Record<string, MetricThreshold>,
  candidate: Record<string, number>,
  baseline: Record<string, number> | undefined,
): void {
  const failures: ValidationFailure[] = [];
  for (const [metric, rule] of Object.entries(thresholds)) {
    if (!(rule instanceof MetricThreshold)) {
      throw MlflowException.local(
        "INVALID_PARAMETER_VALUE",
        "The validation thresholds argument must be a dictionary that maps strings to MetricThreshold objects.",
        `validationThresholds doit associer chaque nom de métrique à un new MetricThreshold({...}) (reçu pour « ${metric} » : ${typeof rule})`,
      );
    }
    const value = candidate[metric];
    if (value === undefined) {
      failures.push({
        metric,
        check: "missing_candidate",
        english: `Metric validation failed: metric ${metric} was missing from the evaluation result of the candidate model.`,
        french: `${metric} : cette métrique manque dans les résultats du modèle évalué.`,
      });
      continue;
    }
    const better = (a: number, b: number) => (rule.greaterIsBetter ? a >= b : a <= b);
    const shift = (base: number, by: number) => (rule.greaterIsBetter ? base + by : base - by);
    if (rule.threshold !== undefined && !better(value, rule.threshold)) {
      failures.push({
        metric,
        check: "threshold",
        candidate: value,
        required: rule.threshold,
        english: `Metric ${metric} value threshold check failed: candidate model ${metric} = ${value}, ${metric} threshold = ${rule.threshold}.`,
        french: `${metric} : le seuil n'est pas atteint (modèle évalué : ${value}, seuil : ${rule.threshold}, ${rule.greaterIsBetter ? "au moins" : "au plus"}).`,
      });
    }
    const comparing = rule.minAbsoluteChange !== undefined || rule.minRelativeChange !== undefined;
    const reference = baseline?.[metric];
    if (comparing && reference === undefined) {
      failures.push({
        metric,
        check: "missing_baseline",
        candidate: value,
        english: `Model comparison failed: metric ${metric} was missing from the evaluation result of the baseline model.`,
        french: `${metric} : pas de valeur pour le modèle de référence (donnez baselineModel à evaluate pour comparer).`,
      });
      continue;
    }
    if (reference === undefined) continue;
    if (rule.minAbsoluteChange !== undefined && !better(value, shift(reference, rule.minAbsoluteChange))) {
      failures.push({
        metric,
        check: "min_absolute_change",
        candidate: value,
        baseline: reference,
        required: rule.minAbsoluteChange,
        english:
          `Metric ${metric} minimum absolute change check failed: candidate model ${metric} = ${value}, ` +
          `baseline model ${metric} = ${reference}, ${metric} minimum absolute change threshold = ${rule.minAbsoluteChange}.`,
        french: `${metric} : l'amélioration absolue sur le modèle de référence est insuffisante (modèle évalué : ${value}, référence : ${reference}, amélioration minimale : ${rule.minAbsoluteChange}).`,
      });
    }
    if (rule.minRelativeChange !== undefined) {
      const failed =
        reference === 0
          ? !better(value, shift(reference, 1e-10))
          : (rule.greaterIsBetter ? (value - reference) / reference : (reference - value) / reference) < rule.minRelativeChange;
      if (failed) {
        failures.push({
          metric,
          check: "min_relative_change",
          candidate: value,
          baseline: reference,
          required: rule.minRelativeChange,
          english:
            `Metric ${metric} minimum relative change check failed: candidate model ${metric} = ${value}, ` +
            `baseline model ${metric} = ${reference}, ${metric} minimum relative change threshold = ${rule.minRelativeChange}.`,
          french: `${metric} : l'amélioration relative sur le modèle de référence est insuffisante (modèle évalué : ${value}, référence : ${reference}, amélioration minimale : ${rule.minRelativeChange * 100} %).`,
        });
      }
    }
  }
  if (failures.length > 0) throw new ModelValidationFailedError(failures);
}
