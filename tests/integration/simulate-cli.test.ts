import "../helpers/fresh-database";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST as postCallEvent } from "@/app/api/v1/call-events/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { formatSummary, runSimulation } from "@/lib/demo/simulate";
import type { TriggerType } from "@/lib/model/trigger-types";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { createUserWithProject } from "../helpers/factories";

const APP_URL = "http://127.0.0.1:3999";
const ENDPOINT = `${APP_URL}/api/v1/call-events`;

// The same pseudo-random calls on every run, so a failure can be replayed.
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fetch that hands each request to the route handler itself, as Next would. */
function routeFetch(
  options: { seen?: string[]; delayMs?: number; onFlight?: (n: number) => void } = {},
) {
  let inFlight = 0;
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    options.seen?.push(`${request.method} ${request.url}`);
    inFlight += 1;
    options.onFlight?.(inFlight);
    try {
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      return await postCallEvent(request, { params: Promise.resolve({}) });
    } finally {
      inFlight -= 1;
    }
  }) as typeof fetch;
}

const hook = (url: string) => ({
  url,
  method: "POST" as const,
  params: [{ name: "id", type: "text" as const, value: "{{uniqueid}}" }],
});

async function projectWithKey(label: string) {
  const { project } = await createUserWithProject(label);
  const { key } = await createApiKey(project.id, { name: "Simulator" });
  return { projectId: project.id, key };
}

