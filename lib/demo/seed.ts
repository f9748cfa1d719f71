// `npm run seed:demo`: a project full of realistic deliveries for trying the error check page
// at volume. Events are created through the webhook services; the bulk rows are written with
// prepared better-sqlite3 statements on the same file (about 10× Prisma's insert rate), in the
// exact formats Prisma writes (ISO text instants, JSON text, 0/1 booleans).
import { randomBytes } from "node:crypto";
import { hashPassword } from "../auth/password";
import { db } from "../db/client";
import { goneReason } from "../dispatch/paused-reason";
import { EXPONENTIAL_DELAYS_MS } from "../dispatch/retry-policy";
import { env } from "../env";
import { notFound } from "../errors";
import type { TriggerType } from "../model/trigger-types";
import { createProjectInTx } from "../projects/service";
import { renderRequest } from "../render";
import type { WebhookRequestDto } from "../webhooks/serializers";
import { createWebhookEvent, listWebhookEvents } from "../webhooks/service";
import { callTime, createRandom, demoCall, pickWeighted, type Random } from "./calls";
import { DEMO_EVENTS, type FailureKind, type FailureProfile, TRIGGER_WEIGHTS } from "./events";
import { type DemoOutcome, failureOutcome, successOutcome } from "./outcomes";
import { type DemoRows, type DemoWriter, openDemoWriter } from "./writer";

export const DEMO_DAYS = 7;
const HOUR_MS = 3_600_000;

export type DemoSeedResult = {
  projectId: string;
  events: number;
  callEvents: number;
  deliveries: number;
  succeeded: number;
  failed: number;
  attempts: number;
  ms: number;
};

/** The project to fill: the given one, else the first, else a new demo user and project. */
export async function ensureDemoProject(projectId?: string): Promise<{
  projectId: string;
  credentials: { email: string; password: string } | null;
}> {
  if (projectId) {
    const project = await db.project.findUnique({ where: { id: projectId }, select: { id: true } });
    if (!project) throw notFound("Project");
    return { projectId, credentials: null };
  }
  const first = await db.project.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
  if (first) return { projectId: first.id, credentials: null };
  const email = "demo@example.com";
  const password = `demo-${randomBytes(6).toString("hex")}`;
  const passwordHash = await hashPassword(password);
  const project = await db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, passwordHash } });
    return createProjectInTx(tx, { name: "Demo project", ownerId: user.id });
  });
  return { projectId: project.id, credentials: { email, password } };
}

type DemoRequest = {
  request: WebhookRequestDto & { id: string };
  eventId: string;
  eventName: string;
  profile: FailureProfile;
};

const DEFAULT_PROFILE: FailureProfile = { rate: 0.1, kinds: [["500", 1]] };

/** The demo events of the project, created once (found by name on later runs). */
async function ensureDemoEvents(projectId: string): Promise<Map<TriggerType, DemoRequest[]>> {
  const existing = await listWebhookEvents(projectId);
  const byType = new Map<TriggerType, DemoRequest[]>();
  for (const demo of DEMO_EVENTS) {
    const event =
      existing.find((e) => e.name === demo.input.name) ??
      (await createWebhookEvent(projectId, demo.input));
    const requests = event.requests.map((request, index) => ({
      request,
      eventId: event.id,
      eventName: event.name,
      profile: demo.profiles[index] ?? DEFAULT_PROFILE,
    }));
    const type = demo.input.type;
    byType.set(type, [...(byType.get(type) ?? []), ...requests]);
  }
  return byType;
}

type Plan = { ok: boolean; kinds: Array<FailureKind | null> };

function planAttempts(
  profile: FailureProfile,
  hoursAgo: number,
  maxAttempts: number,
  random: Random,
): Plan {
  const incident =
    profile.incident &&
    hoursAgo <= profile.incident.fromHoursAgo &&
    hoursAgo >= profile.incident.toHoursAgo
      ? profile.incident
      : null;
  if (random() < (incident?.rate ?? profile.rate)) {
    const kind = pickWeighted(random, incident?.kinds ?? profile.kinds);
    // A 410 stops the retries at once (and pauses the request).
    return {
      ok: false,
      kinds: Array.from({ length: kind === "410" ? 1 : maxAttempts }, () => kind),
    };
  }
  // Some deliveries got through on a retry after a blip.
  if (random() < 0.06) return { ok: true, kinds: [pickWeighted(random, profile.kinds), null] };
  return { ok: true, kinds: [null] };
}

type Context = {
  projectId: string;
  timeZone: string;
  now: Date;
  random: Random;
  writer: DemoWriter;
  checkerId: string | null;
};

