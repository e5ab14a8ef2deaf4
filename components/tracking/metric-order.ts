/**
 * The metrics the course's blocs judge a model by (rmse, mae, r2), in that order: tables, the
 * live panel and the compare page show them before any other metric, so that after autolog's
 * dozen `training_*` metrics the number the lesson talks about is still in view.
 */
const KEY_METRICS = ["rmse", "mae", "r2"] as const;

/** Longer spellings of the key metrics (autolog's, scikit-learn's), ranked like their short name. */
const KEY_METRIC_SPELLINGS: readonly (readonly string[])[] = [
  ["root_mean_squared_error", "rmse"],
  ["mean_absolute_error", "mae"],
  ["r2_score", "r2"],
];

/** 0, 1, 2 for an exact key metric; 3 to 5 for a longer spelling of one; 6 for any other. */
function rank(key: string): number {
  const lower = key.toLowerCase();
  const exact = KEY_METRICS.indexOf(lower as (typeof KEY_METRICS)[number]);
  if (exact >= 0) return exact;
  const spelled = KEY_METRIC_SPELLINGS.findIndex((spellings) => spellings.some((spelling) => lower.endsWith(`_${spelling}`) || lower.endsWith(spelling)));
  return spelled >= 0 ? KEY_METRICS.length + spelled : 2 * KEY_METRICS.length;
}

/** The keys with the key metrics first; the others keep their order. */
export function keyMetricsFirst<T extends string>(keys: readonly T[]): T[] {
  return keys
    .map((key, index) => ({ key, index, rank: rank(key) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ key }) => key);
}
