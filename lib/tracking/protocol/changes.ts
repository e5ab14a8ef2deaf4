/**
 * Cuvée's own change feed (not MLflow's): what `GET /api/cuvee/changes` streams as Server-Sent
 * Events about the visitor's workspace, so that pages refetch only what a write changed instead
 * of polling. The server builds these events and the browser parses them with the same schemas.
 */
import { z } from "zod";

/** The feed's URL, same origin as the pages; the workspace is the visitor's (cookie). */
export const WORKSPACE_CHANGES_PATH = "/api/cuvee/changes";

/** The query parameter a new stream gives its last cursor in (a closed EventSource cannot send `Last-Event-ID`). */
export const CHANGES_SINCE_PARAM = "since";

/**
 * A position in a workspace's feed, `<epoch>.<n>`: `n` grows by one per write; the epoch names
 * the server process that counted, so that a cursor from before a restart is never mistaken
 * for a current one.
 */
export const ChangeCursorSchema = z.string().regex(/^[0-9a-z]+\.\d+$/);
export type ChangeCursor = z.infer<typeof ChangeCursorSchema>;

/** What one successful write changed: each reader refetches only the parts it shows. */
export const ChangeScopeSchema = z.object({
  /** The list of experiments (created, renamed, deleted, restored, tagged). */
  experiments: z.boolean(),
  /** Experiments some of whose runs changed (a run created in them, an artifact stored under them). */
  runsOf: z.array(z.string()),
  /**
   * Runs that changed (metrics, params, tags, status, deleted). With `runsOf` empty, the write
   * named the run and not its experiment, and the server does not read the database to find it:
   * a reader that shows the run knows its experiment. Otherwise they belong to `runsOf`.
   */
  runs: z.array(z.string()),
  /** The registry: registered models, their versions, stages, aliases, tags. */
  models: z.boolean(),
});
export type ChangeScope = z.infer<typeof ChangeScopeSchema>;

/** `event: change`: one write, at `cursor` (also the event's id). */
export const ChangeEventSchema = ChangeScopeSchema.extend({ cursor: ChangeCursorSchema });
export type ChangeEvent = z.infer<typeof ChangeEventSchema>;

/**
 * `event: ready`, the first event of every stream: the current cursor, and whether the reader
 * must fetch everything (a first connection, or a reconnection that missed writes: its
 * `Last-Event-ID` or `since` is not the current cursor).
 */
export const ReadyEventSchema = z.object({ cursor: ChangeCursorSchema, refetch: z.boolean() });
export type ReadyEvent = z.infer<typeof ReadyEventSchema>;
