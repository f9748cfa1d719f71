// Every route handler under app/ has a fuzz target: each exported HTTP method of each
// app/**/route.ts is named ("GET /api/v1/members/{id}") by a test of a fuzz file, so a new
// route cannot arrive without its 200 bad inputs.
import "../helpers/fresh-database";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

const ROOT = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

async function routeFiles(): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, "app"), { recursive: true });
  return entries.filter((entry) => path.basename(entry) === "route.ts").sort();
}

/** app/(auth)/x/[id]/route.ts → /x/{id}: route groups leave the URL, segments become {names}. */
function urlOf(file: string): string {
  const segments = path
    .dirname(file)
    .split(path.sep)
    .filter((segment) => !/^\(.*\)$/.test(segment))
    .map((segment) => segment.replace(/^\[(.+)\]$/, "{$1}"));
  return `/${segments.join("/")}`;
}

/** The "METHOD /path" names the fuzz files give their targets. */
async function fuzzedNames(): Promise<Set<string>> {
  const directory = path.join(ROOT, "tests/integration");
  const files = (await readdir(directory)).filter(
    (file) => file.startsWith("fuzz-") && file !== "fuzz-coverage.test.ts",
  );
  const pattern = new RegExp(`"((?:${METHODS.join("|")}) /[^"\\s]*)"`, "g");
  const names = new Set<string>();
  for (const file of files) {
    const text = await readFile(path.join(directory, file), "utf8");
    for (const match of text.matchAll(pattern)) names.add(match[1] as string);
  }
  return names;
}

describe("fuzz coverage", () => {
  it("every exported method of every app/**/route.ts has a fuzz target", {
    timeout: 60_000,
  }, async () => {
    const files = await routeFiles();
    expect(files.length).toBeGreaterThan(0);
    const routes: string[] = [];
    for (const file of files) {
      const module = (await import(path.join(ROOT, "app", file))) as Record<string, unknown>;
      const methods = METHODS.filter((method) => typeof module[method] === "function");
      expect(methods, `${file} exports no HTTP method`).not.toEqual([]);
      routes.push(...methods.map((method) => `${method} ${urlOf(file)}`));
    }
    const fuzzed = await fuzzedNames();
    expect(routes.filter((route) => !fuzzed.has(route))).toEqual([]);
    // The check reads what it should: the routes the first fuzz files covered are among them.
    expect(routes).toContain("GET /api/v1/webhook-events/{id}");
    expect(routes).toContain("GET /projects/{projectId}/webhooks/errors/export");
  });
});
