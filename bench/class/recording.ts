/**
 * The bloc-13 request sequence as the SDK really sends it: bloc 13's solution runs in Node (the
 * app's own runner, lib/runner/node) against a recording proxy in front of the bench's server,
 * twice in one workspace. The first execution creates the experiment; the later ones find it,
 * as a learner's second to fifth runs do. Nothing here is typed by hand.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { blocRunFiles } from "../../lib/runner/node/bloc-files";
import { runInNode } from "../../lib/runner/node/run-in-node";

export interface RecordedRequest {
  method: string;
  /** After the workspace prefix: `/api/2.0/mlflow/runs/create?…`. */
  path: string;
  contentType: string | undefined;
  body: Buffer;
  status: number;
  response: Buffer;
}

export interface Recording {
  workspaceId: string;
  /** The first execution in a fresh workspace, then one in a workspace that has the experiment. */
  first: RecordedRequest[];
  later: RecordedRequest[];
}

const BLOC = 13;

function readBody(stream: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
  });
}

/** A proxy to `baseUrl` that keeps every request it forwards, with the answer. */
async function recordingProxy(baseUrl: string): Promise<{ url: string; take(): RecordedRequest[]; close(): Promise<void> }> {
  let recorded: RecordedRequest[] = [];
  const server = http.createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      const method = request.method ?? "GET";
      const contentType = request.headers["content-type"];
      const answer = await fetch(`${baseUrl}${request.url ?? "/"}`, {
        method,
        headers: contentType ? { "content-type": contentType } : {},
        body: method === "GET" || method === "HEAD" ? undefined : new Uint8Array(body),
      });
      const text = Buffer.from(await answer.arrayBuffer());
      const path = (request.url ?? "/").replace(/^\/w\/[^/]+/, "");
      recorded.push({ method, path, contentType, body, status: answer.status, response: text });
      response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
      response.end(text);
    })().catch((error: unknown) => {
      response.writeHead(502);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    take: () => {
      const taken = recorded;
      recorded = [];
      return taken;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function recordBloc13(baseUrl: string, workspaceId: string): Promise<Recording> {
  const proxy = await recordingProxy(baseUrl);
  try {
    const bloc = await blocRunFiles(BLOC, { kind: "solution" });
    const executions: RecordedRequest[][] = [];
    for (let i = 0; i < 2; i += 1) {
      const result = await runInNode({ ...bloc, trackingUri: `${proxy.url}/w/${workspaceId}` });
      if (result.status !== "succeeded") throw new Error(`bloc ${BLOC}'s solution ${result.status}: ${JSON.stringify(result.errors)}`);
      executions.push(proxy.take());
    }
    const [first = [], later = []] = executions;
    return { workspaceId, first, later };
  } finally {
    await proxy.close();
  }
}
