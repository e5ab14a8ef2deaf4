/**
 * search-registered-models and search-model-versions: MLflow's filter subset, in memory over one
 * workspace's registry (a learner has a handful of models), so both databases share one
 * implementation of MLflow's LIKE/ILIKE rules.
 */
import {
  SEARCH_MODEL_VERSION_MAX_RESULTS_DEFAULT,
  SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD,
  SEARCH_REGISTERED_MODEL_MAX_RESULTS_DEFAULT,
  SEARCH_REGISTERED_MODEL_MAX_RESULTS_THRESHOLD,
  validateRegistrySearchMaxResults,
} from "@/lib/tracking/protocol";
import type { DbClient } from "@/lib/server/db/helpers";
import {
  compareSortValues,
  matchesClause,
  MODEL_FILTER_GRAMMAR,
  MODEL_ORDER_GRAMMAR,
  pageOf,
  parseFilter,
  parseOrderByList,
  parseStartOffset,
  startSearchBudget,
  VERSION_FILTER_GRAMMAR,
  VERSION_ORDER_GRAMMAR,
  type Clause,
  type OrderByClause,
  type PagedList,
  type SearchBudget,
  type SearchQuery,
  type SortValue,
} from "@/lib/server/search";
import type { ModelVersion, RegisteredModel } from "../entities";
import { modelInclude, toModelVersion, toRegisteredModel, versionInclude } from "./mappers";

function sortBy<T>(valueOf: (item: T, key: string) => SortValue, orderBy: readonly OrderByClause[]) {
  return (a: T, b: T): number => {
    for (const clause of orderBy) {
      const c = compareSortValues(valueOf(a, clause.key), valueOf(b, clause.key), clause.ascending);
      if (c !== 0) return c;
    }
    return 0;
  };
}

function modelValue(model: RegisteredModel, key: string): SortValue {
  if (key === "name") return model.name;
  if (key === "creation_timestamp") return model.creationTimestamp;
  return model.lastUpdatedTimestamp;
}

function versionValue(version: ModelVersion, key: string): SortValue {
  switch (key) {
    case "name":
      return version.name;
    case "run_id":
      return version.runId;
    case "source_path":
      return version.source;
    case "version_number":
      return Number(version.version);
    case "creation_timestamp":
      return version.creationTimestamp;
    default:
      return version.lastUpdatedTimestamp;
  }
}

function matches<T extends { tags: { key: string; value: string }[] }>(item: T, clauses: readonly Clause[], valueOf: (item: T, key: string) => SortValue) {
  return clauses.every((clause) =>
    matchesClause(clause, clause.type === "tag" ? item.tags.find((t) => t.key === clause.key)?.value : valueOf(item, clause.key)),
  );
}

function withTieBreaker(orderBy: OrderByClause[], key: string, ascending: boolean): OrderByClause[] {
  return orderBy.some((c) => c.key === key) ? orderBy : [...orderBy, { type: "attribute", key, ascending }];
}

/** `budget` bounds the time spent in memory (started at the call by default), as for the next one. */
export async function searchRegisteredModels(
  db: DbClient,
  workspaceId: string,
  query: SearchQuery = {},
  budget: SearchBudget = startSearchBudget(),
): Promise<PagedList<RegisteredModel>> {
  const maxResults = query.maxResults ?? SEARCH_REGISTERED_MODEL_MAX_RESULTS_DEFAULT;
  validateRegistrySearchMaxResults(maxResults, SEARCH_REGISTERED_MODEL_MAX_RESULTS_THRESHOLD);
  const clauses = parseFilter(query.filter, MODEL_FILTER_GRAMMAR);
  const orderBy = withTieBreaker(parseOrderByList(query.orderBy, MODEL_ORDER_GRAMMAR), "name", true);
  const offset = parseStartOffset(query.pageToken);
  const rows = await db.registeredModel.findMany({ where: { workspaceId }, include: modelInclude });
  const found = budget.sort(
    budget.filter(budget.map(rows, toRegisteredModel), (model) => matches(model, clauses, modelValue)),
    sortBy(modelValue, orderBy),
  );
  return pageOf(found.slice(offset, offset + maxResults + 1), offset, maxResults);
}

export async function searchModelVersions(
  db: DbClient,
  workspaceId: string,
  query: SearchQuery = {},
  budget: SearchBudget = startSearchBudget(),
): Promise<PagedList<ModelVersion>> {
  const maxResults = query.maxResults ?? SEARCH_MODEL_VERSION_MAX_RESULTS_DEFAULT;
  validateRegistrySearchMaxResults(maxResults, SEARCH_MODEL_VERSION_MAX_RESULTS_THRESHOLD);
  const clauses = parseFilter(query.filter, VERSION_FILTER_GRAMMAR);
  let orderBy = parseOrderByList(query.orderBy, VERSION_ORDER_GRAMMAR);
  orderBy = withTieBreaker(orderBy, "name", true);
  orderBy = withTieBreaker(orderBy, "version_number", false);
  const offset = parseStartOffset(query.pageToken);
  const rows = await db.modelVersion.findMany({
    where: { lifecycleStage: "active", model: { workspaceId } },
    include: versionInclude,
  });
  const found = budget.sort(
    budget.filter(budget.map(rows, toModelVersion), (version) => matches(version, clauses, versionValue)),
    sortBy(versionValue, orderBy),
  );
  return pageOf(found.slice(offset, offset + maxResults + 1), offset, maxResults);
}
