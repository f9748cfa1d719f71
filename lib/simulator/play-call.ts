import { z } from "zod";
import { ingestCallEvent } from "../dispatch/ingest";
import { AppError } from "../errors";
import type { TriggerType } from "../model/trigger-types";
import { buildCallLifecycle, lifecycleTypes, newCallId } from "./lifecycle";
import { type SimulatedCall, toLifecycleOptions } from "./simulation-options";

/** What identifies one simulated call between its steps: the rest follows from the options. */
export const callPlanSchema = z
  .object({
    uniqueid: z.string().regex(/^\d{1,12}\.\d{9}$/, "not a simulated call id"),
    startedAt: z.iso.datetime(),
  })
  .strict();

export type CallPlan = z.infer<typeof callPlanSchema>;

export type PlannedCall = CallPlan & { moments: { type: TriggerType; occurredAt: string }[] };

export type PlayedMoment = {
  type: TriggerType;
  callEventId: string;
  deliveryIds: string[];
  /** False when this moment had been posted before (same idempotency id): nothing new was made. */
  created: boolean;
};

export function planSimulatedCall(call: SimulatedCall, now = new Date()): PlannedCall {
  const plan = { uniqueid: newCallId(now), startedAt: now.toISOString() };
  const events = buildCallLifecycle(toLifecycleOptions(call), {
    uniqueid: plan.uniqueid,
    start: now,
  });
  return { ...plan, moments: events.map(({ type, occurredAt }) => ({ type, occurredAt })) };
}

/**
 * Posts one moment of a simulated call through the same ingest as `POST /api/v1/call-events`.
 * The lifecycle is rebuilt from the options and the plan, so a step posted twice carries the
 * same idempotency id and creates nothing the second time.
 */
export async function playSimulatedMoment(
  projectId: string,
  call: SimulatedCall,
  plan: CallPlan,
  step: number,
): Promise<PlayedMoment> {
  const events = buildCallLifecycle(toLifecycleOptions(call), {
    uniqueid: plan.uniqueid,
    start: new Date(plan.startedAt),
  });
  const event = events[step];
  if (!event) {
    const count = lifecycleTypes(call.direction, call.outcome).length;
    throw new AppError("bad_request", { key: "simulatorStep", values: { count, step } });
  }
  const result = await ingestCallEvent(projectId, event);
  return {
    type: event.type,
    callEventId: result.callEventId,
    deliveryIds: result.deliveries,
    created: result.created,
  };
}
