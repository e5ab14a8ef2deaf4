/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Native and server-only packages stay out of the bundle: they are loaded from node_modules at run time.
  serverExternalPackages: ["typescript", "better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  // Cross-origin isolation (the only place it is set), which a WebContainer needs: on the course
  // pages only. Everything an isolated page loads is same-origin; the static files, the course
  // data and the generated files also say so (CORP) and carry the page's COEP, so that the
  // workers started from them (Monaco, the sandbox) are isolated like their page.
  // See docs/decisions/006-runtimes-webcontainer-worker-and-node.md.
  async headers() {
    const isolated = [
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
      { key: "Cross-Origin-Embedder-Policy", value: "require-corp" },
    ];
    const loadableWhenIsolated = [
      { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
      { key: "Cross-Origin-Embedder-Policy", value: "require-corp" },
    ];
    return [
      { source: "/cours/:path*", headers: isolated },
      { source: "/_next/static/:path*", headers: loadableWhenIsolated },
      { source: "/data/:path*", headers: loadableWhenIsolated },
      { source: "/generated/:path*", headers: loadableWhenIsolated },
    ];
  },
  turbopack: {
    resolveAlias: {
      // In the browser, learner code and the kit read and write the sandbox's in-memory files.
      "node:fs/promises": { browser: "./lib/runner/browser-fs.ts" },
      "fs/promises": { browser: "./lib/runner/browser-fs.ts" },
    },
  },
};

export default nextConfig;
