/**
 * MLflow's search language for every store: filter strings, order_by clauses, page tokens, the
 * grammars of each search, and the query/answer shapes. Knows no store: callers fetch rows and
 * apply these.
 */
export {
  DEFAULT_SEARCH_BUDGET_MS,
  searchBudgetMs,
  startSearchBudget,
  type SearchBudget,
  type SearchBudgetOptions,
} from "./budget";
export type { EntityType } from "./entity-prefixes";
export { parseFilter, type Clause, type ClauseValue, type Comparator, type FilterGrammar } from "./filter";
export {
  EXPERIMENT_FILTER_GRAMMAR,
  EXPERIMENT_ORDER_GRAMMAR,
  MODEL_FILTER_GRAMMAR,
  MODEL_ORDER_GRAMMAR,
  RUN_GRAMMAR,
  VERSION_FILTER_GRAMMAR,
  VERSION_ORDER_GRAMMAR,
} from "./grammars";
export { compileLike, matchesCompiledLike, matchesLike, type CompiledLike } from "./like";
export { likeForSql, SQL_LITERAL_LIMIT, SQL_VALUE_LIMIT, type SqlDialect, type SqlLikePattern } from "./like-sql";
export { matchesClause } from "./match";
export { compareSortValues, parseOrderBy, parseOrderByList, type OrderByClause, type SortValue } from "./order-by";
export { createPageToken, pageOf, parseStartOffset } from "./page-token";
export type { PagedList, SearchQuery } from "./query";
export { createSeekToken, parsePageStart, type PageStart, type SeekValue } from "./seek-token";
