import { describe, expect, it } from "vitest";
import { isSecureOrigin, originSettings, parsePublicUrl, parseTrustProxy, publicOrigin, publicUrlOf } from "./public-origin";

const headers = (values: Record<string, string>) => new Headers(values);
const direct = { publicUrl: null, trustedProxies: 0 };
const proxied = { publicUrl: null, trustedProxies: 1 };

describe("publicOrigin", () => {
  it("uses the request's own Host header, never Next's listening address", () => {
    expect(publicOrigin(headers({ host: "127.0.0.1:3164" }), direct)).toBe("http://127.0.0.1:3164");
    expect(publicOrigin(headers({ host: "Cours.Example.org" }), direct)).toBe("http://cours.example.org");
    expect(publicOrigin(headers({ host: "[::1]:3000" }), direct)).toBe("http://[::1]:3000");
  });

  it("ignores X-Forwarded-* unless the proxy is trusted", () => {
    const request = headers({ host: "10.0.0.5:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(publicOrigin(request, direct)).toBe("http://10.0.0.5:3000");
    expect(publicOrigin(request, proxied)).toBe("https://evil.example");
  });

  it("behind a trusted proxy, takes the first hop and only http or https", () => {
    const chained = headers({ host: "app:3000", "x-forwarded-host": "cours.example.org, inner", "x-forwarded-proto": "https, http" });
    expect(publicOrigin(chained, proxied)).toBe("https://cours.example.org");
    const odd = headers({ host: "app:3000", "x-forwarded-host": "cours.example.org", "x-forwarded-proto": "javascript" });
    expect(publicOrigin(odd, proxied)).toBe("http://cours.example.org");
    const noForwardedHost = headers({ host: "app:3000", "x-forwarded-proto": "https" });
    expect(publicOrigin(noForwardedHost, proxied)).toBe("http://app:3000");
  });

  it("prefers CUVEE_PUBLIC_URL over any header", () => {
    const settings = { publicUrl: "https://cours.example.org", trustedProxies: 1 };
    expect(publicOrigin(headers({ host: "x", "x-forwarded-host": "y" }), settings)).toBe("https://cours.example.org");
  });

  it("gives null for a missing or malformed host, whatever it smuggles", () => {
    for (const host of ["", "evil.com/path", "a b", "evil.com@x", "user:pw@host", "host:port", "-bad", "a\tb"]) {
      expect(publicOrigin(headers(host === "" ? {} : { host }), direct), host).toBeNull();
    }
    expect(publicOrigin(headers({ host: "ok:1", "x-forwarded-host": "evil.com/x" }), proxied)).toBe("http://ok:1");
  });
});

describe("settings", () => {
  it("reads CUVEE_PUBLIC_URL as an origin, and refuses what is not an http(s) URL", () => {
    expect(parsePublicUrl(undefined)).toBeNull();
    expect(parsePublicUrl(" ")).toBeNull();
    expect(parsePublicUrl("https://cours.example.org/some/path/")).toBe("https://cours.example.org");
    expect(() => parsePublicUrl("cours.example.org")).toThrow(/CUVEE_PUBLIC_URL/);
    expect(() => parsePublicUrl("ftp://cours.example.org")).toThrow(/CUVEE_PUBLIC_URL/);
  });

  it("reads CUVEE_TRUST_PROXY as a number of proxies", () => {
    expect(parseTrustProxy(undefined)).toBe(0);
    expect(parseTrustProxy("0")).toBe(0);
    expect(parseTrustProxy("1")).toBe(1);
    expect(parseTrustProxy("2")).toBe(2);
    expect(parseTrustProxy("true")).toBe(1);
    for (const bad of ["yes please", "-1", "1.5"]) expect(() => parseTrustProxy(bad)).toThrow(/CUVEE_TRUST_PROXY/);
    expect(originSettings({ CUVEE_TRUST_PROXY: "1", CUVEE_PUBLIC_URL: "http://a:1/" })).toEqual({ publicUrl: "http://a:1", trustedProxies: 1 });
  });
});

describe("publicUrlOf / isSecureOrigin", () => {
  it("appends a path to the origin and never lets it change the origin", () => {
    expect(publicUrlOf("/cours?x=1", "https://c.example")).toBe("https://c.example/cours?x=1");
    expect(publicUrlOf("/cours", null)).toBe("/cours");
    expect(() => publicUrlOf("//evil.com", "https://c.example")).toThrow();
    expect(() => publicUrlOf("https://evil.com", null)).toThrow();
  });

  it("marks only https origins secure", () => {
    expect(isSecureOrigin("https://c.example")).toBe(true);
    expect(isSecureOrigin("http://c.example")).toBe(false);
    expect(isSecureOrigin(null)).toBe(false);
  });
});
