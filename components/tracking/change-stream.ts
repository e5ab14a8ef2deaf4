/**
 * Follows the visitor's workspace's change feed (`/api/cuvee/changes`, Server-Sent Events) while
 * the tab is visible: the stream is closed when the tab is hidden (a hidden tab costs nothing)
 * and reopened with the last cursor seen when it shows again, the server then saying whether
 * writes were missed. EventSource reconnects by itself after a network failure; after a refusal
 * (an error status: too many streams, a restarting proxy) it gives up, so the stream is reopened
 * here, later and later.
 */
import {
  CHANGES_SINCE_PARAM,
  ChangeEventSchema,
  ReadyEventSchema,
  WORKSPACE_CHANGES_PATH,
  type ChangeEvent,
  type ReadyEvent,
} from "@/lib/tracking/protocol/changes";

export interface ChangeStreamHandlers {
  /** The stream is open: `refetch` says whether writes happened since the last cursor (always, the first time). */
  onReady(event: ReadyEvent): void;
  onChange(event: ChangeEvent): void;
  /** `true` once the stream has failed twice in a row (it keeps trying), `false` when it is back. */
  onTrouble(failing: boolean): void;
}

/** Failures in a row before the page says so: one is a reconnection, often silent. */
const FAILURES_BEFORE_TROUBLE = 2;
const FIRST_REOPEN_DELAY_MS = 2_000;
const MAX_REOPEN_DELAY_MS = 30_000;

/** Starts following; returns the function that stops. */
export function followWorkspaceChanges(handlers: ChangeStreamHandlers): () => void {
  let source: EventSource | null = null;
  let reopenTimer: ReturnType<typeof setTimeout> | undefined;
  let lastCursor: string | null = null;
  let failures = 0;

  const parsed = <T>(schema: { safeParse(data: unknown): { success: true; data: T } | { success: false } }, message: MessageEvent): T | null => {
    try {
      const result = schema.safeParse(JSON.parse(String(message.data)));
      if (result.success) return result.data;
    } catch {
      // Not JSON: reported below like any malformed event.
    }
    console.warn("[suivi] malformed change event ignored", message.data);
    return null;
  };

  const close = () => {
    clearTimeout(reopenTimer);
    source?.close();
    source = null;
  };

  const open = () => {
    close();
    const url = lastCursor === null ? WORKSPACE_CHANGES_PATH : `${WORKSPACE_CHANGES_PATH}?${CHANGES_SINCE_PARAM}=${encodeURIComponent(lastCursor)}`;
    const opened = new EventSource(url);
    source = opened;
    opened.addEventListener("ready", (message) => {
      const ready = parsed(ReadyEventSchema, message);
      if (!ready) return;
      lastCursor = ready.cursor;
      if (failures >= FAILURES_BEFORE_TROUBLE) handlers.onTrouble(false);
      failures = 0;
      handlers.onReady(ready);
    });
    opened.addEventListener("change", (message) => {
      const change = parsed(ChangeEventSchema, message);
      if (!change) return;
      lastCursor = change.cursor;
      handlers.onChange(change);
    });
    opened.addEventListener("error", () => {
      failures += 1;
      if (failures === FAILURES_BEFORE_TROUBLE) handlers.onTrouble(true);
      if (opened.readyState !== EventSource.CLOSED || source !== opened) return;
      const delay = Math.min(MAX_REOPEN_DELAY_MS, FIRST_REOPEN_DELAY_MS * 2 ** Math.min(failures - 1, 8));
      reopenTimer = setTimeout(open, delay);
    });
  };

  const onVisibility = () => (document.visibilityState === "visible" ? open() : close());
  document.addEventListener("visibilitychange", onVisibility);
  if (document.visibilityState === "visible") open();
  return () => {
    document.removeEventListener("visibilitychange", onVisibility);
    close();
  };
}
