import { MlflowClient, type SearchRunsOptions, type SvgFigure } from "./client";
import { getTrackingUri } from "./config";
import type { Experiment, Run, RunData, RunInfo, RunStatus } from "./entities";
import { MlflowException } from "./exceptions";
import { flushPending, trackCall } from "./pending";
import { getRuntimeContext } from "./runtime-context";

/**
 * The fluent API (like `mlflow/tracking/fluent.py`): a stack of active runs and an active
 * experiment, over an `MlflowClient` for the current tracking URI.
 */

const DEFAULT_EXPERIMENT_ID = "0";

const activeRunStack: ActiveRun[] = [];
let lastActiveRunId: string | undefined;
let activeExperimentId: string | undefined;
/** Set by a runner when the script failed: runs still ending become FAILED, as in Python's `__exit__`. */
let scriptFailed = false;

function client(): MlflowClient {
  return new MlflowClient(getTrackingUri());
}

const asyncDispose: typeof Symbol.asyncDispose =
  Symbol.asyncDispose ?? (Symbol.for("Symbol.asyncDispose") as typeof Symbol.asyncDispose);

/**
 * The run returned by `startRun` (mirrors Python's `mlflow.ActiveRun`). Use it with `await using`, which
 * ends the run when the block exits, as Python's `with mlflow.start_run():` does.
 */
export class ActiveRun implements Run {
  readonly info: RunInfo;
  readonly data: RunData;

  constructor(run: Run) {
    this.info = run.info;
    this.data = run.data;
  }

  /**
   * Ends the run when an `await using` block exits. JavaScript does not tell a disposer whether
   * the block threw, so the status is decided one macrotask later: if the runner reports the
   * script failed meanwhile, the run ends FAILED, otherwise FINISHED.
   */
  [asyncDispose](): Promise<void> {
    if (!removeFromStack(this)) return Promise.resolve();
    lastActiveRunId = this.info.runId;
    const runId = this.info.runId;
    const ending = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() =>
      terminate(runId, scriptFailed ? "FAILED" : "FINISHED"),
    );
    trackEnding(ending);
    return Promise.resolve();
  }
}

const endings = new Set<Promise<void>>();

function trackEnding(ending: Promise<void>): void {
  endings.add(ending);
  ending.then(
    () => endings.delete(ending),
    () => endings.delete(ending),
  );
}

async function terminate(runId: string, status: RunStatus): Promise<void> {
  // Everything logged before the end must reach the server before the run is closed.
  await flushPending();
  await client().setTerminated(runId, status);
}

function removeFromStack(run: ActiveRun): boolean {
  const index = activeRunStack.indexOf(run);
  if (index === -1) return false;
  activeRunStack.splice(index, 1);
  return true;
}

function resolveExperimentId(explicit?: string): string {
  if (explicit !== undefined) return String(explicit);
  if (activeExperimentId !== undefined) return activeExperimentId;
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.MLFLOW_EXPERIMENT_ID ?? DEFAULT_EXPERIMENT_ID;
}

/**
 * Makes an experiment active, creating it when no experiment has that name
 * (mirrors `mlflow.set_experiment`). Pass a name, or `{ experimentId }`.
 */
export async function setExperiment(nameOrOptions: string | { experimentName?: string; experimentId?: string }): Promise<Experiment> {
  const options = typeof nameOrOptions === "string" ? { experimentName: nameOrOptions } : nameOrOptions;
  const tracking = client();
  let experiment: Experiment | undefined;
  if (options.experimentId !== undefined) {
    experiment = await tracking.getExperiment(String(options.experimentId));
  } else if (options.experimentName !== undefined && options.experimentName !== "") {
    experiment = await tracking.getExperimentByName(options.experimentName);
    if (!experiment) {
      const experimentId = await tracking.createExperiment(options.experimentName);
      experiment = await tracking.getExperiment(experimentId);
    }
  } else {
    throw new TypeError("setExperiment attend un nom d'expérience, ou { experimentId }.");
  }
  if (experiment.lifecycleStage === "deleted") {
    throw new MlflowException(
      "INVALID_PARAMETER_VALUE",
      `Cannot set a deleted experiment '${experiment.name}' as the active experiment.`,
    );
  }
  activeExperimentId = experiment.experimentId;
  return experiment;
}

