import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { isLearnerWorkspace, touchWorkspace } from "@/lib/server/workspaces";
import { WORKSPACE_COOKIE } from "./cookie";
import { publicOrigin } from "./public-origin";

export interface CurrentWorkspace {
  id: string;
  /** The workspace's MLflow tracking URI, as learner code and real MLflow clients use it. */
  trackingUri: string;
  /** Opening this link in any browser resumes the workspace. */
  resumeUrl: string;
}

/** The links shown to the learner must be absolute; without a usable Host, say localhost. */
async function origin(): Promise<string> {
  return publicOrigin(await headers()) ?? "http://localhost:3000";
}

/**
 * The visitor's workspace. A first visit (no cookie, or a cookie for a workspace that no longer
 * exists, or `default`) goes through `/api/cuvee/session`, which creates one and sets the cookie:
 * Server Components cannot set cookies themselves. The redirect is relative, so the browser keeps
 * the origin it used.
 */
export async function requireWorkspace(currentPath: string): Promise<CurrentWorkspace> {
  const id = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  if (!id || !(await isLearnerWorkspace(id))) redirect(`/api/cuvee/session?next=${encodeURIComponent(currentPath)}`);
  await touchWorkspace(id);
  const base = await origin();
  return { id, trackingUri: `${base}/w/${id}`, resumeUrl: `${base}/reprendre/${id}` };
}
