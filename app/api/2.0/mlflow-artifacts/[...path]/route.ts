// MLflow's proxied artifact service, un-prefixed: the `default` workspace's artifacts.
import { handleArtifactRequest } from "@/lib/server/api";
import { DEFAULT_WORKSPACE_ID } from "@/lib/server/workspaces";
import { overlongQueryResponse } from "@/lib/server/rest/request-line";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path: string[] }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  const { path } = await params;
  return overlongQueryResponse(request) ?? handleArtifactRequest(DEFAULT_WORKSPACE_ID, request.method, path, request);
}

// Every method reaches the handler, so that wrong methods get MLflow's JSON error (with CORS).
export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as OPTIONS };
