import { describe, expect, it } from "vitest";
import { LOCKED_DOWN_GLOBALS, lockDownWorkerScope } from "./worker-lockdown";

describe("lockDownWorkerScope", () => {
  it("makes each removed global throw a French message when read, and refuses to put it back", () => {
    const scope: Record<string, unknown> = { importScripts: () => undefined, fetch: () => undefined };
    lockDownWorkerScope(scope);
    for (const name of LOCKED_DOWN_GLOBALS) {
      expect(() => scope[name]).toThrow(`${name} n'est pas disponible dans le bac à sable d'exécution.`);
      expect(() => {
        scope[name] = 1;
      }).toThrow();
    }
    expect(typeof scope.fetch).toBe("function");
  });
});
