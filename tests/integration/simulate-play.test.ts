import "../helpers/fresh-database";
import "../helpers/allow-private-targets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { countListeningEvents, listCallEventDeliveries } from "@/lib/simulator/call-deliveries";
import { planSimulatedCall, playSimulatedMoment } from "@/lib/simulator/play-call";
import { DEFAULT_SIMULATED_CALL, type SimulatedCall } from "@/lib/simulator/simulation-options";
import { createWebhookEvent } from "@/lib/webhooks/service";
import { runDueDeliveries } from "../helpers/deliveries";
import { createUserWithProject } from "../helpers/factories";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";

let crm: LoopbackServer;
let broken: LoopbackServer;

beforeAll(async () => {
  crm = await startLoopbackServer();
  broken = await startLoopbackServer((_request, response) =>
    response.writeHead(503).end("down for maintenance"),
  );
});

afterAll(async () => {
  await crm.close();
  await broken.close();
});

const hook = (url: string, attempts = 4) => ({
  url,
  method: "POST" as const,
  params: [{ name: "call_id", type: "text" as const, value: "{{uniqueid}}" }],
  retry: { attempts, schedule: "exponential" as const },
});

async function playWholeCall(projectId: string, call: SimulatedCall) {
  const plan = planSimulatedCall(call, new Date("2026-11-29T09:30:00Z"));
  const played = [];
  for (let step = 0; step < plan.moments.length; step += 1) {
    played.push(await playSimulatedMoment(projectId, call, plan, step));
  }
  return { plan, played };
}

describe("playing a simulated call through ingest", () => {
  it("posts each moment as a call event, fires the listening events, and reads their results", async () => {
    const { project } = await createUserWithProject("simulator");
    const projectId = project.id;
    await db.webhookEvent.updateMany({ where: { projectId }, data: { enabled: false } });
    await createWebhookEvent(projectId, {
      name: "Card on pick-up",
      type: "incoming.answered",
      requests: [hook(`${crm.origin}/answered`)],
    });
    await createWebhookEvent(projectId, {
      name: "Call to CRM",
      type: "incoming.after_call",
      requests: [hook(`${crm.origin}/after?id={{uniqueid}}`), hook(`${broken.origin}/bi`, 1)],
    });
    expect(await countListeningEvents(projectId)).toEqual({
      "incoming.answered": 1,
      "incoming.after_call": 1,
    });

    const { plan, played } = await playWholeCall(projectId, DEFAULT_SIMULATED_CALL);
    expect(played.map((p) => p.type)).toEqual([
      "incoming.before_call",
      "incoming.answered",
      "incoming.after_call",
    ]);
    expect(played.map((p) => [p.created, p.deliveryIds.length])).toEqual([
      [true, 0],
      [true, 1],
      [true, 2],
    ]);
    const stored = await db.callEvent.findMany({
      where: { projectId },
      orderBy: { occurredAt: "asc" },
    });
    expect(stored.map((e) => e.externalId)).toEqual(
      played.map((p) => `sim:${plan.uniqueid}:${p.type}`),
    );
    expect(stored.map((e) => (e.call as { uniqueid: string }).uniqueid)).toEqual([
      plan.uniqueid,
      plan.uniqueid,
      plan.uniqueid,
    ]);

    const ids = played.map((p) => p.callEventId);
    const before = await listCallEventDeliveries(projectId, ids);
    expect(before.map((e) => [e.triggerType, e.deliveries.map((d) => d.status)])).toEqual([
      ["incoming.before_call", []],
      ["incoming.answered", ["pending"]],
      ["incoming.after_call", ["pending", "pending"]],
    ]);

    await runDueDeliveries();
    const [, answered, after] = await listCallEventDeliveries(projectId, ids);
    const host = crm.origin.replace("http://", "");
    expect(answered?.deliveries).toEqual([
      expect.objectContaining({
        eventName: "Card on pick-up",
        host,
        status: "succeeded",
        statusCode: 200,
        attempts: 1,
        maxAttempts: 4,
        error: null,
        nextAttemptAt: null,
      }),
    ]);
    expect(after?.deliveries).toEqual([
      expect.objectContaining({ host, status: "succeeded", statusCode: 200, attempts: 1 }),
      expect.objectContaining({
        eventName: "Call to CRM",
        host: broken.origin.replace("http://", ""),
        status: "failed",
        statusCode: 503,
        attempts: 1,
        maxAttempts: 1,
      }),
    ]);
    expect(after?.deliveries[1]?.error).toMatch(/503/);
    // The receiver got the call it was told about.
    expect(crm.requests.map((r) => r.target)).toContain(
      `/after?id=${encodeURIComponent(plan.uniqueid)}`,
    );
  });

  it("creates nothing when a step is posted again, and refuses a step the call does not have", async () => {
    const { project } = await createUserWithProject("replay");
    const call = { ...DEFAULT_SIMULATED_CALL, outcome: "busy" as const };
    const plan = planSimulatedCall(call);
    const first = await playSimulatedMoment(project.id, call, plan, 1);
    const again = await playSimulatedMoment(project.id, call, plan, 1);
    expect(first.type).toBe("incoming.after_call");
    expect(again).toEqual({ ...first, created: false });
    expect(await db.callEvent.count({ where: { projectId: project.id } })).toBe(1);

    const missing = playSimulatedMoment(project.id, call, plan, 2);
    await expect(missing).rejects.toBeInstanceOf(AppError);
    await expect(missing).rejects.toThrow("This call has 2 moments; step 2 is not one");
  });

  it("reads deliveries only of the project's own call events", async () => {
    const mine = await createUserWithProject("mine");
    const theirs = await createUserWithProject("theirs");
    const { played } = await playWholeCall(theirs.project.id, DEFAULT_SIMULATED_CALL);
    const theirIds = played.map((p) => p.callEventId);
    // Their Google Analytics event fired on their after-call moment.
    expect((await listCallEventDeliveries(theirs.project.id, theirIds)).length).toBe(3);
    expect(await listCallEventDeliveries(mine.project.id, theirIds)).toEqual([]);
  });
});
