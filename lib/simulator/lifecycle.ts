import { sampleCallFor } from "../model/sample-calls";
import type { TriggerType } from "../model/trigger-types";

export const CALL_DIRECTIONS = ["incoming", "outgoing"] as const;
export const CALL_OUTCOMES = ["answered", "no_answer", "busy", "forwarded", "evaluated"] as const;
/** Outgoing calls have no forwarding or evaluation moment: only these outcomes apply to them. */
export const OUTGOING_OUTCOMES = ["answered", "no_answer", "busy"] as const;

export type CallDirection = (typeof CALL_DIRECTIONS)[number];
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const OUTCOME_LABELS: Record<CallOutcome, string> = {
  answered: "Answered",
  no_answer: "No answer",
  busy: "Busy",
  forwarded: "Answered, then forwarded",
  evaluated: "Answered, then evaluated",
};

export type LifecycleOptions = {
  direction: CallDirection;
  caller: string;
  /** The number that was called (`dst`). */
  number: string;
  employee: { number: string; name: string };
  department: string;
  outcome: CallOutcome;
};

/** How long each phase lasts, in whole seconds; the defaults make a plausible short call. */
export type LifecycleTiming = {
  /** Ringing before pick-up (answered) or before the caller gave up (no answer). */
  ringSeconds: number;
  /** Talk time of an answered call. */
  talkSeconds: number;
};

export const DEFAULT_TIMING: LifecycleTiming = { ringSeconds: 14, talkSeconds: 96 };
// A busy line answers at once; forwarding happens part-way through the talk; the caller scores
// the call in the menu a little after hanging up.
const BUSY_SECONDS = 2;
const FORWARD_AFTER_TALK_SECONDS = 25;
const EVALUATION_SECONDS = 18;
const FORWARD_DESTINATION = "380509998877";
const EVALUATION_CATEGORY = "Якість обслуговування";
const EVALUATION_SCORE = 5;

export type LifecycleEvent = {
  /** Idempotency id: the same call and moment always post with the same id. */
  id: string;
  type: TriggerType;
  occurredAt: string;
  call: Record<string, unknown>;
};

export function outcomesFor(direction: CallDirection): readonly CallOutcome[] {
  return direction === "incoming" ? CALL_OUTCOMES : OUTGOING_OUTCOMES;
}

function wasAnswered(outcome: CallOutcome): boolean {
  return outcome === "answered" || outcome === "forwarded" || outcome === "evaluated";
}

/** The moments the platform posts for a call with this direction and outcome, in order. */
export function lifecycleTypes(direction: CallDirection, outcome: CallOutcome): TriggerType[] {
  if (direction === "outgoing") return ["outgoing.before_call", "outgoing.after_call"];
  const types: TriggerType[] = ["incoming.before_call"];
  if (wasAnswered(outcome)) types.push("incoming.answered");
  if (outcome === "forwarded") types.push("incoming.forwarded");
  types.push("incoming.after_call");
  if (outcome === "evaluated") types.push("incoming.after_evaluation");
  return types;
}

type CallResult = {
  disposition: "ANSWERED" | "NO ANSWER" | "BUSY";
  waittime: number;
  billsec: number;
  duration: number;
};

function resultOf(outcome: CallOutcome, timing: LifecycleTiming): CallResult {
  // Whole seconds, and long enough that every moment gets a time of its own.
  const ring = Math.max(1, Math.round(timing.ringSeconds));
  const talk = Math.max(2, Math.round(timing.talkSeconds));
  if (outcome === "busy") {
    return { disposition: "BUSY", waittime: BUSY_SECONDS, billsec: 0, duration: BUSY_SECONDS };
  }
  if (!wasAnswered(outcome)) {
    return { disposition: "NO ANSWER", waittime: ring, billsec: 0, duration: ring };
  }
  return { disposition: "ANSWERED", waittime: ring, billsec: talk, duration: ring + talk };
}

function secondsAfter(start: Date, seconds: number): string {
  return new Date(start.getTime() + seconds * 1000).toISOString();
}

/** When each moment happens, in seconds from the start of the call. */
function offsetOf(type: TriggerType, result: CallResult): number {
  switch (type) {
    case "incoming.before_call":
    case "outgoing.before_call":
      return 0;
    case "incoming.answered":
      return result.waittime;
    case "incoming.forwarded":
      return result.waittime + Math.min(FORWARD_AFTER_TALK_SECONDS, result.billsec - 1);
    case "incoming.after_call":
    case "outgoing.after_call":
      return result.duration;
    case "incoming.after_evaluation":
      return result.duration + EVALUATION_SECONDS;
  }
}

function recordingUrl(start: Date, uniqueid: string): string {
  const day = start.toISOString().slice(0, 10).replaceAll("-", "/");
  return `https://records.example.com/${day}/${uniqueid}.mp3`;
}

/**
 * The call data of one moment: the sample call of that trigger type (which carries exactly its
 * variables) with this call's parties, id, times and result written over it.
 */
function callAt(
  type: TriggerType,
  options: LifecycleOptions,
  result: CallResult,
  uniqueid: string,
  start: Date,
): Record<string, unknown> {
  const call = sampleCallFor(type).call;
  const overrides: Record<string, unknown> = {
    uniqueid,
    calldate: start.toISOString(),
    caller: options.caller,
    dst: options.number,
    call_type: options.direction === "incoming" ? "in" : "out",
    employee_number: options.employee.number,
    employee_fio: options.employee.name,
    department: options.department,
    waittime: result.waittime,
    disposition: result.disposition,
    duration: result.duration,
    billsec: result.billsec,
    has_recording: result.billsec > 0,
    recording: result.billsec > 0 ? recordingUrl(start, uniqueid) : null,
    forward_destination: FORWARD_DESTINATION,
    category_name: EVALUATION_CATEGORY,
    category_value: EVALUATION_SCORE,
    evaluating_employee: options.employee.name,
  };
  // Only the variables this moment carries: the sample's keys decide which overrides apply.
  for (const key of Object.keys(call)) {
    if (key in overrides) call[key] = overrides[key];
  }
  return call;
}

/**
 * A fresh call id in the platform's form, `<unix seconds>.<sequence>`; the 9 random digits keep
 * ids of calls started in the same second apart.
 */
export function newCallId(now: Date, random: () => number = Math.random): string {
  const sequence = Math.floor(random() * 1e9)
    .toString()
    .padStart(9, "0");
  return `${Math.floor(now.getTime() / 1000)}.${sequence}`;
}

/** The idempotency id of one moment of a simulated call. */
export function lifecycleEventId(uniqueid: string, type: TriggerType): string {
  return `sim:${uniqueid}:${type}`;
}

/**
 * The call events the telephony platform would post for one call, in order and with times
 * increasing from `start`. Pure: the same options, id and start give the same events, so a
 * simulated call can be replayed step by step (each step posting with its idempotency id).
 */
export function buildCallLifecycle(
  options: LifecycleOptions,
  call: { uniqueid: string; start: Date; timing?: LifecycleTiming },
): LifecycleEvent[] {
  const timing = call.timing ?? DEFAULT_TIMING;
  const result = resultOf(options.outcome, timing);
  return lifecycleTypes(options.direction, options.outcome).map((type) => ({
    id: lifecycleEventId(call.uniqueid, type),
    type,
    occurredAt: secondsAfter(call.start, offsetOf(type, result)),
    call: callAt(type, options, result, call.uniqueid, call.start),
  }));
}
