import { parseArgs } from "node:util";

export const ENGINES = ["sqlite", "postgres"] as const;
export type Engine = (typeof ENGINES)[number];

export type Sizes = {
  mode: "full" | "quick" | "smoke";
  /** Seconds of each latency run, by rate (events/s). */
  latency: Array<{ ratePerSec: number; seconds: number }>;
  /** Seconds of each closed loop (GET project, POST call-events). */
  throughputSeconds: number;
  /** Deliveries queued for the drain, and for the second drain by the TypeScript worker. */
  drain: number;
  drainTsx: number;
  /** Deliveries seeded for the error check reads, and timed runs per read. */
  seeded: number;
  readRuns: number;
};

export type Options = {
  engine: Engine;
  sizes: Sizes;
  /** `ingest`: only the first app run (latency and the 32-client load), for quick comparisons. */
  only: "all" | "ingest";
  /** A folder for V8 CPU profiles of the first `next start` (its processes write one each on exit). */
  cpuProfileDir: string | null;
};

export const USAGE = `Usage: npm run bench -- [--quick] [--smoke] [--engine sqlite|postgres]
                     [--only ingest] [--cpu-prof <dir>]

  --quick          a shorter run (fewer seconds per row, smaller queues)
  --smoke          tiny sizes: proves every row runs (with --quick too, as npm test runs it)
  --engine <name>  the database engine (${ENGINES.join(", ")}; default sqlite); postgres makes a
                   fresh database on BENCH_POSTGRES_URL's server (default the local one), drops
                   it afterwards, and adds the drain by 1, 2 and 4 standalone workers
  --only ingest    only the latency rows and the 32-client load (skips drains and reads)
  --cpu-prof <dir> run the first next start under V8's profiler, writing .cpuprofile files in
                   <dir> (summarise with node scripts/profile/top.mjs)
  -h, --help       show this help`;

const CLIENTS = 32;
export const LOAD_CLIENTS = CLIENTS;
export const DRAIN_CONCURRENCY = CLIENTS;

const FULL: Sizes = {
  mode: "full",
  latency: [
    { ratePerSec: 5, seconds: 30 },
    { ratePerSec: 100, seconds: 15 },
    { ratePerSec: 200, seconds: 15 },
  ],
  throughputSeconds: 15,
  drain: 4_000,
  drainTsx: 1_000,
  seeded: 100_000,
  readRuns: 20,
};

const QUICK: Sizes = {
  mode: "quick",
  latency: [
    { ratePerSec: 5, seconds: 8 },
    { ratePerSec: 100, seconds: 5 },
    { ratePerSec: 200, seconds: 5 },
  ],
  throughputSeconds: 5,
  drain: 3_000,
  drainTsx: 500,
  seeded: 100_000,
  readRuns: 10,
};

const SMOKE: Sizes = {
  mode: "smoke",
  latency: [
    { ratePerSec: 5, seconds: 1 },
    { ratePerSec: 100, seconds: 0.5 },
    { ratePerSec: 200, seconds: 0.5 },
  ],
  throughputSeconds: 1,
  drain: 200,
  drainTsx: 50,
  seeded: 2_000,
  readRuns: 3,
};

export function parseOptions(argv: string[]): Options | { help: true } | { error: string } {
  let values: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: argv,
      options: {
        quick: { type: "boolean" },
        smoke: { type: "boolean" },
        engine: { type: "string" },
        only: { type: "string" },
        "cpu-prof": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }).values;
  }
  try {
    values = parse();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (values.help) return { help: true };
  const asked = values.engine ?? "sqlite";
  const engine = ENGINES.find((known) => known === asked);
  if (!engine) return { error: `--engine must be one of ${ENGINES.join(", ")}, not "${asked}"` };
  const only = values.only ?? "all";
  if (only !== "all" && only !== "ingest") return { error: `--only must be ingest, not "${only}"` };
  const sizes = values.smoke ? SMOKE : values.quick ? QUICK : FULL;
  return { engine, sizes, only, cpuProfileDir: values["cpu-prof"] ?? null };
}
