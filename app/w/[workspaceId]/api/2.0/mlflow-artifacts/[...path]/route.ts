// MLflow's proxied artifact service of one workspace (its own storage root).
import { handleArtifactRequest } from "@/lib/server/api";
import { overlongQueryResponse } from "@/lib/server/rest/request-line";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workspaceId: string; path: string[] }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  const { workspaceId, path } = await params;
  return overlongQueryResponse(request) ?? handleArtifactRequest(workspaceId, request.method, path, request);
}

// Every method reaches the handler, so that wrong methods get MLflow's JSON error (with CORS).
export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as OPTIONS };
