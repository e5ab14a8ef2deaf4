/** What every search takes and answers, tracking's and the registry's alike (MLflow's PagedList). */

/** Every search takes this shape. */
export interface SearchQuery {
  /** MLflow's filter string; "" or undefined for none. */
  filter?: string;
  orderBy?: readonly string[];
  /** Default 1000 (MLflow's SEARCH_MAX_RESULTS_DEFAULT), at most 50 000. */
  maxResults?: number;
  pageToken?: string | null;
}

/** Every search answers this shape (MLflow's PagedList). */
export interface PagedList<T> {
  items: T[];
  /** Absent when there is nothing more to fetch. */
  nextPageToken: string | null;
}
