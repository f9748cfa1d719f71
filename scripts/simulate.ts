// Plays simulated calls against a running app over HTTP:
//   npm run simulate -- --url http://localhost:3000 --key <key> --calls 100 --rate 20
// It talks to the --url host only, with the project API key from Project settings.
import { parseArgs } from "node:util";
import {
  DEFAULT_CONCURRENCY,
  formatSummary,
  isDirectionChoice,
  isOutcomeChoice,
  runSimulation,
} from "../lib/demo/simulate";
import { CALL_DIRECTIONS, CALL_OUTCOMES } from "../lib/simulator/lifecycle";

const USAGE = `Usage: npm run simulate -- --url <app URL> --key <API key> [options]

Plays simulated calls through POST /api/v1/call-events and prints a summary.

Required:
  --url <url>          the app, e.g. http://localhost:3000
  --key <key>          a project API key (Project settings → API keys)

Options:
  --calls <n>          how many calls (default 100)
  --rate <n>           calls started per second (default 20)
  --outcome <o>        mixed (default) | ${CALL_OUTCOMES.join(" | ")}
  --direction <d>      mixed (default) | ${CALL_DIRECTIONS.join(" | ")}
  --concurrency <n>    calls in flight at most (default ${DEFAULT_CONCURRENCY})
  -h, --help           show this help`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function positive(name: string, raw: string, max: number, integer = true): number {
  const value = Number(raw);
  const valid = Number.isFinite(value) && value > 0 && value <= max;
  if (!valid || (integer && !Number.isInteger(value))) {
    fail(
      integer
        ? `--${name} must be a whole number from 1 to ${max}, not "${raw}"`
        : `--${name} must be a number above 0 and at most ${max}, not "${raw}"`,
    );
  }
  return value;
}

async function main() {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        url: { type: "string" },
        key: { type: "string" },
        calls: { type: "string", default: "100" },
        rate: { type: "string", default: "20" },
        outcome: { type: "string", default: "mixed" },
        direction: { type: "string", default: "mixed" },
        concurrency: { type: "string", default: String(DEFAULT_CONCURRENCY) },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const url = typeof values.url === "string" ? values.url : "";
  const key = typeof values.key === "string" ? values.key : "";
  if (!url || !key) fail("Both --url and --key are required.");
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    fail(`--url must be an http:// or https:// URL, not "${url}"`);
  }
  const outcome = String(values.outcome);
  const direction = String(values.direction);
  if (!isOutcomeChoice(outcome))
    fail(`--outcome must be mixed or one of ${CALL_OUTCOMES.join(", ")}`);
  if (!isDirectionChoice(direction)) fail("--direction must be mixed, incoming or outgoing");
  const calls = positive("calls", String(values.calls), 1_000_000);
  const rate = positive("rate", String(values.rate), 10_000, false);
  const concurrency = positive("concurrency", String(values.concurrency), 1000);

  console.log(`Playing ${calls} calls at ${rate}/s against ${new URL(url).origin} …`);
  const summary = await runSimulation({ url, key, calls, rate, outcome, direction, concurrency });
  console.log(formatSummary(summary, rate));
  const rejected = summary.errors["401"] ?? 0;
  if (rejected > 0) console.error("The API key was refused: check --key and the project.");
  process.exitCode = summary.accepted + summary.duplicates === summary.eventsPosted ? 0 : 1;
}

await main();
