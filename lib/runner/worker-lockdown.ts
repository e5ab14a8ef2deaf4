/**
 * Takes away, inside the sandbox worker, what learner code has no use for and could misuse.
 * A worker already has no DOM, no `document.cookie` (the workspace cookie is httpOnly anyway)
 * and no `localStorage`; what remains reachable are same-origin stores and extra ways to load
 * code or open connections (a nested `Worker` would come with an unrestricted `fetch`). `fetch`
 * stays, limited to the tracking URI (sandbox-network.ts): the SDK uses it. Cheap, not a
 * security boundary against a determined author: the boundaries are the worker itself
 * (terminated at the time limit) and the sandbox frame's opaque origin and CSP (decision 010).
 */
const REMOVED = ["importScripts", "indexedDB", "caches", "XMLHttpRequest", "WebSocket", "EventSource", "BroadcastChannel", "Worker", "SharedWorker"] as const;

export function lockDownWorkerScope(scope: object): void {
  for (const name of REMOVED) {
    const refuse = () => {
      throw new Error(`${name} n'est pas disponible dans le bac à sable d'exécution.`);
    };
    Object.defineProperty(scope, name, { configurable: false, enumerable: false, get: refuse, set: refuse });
  }
}

export const LOCKED_DOWN_GLOBALS = REMOVED;
