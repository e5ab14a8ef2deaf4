/**
 * A seeded request generator over every endpoint of the server: the MLflow REST API
 * (`mlflowEndpoints`, on the fixture's workspace, the `default` workspace and unknown ones), the
 * proxied artifact service, Cuvée's own API and a few pages. Request `index` of seed `seed` is drawn
 * from its own PRNG stream, so any request can be reproduced alone (`fuzzRequest(seed, index, …)`).
 *
 * The store must be byte-identical after a fuzzing session, so no request may write valid data.
 * Every request is one of:
 * - a read (GET endpoints, and the POST searches), whatever its content;
 * - a write whose every reference (run_id, run_uuid, experiment_id, a registered model's name) is
 *   a "ghost": drawn from pools of ids that do not exist (checked on the parsed request);
 * - a write the server refuses before its handler runs: `refusedBeforeHandler` reads the final
 *   bytes with the server's own `readJsonBody` and the endpoint's own zod schema, and a request
 *   that would pass gets a truncated body instead (a strict prefix of a JSON object never parses);
 * - a wrong method, an unknown path, an unknown workspace;
 * - an artifact PUT that cannot complete (refused path, a directory or an over-long name as the
 *   target, a file as a parent folder: the final rename or mkdir fails), or a DELETE of a path
 *   that does not exist.
 * Paths never carry dot segments a URL parser could resolve into another target (`a/../b`).
 */
import { checkRequestSchema } from "@/lib/course/check-contract";
import { queryToObject, readJsonBody } from "@/lib/server/rest/request";
import { WORKSPACE_COOKIE } from "@/lib/server/session/cookie";
import { mlflowEndpoints, type EndpointContract, type EndpointName } from "@/lib/tracking/protocol";
import { seededRandom, streamSeed, type Random } from "./prng";
import { EXTREME_NUMBERS, SPECIAL_DOUBLE_STRINGS, filterClause, nastyString, orderByClause, overLongString, unicodeString } from "./values";

/** What the fixture created before the session (tests/reliability/fixture.ts). */
export interface FuzzFixture {
  workspaceId: string;
  experimentId: string;
  runId: string;
  modelName: string;
  modelVersion: string;
  alias: string;
  /** An artifact folder and a file in it, inside the workspace's artifact root. */
  artifactDir: string;
  artifactFile: string;
}

export interface FuzzRequest {
  index: number;
  /** What the request tries, e.g. `mlflow/write-refused`, `artifacts/put-conflict`: reports and KNOWN_5XX use it. */
  family: string;
  method: string;
  /** Raw path and query as sent on the wire (printable ASCII, percent-encoding left as drawn). */
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
  /** The endpoint, when the request targets one (e.g. `logMetric`). */
  endpoint?: EndpointName;
}

type Workspace = "fixture" | "default" | "unknown";

/** JSON text spliced in as is (numbers JavaScript cannot represent, such as 1e400). */
class RawJson {
  constructor(readonly text: string) {}
}
type Value = RawJson | string | number | boolean | null | Value[] | { [key: string]: Value };

function toJsonText(value: Value): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(",")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const encoder = new TextEncoder();

const ENDPOINTS = Object.entries(mlflowEndpoints) as [EndpointName, EndpointContract][];
const REGISTRY_NAMES: ReadonlySet<string> = new Set([
  "createRegisteredModel", "getRegisteredModel", "renameRegisteredModel", "updateRegisteredModel", "deleteRegisteredModel",
  "searchRegisteredModels", "getLatestVersions", "setRegisteredModelTag", "deleteRegisteredModelTag", "setRegisteredModelAlias",
  "deleteRegisteredModelAlias", "getModelVersionByAlias", "createModelVersion", "getModelVersion", "updateModelVersion",
  "deleteModelVersion", "searchModelVersions", "transitionModelVersionStage", "setModelVersionTag", "deleteModelVersionTag",
  "getModelVersionDownloadUri",
] satisfies EndpointName[]);
/** Endpoints that only read, whatever they are sent: the GETs and the POST searches. */
const READS: ReadonlySet<string> = new Set(
  ENDPOINTS.filter(([name, c]) => c.methods[0] === "GET" || name === "searchExperiments" || name === "searchRuns" || name === "getLatestVersions").map(([n]) => n),
);
/** Writes that reference nothing existing: they can only ever be sent refused. */
const CREATES_FROM_NOTHING: ReadonlySet<string> = new Set(["createExperiment", "createRegisteredModel"]);

