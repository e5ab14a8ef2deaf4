import type { NextRequest } from "next/server";
import { resumeWorkspace } from "@/lib/server/session/routes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The resume link: restores a workspace in this browser, then opens the course. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ workspaceId: string }> }): Promise<Response> {
  const { workspaceId } = await params;
  return resumeWorkspace(request, workspaceId);
}
