/** What each search accepts in its filter and order_by (MLflow's searchable attributes). */
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
