import type { FromFrame, ToFrame, ToWorkerFromFrame } from "./sandbox-frame-protocol";

/**
 * The sandbox frame's document and headers (served by app/bac-a-sable/route.ts). The frame is
 * what makes learner code cookie-less: the lesson page embeds it with `sandbox="allow-scripts"`
 * (and its CSP says `sandbox` too), so it runs on an opaque origin; the workers it starts from a
 * `blob:` URL share that origin, so nothing they request carries Cuvée's cookies. Its Content
 * Security Policy, which those workers inherit, lets them connect only to the workspace's
 * tracking URI and load no script from anywhere. See docs/decisions/010.
 */

export interface SandboxFrameOptions {
  /** The workspace's tracking URI, e.g. `http://localhost:3000/w/abc`: the one place learner code may reach. */
  trackingUri: string;
  /** A fresh random value per response, for the relay script. */
  nonce: string;
}

/**
 * A CSP source for everything under the tracking URI (a path ending in `/` matches as a prefix),
 * or undefined when the URI could break out of the header (it comes from Host headers).
 */
export function trackingSource(trackingUri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(trackingUri);
  } catch {
    return undefined;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  if (url.search || url.hash || url.username || url.password) return undefined;
  const source = `${url.origin}${url.pathname.replace(/\/+$/, "")}/`;
  return /^[^\s;,'"]+$/.test(source) ? source : undefined;
}

export function sandboxFrameCsp({ trackingUri, nonce }: SandboxFrameOptions): string {
  const source = trackingSource(trackingUri);
  const origin = source ? new URL(source).origin : "'none'";
  return [
    "default-src 'none'",
    // The relay below, and the learner's own modules (the module system evaluates them).
    `script-src 'nonce-${nonce}' 'unsafe-eval'`,
    "worker-src blob:",
    `connect-src ${source ?? "'none'"}`,
    `frame-ancestors ${origin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "sandbox allow-scripts",
  ].join("; ");
}

/**
 * Runs in the frame: keeps a `blob:` URL of the worker script the page sent, starts and
 * terminates workers on the page's word, hands each its channel to the page, and reports a
 * worker's load failure. Only the embedding page is listened to and answered. Written as a
 * function so the compiler checks it; it is inlined in the frame's document as source text, so it
 * refers to nothing outside itself.
 */
function relay(appOrigin: string): void {
  let scriptUrl: string | undefined;
  const waiting = new Map<number, MessagePort>();
  const workers = new Map<number, Worker>();
  const toPage = (message: FromFrame) => parent.postMessage(message, appOrigin);
  const start = (id: number, port: MessagePort) => {
    try {
      const worker = new Worker(scriptUrl!, { name: "cuvee-sandbox" });
      workers.set(id, worker);
      // The worker talks to the page on this channel; what it posts here is not relayed.
      const hello: ToWorkerFromFrame = { type: "port" };
      worker.postMessage(hello, [port]);
      worker.onerror = (event) => {
        event.preventDefault();
        toPage({ type: "error", id, message: event.message || "erreur inconnue" });
      };
    } catch (error) {
      toPage({ type: "error", id, message: error instanceof Error ? error.message : String(error) });
    }
  };
  addEventListener("message", (event: MessageEvent<ToFrame>) => {
    if (event.source !== parent || event.origin !== appOrigin) return;
    const message = event.data;
    if (message.type === "script") {
      scriptUrl = URL.createObjectURL(message.script);
      for (const [id, port] of waiting) start(id, port);
      waiting.clear();
    } else if (message.type === "start") {
      if (scriptUrl) start(message.id, message.port);
      else waiting.set(message.id, message.port);
    } else {
      workers.get(message.id)?.terminate();
      workers.delete(message.id);
      waiting.delete(message.id);
    }
  });
}

export function sandboxFrameDocument({ trackingUri, nonce }: SandboxFrameOptions): string {
  const source = trackingSource(trackingUri);
  const appOrigin = source ? new URL(source).origin : "null";
  // JSON.stringify, then `<` escaped: the value cannot close the script element.
  const argument = JSON.stringify(appOrigin).replace(/</g, "\\u003c");
  return [
    "<!doctype html>",
    '<html lang="fr"><head><meta charset="utf-8"><title>Bac à sable Cuvée</title></head><body>',
    `<script nonce="${nonce}">(${relay.toString()})(${argument});</script>`,
    "</body></html>",
  ].join("\n");
}

export function sandboxFrameHeaders(options: SandboxFrameOptions): Record<string, string> {
  return {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": sandboxFrameCsp(options),
    // The lesson page is cross-origin isolated (next.config.mjs): a frame in it must say so too.
    "Cross-Origin-Embedder-Policy": "require-corp",
    "Cross-Origin-Resource-Policy": "same-origin",
    // Per workspace (its CSP names the tracking URI): never shared through a cache.
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
  };
}
