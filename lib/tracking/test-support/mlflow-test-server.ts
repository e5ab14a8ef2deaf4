/**
 * A scripted MLflow server on 127.0.0.1 for tests of the clients (SDK and pages): it records the
 * requests it receives and answers each with what the test's handler returns. Tests only.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  /** Path and query string, e.g. `/w/ws/api/2.0/mlflow/registered-models/search?max_results=100`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A JSON body (serialized here) or raw text, with its status. */
export interface ScriptedAnswer {
  status?: number;
  json?: unknown;
  text?: string;
}

export interface MlflowTestServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

export async function startMlflowTestServer(answer: (request: ReceivedRequest) => ScriptedAnswer): Promise<MlflowTestServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const request: ReceivedRequest = {
        method: incoming.method ?? "",
        url: incoming.url ?? "",
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(request);
      const { status = 200, json, text } = answer(request);
      const body = json === undefined ? (text ?? "") : JSON.stringify(json);
      outgoing.writeHead(status, { "Content-Type": json === undefined ? "text/plain" : "application/json" });
      outgoing.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** An MLflow error answer: the status MLflow pairs with the code is the test's to choose. */
export function refusal(status: number, errorCode: string, message: string): ScriptedAnswer {
  return { status, json: { error_code: errorCode, message } };
}
