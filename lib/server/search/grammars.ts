/**
 * What each search accepts in its filter and order_by (MLflow's searchable attributes), in one
 * place as in MLflow's search_utils.py: runs and experiments (tracking), registered models and
 * model versions (registry).
 */
import type { FilterGrammar } from "./filter";

/** search-runs: RunInfo's searchable attributes (RunInfo.get_searchable_attributes) and aliases. */
export const RUN_GRAMMAR: FilterGrammar = {
  entities: ["metric", "param", "tag", "attribute"],
  stringAttributes: ["run_id", "run_name", "status", "user_id", "artifact_uri"],
  numericAttributes: ["start_time", "end_time"],
  attributeAliases: {
    created: "start_time",
    Created: "start_time",
    "run name": "run_name",
    "Run name": "run_name",
    "Run Name": "run_name",
  },
};

/** search-experiments filter (SearchExperimentsUtils): name, times, tags. */
export const EXPERIMENT_FILTER_GRAMMAR: FilterGrammar = {
  entities: ["attribute", "tag"],
  stringAttributes: ["name"],
  numericAttributes: ["creation_time", "last_update_time"],
};

/** search-experiments order_by: attributes only, experiment_id included. */
export const EXPERIMENT_ORDER_GRAMMAR: FilterGrammar = {
  entities: ["attribute"],
  stringAttributes: ["name"],
  numericAttributes: ["experiment_id", "creation_time", "last_update_time"],
};

/** search-registered-models filter (SearchModelUtils): `name` and tags. */
export const MODEL_FILTER_GRAMMAR: FilterGrammar = { entities: ["attribute", "tag"], stringAttributes: ["name"], numericAttributes: [] };
/** search-registered-models order_by. */
export const MODEL_ORDER_GRAMMAR: FilterGrammar = {
  entities: ["attribute"],
  stringAttributes: ["name"],
  numericAttributes: ["last_updated_timestamp", "creation_timestamp"],
  attributeAliases: { timestamp: "last_updated_timestamp" },
};

/** search-model-versions filter (SearchModelVersionUtils): name, run_id (also IN), source_path, version_number, tags. */
export const VERSION_FILTER_GRAMMAR: FilterGrammar = {
  entities: ["attribute", "tag"],
  stringAttributes: ["name", "run_id", "source_path"],
  numericAttributes: ["version_number"],
};
/** search-model-versions order_by. */
export const VERSION_ORDER_GRAMMAR: FilterGrammar = {
  entities: ["attribute"],
  stringAttributes: ["name"],
  numericAttributes: ["version_number", "creation_timestamp", "last_updated_timestamp"],
  attributeAliases: { timestamp: "last_updated_timestamp" },
};
