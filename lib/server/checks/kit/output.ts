/**
 * Reading what the learner's last run printed: the ids and addresses a check compares with the
 * tracking state.
 */

/** MLflow run ids (32 lowercase hex digits) in the order they were printed, repeats kept. */
export function printedRunIds(output: string): string[] {
  return output.match(/\b[0-9a-f]{32}\b/g) ?? [];
}

/** http(s) addresses in the order they were printed (trailing punctuation left out). */
export function printedUrls(output: string): URL[] {
  const urls: URL[] = [];
  for (const match of output.match(/https?:\/\/[^\s"'`<>)]+/g) ?? []) {
    try {
      urls.push(new URL(match.replace(/[.,;:!?]+$/, "")));
    } catch {
      // Not a valid address after all: not evidence of anything.
    }
  }
  return urls;
}

/**
 * The path of a workspace's tracking URI: `/w/<id>`, or the server root for the `default`
 * workspace (which the un-prefixed API serves). The host depends on where the learner runs,
 * so checks compare paths only.
 */
export function workspaceTrackingPath(workspaceId: string): string {
  return workspaceId === "default" ? "" : `/w/${workspaceId}`;
}

/** Whether a printed address is this workspace's tracking URI. */
export function isWorkspaceTrackingUri(url: URL, workspaceId: string): boolean {
  return url.pathname.replace(/\/+$/, "") === workspaceTrackingPath(workspaceId) && url.search === "" && url.hash === "";
}