/** Creates an experiment and returns its id (mirrors `mlflow.create_experiment`). */
export function createExperiment(
  name: string,
  options: { artifactLocation?: string; tags?: Record<string, unknown> } = {},
): Promise<string> {
  return client().createExperiment(name, options);
}

/** The experiment with this name, or `undefined` (mirrors `mlflow.get_experiment_by_name`). */
export function getExperimentByName(name: string): Promise<Experiment | undefined> {
  return client().getExperimentByName(name);
}

export interface StartRunOptions {
  /** Resume an existing run instead of creating one. */
  runId?: string;
  experimentId?: string;
  runName?: string;
  /** Start the run inside the active run (its `mlflow.parentRunId` tag is set). */
  nested?: boolean;
  tags?: Record<string, unknown>;
  description?: string;
}

type RunBody<T> = (run: ActiveRun) => T | Promise<T>;

/**
 * Starts a run and makes it active (mirrors `mlflow.start_run`).
 *
 * - `await using run = await mlflow.startRun()` ends the run when the block exits;
 * - `await mlflow.startRun({ runName }, async (run) => { … })` ends it after the callback,
 *   FINISHED, or FAILED if the callback throws (the error is re-thrown).
 */
export function startRun(options?: StartRunOptions): Promise<ActiveRun>;
export function startRun<T>(body: RunBody<T>): Promise<T>;
export function startRun<T>(options: StartRunOptions, body: RunBody<T>): Promise<T>;
export async function startRun<T>(
  optionsOrBody?: StartRunOptions | RunBody<T>,
  maybeBody?: RunBody<T>,
): Promise<ActiveRun | T> {
  const options = typeof optionsOrBody === "function" ? {} : (optionsOrBody ?? {});
  const body = typeof optionsOrBody === "function" ? optionsOrBody : maybeBody;
  const run = await beginRun(options);
  if (!body) return run;
  try {
    const result = await body(run);
    await endRun("FINISHED");
    return result;
  } catch (error) {
    await endRun("FAILED");
    throw error;
  }
}

async function beginRun(options: StartRunOptions): Promise<ActiveRun> {
  const parent = activeRunStack.at(-1);
  if (parent && !options.nested) {
    throw MlflowException.local(
      "BAD_REQUEST",
      `Run with UUID ${parent.info.runId} is already active. To start a new run, first end the current run with mlflow.end_run(). To start a nested run, call start_run with nested=True`,
      `Un run est déjà actif (${parent.info.runId}) : terminez-le avec mlflow.endRun() (ou sortez de son bloc) avant d'en démarrer un autre, ou passez { nested: true } pour démarrer un run imbriqué`,
    );
  }
  const tracking = client();
  let run: Run;
  if (options.runId) {
    run = await tracking.getRun(options.runId);
    if (run.info.status !== "RUNNING") await tracking.logBatch(run.info.runId, {});
  } else {
    const context = getRuntimeContext();
    const tags: Record<string, string> = {
      "mlflow.user": context.user,
      "mlflow.source.name": context.sourceName,
      "mlflow.source.type": "LOCAL",
    };
    if (parent) tags["mlflow.parentRunId"] = parent.info.runId;
    if (options.description !== undefined) tags["mlflow.note.content"] = options.description;
    for (const [key, value] of Object.entries(options.tags ?? {})) tags[key] = String(value);
    run = await tracking.createRun(resolveExperimentId(options.experimentId), { runName: options.runName, tags });
  }
  const active = new ActiveRun(run);
  activeRunStack.push(active);
  return active;
}

