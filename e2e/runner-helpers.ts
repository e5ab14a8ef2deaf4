import { expect, type Page } from "@playwright/test";

/** Opens a bloc's lesson with the browser sandbox chosen as the runtime (no WebContainer wait). */
export async function openBlocInWorker(page: Page, bloc: number) {
  await page.goto(`/cours/${bloc}`);
  await page.getByLabel("Choisir l'environnement d'exécution").selectOption("worker");
}

/**
 * Replaces the editor's whole content, as a learner pasting code would: a paste event, which
 * Monaco inserts as is (text typed through the native EditContext, as `keyboard.insertText`
 * sends it, gets auto-indented and auto-closed brackets line by line).
 */
export async function replaceCode(page: Page, code: string) {
  const editor = page.getByTestId("code-editor");
  await expect(editor).toBeVisible({ timeout: 60_000 });
  await editor.locator(".monaco-editor .view-lines").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    document.activeElement?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, code);
}

/** The workspace id of this browser context, read from the resume link on /cours. */
export async function workspaceIdOf(page: Page): Promise<string> {
  await page.goto("/cours");
  const link = await page.getByLabel("Lien de reprise").inputValue();
  const id = /\/reprendre\/([^/?#]+)/.exec(link)?.[1];
  if (!id) throw new Error(`no workspace id in ${link}`);
  return id;
}

export { runBlocCli } from "../tests/run-bloc-cli";

type Pair = { key: string; value: string };
type Metric = { key: string; value: number; step?: number | string };

/** Tags whose values differ between any two runs by nature (a generated run name). */
const VOLATILE_TAGS = new Set(["mlflow.runName"]);

const byKey = <T extends { key: string }>(items: T[] | undefined): T[] => [...(items ?? [])].sort((a, b) => a.key.localeCompare(b.key));

/**
 * A workspace's tracking state with what necessarily differs between two workspaces removed
 * (ids, times, generated run names, artifact locations): experiments by name, their runs in
 * start order with status, params, metrics and tags.
 */
export async function trackingState(baseURL: string, workspaceId: string) {
  const api = `${baseURL}/w/${workspaceId}/api/2.0/mlflow`;
  const post = async (endpoint: string, body: unknown) => {
    const response = await fetch(`${api}/${endpoint}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    expect(response.status, `${endpoint}: ${response.status}`).toBe(200);
    return response.json();
  };
  const { experiments = [] } = await post("experiments/search", { max_results: 1000 });
  const state = [];
  for (const experiment of [...experiments].sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name))) {
    const { runs = [] } = await post("runs/search", { experiment_ids: [experiment.experiment_id], max_results: 1000, order_by: ["attributes.start_time ASC"] });
    state.push({
      name: experiment.name,
      lifecycleStage: experiment.lifecycle_stage,
      tags: byKey<Pair>(experiment.tags),
      runs: runs.map((run: { info: { status: string; lifecycle_stage: string; run_name?: string }; data: { params?: Pair[]; metrics?: Metric[]; tags?: Pair[] } }) => ({
        status: run.info.status,
        lifecycleStage: run.info.lifecycle_stage,
        hasRunName: Boolean(run.info.run_name),
        params: byKey(run.data.params),
        metrics: byKey(run.data.metrics).map(({ key, value, step }) => ({ key, value, step: Number(step ?? 0) })),
        tags: byKey(run.data.tags).filter((tag) => !VOLATILE_TAGS.has(tag.key)),
      })),
    });
  }
  return state;
}
