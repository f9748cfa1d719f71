import { isOneOf } from "./one-of";

export const TRIGGER_TYPES = [
  "incoming.before_call",
  "incoming.answered",
  "incoming.forwarded",
  "incoming.after_call",
  "incoming.after_evaluation",
  "outgoing.before_call",
  "outgoing.after_call",
] as const;

export type TriggerType = (typeof TRIGGER_TYPES)[number];

export type TriggerGroup = "Incoming call" | "Outgoing call";

export const TRIGGER_LABELS: Record<TriggerType, { group: TriggerGroup; label: string }> = {
  "incoming.before_call": { group: "Incoming call", label: "before the call" },
  "incoming.answered": { group: "Incoming call", label: "at the moment of picking up the phone" },
  "incoming.forwarded": { group: "Incoming call", label: "at the moment of call forwarding" },
  "incoming.after_call": { group: "Incoming call", label: "after the call" },
  "incoming.after_evaluation": { group: "Incoming call", label: "after the call evaluation menu" },
  "outgoing.before_call": { group: "Outgoing call", label: "before the call" },
  "outgoing.after_call": { group: "Outgoing call", label: "after the call" },
};

/** The call direction of a trigger: the catalogs' "triggers.group" keys. */
export type TriggerDirection = "incoming" | "outgoing";

export function triggerGroupOf(type: TriggerType): TriggerDirection {
  return type.startsWith("incoming.") ? "incoming" : "outgoing";
}

export function isTriggerType(value: string): value is TriggerType {
  return isOneOf(TRIGGER_TYPES, value);
}

export function describeTrigger(type: string): { group: string; label: string } {
  return isTriggerType(type) ? TRIGGER_LABELS[type] : { group: "Unknown", label: type };
}