/** Ends the active run, after every pending request has been sent (mirrors `mlflow.end_run`). */
export async function endRun(status: RunStatus = "FINISHED"): Promise<void> {
  const run = activeRunStack.at(-1);
  if (!run) return;
  removeFromStack(run);
  lastActiveRunId = run.info.runId;
  await terminate(run.info.runId, status);
}

/** The active run, or `undefined` when none is active (mirrors `mlflow.active_run`). */
export function activeRun(): ActiveRun | undefined {
  return activeRunStack.at(-1);
}

/** The most recent run, fetched fresh from the server (mirrors `mlflow.last_active_run`). */
export async function lastActiveRun(): Promise<Run | undefined> {
  // Runs ending and autologging jobs may still change which run was last.
  await Promise.all([...endings]);
  await flushPending();
  const runId = activeRunStack.at(-1)?.info.runId ?? lastActiveRunId;
  if (!runId) return undefined;
  return client().getRun(runId);
}

/** The active run's id, or undefined (for the SDK's own modules, e.g. autologging). */
export function activeRunIdIfAny(): string | undefined {
  return activeRunStack.at(-1)?.info.runId;
}

/** The experiment a new run goes to: the active one, `MLFLOW_EXPERIMENT_ID`, or Default. */
export function experimentIdForNewRun(): string {
  return resolveExperimentId();
}

/** Records a run the SDK itself started and ended (autologging), for `lastActiveRun`. */
export function rememberLastActiveRun(runId: string): void {
  lastActiveRunId = runId;
}

/** The active run's id, starting a run when none is active (MLflow's `_get_or_start_run`). For the SDK's own modules. */
export async function currentRunId(): Promise<string> {
  const run = activeRunStack.at(-1) ?? (await beginRun({}));
  return run.info.runId;
}

/**
 * Sends a write for the active run (starting one if none is active). The write is registered as
 * pending before the run id is even resolved, so that `endRun` waits for it even when the learner
 * forgot `await` and called `endRun` in the same tick.
 */
function writeToActiveRun<T>(write: (runId: string) => Promise<T>): Promise<T> {
  return trackCall(() => currentRunId().then(write));
}

/** Logs a parameter on the active run, starting one if none is active (mirrors `mlflow.log_param`). */
export function logParam<T>(key: string, value: T): Promise<T> {
  return writeToActiveRun(async (runId) => {
    await client().logParam(runId, key, value);
    return value;
  });
}

/** Logs several params in one request (mirrors `mlflow.log_params`). */
export function logParams(params: Record<string, unknown>): Promise<void> {
  return writeToActiveRun((runId) => client().logBatch(runId, { params }));
}

/**
 * Logs a metric on the active run (mirrors `mlflow.log_metric`). The third argument is the step,
 * or `{ step, timestamp }`.
 */
export function logMetric(
  key: string,
  value: number,
  stepOrOptions?: number | { step?: number; timestamp?: number },
): Promise<void> {
  const options = typeof stepOrOptions === "number" ? { step: stepOrOptions } : (stepOrOptions ?? {});
  return writeToActiveRun((runId) => client().logMetric(runId, key, value, options));
}

/** Logs several metrics in one request, at the same step (mirrors `mlflow.log_metrics`). */
export function logMetrics(
  metrics: Record<string, number>,
  options: { step?: number; timestamp?: number } = {},
): Promise<void> {
  return writeToActiveRun((runId) => client().logBatch(runId, {
    metrics: Object.entries(metrics).map(([key, value]) => ({ key, value, ...options })),
  }));
}

/** Sets a tag on the active run (mirrors `mlflow.set_tag`). */
export function setTag(key: string, value: unknown): Promise<void> {
  return writeToActiveRun((runId) => client().setTag(runId, key, value));
}

/** Sets several tags in one request (mirrors `mlflow.set_tags`). */
export function setTags(tags: Record<string, unknown>): Promise<void> {
  return writeToActiveRun((runId) => client().logBatch(runId, { tags }));
}

/** Deletes a tag from the active run (mirrors `mlflow.delete_tag`). */
export function deleteTag(key: string): Promise<void> {
  return writeToActiveRun((runId) => client().deleteTag(runId, key));
}

