import { TRIGGER_LABELS, TRIGGER_TYPES, type TriggerType } from "./trigger-types";

export type VariableType = "string" | "number" | "boolean" | "date" | "url";

export type CatalogVariable = {
  id: string;
  label: string;
  type: VariableType;
  description: string;
  example: string | number | boolean;
  /** Context variables come from the project and the delivery, not from the call. */
  source: "call" | "context";
  triggers: readonly TriggerType[];
};

const ALL = TRIGGER_TYPES;
const INCOMING = TRIGGER_TYPES.filter((t) => t.startsWith("incoming."));
// Moments at which the call has ended: only then are its duration, result and recording known.
const FINISHED: TriggerType[] = [
  "incoming.after_call",
  "incoming.after_evaluation",
  "outgoing.after_call",
];
// Moments at which an employee is on the call (outgoing calls are placed by one).
const WITH_EMPLOYEE: TriggerType[] = [
  "incoming.answered",
  "incoming.forwarded",
  "incoming.after_call",
  "incoming.after_evaluation",
  "outgoing.before_call",
  "outgoing.after_call",
];
// Waiting time is known from the moment someone picks up.
const WITH_WAITTIME: TriggerType[] = [
  "incoming.answered",
  "incoming.forwarded",
  "incoming.after_call",
  "incoming.after_evaluation",
  "outgoing.after_call",
];

function call(
  id: string,
  label: string,
  type: VariableType,
  triggers: readonly TriggerType[],
  example: CatalogVariable["example"],
  description: string,
): CatalogVariable {
  return { id, label, type, description, example, source: "call", triggers };
}

function context(
  id: string,
  label: string,
  type: VariableType,
  example: CatalogVariable["example"],
  description: string,
): CatalogVariable {
  return { id, label, type, description, example, source: "context", triggers: ALL };
}

