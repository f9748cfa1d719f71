import { z } from "zod";
import { errorMessage as errorText } from "../errors";
import { isOneOf } from "../model/one-of";
import {
  buildCallLifecycle,
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  type CallDirection,
  type CallOutcome,
  type LifecycleEvent,
  type LifecycleOptions,
  newCallId,
  outcomesFor,
} from "../simulator/lifecycle";
import { pick, pickWeighted } from "./calls";

// The parts of the API's answers the driver reads; anything else in them is ignored.
const apiErrorSchema = z.object({ error: z.object({ message: z.string() }) });
const acceptedSchema = z.object({ deliveries: z.array(z.unknown()) });
// fetch's TypeError carries the socket error (ECONNREFUSED, ENOTFOUND …) as its cause.
const networkCauseSchema = z.object({ cause: z.object({ code: z.string() }) });

export type OutcomeChoice = CallOutcome | "mixed";
export type DirectionChoice = CallDirection | "mixed";

export type SimulationOptions = {
  /** The app's base URL; the only host the simulation ever talks to. */
  url: string;
  key: string;
  calls: number;
  /** Calls started per second; the events of one call are posted one after another. */
  rate: number;
  outcome?: OutcomeChoice;
  direction?: DirectionChoice;
  /** Calls in flight at most; when all are busy, the next call waits and the rate drops. */
  concurrency?: number;
  fetch?: typeof fetch;
  random?: () => number;
  requestTimeoutMs?: number;
};

export type SimulationSummary = {
  calls: number;
  eventsPosted: number;
  /** 202: a new call event was stored. */
  accepted: number;
  /** 200: the same idempotency id had been posted before. */
  duplicates: number;
  /** Failed posts by HTTP status, or "network" when no answer came. */
  errors: Record<string, number>;
  /** The first few distinct error messages, to tell what went wrong without a debugger. */
  errorSamples: string[];
  deliveriesCreated: number;
  elapsedMs: number;
  callsPerSecond: number;
  eventsPerSecond: number;
};

export const DEFAULT_CONCURRENCY = 16;
const DEFAULT_TIMEOUT_MS = 30_000;
const ERROR_SAMPLES = 5;

// A small office: who picks up, and the numbers that call in.
const STAFF = [
  { number: "104", name: "Олена Коваленко", department: "Відділ продажів" },
  { number: "105", name: "Андрій Шевчук", department: "Відділ продажів" },
  { number: "201", name: "Марія Бондар", department: "Підтримка" },
  { number: "202", name: "Ігор Мельник", department: "Підтримка" },
] as const;
const TRACKING_NUMBERS = ["380441112233", "380441112244", "380443334455"] as const;
// Most calls are answered; some are not, a few are forwarded or evaluated.
const INCOMING_MIX: [CallOutcome, number][] = [
  ["answered", 0.55],
  ["no_answer", 0.15],
  ["busy", 0.05],
  ["forwarded", 0.1],
  ["evaluated", 0.15],
];
const OUTGOING_MIX: [CallOutcome, number][] = [
  ["answered", 0.7],
  ["no_answer", 0.2],
  ["busy", 0.1],
];
const INCOMING_SHARE = 0.7;

/** The call-events endpoint under the base URL, keeping any path prefix the base has. */
export function callEventsEndpoint(baseUrl: string): URL {
  const base = new URL(baseUrl);
  if (base.protocol !== "http:" && base.protocol !== "https:") {
    throw new Error(`--url must be an http:// or https:// URL, not ${base.protocol}`);
  }
  if (!base.pathname.endsWith("/")) base.pathname += "/";
  base.search = "";
  base.hash = "";
  return new URL("api/v1/call-events", base);
}

function randomDigits(count: number, random: () => number): string {
  let digits = "";
  for (let i = 0; i < count; i += 1) digits += Math.floor(random() * 10).toString();
  return digits;
}

/** One random but plausible call, honouring the chosen direction and outcome. */
export function randomCall(
  choice: { outcome: OutcomeChoice; direction: DirectionChoice },
  random: () => number,
  now: Date,
): LifecycleEvent[] {
  const direction =
    choice.direction === "mixed"
      ? random() < INCOMING_SHARE
        ? "incoming"
        : "outgoing"
      : choice.direction;
  let outcome: CallOutcome;
  if (choice.outcome === "mixed") {
    outcome = pickWeighted(random, direction === "incoming" ? INCOMING_MIX : OUTGOING_MIX);
  } else if (outcomesFor(direction).includes(choice.outcome)) {
    outcome = choice.outcome;
  } else {
    // Forwarded or evaluated asked for with mixed directions: outgoing calls are just answered.
    outcome = "answered";
  }
  const client = `380${pick(random, ["50", "63", "66", "67", "68", "73", "93", "97"])}${randomDigits(7, random)}`;
  const line = pick(random, TRACKING_NUMBERS);
  const staff = pick(random, STAFF);
  const options: LifecycleOptions = {
    direction,
    caller: direction === "incoming" ? client : line,
    number: direction === "incoming" ? line : client,
    employee: { number: staff.number, name: staff.name },
    department: staff.department,
    outcome,
  };
  return buildCallLifecycle(options, {
    uniqueid: newCallId(now, random),
    start: now,
    timing: {
      ringSeconds: 3 + Math.floor(random() * 28),
      talkSeconds: 15 + Math.floor(random() * 290),
    },
  });
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function errorMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  const body = apiErrorSchema.safeParse(parseJson(text));
  if (body.success) return body.data.error.message;
  // Not our JSON error shape: show the start of whatever came back.
  return text.slice(0, 200) || response.statusText;
}

