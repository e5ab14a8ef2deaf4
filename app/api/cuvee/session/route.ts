import { NextResponse, type NextRequest } from "next/server";
import { createWorkspace, workspaceExists } from "@/lib/server/workspaces";
import { WORKSPACE_COOKIE, WORKSPACE_COOKIE_OPTIONS, safeNextPath } from "@/lib/server/session/cookie";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Gives the visitor a workspace (keeping a valid existing one) and sends them on to `next`.
 * Reached by redirect from any page visited without a workspace.
 */
export async function GET(request: NextRequest) {
  const next = safeNextPath(request.nextUrl.searchParams.get("next"));
  const existing = request.cookies.get(WORKSPACE_COOKIE)?.value;
  const id = existing && (await workspaceExists(existing)) ? existing : (await createWorkspace()).id;
  const response = NextResponse.redirect(new URL(next, request.url), 303);
  response.cookies.set(WORKSPACE_COOKIE, id, WORKSPACE_COOKIE_OPTIONS);
  return response;
}
