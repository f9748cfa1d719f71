// The speed benchmark: `npm run bench [-- --quick] [--smoke] [--engine sqlite|postgres]`. Not a test: it
// runs the app as a user runs it (`next build` once, `next start` in production mode, a
// temporary database, `npm run worker`) against a receiver in its own process, all on
// 127.0.0.1, and prints each figure beside its limit measured in the same run, as a table and a
// final `BENCH_JSON {...}` line. It exits 0 whatever the figures; only a broken run fails.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseOptions, USAGE } from "./bench/options";
import { renderTable, reportJson, reportRows, writeResults } from "./bench/report";
import { runBench } from "./bench/run";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const options = parseOptions(process.argv.slice(2));
if ("help" in options) {
  console.log(USAGE);
  process.exit(0);
}
if ("error" in options) {
  console.error(`${options.error}\n\n${USAGE}`);
  process.exit(2);
}

const started = performance.now();
const results = await runBench(ROOT, options);
const rows = reportRows(results);
const json = reportJson(results, rows);
const seconds = Math.round((performance.now() - started) / 1000);
console.log(
  `\nBench (${options.engine}, ${results.mode}, ${json.machine.cpus} cores, ${process.version}, ${seconds} s); ratio = measured ÷ limit\n`,
);
console.log(renderTable(rows));
const file = writeResults(ROOT, json);
if (file) console.log(`\nWritten to ${path.relative(ROOT, file)}`);
console.log(`\nBENCH_JSON ${JSON.stringify(json)}`);
// Keep-alive sockets of the load client would hold the process open.
process.exit(0);
