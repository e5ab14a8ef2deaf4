import { SANDBOX_FRAME_PATH, SANDBOX_WORKER_URL, type FromFrame, type ToFrame } from "./sandbox-frame-protocol";
import type { FromSandbox, ToSandbox } from "./sandbox-protocol";

/**
 * The lesson page's side of the sandbox frame: one hidden `<iframe sandbox="allow-scripts">` per
 * page, on an opaque origin (docs/decisions/010), hosting every run's worker. A `FramedWorker`
 * stands for one worker in it, with the part of `Worker` the runner uses.
 */

export interface FramedWorker {
  postMessage(message: ToSandbox): void;
  terminate(): void;
  /** What the worker says; an error is a load failure or an uncaught exception. */
  listen(onMessage: (message: FromSandbox) => void, onError: (message: string) => void): void;
}

interface Listener {
  onMessage?: (message: FromSandbox) => void;
  onError?: (message: string) => void;
  /** An error that came before anyone listened (the worker failed to load). */
  earlyError?: string;
}

class SandboxFrame {
  private readonly iframe: HTMLIFrameElement;
  private readonly listeners = new Map<number, Listener>();
  private readonly loaded: Promise<void>;
  private nextId = 1;

  constructor() {
    this.iframe = document.createElement("iframe");
    // No allow-same-origin: the frame and its workers get an opaque origin, hence no cookie.
    this.iframe.setAttribute("sandbox", "allow-scripts");
    this.iframe.setAttribute("aria-hidden", "true");
    this.iframe.tabIndex = -1;
    this.iframe.title = "Bac à sable d'exécution";
    this.iframe.style.display = "none";
    this.iframe.src = SANDBOX_FRAME_PATH;
    // The frame's script runs while it is parsed, so it listens by the time `load` fires.
    const frameLoaded = new Promise<void>((resolve) => this.iframe.addEventListener("load", () => resolve(), { once: true }));
    // The page fetches the script (same-origin, cached) and hands it over: the frame may not fetch it.
    const script = fetch(SANDBOX_WORKER_URL).then((response) => {
      if (!response.ok) throw new Error(`script du bac à sable introuvable (HTTP ${response.status})`);
      return response.blob();
    });
    this.loaded = Promise.all([frameLoaded, script]).then(([, blob]) => this.send({ type: "script", script: blob }));
    this.loaded.catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      for (const id of this.listeners.keys()) this.dispatch({ type: "error", id, message });
    });
    window.addEventListener("message", (event: MessageEvent<FromFrame>) => {
      if (event.source !== this.iframe.contentWindow) return;
      this.dispatch(event.data);
    });
    document.body.appendChild(this.iframe);
  }

  private send(message: ToFrame, transfer: Transferable[] = []): void {
    // The frame's origin is opaque: "*" is the only target that reaches it; it is our own iframe.
    this.iframe.contentWindow?.postMessage(message, "*", transfer);
  }

  private whenLoaded(message: ToFrame, transfer?: Transferable[]): void {
    void this.loaded.then(() => this.send(message, transfer), () => undefined);
  }

  private dispatch(message: FromFrame): void {
    const listener = this.listeners.get(message.id);
    if (!listener) return;
    if (listener.onError) listener.onError(message.message);
    else listener.earlyError ??= message.message;
  }

  startWorker(): FramedWorker {
    const id = this.nextId++;
    const listener: Listener = {};
    this.listeners.set(id, listener);
    // The worker's own line to the page (sandbox-frame-protocol.ts): what is posted before the
    // worker has loaded waits in the channel.
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<FromSandbox>) => listener.onMessage?.(event.data);
    this.whenLoaded({ type: "start", id, port: channel.port2 }, [channel.port2]);
    return {
      postMessage: (message) => channel.port1.postMessage(message),
      terminate: () => {
        this.listeners.delete(id);
        channel.port1.close();
        this.whenLoaded({ type: "terminate", id });
      },
      listen: (onMessage, onError) => {
        listener.onMessage = onMessage;
        listener.onError = onError;
        if (listener.earlyError !== undefined) onError(listener.earlyError);
      },
    };
  }
}

let frame: SandboxFrame | undefined;

/** Starts a worker in the page's sandbox frame (created on first use). */
export function startFramedWorker(): FramedWorker {
  frame ??= new SandboxFrame();
  return frame.startWorker();
}