export function isReadEndpoint(name: EndpointName): boolean {
  return READS.has(name);
}

/** The fields of an endpoint's request schema (z.object shape). */
function fieldsOf(contract: EndpointContract): Record<string, { safeParse(v: unknown): { success: boolean } }> {
  const def = (contract.request as unknown as { _zod: { def: { shape?: Record<string, never> } } })._zod.def;
  return def.shape ?? {};
}

function referenceKind(endpoint: EndpointName, field: string): "run" | "experiment" | "model" | undefined {
  if (field === "run_id" || field === "run_uuid") return endpoint === "createModelVersion" ? undefined : "run";
  if (field === "experiment_id") return "experiment";
  if (field === "name" && REGISTRY_NAMES.has(endpoint) && endpoint !== "createRegisteredModel") return "model";
  return undefined;
}

/** Ids that exist nowhere; the experiment ids are never 0 or 1, nor reachable by other tests' numbering. */
const GHOST_EXPERIMENT_IDS = ["987654321", "not-an-id", "2147483648", "99999999999999999999999", "-7", "ghost", "١٢", "4e9"];

interface Draw {
  rng: Random;
  fixture: FuzzFixture;
  ghosts: { run: Set<string>; experiment: Set<string>; model: Set<string> };
}

function ghostReference(d: Draw, kind: "run" | "experiment" | "model"): Value {
  const { rng } = d;
  let id: string;
  if (kind === "run") id = rng.chance(0.8) ? rng.hex(32) : `ghost-${rng.pick([rng.hex(31), rng.hex(33), unicodeString(rng), rng.hex(32).toUpperCase(), overLongString(rng)])}`;
  else if (kind === "experiment") {
    const choice = rng.pick(GHOST_EXPERIMENT_IDS);
    d.ghosts.experiment.add(choice);
    if (choice === "987654321" && rng.chance(0.3)) return 987654321;
    return choice;
  } else id = `ghost-${rng.chance(0.7) ? rng.word() : nastyString(rng)}`;
  d.ghosts[kind].add(id);
  return id;
}

function fixtureReference(d: Draw, kind: "run" | "experiment" | "model"): Value {
  return kind === "run" ? d.fixture.runId : kind === "experiment" ? d.fixture.experimentId : d.fixture.modelName;
}

/** A plausible value for a field, by its name (the wire names of service.proto). */
function plausible(d: Draw, endpoint: EndpointName, field: string, workspace: Workspace): Value {
  const { rng } = d;
  const kind = referenceKind(endpoint, field);
  if (kind) return rng.chance(0.7) || workspace === "unknown" ? ghostReference(d, kind) : fixtureReference(d, kind);
  const key = () => rng.pick(["loss", "alpha", "mlflow.runName", "team", rng.word()]);
  switch (field) {
    case "value":
      return endpoint === "logMetric" ? rng.chance(0.8) ? rng.next() * 10 : rng.pick(SPECIAL_DOUBLE_STRINGS) : rng.word();
    case "timestamp":
    case "start_time":
    case "end_time":
      return 1_700_000_000_000 + rng.int(0, 1e6);
    case "step":
    case "max_results":
      return rng.int(0, 100);
    case "filter":
      return filterClause(rng);
    case "order_by":
      return Array.from({ length: rng.int(0, 3) }, () => orderByClause(rng));
    case "view_type":
    case "run_view_type":
      return rng.pick(["ACTIVE_ONLY", "DELETED_ONLY", "ALL", 1, 2, 3]);
    case "experiment_ids":
      return Array.from({ length: rng.int(0, 4) }, () => rng.pick([d.fixture.experimentId, "0", ...GHOST_EXPERIMENT_IDS]));
    case "metrics":
      return Array.from({ length: rng.int(0, 5) }, () => ({ key: key(), value: rng.next(), timestamp: 1_700_000_000_000, step: rng.int(0, 9) }));
    case "params":
    case "tags":
      return Array.from({ length: rng.int(0, 4) }, () => ({ key: key(), value: rng.word() }));
    case "datasets":
      return [{ dataset: { name: rng.word(), digest: rng.hex(8), source_type: "local", source: rng.word() }, tags: [{ key: "mlflow.data.context", value: "train" }] }];
    case "status":
      return rng.pick(["RUNNING", "FINISHED", "FAILED", "KILLED", "SCHEDULED", 3]);
    case "stages":
      return Array.from({ length: rng.int(0, 3) }, () => rng.pick(["None", "Staging", "Production", "Archived", "staging"]));
    case "stage":
      return rng.pick(["None", "Staging", "Production", "Archived"]);
    case "archive_existing_versions":
      return rng.pick([true, false, "true", "False"]);
    case "version":
      return rng.pick([d.fixture.modelVersion, "2", 1, "999"]);
    case "alias":
      return rng.pick([d.fixture.alias, rng.word()]);
    case "metric_key":
    case "key":
      return key();
    case "page_token":
      return rng.pick(["", "eyJvZmZzZXQiOiAxMH0=", "not-a-token", Buffer.from(`{"offset": ${rng.pick(EXTREME_NUMBERS)}}`).toString("base64")]);
    case "path":
      return rng.pick(["", "dir", "../x", "/abs", "a\\b", rng.word()]);
    case "source":
      return `runs:/${rng.hex(32)}/model`;
    default:
      return rng.word();
  }
}

