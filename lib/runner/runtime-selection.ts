import type { WebContainerSupport } from "./webcontainer-support";

/**
 * Which runtime runs the next execution, and why, in the learner's words. Pure: the runner
 * hook feeds it the learner's preference, what the page supports and where the WebContainer's
 * boot stands, and shows the reason beside the Run button.
 */
export type RuntimePreference = "auto" | "worker" | "webcontainer";
export type RuntimeKind = "worker" | "webcontainer";
export type BootState = "not-started" | "booting" | "ready" | "timed-out" | "failed";

/**
 * How long a WebContainer's `boot()` may take before the page gives up on it for good (offline
 * it never settles) and runs fall back to the worker: read by `WebContainerRunner`, the runtime
 * store and the end-to-end test of the fallback.
 */
export const WEBCONTAINER_BOOT_TIMEOUT_MS = 8_000;

export const RUNTIME_LABELS: Record<RuntimeKind, string> = {
  worker: "bac à sable du navigateur (Web Worker)",
  webcontainer: "Node.js dans le navigateur (WebContainer)",
};

export const PREFERENCE_LABELS: Record<RuntimePreference, string> = {
  auto: "Automatique",
  webcontainer: "WebContainer (Node.js)",
  worker: "Bac à sable du navigateur",
};

const UNSUPPORTED: Record<Exclude<WebContainerSupport, { supported: true }>["reason"], string> = {
  "not-a-browser": "WebContainer indisponible hors d'un navigateur",
  "not-isolated": "WebContainer indisponible : cette page n'est pas isolée (en-têtes COOP/COEP absents)",
  "no-shared-array-buffer": "WebContainer indisponible : ce navigateur ne fournit pas SharedArrayBuffer",
};

export type RuntimeDecision =
  /** Run now in this runtime. */
  | { kind: RuntimeKind; reason: string }
  /** Wait for the WebContainer's boot (bounded by its timeout), then decide again. */
  | { kind: "wait-for-boot" };

export function decideRuntime(preference: RuntimePreference, support: WebContainerSupport, boot: BootState): RuntimeDecision {
  if (preference === "worker") return { kind: "worker", reason: "Vous avez choisi le bac à sable du navigateur." };
  if (!support.supported) return { kind: "worker", reason: `${UNSUPPORTED[support.reason]} : exécution dans le bac à sable du navigateur.` };
  switch (boot) {
    case "ready":
      return { kind: "webcontainer", reason: preference === "webcontainer" ? "Vous avez choisi le WebContainer." : "WebContainer disponible : votre code tourne dans Node.js." };
    case "timed-out":
      return { kind: "worker", reason: "WebContainer indisponible hors ligne : exécution dans le bac à sable du navigateur." };
    case "failed":
      return { kind: "worker", reason: "WebContainer n'a pas pu démarrer : exécution dans le bac à sable du navigateur." };
    case "not-started":
    case "booting":
      // Automatic mode never makes a run wait: the boot goes on in the background.
      if (preference === "auto") return { kind: "worker", reason: "WebContainer en cours de démarrage : cette exécution passe par le bac à sable du navigateur." };
      return { kind: "wait-for-boot" };
  }
}
