import { NextResponse, type NextRequest } from "next/server";
import { workspaceExists } from "@/lib/server/workspaces";
import { WORKSPACE_COOKIE, WORKSPACE_COOKIE_OPTIONS } from "@/lib/server/session/cookie";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The resume link: restores a workspace in this browser, then opens the course. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  if (!(await workspaceExists(workspaceId))) {
    return NextResponse.redirect(new URL("/cours?reprise=introuvable", request.url), 303);
  }
  const response = NextResponse.redirect(new URL("/cours", request.url), 303);
  response.cookies.set(WORKSPACE_COOKIE, workspaceId, WORKSPACE_COOKIE_OPTIONS);
  return response;
}