describe("runSimulation against the real call-events route", () => {
  it("plays every call's events in order and counts what the route stored", async () => {
    const { projectId, key } = await projectWithKey("simulate");
    // Deliveries per moment: the locked Google Analytics event also listens to incoming after-call.
    await createWebhookEvent(projectId, {
      name: "CRM after call",
      type: "incoming.after_call",
      requests: [hook("https://crm.example.com/calls")],
    });
    await createWebhookEvent(projectId, {
      name: "Pop-up at pick-up",
      type: "incoming.answered",
      requests: [hook("https://a.example.com/1"), hook("https://b.example.com/2")],
    });
    await createWebhookEvent(projectId, {
      name: "Outgoing log",
      type: "outgoing.after_call",
      requests: [hook("https://crm.example.com/out")],
    });
    const perMoment: Partial<Record<TriggerType, number>> = {
      "incoming.after_call": 2,
      "incoming.answered": 2,
      "outgoing.after_call": 1,
    };

    const seen: string[] = [];
    const summary = await runSimulation({
      url: APP_URL,
      key,
      calls: 30,
      rate: 500,
      fetch: routeFetch({ seen }),
      random: seeded(7),
    });

    const events = await db.callEvent.findMany({
      where: { projectId },
      orderBy: [{ receivedAt: "asc" }],
      select: { triggerType: true, occurredAt: true, call: true, externalId: true },
    });
    const deliveries = await db.delivery.count({ where: { projectId } });
    expect(summary).toMatchObject({
      calls: 30,
      eventsPosted: events.length,
      accepted: events.length,
      duplicates: 0,
      errors: {},
      deliveriesCreated: deliveries,
    });
    expect(events.length).toBeGreaterThanOrEqual(60);
    expect(deliveries).toBe(
      events.reduce((sum, e) => sum + (perMoment[e.triggerType as TriggerType] ?? 0), 0),
    );
    expect(deliveries).toBeGreaterThan(0);
    // Only ever the endpoint under --url.
    expect(new Set(seen)).toEqual(new Set([`POST ${ENDPOINT}`]));

    const byCall = new Map<string, typeof events>();
    for (const event of events) {
      const id = String((event.call as { uniqueid: string }).uniqueid);
      byCall.set(id, [...(byCall.get(id) ?? []), event]);
    }
    expect(byCall.size).toBe(30);
    const directions = new Set<string>();
    for (const [uniqueid, flow] of byCall) {
      const first = flow[0]?.triggerType ?? "";
      directions.add(first.split(".")[0] ?? "");
      expect(first).toMatch(/\.before_call$/);
      expect(flow.some((e) => e.triggerType.endsWith(".after_call"))).toBe(true);
      // Posted in the order they happened, each with its idempotency id.
      const times = flow.map((e) => e.occurredAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const e of flow) expect(e.externalId).toBe(`sim:${uniqueid}:${e.triggerType}`);
    }
    expect(directions).toEqual(new Set(["incoming", "outgoing"]));
    expect(summary.elapsedMs).toBeGreaterThan(0);
    expect(summary.callsPerSecond).toBeGreaterThan(0);
    expect(summary.eventsPerSecond).toBeCloseTo(
      summary.eventsPosted / (summary.elapsedMs / 1000),
      0,
    );

    const printed = formatSummary(summary, 500);
    expect(printed).toContain(`calls:              30`);
    expect(printed).toContain(`accepted (202):     ${events.length}`);
    expect(printed).toContain(`deliveries created: ${deliveries}`);
    expect(printed).toContain("errors:             0");
  });

  it("honours the chosen direction and outcome", async () => {
    const { projectId, key } = await projectWithKey("chosen");
    const summary = await runSimulation({
      url: APP_URL,
      key,
      calls: 5,
      rate: 500,
      direction: "incoming",
      outcome: "evaluated",
      fetch: routeFetch(),
      random: seeded(11),
    });
    expect(summary.eventsPosted).toBe(20);
    const types = await db.callEvent.groupBy({
      by: ["triggerType"],
      where: { projectId },
      _count: { _all: true },
    });
    expect(Object.fromEntries(types.map((t) => [t.triggerType, t._count._all]))).toEqual({
      "incoming.before_call": 5,
      "incoming.answered": 5,
      "incoming.after_call": 5,
      "incoming.after_evaluation": 5,
    });
    // Each evaluated call was answered; the Google Analytics event fired once per after-call.
    const after = await db.callEvent.findMany({
      where: { projectId, triggerType: "incoming.after_call" },
      select: { call: true },
    });
    for (const { call } of after) expect(call).toMatchObject({ disposition: "ANSWERED" });
    expect(summary.deliveriesCreated).toBe(5);
  });

  it("counts a second post of the same call event as a duplicate, storing it once", async () => {
    const { projectId, key } = await projectWithKey("twice");
    const handler = routeFetch();
    // The network layer delivers every request twice: the app must answer the repeat with 200.
    const twice = (async (input: RequestInfo | URL, init?: RequestInit) => {
      await handler(input, init);
      return handler(input, init);
    }) as typeof fetch;
    const summary = await runSimulation({
      url: APP_URL,
      key,
      calls: 4,
      rate: 500,
      fetch: twice,
      random: seeded(3),
    });
    expect(summary.accepted).toBe(0);
    expect(summary.duplicates).toBe(summary.eventsPosted);
    expect(summary.deliveriesCreated).toBe(0);
    expect(await db.callEvent.count({ where: { projectId } })).toBe(summary.eventsPosted);
  });

  it("reports errors by status and network failures, storing nothing for a wrong key", async () => {
    const { projectId } = await projectWithKey("wrong-key");
    const before = await db.callEvent.count();
    const summary = await runSimulation({
      url: APP_URL,
      key: "whk_not_a_key",
      calls: 3,
      rate: 500,
      fetch: routeFetch(),
      random: seeded(5),
    });
    expect(summary.accepted).toBe(0);
    expect(summary.errors).toEqual({ "401": summary.eventsPosted });
    // The same failure is listed once, however often it happened.
    expect(summary.errorSamples).toEqual([
      "401: Missing, unknown or revoked API key in the Auth-key header",
    ]);
    expect(await db.callEvent.count()).toBe(before);
    expect(await db.callEvent.count({ where: { projectId } })).toBe(0);
    expect(formatSummary(summary)).toContain(`errors:             ${summary.eventsPosted} (401: `);

    const refused = (async () => {
      throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    }) as typeof fetch;
    const offline = await runSimulation({
      url: APP_URL,
      key: "k",
      calls: 2,
      rate: 500,
      fetch: refused,
    });
    expect(offline.errors).toEqual({ network: offline.eventsPosted });
    expect(offline.errorSamples[0]).toBe("network: ECONNREFUSED");
  });

  it("starts calls at the asked rate and keeps at most `concurrency` in flight", async () => {
    const { key } = await projectWithKey("paced");
    const paced = await runSimulation({
      url: APP_URL,
      key,
      calls: 6,
      rate: 20,
      fetch: routeFetch(),
      random: seeded(9),
    });
    // Six calls at 20/s: the last starts 250 ms after the first.
    expect(paced.elapsedMs).toBeGreaterThanOrEqual(240);

    let peak = 0;
    const bounded = await runSimulation({
      url: APP_URL,
      key,
      calls: 12,
      rate: 1000,
      concurrency: 3,
      fetch: routeFetch({ delayMs: 15, onFlight: (n) => (peak = Math.max(peak, n)) }),
      random: seeded(13),
    });
    expect(bounded.errors).toEqual({});
    expect(peak).toBe(3);
  });

  it("keeps a path prefix of --url and refuses a URL that is not http(s)", async () => {
    const seen: string[] = [];
    const { key } = await projectWithKey("prefix");
    await runSimulation({
      url: "http://127.0.0.1:3999/pbx/",
      key,
      calls: 1,
      rate: 100,
      fetch: routeFetch({ seen }),
    });
    expect(seen.every((s) => s === "POST http://127.0.0.1:3999/pbx/api/v1/call-events")).toBe(true);
    await expect(
      runSimulation({ url: "file:///etc/passwd", key, calls: 1, rate: 1, fetch: routeFetch() }),
    ).rejects.toThrow(/http/);
  });
});

describe("npm run simulate", () => {
  const tsx = path.resolve("node_modules/.bin/tsx");
  const run = (args: string[]) =>
    spawnSync(tsx, ["scripts/simulate.ts", ...args], { encoding: "utf8", timeout: 30_000 });

  it("refuses to run without --url and --key, with a usage message", () => {
    for (const args of [[], ["--url", APP_URL], ["--key", "whk_x"]]) {
      const result = run(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("Both --url and --key are required.");
      expect(result.stderr).toContain("Usage: npm run simulate -- --url <app URL> --key <API key>");
      expect(result.stdout).toBe("");
    }
  });

  it("refuses bad numbers and choices before sending anything", () => {
    const base = ["--url", APP_URL, "--key", "whk_x"];
    expect(run([...base, "--calls", "0"]).stderr).toContain("--calls must be a whole number");
    expect(run([...base, "--rate", "fast"]).stderr).toContain("--rate must be a number");
    expect(run([...base, "--outcome", "lost"]).stderr).toContain("--outcome must be mixed");
    expect(run(["--url", "ftp://x", "--key", "k"]).stderr).toContain("--url must be an http://");
  });
});