/**
 * Plays `calls` simulated calls against `POST /api/v1/call-events`: a call starts every
 * 1/rate seconds (fewer when `concurrency` calls are still in flight), and its events are
 * posted in order, each with its idempotency id.
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationSummary> {
  const endpoint = callEventsEndpoint(options.url);
  const send = options.fetch ?? fetch;
  const random = options.random ?? Math.random;
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const choice = { outcome: options.outcome ?? "mixed", direction: options.direction ?? "mixed" };
  const summary: SimulationSummary = {
    calls: 0,
    eventsPosted: 0,
    accepted: 0,
    duplicates: 0,
    errors: {},
    errorSamples: [],
    deliveriesCreated: 0,
    elapsedMs: 0,
    callsPerSecond: 0,
    eventsPerSecond: 0,
  };

  function recordError(kind: string, message: string) {
    summary.errors[kind] = (summary.errors[kind] ?? 0) + 1;
    const sample = `${kind}: ${message}`;
    if (summary.errorSamples.length < ERROR_SAMPLES && !summary.errorSamples.includes(sample)) {
      summary.errorSamples.push(sample);
    }
  }

  async function post(event: LifecycleEvent) {
    summary.eventsPosted += 1;
    let response: Response;
    try {
      response = await send(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Auth-key": options.key },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const cause = networkCauseSchema.safeParse(error);
      recordError("network", cause.success ? cause.data.cause.code : errorText(error));
      return;
    }
    if (response.status === 202 || response.status === 200) {
      const body = acceptedSchema.safeParse(await response.json().catch(() => undefined));
      if (response.status === 202) {
        summary.accepted += 1;
        if (body.success) summary.deliveriesCreated += body.data.deliveries.length;
      } else {
        summary.duplicates += 1;
      }
      return;
    }
    recordError(String(response.status), await errorMessage(response));
  }

  async function playCall() {
    summary.calls += 1;
    // Events of one call go in order: the platform posts "after the call" after "before".
    for (const event of randomCall(choice, random, new Date())) await post(event);
  }

  const started = performance.now();
  const intervalMs = 1000 / options.rate;
  const inFlight = new Set<Promise<void>>();
  for (let i = 0; i < options.calls; i += 1) {
    await sleep(started + i * intervalMs - performance.now());
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
    const call: Promise<void> = playCall().finally(() => inFlight.delete(call));
    inFlight.add(call);
  }
  await Promise.all(inFlight);

  summary.elapsedMs = Math.round(performance.now() - started);
  const seconds = Math.max(summary.elapsedMs, 1) / 1000;
  summary.callsPerSecond = round(summary.calls / seconds);
  summary.eventsPerSecond = round(summary.eventsPosted / seconds);
  return summary;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The summary as the CLI prints it. */
export function formatSummary(summary: SimulationSummary, requestedRate?: number): string {
  const errorCount = Object.values(summary.errors).reduce((a, b) => a + b, 0);
  const byStatus = Object.entries(summary.errors)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, count]) => `${kind}: ${count}`)
    .join(", ");
  const lines = [
    `calls:              ${summary.calls}`,
    `events posted:      ${summary.eventsPosted}`,
    `accepted (202):     ${summary.accepted}`,
    `duplicates (200):   ${summary.duplicates}`,
    `errors:             ${errorCount}${byStatus ? ` (${byStatus})` : ""}`,
    `deliveries created: ${summary.deliveriesCreated}`,
    `elapsed:            ${(summary.elapsedMs / 1000).toFixed(2)} s`,
    `rate achieved:      ${summary.callsPerSecond} calls/s${
      requestedRate === undefined ? "" : ` (asked ${requestedRate})`
    }, ${summary.eventsPerSecond} events/s`,
  ];
  for (const sample of summary.errorSamples) lines.push(`  ${sample}`);
  return lines.join("\n");
}

export function isDirectionChoice(value: string): value is DirectionChoice {
  return value === "mixed" || isOneOf(CALL_DIRECTIONS, value);
}

export function isOutcomeChoice(value: string): value is OutcomeChoice {
  return value === "mixed" || isOneOf(CALL_OUTCOMES, value);
}
