import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOCKET_ADDRESS_HEADER, clientAddress, installSocketAddressStamp } from "./client-address";

describe("installSocketAddressStamp", () => {
  let server: http.Server;
  let port: number;

  beforeAll(async () => {
    // Created before the stamp is installed, as Next's server may be.
    server = http.createServer((request, response) => {
      response.end(JSON.stringify(request.headers[SOCKET_ADDRESS_HEADER] ?? null));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
    installSocketAddressStamp();
    installSocketAddressStamp(); // idempotent
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("hands the handler the peer's address, replacing any value the client sent", async () => {
    const honest = await fetch(`http://127.0.0.1:${port}/`);
    expect(await honest.json()).toBe("127.0.0.1");
    const forged = await fetch(`http://127.0.0.1:${port}/`, { headers: { [SOCKET_ADDRESS_HEADER]: "203.0.113.9" } });
    expect(await forged.json()).toBe("127.0.0.1");
  });
});

describe("clientAddress", () => {
  const stamped = (extra: Record<string, string> = {}) => new Headers({ [SOCKET_ADDRESS_HEADER]: "::ffff:192.0.2.10", ...extra });

  it("without a trusted proxy, is the socket's address whatever X-Forwarded-For says", () => {
    expect(clientAddress(stamped(), 0)).toBe("192.0.2.10");
    expect(clientAddress(stamped({ "x-forwarded-for": "198.51.100.1" }), 0)).toBe("192.0.2.10");
  });

  it("behind N trusted proxies, is the address the outermost one saw, whatever the client prepended", () => {
    // One proxy appended the client's real address to what the client forged.
    expect(clientAddress(stamped({ "x-forwarded-for": "6.6.6.6, 198.51.100.1" }), 1)).toBe("198.51.100.1");
    expect(clientAddress(stamped({ "x-forwarded-for": "198.51.100.1" }), 1)).toBe("198.51.100.1");
    // A CDN then a load balancer: the CDN saw the client; the balancer appended the CDN's address.
    expect(clientAddress(stamped({ "x-forwarded-for": "6.6.6.6, 198.51.100.1, 203.0.113.7" }), 2)).toBe("198.51.100.1");
    expect(clientAddress(stamped({ "x-forwarded-for": "198.51.100.1" }), 2)).toBe("198.51.100.1");
    expect(clientAddress(stamped(), 1)).toBe("192.0.2.10");
  });

  it("is one shared `unknown` when nothing tells", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.1" }), 0)).toBe("unknown");
  });
});
