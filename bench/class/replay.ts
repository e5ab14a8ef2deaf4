/**
 * Replays a recorded execution (recording.ts) as another learner, in their workspace: the ids
 * the server gave the recording (workspace, experiment, run) are swapped for the ones it gives
 * this learner, found by walking the recorded and the live answers side by side.
 */
import { asCategory } from "./lean-fetch";
import type { RecordedRequest } from "./recording";

/** Fields of MLflow's answers that name something later requests refer to. */
const ID_FIELDS = new Set(["experiment_id", "run_id", "run_uuid", "artifact_uri"]);

const utf8 = new TextDecoder("utf-8", { fatal: true });

function asText(body: Buffer): string | undefined {
  try {
    return utf8.decode(body);
  } catch {
    return undefined;
  }
}

function parse(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Adds recorded → live for every id field found at the same place in both answers. */
function learnIds(recorded: unknown, live: unknown, ids: Map<string, string>): void {
  if (recorded === null || live === null || typeof recorded !== "object" || typeof live !== "object") return;
  for (const [key, value] of Object.entries(recorded)) {
    const other = (live as Record<string, unknown>)[key];
    if (ID_FIELDS.has(key) && typeof value === "string" && typeof other === "string" && value !== other) ids.set(value, other);
    else learnIds(value, other, ids);
  }
}

function substitute(text: string, ids: Map<string, string>): string {
  let out = text;
  // Longest first: an artifact URI contains its run id.
  for (const [from, to] of [...ids].sort((a, b) => b[0].length - a[0].length)) out = out.split(from).join(to);
  return out;
}

export class Replayer {
  readonly #ids = new Map<string, string>();

  constructor(
    private readonly baseUrl: string,
    recordedWorkspace: string,
    private readonly workspaceId: string,
  ) {
    this.#ids.set(recordedWorkspace, workspaceId);
  }

  /** Sends the execution's requests in order; resolves with the statuses that were not 2xx. */
  async replay(execution: readonly RecordedRequest[]): Promise<number[]> {
    const failures: number[] = [];
    for (const request of execution) {
      const text = asText(request.body);
      const body = text === undefined ? new Uint8Array(request.body) : substitute(text, this.#ids);
      const read = request.method === "GET" || request.method === "HEAD";
      const url = `${this.baseUrl}/w/${this.workspaceId}${substitute(request.path, this.#ids)}`;
      const response = await asCategory(read ? "learner read" : "write", () =>
        fetch(url, { method: request.method, headers: request.contentType ? { "content-type": request.contentType } : {}, body: read ? undefined : body }),
      );
      const answer = await response.text();
      if (response.status !== request.status) failures.push(response.status);
      learnIds(parse(asText(request.response)), parse(answer), this.#ids);
    }
    return failures;
  }
}