/** One awkward change to a body (never to a reference: those are drawn by `plausible`). */
function mutate(d: Draw, endpoint: EndpointName, body: Record<string, Value>, fields: readonly string[]): void {
  const { rng } = d;
  const candidates = fields.filter((f) => !referenceKind(endpoint, f));
  const field = candidates.length > 0 && rng.chance(0.9) ? rng.pick(candidates) : `unknown_${rng.word(1, 6)}`;
  const current = body[field];
  rng.weighted<() => void>([
    [3, () => (body[field] = rng.pick<Value>([{ nested: { deep: [1] } }, [], [null], true, 1.5, "text", 0]))],
    [2, () => delete body[field]],
    [2, () => (body[field] = new RawJson(rng.pick(EXTREME_NUMBERS)))],
    [1, () => (body[field] = rng.pick(SPECIAL_DOUBLE_STRINGS))],
    [2, () => (body[field] = unicodeString(rng))],
    [2, () => (body[field] = overLongString(rng))],
    [1, () => (body[field] = null)],
    [1, () => (body[field] = nastyString(rng))],
    [
      2,
      () => {
        // Lists just over and far over MLflow's limits (1000 metrics, 100 params, 100 tags …).
        if (!Array.isArray(current) || current.length === 0) return void (body[field] = [current ?? "x"]);
        const length = rng.pick([101, 1001, 2000]);
        body[field] = Array.from({ length }, (_, i) => {
          const item = current[i % current.length]!;
          return item !== null && typeof item === "object" && !Array.isArray(item) && !(item instanceof RawJson) ? { ...item, step: i } : item;
        });
      },
    ],
    [
      2,
      () => {
        // Inside a list item: a nested field of the wrong type or an extreme value.
        if (!Array.isArray(current) || current.length === 0) return;
        const item = current[0];
        if (item === null || typeof item !== "object" || Array.isArray(item) || item instanceof RawJson) return;
        const inner = rng.pick(Object.keys(item));
        const copy: Record<string, Value> = { ...item };
        copy[inner] = rng.pick<Value>([null, {}, new RawJson(rng.pick(EXTREME_NUMBERS)), rng.pick(SPECIAL_DOUBLE_STRINGS), overLongString(rng), unicodeString(rng)]);
        body[field] = [copy, ...current.slice(1)];
      },
    ],
  ])();
}

/** encodeURIComponent, with lone surrogates (which it refuses) sent as U+FFFD. */
function enc(text: string): string {
  return encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd"));
}

function pathSegment(rng: Random, text: string): string {
  return rng.chance(0.8) ? enc(text) : enc(text).replaceAll("%2F", "/");
}

function queryOf(rng: Random, body: Record<string, Value>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      const text = item instanceof RawJson ? item.text : typeof item === "string" ? item : JSON.stringify(item);
      parts.push(`${enc(key)}=${enc(text)}`);
    }
  }
  if (rng.chance(0.05)) parts.push(rng.pick(["&", "=", "a", "=x", "max_results", "filter="]));
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

function workspaceOf(rng: Random): Workspace {
  return rng.weighted<Workspace>([[6, "fixture"], [3, "default"], [1, "unknown"]]);
}

function unknownWorkspaceId(rng: Random): string {
  return rng.pick([
    Array.from({ length: 22 }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[rng.int(0, 63)]).join(""),
    `ghost-${rng.word()}`,
    enc(unicodeString(rng)),
    "x".repeat(rng.pick([23, 300, 5000])),
  ]);
}

