// Fills a project with realistic demo deliveries for the error check page:
//   npm run seed:demo -- --deliveries 100000 [--project <id>] [--seed <n>]
// Writes to the database DATABASE_URL names (migrations are applied first).
import { parseArgs } from "node:util";
import { prepareDatabase } from "../lib/db/startup";
import { databaseFile } from "../lib/env";

const USAGE = `Usage: npm run seed:demo -- [--deliveries <n>] [--project <id>] [--seed <n>]

  --deliveries <n>  how many deliveries to write (default 100000, at most 5000000)
  --project <id>    the project to fill (default: the first project; without any, a demo
                    user and project are created and their sign-in is printed)
  --seed <n>        the random seed (default 20261129): the same seed, the same data
  -h, --help        show this help`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function wholeNumber(name: string, raw: string | undefined, fallback: number, max: number) {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max) {
    fail(`--${name} must be a whole number from 1 to ${max}, not "${raw}"`);
  }
  return value;
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      deliveries: { type: "string" },
      project: { type: "string" },
      seed: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
  }).values;
}
try {
  args = parse();
} catch (error) {
  fail((error as Error).message);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
const deliveries = wholeNumber("deliveries", args.deliveries, 100_000, 5_000_000);
const seed = wholeNumber("seed", args.seed, 20261129, 2 ** 31);

await prepareDatabase();
// Imported after the migrations ran: the services open the database when loaded.
const { ensureDemoProject, seedDemoData } = await import("../lib/demo/seed");
const { db } = await import("../lib/db/client");
try {
  const { projectId, credentials } = await ensureDemoProject(args.project);
  if (credentials) {
    console.log(`Created a demo user: ${credentials.email} / ${credentials.password}`);
  }
  console.log(`Writing ${deliveries} deliveries into project ${projectId} (${databaseFile()})…`);
  const result = await seedDemoData({ projectId, deliveries, seed });
  const seconds = result.ms / 1000;
  const share = (n: number) => `${((100 * n) / Math.max(1, result.deliveries)).toFixed(1)}%`;
  console.log(
    [
      `Done in ${seconds.toFixed(1)} s (${Math.round(result.deliveries / seconds)} deliveries/s):`,
      `  ${result.events} demo events, ${result.callEvents} call events`,
      `  ${result.deliveries} deliveries: ${result.succeeded} succeeded (${share(result.succeeded)}), ${result.failed} failed (${share(result.failed)})`,
      `  ${result.attempts} attempts`,
    ].join("\n"),
  );
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  await db.$disconnect();
}
