#!/usr/bin/env node
// Compiles the standalone worker (scripts/worker.ts and the lib/ code it imports) into one
// JavaScript file, dist/worker.mjs, so production runs it with plain node: no TypeScript loader
// in memory or on the start-up path. Packages stay in node_modules (native better-sqlite3, the
// Prisma runtime, got), resolved from dist/ as from any file of the project.
//   node scripts/build-worker.mjs             build
//   node scripts/build-worker.mjs --if-stale  build only when a source is newer than the output
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ENTRY = path.join(ROOT, "scripts", "worker.ts");
const OUTFILE = path.join(ROOT, "dist", "worker.mjs");
const SOURCES = [ENTRY, path.join(ROOT, "lib"), path.join(ROOT, "package-lock.json")];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

export function workerBuildIsCurrent() {
  if (!existsSync(OUTFILE)) return false;
  const built = statSync(OUTFILE).mtimeMs;
  return SOURCES.every((source) => newestMtime(source) <= built);
}

export async function buildWorker() {
  // Loaded only to build: `npm run worker` checks the output first and usually starts at once.
  const { build } = await import("esbuild");
  await build({
    entryPoints: [ENTRY],
    outfile: OUTFILE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    packages: "external",
    // Bundled CommonJS code calls require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: "warning",
  });
}

async function esbuildIsInstalled() {
  try {
    await import("esbuild");
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ifStale = process.argv.includes("--if-stale");
  if (ifStale && workerBuildIsCurrent()) process.exit(0);
  // A production install without dev dependencies runs what `npm run build` compiled, even
  // when copying the files made the sources look newer than it.
  if (ifStale && existsSync(OUTFILE) && !(await esbuildIsInstalled())) {
    console.error(
      `esbuild is not installed: starting the existing ${path.relative(ROOT, OUTFILE)}`,
    );
    process.exit(0);
  }
  const started = performance.now();
  await buildWorker();
  const ms = Math.round(performance.now() - started);
  console.error(`built ${path.relative(ROOT, OUTFILE)} in ${ms} ms`);
}
