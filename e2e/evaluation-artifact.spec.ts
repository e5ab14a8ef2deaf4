import { expect, test } from "@playwright/test";
import { runBlocCli, workspaceIdOf } from "./runner-helpers";

test("bloc 20: the scatter evaluate produces renders in the run's artifact viewer", async ({ page, baseURL }) => {
  test.setTimeout(300_000);
  // Bloc 20's solution is two files (main.ts and the custom model's sklearn-wrapper.ts): it runs
  // with the Node runner, in this browser's workspace, as `npm run bloc` runs it.
  const workspaceId = await workspaceIdOf(page);
  const cli = await runBlocCli(baseURL!, ["20", "--solution", "--workspace", workspaceId]);
  expect(cli.code, cli.stderr).toBe(0);
  expect(cli.stdout).toContain("squared_diff_plus_one: 598.816729303");

  // The run the solution evaluated: the newest of the course's experiment.
  const api = `${baseURL}/w/${workspaceId}/api/2.0/mlflow`;
  const { experiment } = await (await page.request.get(`${api}/experiments/get-by-name?experiment_name=exp_wine_elasticnet`)).json();
  const { runs } = await (
    await page.request.post(`${api}/runs/search`, { data: { experiment_ids: [experiment.experiment_id], max_results: 1, order_by: ["attributes.start_time DESC"] } })
  ).json();

  await page.goto(`/suivi/runs/${runs[0].info.run_id}`);
  const artifacts = page.getByRole("region", { name: "Artefacts" });
  await artifacts.getByRole("navigation", { name: "Arborescence des artefacts" }).getByRole("button", { name: /scatter_plot_artifact\.svg/ }).click();
  const image = artifacts.getByRole("region", { name: "Aperçu de l'artefact" }).getByRole("img", { name: "Aperçu de scatter_plot_artifact.svg" });
  await expect(image).toBeVisible();
  // The browser decoded the SVG: it has the figure's width, not a broken-image placeholder's.
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(640);
  await image.screenshot({ path: test.info().outputPath("scatter-plot-artifact.png") });
});