function prefixOf(d: Draw, workspace: Workspace): string {
  if (workspace === "default") return "";
  if (workspace === "fixture") return `/w/${d.fixture.workspaceId}`;
  return `/w/${unknownWorkspaceId(d.rng)}`;
}

const CONTENT_TYPES = [
  "application/json",
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=fuzz",
  "application/json; charset=latin1",
  "",
];

function headersOf(rng: Random, hasBody: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  if (hasBody) {
    const type = rng.pick(CONTENT_TYPES);
    if (type) headers["Content-Type"] = type;
  }
  if (rng.chance(0.1)) headers.Origin = rng.pick(["https://evil.example", "null", "http://127.0.0.1"]);
  if (rng.chance(0.05)) headers.Accept = rng.pick(["text/html", "*/*", "application/xml"]);
  return headers;
}

/** Texts that never parse into a JSON object, whatever they are sent to. */
function malformedJson(d: Draw, valid: string): string {
  const { rng } = d;
  return rng.pick<() => string>([
    () => valid.slice(0, Math.max(1, rng.int(1, valid.length - 1))),
    () => `${valid}}`,
    () => valid.replace(/"/g, "'"),
    () => `{"a": NaN}`,
    () => `{"a": Infinity, "b": -Infinity}`,
    () => `{"a": 01}`,
    () => `{"a": 1,}`,
    () => `{/* comment */ "a": 1}`,
    () => `[${valid}]`,
    () => "null",
    () => "42",
    () => "true",
    () => JSON.stringify("not json inside a string"),
    () => JSON.stringify(JSON.stringify([1, 2])),
    () => `\ufeff{`,
    () => "[".repeat(rng.pick([1000, 100_000])),
    () => `{"a":${"[".repeat(rng.pick([1000, 50_000]))}${"]".repeat(rng.pick([1000, 50_000]))}}`.replace(/^/, "["),
    () => "\u0000",
    () => `{"a": "\\ud800\\x"}`,
    () => `{"${"k".repeat(10)}": "unterminated`,
  ])();
}

/** The text a write must carry when everything else could be accepted: always BAD_REQUEST. */
const REFUSED_BODY = `{"fuzz":`;

/**
 * Whether the server stops this request before the endpoint's handler: it reads the body with the
 * server's own `readJsonBody` (DELETE falls back to the query string, as the dispatcher does) and
 * validates it with the endpoint's own schema.
 */
export async function refusedBeforeHandler(
  contract: EndpointContract,
  method: string,
  path: string,
  body: Uint8Array | undefined,
): Promise<{ refused: true } | { refused: false; data: Record<string, unknown> }> {
  let raw: Record<string, unknown>;
  const query = () => queryToObject(new URL(path, "http://x").searchParams, contract.request);
  if (method === "GET") raw = query();
  else {
    try {
      raw = await readJsonBody(new Request("http://x/", { method: "POST", body: new Uint8Array(body ?? []) }));
    } catch {
      return { refused: true };
    }
    if (method === "DELETE" && Object.keys(raw).length === 0) raw = query();
  }
  const parsed = contract.request.safeParse(raw);
  return parsed.success ? { refused: false, data: parsed.data as Record<string, unknown> } : { refused: true };
}

/** A write that reaches its handler must name only ghosts (and a create must name a ghost experiment). */
function onlyGhosts(d: Draw, endpoint: EndpointName, data: Record<string, unknown>): boolean {
  if (CREATES_FROM_NOTHING.has(endpoint)) return false;
  if (endpoint === "createRun" && data.experiment_id === undefined) return false;
  for (const [field, value] of Object.entries(data)) {
    const kind = referenceKind(endpoint, field);
    if (!kind || value === undefined) continue;
    if (typeof value !== "string" || !d.ghosts[kind].has(value)) return false;
  }
  return true;
}

async function mlflowRequest(d: Draw, index: number, family: string, workspace: Workspace): Promise<FuzzRequest> {
  const { rng } = d;
  const [endpoint, contract] = family === "runs-search/many-experiment-ids" ? ENDPOINTS.find(([n]) => n === "searchRuns")! : rng.pick(ENDPOINTS);
  const fields = Object.keys(fieldsOf(contract));
  const body: Record<string, Value> = {};
  for (const field of fields) if (rng.chance(0.85) || referenceKind(endpoint, field)) body[field] = plausible(d, endpoint, field, workspace);
  if (family === "runs-search/many-experiment-ids") {
    // Nothing else that could be refused first: the long list must reach the query.
    for (const field of Object.keys(body)) delete body[field];
    body.experiment_ids = Array.from({ length: rng.int(900, 2000) }, (_, i) => String(i));
  } else if (family !== "mlflow/plausible") {
    for (let i = rng.int(1, 3); i > 0; i -= 1) mutate(d, endpoint, body, fields);
  }
  if (family === "mlflow/read-or-write") family = READS.has(endpoint) ? "mlflow/read" : "mlflow/write";
  const prefix = prefixOf(d, workspace);
  let method: string = rng.pick(contract.methods);
  if (family === "mlflow/wrong-method") {
    const allowed = new Set(ENDPOINTS.filter(([, c]) => c.path === contract.path).flatMap(([, c]) => c.methods));
    method = rng.pick(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "TRACE", "PROPFIND"].filter((m) => !allowed.has(m as never)));
  }
  let endpointPath = contract.path;
  if (family === "mlflow/unknown-path") {
    endpointPath = rng.pick([
      `${contract.path}/${rng.word()}`,
      `${contract.path}x`,
      contract.path.toUpperCase(),
      `${rng.word()}/${rng.word()}`,
      "",
      "x/".repeat(rng.pick([10, 500])),
      enc(unicodeString(rng)),
      `${contract.path.split("/")[0]}`,
      overLongString(rng).slice(0, 5000).replaceAll("/", "x"),
    ]);
    endpointPath = endpointPath.split("/").map((s) => enc(decodeURIComponentSafe(s))).join("/");
  }
  const sendsQuery = method === "GET" || (method === "DELETE" && rng.chance(0.3));
  let path = `${prefix}/api/2.0/mlflow/${endpointPath}${sendsQuery ? queryOf(rng, body) : ""}`;
  const jsonText = toJsonText(body);
  let text: string | undefined = method === "GET" || method === "HEAD" ? (rng.chance(0.05) ? jsonText : undefined) : jsonText;
  if (family === "mlflow/malformed-json" && method !== "GET" && method !== "HEAD") text = malformedJson(d, jsonText);
  if (family === "huge-body") text = toJsonText({ ...body, padding: "x".repeat(rng.int(1_100_000, 2_500_000)) });
  if (method === "DELETE" && text === "{}" && rng.chance(0.5)) text = "";
  // A path no endpoint has: whatever it turns into on the way, its body never parses.
  if (family === "mlflow/unknown-path" && method !== "GET") text = REFUSED_BODY;
  if (method === "HEAD" || method === "TRACE") text = undefined;
  let bytes: Uint8Array | undefined = text === undefined ? undefined : encoder.encode(text);
  if (bytes && family === "mlflow/invalid-utf8") bytes = withInvalidUtf8(rng, bytes);

  // The gate: a write that an existing workspace could store is sent refused instead.
  if (family !== "mlflow/wrong-method" && workspace !== "unknown" && !READS.has(endpoint)) {
    const verdict = await refusedBeforeHandler(contract, method, path, bytes);
    if (!verdict.refused && !onlyGhosts(d, endpoint, verdict.data)) {
      // Cut the last character: a strict prefix of a JSON object (or string) never parses, and
      // the server still has to read the rest of the body, however large.
      if (method === "DELETE") path = path.split("?")[0]!;
      const cut = bytes ? bytes.subarray(0, Math.max(0, trimmedLength(bytes) - 1)) : undefined;
      bytes = cut && cut.length > 0 && (await refusedBeforeHandler(contract, method, path, cut)).refused ? cut : encoder.encode(REFUSED_BODY);
      family = `${family}+refused`;
    }
  }
  return { index, family, method, path, headers: headersOf(rng, bytes !== undefined), body: bytes, endpoint };
}

