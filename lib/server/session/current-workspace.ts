import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { workspaceExists } from "@/lib/server/workspaces";
import { WORKSPACE_COOKIE } from "./cookie";

export interface CurrentWorkspace {
  id: string;
  /** The workspace's MLflow tracking URI, as learner code and real MLflow clients use it. */
  trackingUri: string;
  /** Opening this link in any browser resumes the workspace. */
  resumeUrl: string;
}

async function origin(): Promise<string> {
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host") ?? "localhost:3000";
  const protocol = list.get("x-forwarded-proto") ?? "http";
  return `${protocol}://${host}`;
}

/**
 * The visitor's workspace. A first visit (no cookie, or a cookie for a workspace that no longer
 * exists) goes through `/api/cuvee/session`, which creates one and sets the cookie: Server
 * Components cannot set cookies themselves.
 */
export async function requireWorkspace(currentPath: string): Promise<CurrentWorkspace> {
  const id = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  if (!id || !(await workspaceExists(id))) redirect(`/api/cuvee/session?next=${encodeURIComponent(currentPath)}`);
  const base = await origin();
  return { id, trackingUri: `${base}/w/${id}`, resumeUrl: `${base}/reprendre/${id}` };
}
