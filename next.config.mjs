/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Native and server-only packages stay out of the bundle: they are loaded from node_modules at run time.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg"],
  poweredByHeader: false,
  turbopack: {
    resolveAlias: {
      // In the browser, learner code and the kit read and write the sandbox's in-memory files.
      "node:fs/promises": { browser: "./lib/runner/browser-fs.ts" },
      "fs/promises": { browser: "./lib/runner/browser-fs.ts" },
    },
  },
};

export default nextConfig;