/** The length without trailing JSON whitespace. */
function trimmedLength(bytes: Uint8Array): number {
  let end = bytes.length;
  while (end > 0 && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[end - 1]!)) end -= 1;
  return end;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Bytes that are not UTF-8 inside a string (the server decodes them as U+FFFD). */
function withInvalidUtf8(rng: Random, bytes: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const at = text.indexOf(':"');
  if (at < 0) return bytes;
  const head = encoder.encode(text.slice(0, at + 2));
  const junk = Uint8Array.from(rng.pick([[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82]]));
  const tail = encoder.encode(text.slice(at + 2));
  const out = new Uint8Array(head.length + junk.length + tail.length);
  out.set(head);
  out.set(junk, head.length);
  out.set(tail, head.length + junk.length);
  return out;
}

/** Percent-encodings a URL parser or `decodeURIComponent` chokes on, or decodes into something odd. */
const BAD_ESCAPES = ["%zz", "%", "%%", "%2", "%e9", "%c3%28", "%ff%fe", "%ed%a0%80", "%00", "%2F", "%5C", "%u0041", "%%41", "%C0%AF"];

function percentEncodingRequest(d: Draw, index: number): FuzzRequest {
  const { rng } = d;
  const escape = rng.pick(BAD_ESCAPES);
  const workspace = workspaceOf(rng);
  const [, contract] = rng.pick(ENDPOINTS);
  const segments = contract.path.split("/");
  const where = rng.int(0, segments.length - 1);
  segments[where] = rng.pick([`${segments[where]}${escape}`, escape, `${escape}${segments[where]}`]);
  const target = rng.weighted<() => { path: string; methods: string[] }>([
    [4, () => ({ path: `${prefixOf(d, workspace)}/api/2.0/mlflow/${segments.join("/")}`, methods: ["GET", "POST", "DELETE", "PATCH"] })],
    [1, () => ({ path: `/w/${escape}${rng.word()}/api/2.0/mlflow/${contract.path}`, methods: ["GET", "POST"] })],
    // Artifact routes: reads and wrong methods only, and DELETE under a ghost folder (once the
    // escapes are accepted as literal names, a PUT there would write a file).
    [2, () => ({ path: `${prefixOf(d, workspace)}/api/2.0/mlflow-artifacts/artifacts/ghost-${rng.word()}/${escape}${rng.word()}`, methods: ["GET", "DELETE", "POST"] })],
    [1, () => ({ path: `${prefixOf(d, workspace)}/api/2.0/mlflow-artifacts/artifacts?path=${escape}`, methods: ["GET"] })],
    [1, () => ({ path: `/api/2.0/mlflow/experiments/get?experiment_id=${escape}`, methods: ["GET"] })],
    [1, () => ({ path: `/cours/${escape}`, methods: ["GET"] })],
    [1, () => ({ path: `/api/cuvee/blocs/${escape}/check`, methods: ["POST"] })],
    [1, () => ({ path: `/reprendre/${escape}`, methods: ["GET"] })],
  ])();
  const method = rng.pick(target.methods);
  // Whatever route the path might decode to, a body that never parses keeps it from writing.
  const body = method === "GET" ? undefined : encoder.encode(REFUSED_BODY);
  return { index, family: "percent-encoding", method, path: target.path, headers: headersOf(rng, body !== undefined), body };
}

