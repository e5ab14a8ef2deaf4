/**
 * Data functions for the experiments pages. They read through the workspace's tracking store,
 * the same calls the REST API makes, so the pages show exactly what an MLflow client would get.
 */
import { getTrackingStore, type Experiment } from "@/lib/server/tracking";
import { quoteLiteral } from "./filter-quoting";

export interface ExperimentListOptions {
  /** Part of the name (case-insensitive); "" for all. */
  search?: string;
  /** Show deleted experiments (to restore them) instead of active ones. Default false. */
  deleted?: boolean;
}

export interface ExperimentListItem extends Experiment {
  /** Active runs in it (up to the first 1000 counted). */
  runCount: number;
}

export async function listExperiments(workspaceId: string, options: ExperimentListOptions = {}): Promise<ExperimentListItem[]> {
  const store = await getTrackingStore(workspaceId);
  const search = options.search?.trim() ?? "";
  const experiments: Experiment[] = [];
  let pageToken: string | null = null;
  do {
    const page = await store.searchExperiments({
      filter: search ? `name ILIKE ${quoteLiteral(`%${search}%`)}` : undefined,
      orderBy: ["last_update_time DESC"],
      viewType: options.deleted ? "DELETED_ONLY" : "ACTIVE_ONLY",
      maxResults: 1000,
      pageToken,
    });
    experiments.push(...page.items);
    pageToken = page.nextPageToken;
  } while (pageToken);

  const counts = new Map<string, number>();
  if (experiments.length > 0) {
    const runs = await store.searchRuns({ experimentIds: experiments.map((e) => e.experimentId), maxResults: 1000 });
    for (const run of runs.items) counts.set(run.info.experimentId, (counts.get(run.info.experimentId) ?? 0) + 1);
  }
  return experiments.map((experiment) => ({ ...experiment, runCount: counts.get(experiment.experimentId) ?? 0 }));
}

/** Null when the id is unknown in this workspace (the page answers 404). */
export async function findExperiment(workspaceId: string, experimentId: string): Promise<Experiment | null> {
  const store = await getTrackingStore(workspaceId);
  try {
    return await store.getExperiment(experimentId);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

export function isNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { errorCode?: string }).errorCode === "RESOURCE_DOES_NOT_EXIST";
}
