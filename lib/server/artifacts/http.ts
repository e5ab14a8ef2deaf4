/**
 * MLflow's proxied artifact service (mlflow_artifacts.proto), per workspace:
 *
 *   PUT    …/api/2.0/mlflow-artifacts/artifacts/<path>    upload (raw body)          → {}
 *   GET    …/api/2.0/mlflow-artifacts/artifacts/<path>    download (streamed)
 *   DELETE …/api/2.0/mlflow-artifacts/artifacts/<path>    delete a file or directory → {}
 *   GET    …/api/2.0/mlflow-artifacts/artifacts?path=<d>  list <d>'s children        → {files: [...]}
 *
 * `<path>` is what follows `mlflow-artifacts:/` in a run's artifact URI
 * (`<experiment_id>/<run_id>/artifacts/…`), inside the workspace's own storage root. Which
 * workspace, and whether it exists, is the composition root's business (`lib/server/api`): it
 * hands this handler a way to open that workspace's storage.
 */
import { MLFLOW_ARTIFACTS_API_PREFIX, TrackingError } from "@/lib/tracking/protocol";
import { errorResponse, jsonResponse, preflightResponse, corsHeaders } from "@/lib/server/rest";
import { artifactContentType, DOWNLOAD_SECURITY_HEADERS } from "./content-type";
import { normalizeArtifactPath } from "./paths";
import { boundedUpload } from "./quota";
import type { ArtifactStorage } from "./storage";

const ALLOWED = ["GET", "PUT", "DELETE", "OPTIONS"];

function notFound(path: string): TrackingError {
  return TrackingError.resourceDoesNotExist(`No artifact at '${path}'`);
}

/**
 * Answers one request: method, path segments after `/api/2.0/mlflow-artifacts/`, the request.
 * `openStorage` is called once the route is known and may throw (unknown workspace): what it
 * throws is answered as MLflow's error.
 */
export async function serveArtifactRequest(
  method: string,
  pathSegments: readonly string[],
  request: Request,
  openStorage: () => Promise<ArtifactStorage>,
): Promise<Response> {
  if (method === "OPTIONS") return preflightResponse(request);
  const [head, ...rest] = pathSegments;
  if (head !== "artifacts") {
    return errorResponse(
      new TrackingError("ENDPOINT_NOT_FOUND", `No API endpoint at ${method} /api/2.0/mlflow-artifacts/${pathSegments.join("/")}`),
      request,
    );
  }
  if (!ALLOWED.includes(method) || (rest.length === 0 && method !== "GET")) {
    return errorResponse(
      new TrackingError("ENDPOINT_NOT_FOUND", `Method ${method} is not allowed for ${MLFLOW_ARTIFACTS_API_PREFIX}/${rest.join("/")}`, {
        httpStatus: 405,
      }),
      request,
      { Allow: rest.length === 0 ? "GET, OPTIONS" : ALLOWED.join(", ") },
    );
  }
  try {
    const storage = await openStorage();
    if (rest.length === 0) {
      const directory = normalizeArtifactPath(new URL(request.url).searchParams.get("path") ?? "");
      const entries = await storage.list(directory);
      const files = entries.map((e) => ({ path: e.name, is_dir: e.isDir, ...(e.size === null ? {} : { file_size: e.size }) }));
      return jsonResponse(files.length > 0 ? { files } : {}, 200, request);
    }
    const path = normalizeArtifactPath(rest.join("/"));
    if (path === "") throw TrackingError.invalidParameterValue("An artifact path is required.");
    if (method === "PUT") {
      await storage.put(path, await boundedUpload(storage, path, request));
      return jsonResponse({}, 200, request);
    }
    if (method === "DELETE") {
      if (!(await storage.delete(path))) throw notFound(path);
      return jsonResponse({}, 200, request);
    }
    const file = await storage.get(path);
    if (!file) throw notFound(path);
    return new Response(file.body, {
      status: 200,
      headers: {
        ...corsHeaders(request),
        "Content-Type": artifactContentType(path),
        "Content-Length": String(file.size),
        "Cache-Control": "private, no-cache",
        ...DOWNLOAD_SECURITY_HEADERS,
      },
    });
  } catch (error) {
    return errorResponse(error, request);
  }
}
