// Next.js calls `register()` once when a server instance starts (`next dev`, `next start`;
// not during `next build`, so a build needs no database). The app creates and migrates its
// own database here, before the first request, instead of relying on a deploy step.
export async function register(): Promise<void> {
  // Only the Node.js runtime: the edge runtime has no filesystem or database drivers, and the
  // dynamic import keeps lib/server/db out of the edge bundle.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A misspelt setting stops the start here, with its name, rather than failing requests later.
  const { defaultWorkspaceMode } = await import("./lib/server/workspaces/default-mode");
  defaultWorkspaceMode();
  const { parseEmptyWorkspaceDays, scheduleWorkspaceSweeps } = await import("./lib/server/workspaces/sweep");
  const idleDays = parseEmptyWorkspaceDays(process.env.CUVEE_EMPTY_WORKSPACE_DAYS);
  const { getDb } = await import("./lib/server/db");
  await getDb();
  scheduleWorkspaceSweeps(idleDays);
}