function artifactRequest(d: Draw, index: number): FuzzRequest {
  const { rng, fixture } = d;
  const workspace = workspaceOf(rng);
  const prefix = `${prefixOf(d, workspace)}/api/2.0/mlflow-artifacts/artifacts`;
  const segments = (p: string) => p.split("/").map((s) => enc(s)).join("/");
  const longName = () => "n".repeat(rng.pick([256, 300, 1000, 5000]));
  const ghostPath = () => `ghost-${rng.word()}/${pathSegment(rng, nastyString(rng).replaceAll(".", "·"))}`;
  const existing = workspace === "fixture";
  const kind = rng.weighted<string>([
    [3, "get"],
    [2, "list"],
    [2, "put-refused-path"],
    [existing ? 2 : 0, "put-conflict"],
    [2, "name-too-long"],
    [2, "delete-ghost"],
    [1, "wrong-method"],
  ]);
  const payload = () => encoder.encode(rng.chance(0.9) ? "fuzz" : "x".repeat(rng.int(1, 2_000_000)));
  switch (kind) {
    case "get":
      return {
        index, family: "artifacts/get", method: "GET", headers: headersOf(rng, false),
        path: `${prefix}/${rng.pick([segments(fixture.artifactFile), segments(fixture.artifactDir), ghostPath(), "..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "a%5Cb", "C%3A%2Fx", "x%00y", `${segments(fixture.artifactDir)}/../../x`])}`,
      };
    case "list":
      return {
        index, family: "artifacts/list", method: "GET", headers: headersOf(rng, false),
        path: `${prefix}${rng.pick(["", `?path=${enc(fixture.artifactDir)}`, `?path=${enc(rng.pick(["..", "/etc", "a\\b", "C:/x", "\u0000", nastyString(rng)]))}`, `?path=${enc(fixture.artifactFile)}`])}`,
      };
    case "put-refused-path":
      // Refused by the path rules, wherever it lands: backslash, drive letter, control character,
      // absolute or '..' inside one URL segment (%2F), which no URL parser resolves.
      return {
        index, family: "artifacts/put-refused-path", method: "PUT", headers: headersOf(rng, true), body: payload(),
        path: `${prefix}/${rng.pick(["a%5Cb", "C%3A%2Fx", "x%01y", "%2Fabs%2Fx", "ghost%2F..%2F..%2Fescape", "..%2Fescape", `${rng.word()}%0Ax`])}`,
      };
    case "put-conflict":
      // Cannot complete: the target is a folder (rename fails), or a file is asked to be a folder (mkdir fails).
      return {
        index, family: "artifacts/put-conflict", method: "PUT", headers: headersOf(rng, true), body: payload(),
        path: `${prefix}/${rng.pick([segments(fixture.artifactDir), `${segments(fixture.artifactFile)}/child`, `${segments(fixture.artifactFile)}/a/b`])}`,
      };
    case "name-too-long": {
      // Over NAME_MAX (255 bytes). A PUT only where every folder before the long name exists (the
      // fixture's): `mkdir -p` would otherwise create the missing ones before failing.
      const method = rng.pick(existing ? ["PUT", "GET", "DELETE"] : ["GET", "DELETE"]);
      const put = method === "PUT";
      const path = put
        ? rng.pick([`${segments(fixture.artifactDir)}/${longName()}`, `${longName()}/x`])
        : `${rng.pick([segments(fixture.artifactDir), `ghost-${rng.word()}`])}/${longName()}`;
      const body = put ? payload() : undefined;
      return rng.chance(0.8) || put
        ? { index, family: "artifacts/name-too-long", method, headers: headersOf(rng, body !== undefined), body, path: `${prefix}/${path}` }
        : { index, family: "artifacts/name-too-long", method: "GET", headers: headersOf(rng, false), path: `${prefix}?path=${path}` };
    }
    case "delete-ghost":
      return { index, family: "artifacts/delete-ghost", method: "DELETE", headers: headersOf(rng, false), path: `${prefix}/${ghostPath()}` };
    default:
      return {
        index, family: "artifacts/wrong-method", method: rng.pick(["POST", "PATCH", "PROPFIND", "PUT"]), headers: headersOf(rng, true),
        body: payload(), path: rng.pick([prefix, `${prefixOf(d, workspace)}/api/2.0/mlflow-artifacts/${rng.word()}`, `${prefixOf(d, workspace)}/api/2.0/mlflow-artifacts`]),
      };
  }
}

