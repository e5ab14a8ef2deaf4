import { expect, test, type Request } from "@playwright/test";
import { openBlocInWorker, replaceCode, trackingState, workspaceIdOf } from "./runner-helpers";

/**
 * What this proves (docs/decisions/010): learner code run from a lesson page in the browser
 * sandbox cannot act as the learner on Cuvée nor send anything elsewhere. From inside the
 * sandbox it calls Cuvée's own API (a relative `fetch("/api/cuvee/progress")`, an absolute
 * `fetch` of `/api/cuvee/health` with `credentials: "include"`), another origin
 * (`https://example.invalid/`), and imports a Cuvée URL both through the module system and
 * through the engine's native `import()`. Learner code sees a refusal for each (in French where
 * Cuvée words it). Chromium's own record of the context's requests (those answered, which reached
 * the server, with the headers actually sent; and those a policy blocked, reported as failed)
 * shows that none of those requests reached the server and none carried the workspace cookie,
 * and that the sandbox's requests come from an opaque origin (`Origin: null`), go only under
 * the workspace's tracking URI and carry no cookie. The SDK's calls still work: the workspace
 * holds the experiment they created. Without the sandbox frame (a same-origin worker) the
 * fetches are answered with the cookie and the test fails on its first refusal.
 * It says nothing about the WebContainer or Node runtimes (see the decision record).
 */

interface Sent {
  url: string;
  cookie: string | undefined;
  /** `null` for a request from an opaque origin: the sandbox frame and its workers. */
  origin: string | undefined;
  /** Why Chromium did not send it (a CSP refusal is reported as a request that failed). */
  failure?: string;
}

const code = [
  'import * as mlflow from "mlflow";',
  "const origin = new URL(process.env.MLFLOW_TRACKING_URI!).origin;",
  "const attempt = async (label: string, action: () => Promise<unknown>) => { try { await action(); console.log(`${label} : atteint`); } catch (error) { console.log(`${label} : refusé — ${(error as Error).message}`); } };",
  'await attempt("progression", () => fetch("/api/cuvee/progress"));',
  'await attempt("santé", () => fetch(`${origin}/api/cuvee/health`, { credentials: "include" }));',
  'await attempt("ailleurs", () => fetch("https://example.invalid/"));',
  "await attempt(\"import\", () => import(`${origin}/api/cuvee/health`));",
  "await attempt(\"import natif\", () => (0, eval)(`import(\"${origin}/api/cuvee/health\")`));",
  'await mlflow.setExperiment("isolation");',
  'console.log("suivi atteint");',
].join("\n");

test("learner code in the browser sandbox carries no Cuvée cookie and reaches only its workspace's tracking URI", async ({ page, context, baseURL }) => {
  const workspaceId = await workspaceIdOf(page);
  const sent: Sent[] = [];
  const pending: Promise<void>[] = [];
  const record = (request: Request, failure?: string) => {
    // allHeaders() holds what Chromium actually sent, cookies included.
    pending.push(
      request.allHeaders().then(
        (headers) => void sent.push({ url: request.url(), cookie: headers.cookie, origin: headers.origin, failure }),
        () => undefined,
      ),
    );
  };
  // Requests that got an answer reached the server; those a policy blocked are "failed".
  context.on("requestfinished", (request) => record(request));
  context.on("requestfailed", (request) => record(request, request.failure()?.errorText ?? "failed"));

  await openBlocInWorker(page, 1);
  await replaceCode(page, code);
  await page.getByRole("button", { name: "Exécuter" }).click();
  const consoleLog = page.getByRole("log");
  await expect(consoleLog).toContainText("suivi atteint", { timeout: 30_000 });
  await expect(consoleLog).toContainText("Exécution terminée");

  const tracking = `${baseURL}/w/${workspaceId}`;
  const refusal = "ne peut joindre que le serveur de suivi de votre espace";
  await expect(consoleLog).toContainText(`progression : refusé — Requête refusée vers ${baseURL}/api/cuvee/progress`);
  await expect(consoleLog).toContainText(`santé : refusé — Requête refusée vers ${baseURL}/api/cuvee/health : le code exécuté dans le bac à sable ${refusal} (${tracking})`);
  await expect(consoleLog).toContainText("ailleurs : refusé — Requête refusée vers https://example.invalid/");
  await expect(consoleLog).toContainText(`import : refusé — Le module « ${baseURL}/api/cuvee/health » n'est pas disponible ici`);
  // The engine's own import() is refused by the frame's CSP (script-src), in the browser's words.
  await expect(consoleLog).toContainText("import natif : refusé");
  await expect(consoleLog).not.toContainText(": atteint");

  await Promise.all(pending);
  // The live panel polls the same tracking URI from the page (with the cookie, same-origin): the
  // sandbox's requests are those from the opaque origin.
  const fromSandbox = sent.filter((request) => request.origin === "null" && request.failure === undefined);
  expect(fromSandbox.length, "the SDK's requests from the sandbox are in the record").toBeGreaterThan(0);
  for (const request of fromSandbox) expect(request.url.startsWith(`${tracking}/api/`), request.url).toBe(true);
  expect(fromSandbox.filter((request) => request.cookie !== undefined)).toEqual([]);
  // The fetches were refused before any request; the native import() was blocked by the frame's CSP.
  const targeted = sent.filter((request) => /\/api\/cuvee\/(progress|health)|example\.invalid/.test(request.url));
  expect(targeted.filter((request) => request.failure === undefined)).toEqual([]);
  expect(targeted.filter((request) => request.cookie !== undefined)).toEqual([]);

  const state = await trackingState(baseURL!, workspaceId);
  expect(state.map((experiment) => experiment.name)).toContain("isolation");
});