export const CATALOG: readonly CatalogVariable[] = [
  call(
    "uniqueid",
    "Call ID",
    "string",
    ALL,
    "1795940104.10452",
    "Unique id of the call in the call log",
  ),
  call("calldate", "Call date", "date", ALL, "2026-11-29T10:15:04+02:00", "When the call started"),
  call(
    "caller",
    "Caller number",
    "string",
    ALL,
    "380671234567",
    "The number that called (for outgoing calls, the employee's line)",
  ),
  call("dst", "Called number", "string", ALL, "380441112233", "The number that was called"),
  call("call_type", "Call type", "string", ALL, "in", "in, out or callback"),
  call(
    "pool_name",
    "Number pool",
    "string",
    INCOMING,
    "Google Ads",
    "The tracking number pool the call came through",
  ),
  call(
    "scheme_name",
    "Routing scheme",
    "string",
    INCOMING,
    "Office hours",
    "The call routing scheme that handled the call",
  ),
  call(
    "disposition",
    "Call status",
    "string",
    FINISHED,
    "ANSWERED",
    "One of ANSWERED, NO ANSWER, BUSY, FAILED, PROPER, REPEATED, VOICEMAIL",
  ),
  call(
    "duration",
    "Duration, s",
    "number",
    FINISHED,
    184,
    "Whole call length in seconds, waiting included",
  ),
  call("billsec", "Talk time, s", "number", FINISHED, 162, "Seconds from pick-up to hang-up"),
  call(
    "waittime",
    "Waiting time, s",
    "number",
    WITH_WAITTIME,
    22,
    "Seconds until the call was picked up",
  ),
  call(
    "has_recording",
    "Has recording",
    "boolean",
    FINISHED,
    true,
    "Whether the call was recorded",
  ),
  call(
    "recording",
    "Recording link",
    "url",
    FINISHED,
    "https://records.example.com/1795940104.10452.mp3",
    "Link to the call recording",
  ),
  call(
    "utm_source",
    "UTM source",
    "string",
    INCOMING,
    "google",
    "utm_source of the visit that led to the call",
  ),
  call("utm_medium", "UTM medium", "string", INCOMING, "cpc", "utm_medium of the visit"),
  call(
    "utm_campaign",
    "UTM campaign",
    "string",
    INCOMING,
    "winter_sale",
    "utm_campaign of the visit",
  ),
  call("utm_content", "UTM content", "string", INCOMING, "banner_1", "utm_content of the visit"),
  call("utm_term", "UTM term", "string", INCOMING, "buy phone", "utm_term of the visit"),
  call(
    "client_id",
    "Analytics client ID",
    "string",
    INCOMING,
    "1234567890.1795939000",
    "The visitor's Google Analytics client id",
  ),
  call(
    "remote_ip",
    "Visitor IP",
    "string",
    INCOMING,
    "203.0.113.24",
    "IP address of the visitor's browser",
  ),
  call(
    "landing",
    "Landing page",
    "url",
    INCOMING,
    "https://shop.example.com/phones?utm_source=google",
    "The page the visitor landed on",
  ),
  call(
    "referrer",
    "Referrer",
    "url",
    INCOMING,
    "https://www.google.com/",
    "The page the visitor came from",
  ),
  call(
    "employee_number",
    "Employee number",
    "string",
    WITH_EMPLOYEE,
    "104",
    "Internal number of the employee on the call",
  ),
  call(
    "employee_fio",
    "Employee name",
    "string",
    WITH_EMPLOYEE,
    "Олена Коваленко",
    "Full name of the employee on the call",
  ),
  call("department", "Department", "string", WITH_EMPLOYEE, "Sales", "The employee's department"),
  call(
    "forward_destination",
    "Forwarded to",
    "string",
    ["incoming.forwarded"],
    "380509998877",
    "Where the call is being forwarded",
  ),
  call(
    "category_name",
    "Evaluation category",
    "string",
    ["incoming.after_evaluation"],
    "Service quality",
    "The category the caller evaluated",
  ),
  call(
    "category_value",
    "Evaluation value",
    "number",
    ["incoming.after_evaluation"],
    5,
    "The caller's score",
  ),
  call(
    "evaluating_employee",
    "Evaluated employee",
    "string",
    ["incoming.after_evaluation"],
    "Olena Kovalenko",
    "The employee the evaluation is about",
  ),
  context("project_id", "Project ID", "string", "cm3x1project", "The project's id"),
  context(
    "event_type",
    "Event type",
    "string",
    "incoming.after_call",
    "The trigger type of the call event",
  ),
  context(
    "event_time",
    "Event time",
    "date",
    "2026-11-29T10:18:30+02:00",
    "When the call reached this moment",
  ),
  context(
    "delivery_id",
    "Delivery ID",
    "string",
    "cm3x1delivery",
    "Id of this delivery; the same for every attempt, so receivers can drop duplicates",
  ),
  context(
    "ga_measurement_id",
    "GA4 measurement ID",
    "string",
    "G-ABC123XYZ",
    "From Project settings",
  ),
  context("ga_api_secret", "GA4 API secret", "string", "s3cr3t", "From Project settings"),
];

const BY_ID = new Map(CATALOG.map((v) => [v.id, v]));

export function findVariable(id: string): CatalogVariable | undefined {
  return BY_ID.get(id);
}

export function variablesFor(trigger: TriggerType): CatalogVariable[] {
  return CATALOG.filter((v) => v.triggers.includes(trigger));
}

export function callVariablesFor(trigger: TriggerType): CatalogVariable[] {
  return variablesFor(trigger).filter((v) => v.source === "call");
}

/** Trigger types with their labels and the variables each carries, for the API and the UI. */
export function describeCatalog() {
  return {
    triggerTypes: TRIGGER_TYPES.map((id) => ({
      id,
      ...TRIGGER_LABELS[id],
      variables: variablesFor(id).map((v) => v.id),
    })),
    variables: CATALOG.map(({ triggers, ...variable }) => ({
      ...variable,
      triggerTypes: [...triggers],
    })),
  };
}
