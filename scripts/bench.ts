// The speed benchmark: `npm run bench`. Not a test: it prints the product's speed targets beside
// what it measured on this machine, as a table and a final `BENCH_JSON {...}` line, and exits 0
// whether or not a target is met. Everything is local: a fresh temporary SQLite file and a
// receiver on 127.0.0.1.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// lib/env.ts reads process.env once, on first use: configure before any lib module loads.
const directory = mkdtempSync(path.join(tmpdir(), "webhooks-bench-"));
const databaseFile = path.join(directory, "bench.db");
process.env.DATABASE_URL = `file:${databaseFile}`;
process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = "true";
process.env.WORKER_IN_PROCESS = "false";

const { runBench } = await import("./bench/run");
try {
  await runBench(databaseFile);
} finally {
  rmSync(directory, { recursive: true, force: true });
}
