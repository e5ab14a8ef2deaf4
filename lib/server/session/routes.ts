/**
 * What the two routes that hand a workspace to a browser do: `/api/cuvee/session` (a first visit)
 * and `/reprendre/<id>` (the resume link). Here rather than in app/ so that they can be tested
 * in-process; the route files only call them.
 */
import { NextResponse, type NextRequest } from "next/server";
import { createWorkspace, isLearnerWorkspace, touchWorkspace } from "@/lib/server/workspaces";
import { workspaceCreationLimiter } from "@/lib/server/workspaces/creation-limit";
import { clientAddress } from "./client-address";
import { WORKSPACE_COOKIE, safeNextPath, workspaceCookieOptions } from "./cookie";
import { isSecureOrigin, originSettings, publicOrigin, publicUrlOf } from "./public-origin";
import { tooManyWorkspacesResponse } from "./too-many-workspaces";

/** 303: the browser follows with a GET whatever the method was. */
function redirectWithWorkspace(path: string, origin: string | null, workspaceId?: string): NextResponse {
  const response = new NextResponse(null, { status: 303, headers: { Location: publicUrlOf(path, origin) } });
  if (workspaceId !== undefined) response.cookies.set(WORKSPACE_COOKIE, workspaceId, workspaceCookieOptions(isSecureOrigin(origin)));
  return response;
}

/**
 * Gives the visitor a workspace (keeping a valid one from its cookie, creating one otherwise,
 * within the per-client limit) and sends them on to `next`, a same-origin path.
 */
export async function openSession(request: NextRequest): Promise<Response> {
  const settings = originSettings();
  const origin = publicOrigin(request.headers, settings);
  const next = safeNextPath(request.nextUrl.searchParams.get("next"));
  const existing = request.cookies.get(WORKSPACE_COOKIE)?.value;
  if (existing && (await isLearnerWorkspace(existing))) {
    await touchWorkspace(existing);
    return redirectWithWorkspace(next, origin, existing);
  }
  const allowance = workspaceCreationLimiter().take(clientAddress(request.headers, settings.trustedProxies));
  if (!allowance.allowed) return tooManyWorkspacesResponse(allowance.retryAfterSeconds);
  const { id } = await createWorkspace();
  return redirectWithWorkspace(next, origin, id);
}

/** Restores a workspace in this browser, then opens the course. Never adopts `default`. */
export async function resumeWorkspace(request: NextRequest, workspaceId: string): Promise<Response> {
  const origin = publicOrigin(request.headers);
  if (!(await isLearnerWorkspace(workspaceId))) return redirectWithWorkspace("/cours?reprise=introuvable", origin);
  await touchWorkspace(workspaceId);
  return redirectWithWorkspace("/cours", origin, workspaceId);
}
