/**
 * The import rules of the house (docs/architecture.md): rooms depend one way, page → runner →
 * SDK → REST → store. `npm run lint:deps` checks them over the whole tree and `npm test` runs it;
 * tests/architecture/ proves each rule fails on a fixture that breaks it.
 *
 * Paths are relative to the folder depcruise runs in (the repository root, or a fixture tree).
 */
/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-folder-cycle",
      comment:
        "Two folders that import each other are one room in disguise: move the shared part below both " +
        "(a cycle between folders is how lib/course ↔ lib/server and tracking ↔ registry started).",
      severity: "error",
      scope: "folder",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-module-cycle",
      comment:
        "Modules that load each other depend on load order (an import is undefined while its module is " +
        "still running): a cycle of value imports is refused; one that passes through a type or a lazy import() is not.",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only", "dynamic-import"] } },
    },
    {
      name: "sdk-knows-no-server",
      comment:
        "lib/tracking is the mlflow SDK learner code imports and the REST protocol the server implements: " +
        "it runs in the browser and in Node, so it may not depend on the server.",
      severity: "error",
      from: { path: "^lib/tracking/" },
      to: { path: "^lib/server/" },
    },
    {
      name: "components-only-type-the-server",
      comment:
        "Components run in the browser: they may name the server's types (import type), never load its code. " +
        "Server data reaches them through app/ pages or the REST API.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^lib/server/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "course-is-pure-content",
      comment:
        "lib/course is the course's content (catalog, lessons, Ajout, validation): rendering lives in " +
        "components/lesson and checks run on the server (lib/server/checks).",
      severity: "error",
      from: { path: "^lib/course/" },
      to: { path: "^(lib/server|components)/" },
    },
    {
      name: "kit-stands-alone",
      comment: "The data/ML/plot kit learner code imports is plain computation: no SDK, server, runner or UI.",
      severity: "error",
      from: { path: "^lib/(data|ml|plot)/" },
      to: { path: "^(lib/(tracking|server|runner|course)|components|app)/" },
    },
    {
      name: "runner-knows-no-server-or-ui",
      comment: "The runners execute learner code in a worker, a WebContainer or Node: they talk to the server over HTTP only.",
      severity: "error",
      from: { path: "^lib/runner/" },
      to: { path: "^(lib/server|components|app)/" },
    },
    {
      name: "server-knows-no-ui",
      comment: "Server code is below the pages and components that use it.",
      severity: "error",
      from: { path: "^lib/server/" },
      to: { path: "^(components|app)/" },
    },
    {
      name: "rest-knows-no-surface",
      comment:
        "lib/server/rest is the generic REST machinery; each surface (tracking, registry, artifacts, serving) " +
        "brings its own handler table and the composition root assembles them.",
      severity: "error",
      from: { path: "^lib/server/rest/" },
      to: { path: "^lib/server/(tracking|registry|artifacts|serving)/" },
    },
    {
      name: "registry-and-tracking-are-siblings",
      comment: "Registry may use tracking's public face (runs it links to), never its insides; tracking never uses the registry.",
      severity: "error",
      from: { path: "^lib/server/registry/" },
      to: { path: "^lib/server/tracking/(prisma|rest|search)/" },
    },
    {
      name: "tracking-knows-no-registry",
      comment: "Tracking is below the registry (a model version points at a run, not the reverse).",
      severity: "error",
      from: { path: "^lib/server/tracking/" },
      to: { path: "^lib/server/registry/" },
    },
    {
      name: "nothing-imports-pages",
      comment: "app/ is the top floor: routes and pages compose everything else and nothing imports them.",
      severity: "error",
      from: { pathNot: "^app/" },
      to: { path: "^app/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Tests are clients of the rooms, not rooms: a store test may create a workspace (a room above
    // it) to have something to store into. The rules govern the code the app and the runtimes run.
    exclude: {
      path: "(^|/)(node_modules|\\.next|generated|test-results|playwright-report)/|\\.(test|spec|screens)\\.tsx?$|(^|/)testing\\.ts$|/test-support/",
    },
    // Type-only imports count: a cycle of types is still a cycle, and the components rule tells them apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
