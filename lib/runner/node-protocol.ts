import type { RunnerEvent } from "./types";

/**
 * How a Node-hosted script (a child process, or a WebContainer process) talks to whoever
 * started it: one line per event on stdout, `PREFIX + JSON`. A WebContainer process offers only
 * an output stream (a terminal: `\r\n` endings, possibly ANSI colours), so the same line
 * protocol serves both hosts. Lines without the prefix (anything that wrote to stdout directly)
 * are shown as console output.
 */
export type NodeScriptEvent = RunnerEvent | { type: "done"; ok: boolean };

export const EVENT_PREFIX = "\u001e@cuvee ";

export function encodeEvent(event: NodeScriptEvent): string {
  return `${EVENT_PREFIX}${JSON.stringify(event)}\n`;
}

// ANSI escape sequences a terminal may add around our lines (CSI … letter, OSC … BEL).
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;

/** Splits a chunked output stream into events. Feed chunks, then `end()` for the last line. */
export class NodeEventDecoder {
  private buffer = "";

  constructor(private readonly onEvent: (event: NodeScriptEvent) => void) {}

  push(chunk: string): void {
    this.buffer += chunk;
    let newline = this.buffer.indexOf("\n");
    while (newline !== -1) {
      this.line(this.buffer.slice(0, newline));
      this.buffer = this.buffer.slice(newline + 1);
      newline = this.buffer.indexOf("\n");
    }
  }

  end(): void {
    if (this.buffer !== "") this.line(this.buffer);
    this.buffer = "";
  }

  private line(raw: string): void {
    const line = raw.replace(/\r$/, "");
    const start = line.indexOf(EVENT_PREFIX);
    if (start !== -1) {
      try {
        this.onEvent(JSON.parse(line.slice(start + EVENT_PREFIX.length)) as NodeScriptEvent);
        return;
      } catch {
        // Not one of ours after all: show it as text.
      }
    }
    const text = line.replace(ANSI, "");
    if (text !== "") this.onEvent({ type: "console", level: "log", text });
  }
}
