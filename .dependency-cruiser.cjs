// The layering rules of docs/architecture.md, checked by `npm run lint:layers` (part of npm test).
// Floors run one way: a folder imports only folders below it.

/** lib/ folders from the bottom up; each may import only folders listed before it. */
const LIB_FLOORS = [
  "model",
  "render",
  "webhooks",
  "dispatch",
  "delivery-log",
  "simulator",
  "demo",
  "http",
];

const RECURSIVE_PARAM_TREE =
  "^components/webhooks/event-form/(param-builder|param-row|array-items)[.]tsx$";

const higherThan = (floor) => LIB_FLOORS.slice(LIB_FLOORS.indexOf(floor) + 1);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A module must not depend on itself through others.",
      // The one exception: the parameter tree is recursive (an object parameter's fields are a
      // parameter list, an array item may be an object), so its three components render each other.
      from: { pathNot: RECURSIVE_PARAM_TREE },
      to: { circular: true },
    },
    {
      name: "no-folder-cycles",
      severity: "error",
      comment: "Folders depend on each other one way: no two folders import each other.",
      scope: "folder",
      from: {},
      to: { circular: true },
    },
    {
      name: "lib-is-framework-free",
      severity: "error",
      comment: "lib/ is plain TypeScript: it never imports the app, the components or Next.",
      from: { path: "^lib/" },
      to: { path: ["^app/", "^components/", "^node_modules/next/"] },
    },
    {
      name: "model-is-the-bottom-floor",
      severity: "error",
      comment:
        "lib/model holds the vocabulary everything stands on: it imports only zod and itself.",
      from: { path: "^lib/model/" },
      to: { pathNot: ["^lib/model/", "^node_modules/zod/"] },
    },
    {
      name: "render-stands-on-model-only",
      severity: "error",
      comment: "The renderer is pure: it imports lib/model and Node's hashing only.",
      from: { path: "^lib/render/" },
      to: { path: "^lib/", pathNot: ["^lib/render/", "^lib/model/"] },
    },
    ...LIB_FLOORS.filter((floor) => higherThan(floor).length > 0).map((floor) => ({
      name: `${floor}-imports-only-lower-floors`,
      severity: "error",
      comment: `lib/${floor} must not import a floor above it (${higherThan(floor).join(", ")}).`,
      from: { path: `^lib/${floor}/` },
      to: { path: `^lib/(${higherThan(floor).join("|")})/` },
    })),
    {
      name: "components-use-actions-modules-only",
      severity: "error",
      comment:
        "Components reach the server through app/_actions/<feature>.ts (server actions) or the GET API; never through route folders.",
      from: { path: "^components/" },
      to: { path: "^app/", pathNot: "^app/_actions/" },
    },
    {
      name: "app-does-not-import-tests-or-scripts",
      severity: "error",
      from: { path: "^(app|components|lib)/" },
      to: { path: "^(tests|scripts)/" },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^lib/generated/"] },
    exclude: { path: ["^\\.next/"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