async function cuveeRequest(d: Draw, index: number): Promise<FuzzRequest> {
  const { rng, fixture } = d;
  const cookie = (): Record<string, string> =>
    rng.weighted<Record<string, string>>([
      [3, { Cookie: `${WORKSPACE_COOKIE}=${fixture.workspaceId}` }],
      [1, {}],
      [1, { Cookie: `${WORKSPACE_COOKIE}=${unknownWorkspaceId(rng)}` }],
      [1, { Cookie: `${WORKSPACE_COOKIE}=; other=${rng.word()}` }],
    ]);
  const kind = rng.pick(["health", "session", "session-wrong-method", "check", "resume"]);
  if (kind === "health") return { index, family: "cuvee/health", method: rng.pick(["GET", "GET", "POST"]), path: "/api/cuvee/health", headers: {} };
  if (kind === "session") {
    // Only with the fixture's cookie: without a known workspace, the session route creates one.
    const next = rng.pick(["/cours", "//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)", enc(nastyString(rng)), "%zz"]);
    return { index, family: "cuvee/session", method: "GET", path: `/api/cuvee/session?next=${next}`, headers: { Cookie: `${WORKSPACE_COOKIE}=${fixture.workspaceId}` } };
  }
  if (kind === "session-wrong-method") {
    return { index, family: "cuvee/session-wrong-method", method: rng.pick(["POST", "PUT", "DELETE"]), path: "/api/cuvee/session", headers: cookie(), body: encoder.encode("{}") };
  }
  if (kind === "resume") {
    return { index, family: "cuvee/resume", method: "GET", path: `/reprendre/${rng.pick([unknownWorkspaceId(rng), fixture.workspaceId])}`, headers: {} };
  }
  const bloc = rng.pick(["1", "01", "99", "0", "-1", "1.5", "abc", "123", enc(unicodeString(rng)), "9".repeat(400)]);
  const headers: Record<string, string> = { ...cookie(), "Content-Type": "application/json" };
  const valid = { output: rng.chance(0.5) ? rng.word() : overLongString(rng), code: { "main.ts": rng.word() }, runIds: [rng.hex(32)] };
  let text = rng.pick<() => string>([
    () => JSON.stringify(valid),
    () => JSON.stringify({ ...valid, output: 42 }),
    () => JSON.stringify({ ...valid, code: [1] }),
    () => JSON.stringify({ ...valid, runIds: Array.from({ length: 10_001 }, () => "r") }),
    () => malformedJson(d, JSON.stringify(valid)),
    () => "",
  ])();
  // A check that could pass would record progress: with the fixture's cookie and a real bloc, only refused bodies.
  let parsedOk = false;
  try {
    parsedOk = checkRequestSchema.safeParse(JSON.parse(text)).success;
  } catch {
    parsedOk = false;
  }
  if (parsedOk && headers.Cookie === `${WORKSPACE_COOKIE}=${fixture.workspaceId}` && /^\d{1,2}$/.test(bloc)) text = REFUSED_BODY;
  return { index, family: "cuvee/check", method: "POST", path: `/api/cuvee/blocs/${bloc}/check`, headers, body: encoder.encode(text) };
}

