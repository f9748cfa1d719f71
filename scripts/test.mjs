#!/usr/bin/env node
// What `npm test` runs: lint, type check, the layering check, each vitest project, then a smoke
// run of the bench. Every stage runs even after a failure so one run shows everything; the last
// line is the totals CI reads (`N passed, N failed[, N skipped]`), since CI does not understand
// vitest's own summary. The integration suite runs twice: on SQLite, and on PostgreSQL when the
// server answers (TEST_POSTGRES_URL, default the local one). Without a server the PostgreSQL run
// is skipped, and the closing line says so; under CI a missing server is a failure instead.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ROOT, "node_modules", ".bin");
const REPORT_DIR = mkdtempSync(path.join(tmpdir(), "npm-test-"));

// The same check as `npm run lint:layers`: the floors of docs/architecture.md.
const LAYER_CHECK_ARGS = [
  "lib",
  "app",
  "components",
  "scripts",
  "instrumentation.ts",
  "proxy.ts",
  "--config",
  ".dependency-cruiser.cjs",
  "--output-type",
  "err",
];

const totals = { passed: 0, failed: 0, skipped: 0 };
const stageLines = [];
const problems = [];

function seconds(since) {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

function run(bin, args, env = process.env) {
  console.log(`\n$ ${bin} ${args.join(" ")}`);
  const result = spawnSync(path.join(BIN, bin), args, { cwd: ROOT, env, stdio: "inherit" });
  if (result.error) console.error(result.error.message);
  return result.status ?? 1;
}

function runCheck(name, bin, args) {
  const started = performance.now();
  const code = run(bin, args);
  if (code === 0) {
    totals.passed += 1;
  } else {
    totals.failed += 1;
    problems.push(`${name}: \`${bin} ${args.join(" ")}\` exited ${code}`);
  }
  stageLines.push(`${name}: ${code === 0 ? "passed" : "failed"} (${seconds(started)})`);
}

function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/** Counts one vitest project from its JSON report; anything it cannot count is one failure. */
function runVitest(project, { mustRunEverything }) {
  const started = performance.now();
  const reportFile = path.join(REPORT_DIR, `${project}.json`);
  rmSync(reportFile, { force: true });
  const args = [
    "run",
    "--project",
    project,
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${reportFile}`,
  ];
  // An empty unit or integration suite is fine; an empty e2e suite means the journeys went missing.
  if (!mustRunEverything) args.push("--passWithNoTests");
  // The config is a .ts file in a CommonJS package; Vite warns about that once per project.
  const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: "true" };
  const code = run("vitest", args, env);

  const count = { passed: 0, failed: 0, skipped: 0 };
  const report = readReport(reportFile);
  if (report === undefined) {
    count.failed += 1;
    problems.push(`${project}: vitest exited ${code} without a JSON report`);
  } else {
    for (const file of report.testResults ?? []) {
      let failedInFile = 0;
      for (const test of file.assertionResults ?? []) {
        if (test.status === "passed") count.passed += 1;
        else if (test.status === "failed") {
          count.failed += 1;
          failedInFile += 1;
          problems.push(`${project}: ${test.fullName} (${path.relative(ROOT, file.name)})`);
        } else count.skipped += 1;
      }
      // A file that fails to import, or whose beforeAll throws, fails without a failed test.
      if (file.status === "failed" && failedInFile === 0) {
        count.failed += 1;
        const why = file.message || "failed outside its tests (import error or hook)";
        const summary = why
          .split("\n")
          .map((line) => line.trim())
          .filter(Boolean)
          .slice(0, 2)
          .join(" ");
        problems.push(`${project}: ${path.relative(ROOT, file.name)}: ${summary}`);
      }
    }
    const ran = count.passed + count.failed;
    if (code !== 0 && count.failed === 0) {
      count.failed += 1;
      // vitest reports a failed global setup as "No test files found".
      const why =
        ran === 0
          ? "before any test ran (global setup failed or no test files; see above)"
          : "though no test failed (unhandled error?)";
      problems.push(`${project}: vitest exited ${code} ${why}`);
    } else if (mustRunEverything && ran === 0) {
      count.failed += 1;
      problems.push(`${project}: no test ran`);
    }
    if (mustRunEverything && count.skipped > 0) {
      count.failed += 1;
      problems.push(`${project}: ${count.skipped} test(s) skipped; every ${project} test must run`);
    }
  }

  totals.passed += count.passed;
  totals.failed += count.failed;
  totals.skipped += count.skipped;
  // Not in the "N passed, N failed" shape: only the closing line may look like that.
  stageLines.push(
    `${project}: passed ${count.passed}, failed ${count.failed}, skipped ${count.skipped} (${seconds(started)})`,
  );
}

const POSTGRES_URL =
  process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

function withoutPassword(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable TEST_POSTGRES_URL)";
  }
}

/** Why PostgreSQL cannot be used, or undefined when it answers. */
async function postgresUnavailable() {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message || error.name : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

let postgresSkipped;
async function runPostgresIntegration() {
  const reason = await postgresUnavailable();
  if (reason === undefined) {
    runVitest("integration-postgres", { mustRunEverything: false });
    return;
  }
  const where = `PostgreSQL at ${withoutPassword(POSTGRES_URL)} is not reachable (${reason})`;
  if (process.env.CI && !/^(0|false|no)$/i.test(process.env.CI)) {
    totals.failed += 1;
    problems.push(`integration-postgres: ${where}; CI never skips PostgreSQL`);
    stageLines.push("integration-postgres: FAILED, no PostgreSQL");
    return;
  }
  postgresSkipped = where;
  stageLines.push("integration-postgres: SKIPPED, no PostgreSQL");
}

runCheck("lint", "biome", ["check", "."]);
runCheck("typecheck", "tsc", ["--noEmit"]);
runCheck("layers", "depcruise", LAYER_CHECK_ARGS);
runVitest("unit", { mustRunEverything: false });
runVitest("integration", { mustRunEverything: false });
await runPostgresIntegration();
runVitest("e2e", { mustRunEverything: true });
// Not a test (nothing is timed against a limit): it proves every bench row still runs, on tiny
// sizes, reusing the build the browser tests just made.
runCheck("bench smoke", "tsx", ["scripts/bench.ts", "--quick", "--smoke"]);
rmSync(REPORT_DIR, { recursive: true, force: true });

console.log("\nStages:");
for (const line of stageLines) console.log(`  ${line}`);
if (problems.length > 0) {
  console.log("Failures:");
  for (const problem of problems) console.log(`  - ${problem}`);
}
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : "";
if (postgresSkipped) {
  console.log(`\n!!! POSTGRESQL SKIPPED: ${postgresSkipped}.`);
  console.log(
    "!!! The integration suite ran on SQLite only. Start PostgreSQL or set TEST_POSTGRES_URL.",
  );
}
const postgresNote = postgresSkipped ? " (POSTGRESQL SKIPPED: integration ran on SQLite only)" : "";
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}${postgresNote}`);
process.exitCode = totals.failed > 0 ? 1 : 0;
