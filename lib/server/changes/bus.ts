/**
 * The per-workspace change feed's bus: every successful write of a workspace is published here
 * with a cursor that grows by one per write, and the open change streams of that workspace are
 * told. Nothing is stored: a reader that missed events learns it from the cursor and refetches.
 */
import type { ChangeCursor, ChangeEvent, ChangeScope } from "@/lib/tracking/protocol/changes";

export type ChangeListener = (event: ChangeEvent) => void;

export interface ChangeBus {
  /** Records one write of the workspace and tells its subscribers; returns the event with its new cursor. */
  publish(workspaceId: string, scope: ChangeScope): ChangeEvent;
  /** Listens to the workspace's writes until the returned function is called. */
  subscribe(workspaceId: string, listener: ChangeListener): () => void;
  /** The workspace's current cursor (a workspace never written since the process started has `<epoch>.0`). */
  cursor(workspaceId: string): ChangeCursor;
  /** Workspaces with at least one subscriber (a leak shows here). */
  readonly subscribedWorkspaces: number;
}

/**
 * The bus of one server process. Several instances behind a load balancer (issue #19) need a
 * shared implementation of `ChangeBus` instead, e.g. PostgreSQL's LISTEN/NOTIFY with the cursor
 * kept in a per-workspace sequence, since a write served by one instance must reach the streams
 * held by the others.
 */
export function createInProcessChangeBus(epoch: string = newEpoch()): ChangeBus {
  const counters = new Map<string, number>();
  const listeners = new Map<string, Set<ChangeListener>>();
  const cursorOf = (workspaceId: string) => `${epoch}.${counters.get(workspaceId) ?? 0}`;
  return {
    publish(workspaceId, scope) {
      counters.set(workspaceId, (counters.get(workspaceId) ?? 0) + 1);
      const event: ChangeEvent = { cursor: cursorOf(workspaceId), ...scope };
      for (const listener of listeners.get(workspaceId) ?? []) {
        try {
          listener(event);
        } catch (error) {
          // One broken stream must neither fail the write that published nor starve the others.
          console.error("[changes] a listener failed", error);
        }
      }
      return event;
    },
    subscribe(workspaceId, listener) {
      const set = listeners.get(workspaceId) ?? new Set();
      listeners.set(workspaceId, set.add(listener));
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(workspaceId) === set) listeners.delete(workspaceId);
      };
    },
    cursor: cursorOf,
    get subscribedWorkspaces() {
      return listeners.size;
    },
  };
}

/** A new name for this process's counting, base 36 of the start time and some randomness. */
function newEpoch(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
}

/**
 * Whether a reader that last saw `since` (absent: never) has missed writes: anything but the
 * current cursor, including a cursor of another epoch (the server restarted) or a malformed one.
 */
export function missedWrites(since: string | null | undefined, current: ChangeCursor): boolean {
  return since !== current;
}
