/**
 * What the `default` workspace (the un-prefixed API, `/api/2.0/mlflow/…`) is on this server,
 * from `CUVEE_DEFAULT_WORKSPACE`:
 * - `open` (the default, for a local install): readable and writable by anyone, like a plain
 *   MLflow server; the course's CLI and real MLflow clients without a workspace use it.
 * - `read-only`: readable, every write refused (an instructor prepares it, learners look).
 * - `off`: the un-prefixed API answers 404; only learners' workspaces exist.
 * On a public deployment anyone can reach it, hence `read-only` or `off` there (README).
 */

export const DEFAULT_WORKSPACE_MODES = ["open", "read-only", "off"] as const;
export type DefaultWorkspaceMode = (typeof DEFAULT_WORKSPACE_MODES)[number];

export function parseDefaultWorkspaceMode(raw: string | undefined): DefaultWorkspaceMode {
  const value = (raw ?? "").trim().toLowerCase();
  if (value === "") return "open";
  if ((DEFAULT_WORKSPACE_MODES as readonly string[]).includes(value)) return value as DefaultWorkspaceMode;
  throw new Error(`CUVEE_DEFAULT_WORKSPACE must be one of ${DEFAULT_WORKSPACE_MODES.join(", ")}, got "${raw}"`);
}

export function defaultWorkspaceMode(env: Readonly<Record<string, string | undefined>> = process.env): DefaultWorkspaceMode {
  return parseDefaultWorkspaceMode(env.CUVEE_DEFAULT_WORKSPACE);
}
