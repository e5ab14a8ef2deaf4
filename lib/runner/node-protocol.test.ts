import { describe, expect, it } from "vitest";
import { encodeEvent, NodeEventDecoder, type NodeScriptEvent } from "./node-protocol";

describe("the Node event line protocol", () => {
  it("round-trips events split across chunks, terminal line endings and colours included", () => {
    const seen: NodeScriptEvent[] = [];
    const decoder = new NodeEventDecoder((event) => seen.push(event));
    const stream = [
      encodeEvent({ type: "console", level: "log", text: "deux\nlignes" }),
      "\u001b[32mtexte brut\u001b[0m\r\n",
      encodeEvent({ type: "error", error: { name: "Error", message: "boum", location: { file: "main.ts", line: 3, column: 7 } } }).replace("\n", "\r\n"),
      encodeEvent({ type: "done", ok: false }),
    ].join("");
    for (let i = 0; i < stream.length; i += 7) decoder.push(stream.slice(i, i + 7));
    decoder.end();
    expect(seen).toEqual([
      { type: "console", level: "log", text: "deux\nlignes" },
      { type: "console", level: "log", text: "texte brut" },
      { type: "error", error: { name: "Error", message: "boum", location: { file: "main.ts", line: 3, column: 7 } } },
      { type: "done", ok: false },
    ]);
  });

  it("shows a last line without newline, and nothing for blank lines", () => {
    const seen: NodeScriptEvent[] = [];
    const decoder = new NodeEventDecoder((event) => seen.push(event));
    decoder.push("\n\nfin");
    decoder.end();
    expect(seen).toEqual([{ type: "console", level: "log", text: "fin" }]);
  });
});
