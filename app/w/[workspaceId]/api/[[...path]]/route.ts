// Every path under a workspace's /w/<id>/api that no route serves (`…/api/2.0/mlflow` itself,
// `…/api/2.0/unknown`…): MLflow's JSON 404 rather than the site's HTML page. The workspace is
// not looked up: there is no endpoint to serve either way.
import { endpointNotFoundResponse } from "@/lib/server/rest/request-line";
import { preflightResponse } from "@/lib/server/rest";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function handle(request: Request): Response {
  return request.method === "OPTIONS" ? preflightResponse(request) : endpointNotFoundResponse(request);
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as OPTIONS };
