// Next.js calls `register()` once when a server instance starts (`next dev`, `next start`;
// not during `next build`, so a build needs no database). The app creates and migrates its
// own database here, before the first request, instead of relying on a deploy step.
export async function register(): Promise<void> {
  // Only the Node.js runtime: the edge runtime has no filesystem or database drivers, and the
  // dynamic import keeps lib/server/db out of the edge bundle.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installSocketAddressStamp } = await import("./lib/server/session/client-address");
  const { originSettings } = await import("./lib/server/session/public-origin");
  const { parseWorkspacesPerHour } = await import("./lib/server/workspaces/creation-limit");
  const { defaultWorkspaceMode } = await import("./lib/server/workspaces/default-mode");
  const { parseEmptyWorkspaceDays, scheduleWorkspaceSweeps } = await import("./lib/server/workspaces/sweep");
  // A misspelt setting stops the start here, with its name, rather than failing requests later.
  const { publicUrl } = originSettings();
  parseWorkspacesPerHour(process.env.CUVEE_WORKSPACES_PER_HOUR);
  const mode = defaultWorkspaceMode();
  const idleDays = parseEmptyWorkspaceDays(process.env.CUVEE_EMPTY_WORKSPACE_DAYS);
  if (publicUrl?.startsWith("https://") && mode === "open") {
    console.warn("[cuvee] CUVEE_PUBLIC_URL is https but CUVEE_DEFAULT_WORKSPACE=open: anyone may write to and delete the default workspace (README, Public deployment).");
  }
  // Before the first request: per-client limits need the peer's address (client-address.ts).
  installSocketAddressStamp();
  // Before the first request too: TRACE and other methods Next cannot route would be its 500.
  const { installUnroutableMethodGuard } = await import("./lib/server/rest/unroutable-methods");
  installUnroutableMethodGuard();
  const { getDb } = await import("./lib/server/db");
  await getDb();
  scheduleWorkspaceSweeps(idleDays);
}