/** One call event with a delivery per demo request of its type (and their attempts). */
function buildCallEvent(
  context: Context,
  type: TriggerType,
  at: Date,
  sequence: number,
  requests: DemoRequest[],
  forced?: { requestId: string; plan: Plan },
): DemoRows {
  const { random, writer } = context;
  const hoursAgo = (context.now.getTime() - at.getTime()) / HOUR_MS;
  const call = demoCall(type, at, sequence, random);
  const rows: DemoRows = {
    callEvent: { id: writer.newId(at), projectId: context.projectId, triggerType: type, at, call },
    deliveries: [],
  };
  for (const demo of requests) {
    const isForced = forced?.requestId === demo.request.id;
    // After its 410 the request is paused: ingest creates no deliveries for it.
    const gone = demo.profile.goneHoursAgo;
    if (!isForced && gone !== undefined && hoursAgo <= gone) continue;
    const id = writer.newId(at);
    const rendered = renderRequest(demo.request, call, {
      projectId: context.projectId,
      timeZone: context.timeZone,
      eventType: type,
      eventTime: at,
      deliveryId: id,
    });
    const maxAttempts = demo.request.retry.attempts;
    const plan = isForced ? forced.plan : planAttempts(demo.profile, hoursAgo, maxAttempts, random);
    let attemptAt = at.getTime() + 50 + Math.floor(random() * 400);
    const attempts = plan.kinds.map((kind, index) => {
      if (index > 0) {
        attemptAt += (EXPONENTIAL_DELAYS_MS[index - 1] ?? HOUR_MS) * (0.8 + random() * 0.4);
      }
      const startedAt = new Date(attemptAt);
      const outcome: DemoOutcome = kind
        ? failureOutcome(kind, new URL(rendered.url), random, startedAt, demo.request.timeoutMs)
        : successOutcome(random, startedAt);
      return { id: writer.newId(startedAt), number: index + 1, startedAt, outcome };
    });
    const last = attempts.at(-1);
    if (!last) continue;
    const completedAt = new Date(last.startedAt.getTime() + last.outcome.durationMs);
    const checked = !plan.ok && hoursAgo > 48 && context.checkerId !== null && random() < 0.3;
    rows.deliveries.push({
      id,
      webhookEventId: demo.eventId,
      webhookRequestId: demo.request.id,
      eventName: demo.eventName,
      status: plan.ok ? "succeeded" : "failed",
      maxAttempts,
      rendered,
      attempts,
      completedAt,
      checkedAt: checked ? new Date(completedAt.getTime() + 6 * HOUR_MS) : null,
      checkedById: checked ? context.checkerId : null,
    });
  }
  return rows;
}

/**
 * Writes `deliveries` deliveries over the last 7 days into the project: call events of the
 * demo events' trigger types, ~85% delivered, the rest failed with the demo requests' error
 * kinds (an outage included), with their attempts; older failures partly marked checked.
 */
export async function seedDemoData(options: {
  projectId: string;
  deliveries: number;
  now?: Date;
  seed?: number;
  file?: string;
}): Promise<DemoSeedResult> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const random = createRandom(options.seed ?? 20261129);
  const project = await db.project.findUniqueOrThrow({
    where: { id: options.projectId },
    select: { id: true, timeZone: true },
  });
  const member = await db.membership.findFirst({
    where: { projectId: project.id },
    select: { userId: true },
  });
  const byType = await ensureDemoEvents(project.id);
  const types = TRIGGER_WEIGHTS.filter(([type]) => byType.has(type));
  const writer = await openDemoWriter(options.file ? `file:${options.file}` : env().DATABASE_URL);
  const result: DemoSeedResult = {
    projectId: project.id,
    events: DEMO_EVENTS.length,
    callEvents: 0,
    deliveries: 0,
    succeeded: 0,
    failed: 0,
    attempts: 0,
    ms: 0,
  };
  const context: Context = {
    projectId: project.id,
    timeZone: project.timeZone,
    now,
    random,
    writer,
    checkerId: member?.userId ?? null,
  };
  const count = (rows: DemoRows) => {
    result.callEvents += 1;
    for (const delivery of rows.deliveries) {
      result.deliveries += 1;
      result.attempts += delivery.attempts.length;
      if (delivery.status === "succeeded") result.succeeded += 1;
      else result.failed += 1;
    }
    return rows;
  };
  const paused: Array<{ requestId: string; at: Date }> = [];
  let batch: DemoRows[] = [];
  try {
    // The retired endpoint's one 410, at the moment it was paused.
    for (const [type, requests] of byType) {
      for (const demo of requests) {
        const gone = demo.profile.goneHoursAgo;
        if (gone === undefined || result.deliveries >= options.deliveries) continue;
        const at = new Date(now.getTime() - gone * HOUR_MS);
        const plan: Plan = { ok: false, kinds: ["410"] };
        const only = requests.filter((r) => r === demo);
        batch.push(
          count(
            buildCallEvent(context, type, at, result.callEvents, only, {
              requestId: demo.request.id,
              plan,
            }),
          ),
        );
        paused.push({ requestId: demo.request.id, at });
      }
    }
    // Calls in time order: the indexes then grow at their ends instead of splitting pages
    // all over the file, which is most of the write time at this volume.
    const calls: Array<{ type: TriggerType; at: Date }> = [];
    for (let planned = result.deliveries; planned < options.deliveries; ) {
      const type = pickWeighted(random, types);
      const at = callTime(random, now, DEMO_DAYS, project.timeZone);
      const hoursAgo = (now.getTime() - at.getTime()) / HOUR_MS;
      const live = (byType.get(type) ?? []).filter(
        ({ profile }) => profile.goneHoursAgo === undefined || hoursAgo > profile.goneHoursAgo,
      );
      calls.push({ type, at });
      planned += live.length;
    }
    calls.sort((a, b) => a.at.getTime() - b.at.getTime());
    for (const { type, at } of calls) {
      const room = options.deliveries - result.deliveries;
      const rows = buildCallEvent(context, type, at, result.callEvents, byType.get(type) ?? []);
      rows.deliveries = rows.deliveries.slice(0, room);
      batch.push(count(rows));
      if (batch.length >= 2000) {
        await writer.write(batch);
        batch = [];
      }
    }
    await writer.write(batch);
  } finally {
    await writer.close();
  }
  for (const { requestId, at } of paused) {
    await db.webhookRequest.update({
      where: { id: requestId },
      data: { pausedAt: at, pausedReason: goneReason() },
    });
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}
