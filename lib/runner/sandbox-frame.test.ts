import { describe, expect, it } from "vitest";
import { sandboxFrameCsp, sandboxFrameDocument, sandboxFrameHeaders, trackingSource } from "./sandbox-frame";

const options = { trackingUri: "http://localhost:3000/w/abc", nonce: "bm9uY2U=" };

describe("the sandbox frame's policy", () => {
  it("lets the frame and its workers connect to the tracking URI only, load no script from anywhere, and run sandboxed", () => {
    const directives = Object.fromEntries(sandboxFrameCsp(options).split("; ").map((directive) => [directive.split(" ")[0], directive.split(" ").slice(1).join(" ")]));
    expect(directives).toEqual({
      "default-src": "'none'",
      "script-src": "'nonce-bm9uY2U=' 'unsafe-eval'",
      "worker-src": "blob:",
      "connect-src": "http://localhost:3000/w/abc/",
      "frame-ancestors": "http://localhost:3000",
      "base-uri": "'none'",
      "form-action": "'none'",
      sandbox: "allow-scripts",
    });
  });

  it("connects nowhere when the tracking URI could break out of the header", () => {
    expect(trackingSource("http://evil; script-src *")).toBeUndefined();
    expect(trackingSource("http://h/w/a,b")).toBeUndefined();
    expect(trackingSource("javascript:alert(1)")).toBeUndefined();
    expect(trackingSource("http://h/w/a?x=1")).toBeUndefined();
    expect(sandboxFrameCsp({ ...options, trackingUri: "pas une URL" })).toContain("connect-src 'none'");
  });

  it("is cross-origin isolated like the lesson page, and never cached", () => {
    expect(sandboxFrameHeaders(options)).toMatchObject({ "Cross-Origin-Embedder-Policy": "require-corp", "Cache-Control": "no-store" });
  });

  it("inlines the relay under the nonce, answering the app's origin only", () => {
    const html = sandboxFrameDocument(options);
    expect(html).toContain('<script nonce="bm9uY2U=">');
    expect(html).toContain('("http://localhost:3000");</script>');
    // The relay is plain source text: it must parse on its own.
    const script = /<script[^>]*>([\s\S]*)<\/script>/.exec(html)?.[1] ?? "";
    expect(() => new Function(script)).not.toThrow();
  });
});
