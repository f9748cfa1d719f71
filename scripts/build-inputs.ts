import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// What `next build` reads: a change in any of these makes `.next` stale. The benchmark and the
// tests that run the built app share this check.
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  // The language files and the request's language are part of every page.
  "i18n",
  "messages",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** True when `.next` was built after the last change to anything the build reads. */
export function buildIsCurrent(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return false;
  const built = statSync(buildId).mtimeMs;
  return BUILD_INPUTS.every((input) => newestMtime(path.join(root, input)) <= built);
}