/** Uploads a local file into the active run's artifacts, under `artifactPath` if given (mirrors `mlflow.log_artifact`). */
export function logArtifact(localPath: string, artifactPath?: string): Promise<void> {
  return writeToActiveRun((runId) => client().logArtifact(runId, localPath, artifactPath));
}

/** Uploads every file of a local folder into the active run's artifacts (mirrors `mlflow.log_artifacts`). */
export function logArtifacts(localDir: string, artifactPath?: string): Promise<void> {
  return writeToActiveRun((runId) => client().logArtifacts(runId, localDir, artifactPath));
}

/** Saves text as an artifact file of the active run (mirrors `mlflow.log_text`). */
export function logText(text: string, artifactFile: string): Promise<void> {
  return writeToActiveRun((runId) => client().logText(runId, text, artifactFile));
}

/** Saves an object as a JSON (or `.yaml`) artifact of the active run (mirrors `mlflow.log_dict`). */
export function logDict(dictionary: unknown, artifactFile: string): Promise<void> {
  return writeToActiveRun((runId) => client().logDict(runId, dictionary, artifactFile));
}

/** Saves a `cuvee/plot` figure as an SVG artifact of the active run (mirrors `mlflow.log_figure`). */
export function logFigure(figure: SvgFigure, artifactFile: string): Promise<void> {
  return writeToActiveRun((runId) => client().logFigure(runId, figure, artifactFile));
}

/**
 * The URI of the active run's artifacts, or of one artifact inside them
 * (mirrors `mlflow.get_artifact_uri`), e.g. `mlflow-artifacts:/1/<run_id>/artifacts/model`.
 */
export async function getArtifactUri(artifactPath?: string): Promise<string> {
  const runId = await currentRunId();
  const run = activeRunStack.at(-1);
  const root = run?.info.runId === runId ? run.info.artifactUri : (await client().getRun(runId)).info.artifactUri;
  return artifactPath ? `${root.replace(/\/+$/, "")}/${artifactPath.replace(/^\/+/, "")}` : root;
}

/** Runs of the given experiments (default: the active one), as a list (mirrors `mlflow.search_runs(output_format="list")`). */
export async function searchRuns(
  options: SearchRunsOptions & { experimentIds?: string[]; experimentNames?: string[] } = {},
): Promise<Run[]> {
  const tracking = client();
  const ids = [...(options.experimentIds ?? [])];
  for (const name of options.experimentNames ?? []) {
    const experiment = await tracking.getExperimentByName(name);
    if (experiment) ids.push(experiment.experimentId);
  }
  if (ids.length === 0) ids.push(resolveExperimentId());
  const runs: Run[] = [];
  let pageToken: string | undefined;
  do {
    const page = await tracking.searchRuns(ids, { ...options, pageToken });
    runs.push(...page.items);
    pageToken = page.nextPageToken;
  } while (pageToken && (options.maxResults === undefined || runs.length < options.maxResults));
  return runs;
}

/**
 * For runners only: the script has finished (or failed). Ends the runs it left active, as
 * Python does at exit, and waits until every request has reached the server. Returns what failed
 * while ending those runs; a call the script did not await reports its own failure, as an
 * unhandled rejection (see pending.ts).
 */
export async function finishScript({ failed }: { failed: boolean }): Promise<unknown[]> {
  scriptFailed = failed;
  const errors: unknown[] = [];
  while (activeRunStack.length > 0) {
    try {
      await endRun(failed ? "FAILED" : "FINISHED");
    } catch (error) {
      errors.push(error);
    }
  }
  await Promise.allSettled([...endings]);
  await flushPending();
  return errors;
}

/** For runners only: forget every run and experiment of a previous script in this process. */
export function resetFluentState(): void {
  activeRunStack.length = 0;
  lastActiveRunId = undefined;
  activeExperimentId = undefined;
  scriptFailed = false;
}