function pageRequest(d: Draw, index: number): FuzzRequest {
  const { rng, fixture } = d;
  const path = rng.pick([
    `/cours/${rng.pick(["01-premier-run", "99-nope", "0", enc(unicodeString(rng)), "x".repeat(300)])}`,
    `/suivi/experiences/${rng.pick([fixture.experimentId, "987654321", "abc", "-1", "1e999"])}`,
    `/suivi/runs/${rng.pick([fixture.runId, rng.hex(32), "x", enc(nastyString(rng).slice(0, 200))])}`,
    `/suivi/comparer?runs=${rng.pick([fixture.runId, `${fixture.runId},${rng.hex(32)}`, "", enc(nastyString(rng).slice(0, 200))])}`,
    `/suivi/modeles/${enc(rng.pick([fixture.modelName, `ghost-${rng.word()}`, nastyString(rng).slice(0, 200)]))}`,
    "/suivi",
    `/${rng.word()}`,
  ]);
  const headers: Record<string, string> = rng.chance(0.8) ? { Cookie: `${WORKSPACE_COOKIE}=${fixture.workspaceId}` } : {};
  return { index, family: "pages", method: rng.pick(["GET", "GET", "GET", "POST"]), path, headers };
}

/**
 * Request `index` of seed `seed` against the fixture. Families are weighted towards the MLflow
 * API (most of the surface); each has at least a few percent of any run.
 */
export async function fuzzRequest(seed: number, index: number, fixture: FuzzFixture): Promise<FuzzRequest> {
  const rng = seededRandom(streamSeed(seed, index));
  const d: Draw = { rng, fixture, ghosts: { run: new Set(), experiment: new Set(), model: new Set() } };
  const family = rng.weighted<string>([
    [22, "mlflow/read-or-write"],
    [6, "mlflow/plausible"],
    [6, "mlflow/wrong-method"],
    [8, "mlflow/malformed-json"],
    [3, "mlflow/invalid-utf8"],
    [4, "mlflow/unknown-path"],
    [5, "workspace/unknown"],
    [6, "percent-encoding"],
    [14, "artifacts"],
    [1, "runs-search/many-experiment-ids"],
    [4, "cuvee"],
    [2, "pages"],
    [1, "huge-body"],
  ]);
  switch (family) {
    case "percent-encoding":
      return percentEncodingRequest(d, index);
    case "artifacts":
      return artifactRequest(d, index);
    case "cuvee":
      return cuveeRequest(d, index);
    case "pages":
      return pageRequest(d, index);
    case "workspace/unknown":
      return mlflowRequest(d, index, family, "unknown");
    case "runs-search/many-experiment-ids":
      return mlflowRequest(d, index, family, rng.pick(["fixture", "default"]));
    default: {
      const workspace = workspaceOf(rng);
      return mlflowRequest(d, index, family, workspace === "unknown" ? "fixture" : workspace);
    }
  }
}
