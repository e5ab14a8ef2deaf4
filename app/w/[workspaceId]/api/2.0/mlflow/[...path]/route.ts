// MLflow's REST API of one workspace: the learner's tracking URI is `<origin>/w/<workspaceId>`.
import { handleMlflowRequest } from "@/lib/server/api";
import { overlongQueryResponse } from "@/lib/server/rest/request-line";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ workspaceId: string; path: string[] }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  const { workspaceId, path } = await params;
  return overlongQueryResponse(request) ?? handleMlflowRequest(workspaceId, request.method, path, request);
}

// Every method reaches the dispatcher, so that wrong methods get MLflow's JSON error (with CORS).
export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as OPTIONS };
