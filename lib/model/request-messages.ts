import { LIMITS } from "./params-schema";

/** Bounds of a request's delivery options: the schema's checks and its messages name them. */
export const DELIVERY_LIMITS = {
  timeoutMs: { min: 1000, max: 30_000 },
  attempts: { min: 1, max: 10 },
  maxInFlight: { min: 1, max: 100 },
  ratePerSecond: { min: 1, max: 1000 },
} as const;

const { timeoutMs, attempts, maxInFlight, ratePerSecond } = DELIVERY_LIMITS;

/**
 * The request schema's other messages, by the key the interface translates them with
 * (messages/*.json, `validation.<key>`); the values they name are in REQUEST_MESSAGE_VALUES.
 */
export const REQUEST_FIELD_MESSAGES = {
  headerValueControl: "a header value cannot contain line breaks or control characters",
  urlControl: "the URL cannot contain control characters",
  methodChoice: "choose GET, POST or PUT",
  formatChoice: "choose json, raw, json-rpc or form",
  dateFormatChoice: "choose standard, iso8601, unix, unix_ms or dmy",
  headersTooMany: `use at most ${LIMITS.headers} headers`,
  timeoutWhole: "use whole milliseconds",
  timeoutMin: `use at least ${timeoutMs.min / 1000} s`,
  timeoutMax: `use at most ${timeoutMs.max / 1000} s`,
  attemptsRange: `use ${attempts.min} to ${attempts.max} attempts`,
  wholeNumber: "use a whole number",
  inFlightRange: `use ${maxInFlight.min} to ${maxInFlight.max} requests at once`,
  rateRange: `use ${ratePerSecond.min} to ${ratePerSecond.max} per second, or no limit`,
  nestingTooDeep: `nest parameters at most ${LIMITS.depth} levels deep`,
  paramsTooMany: `use at most ${LIMITS.paramsPerRequest} parameters`,
} as const;

export const REQUEST_MESSAGE_VALUES: Partial<
  Record<keyof typeof REQUEST_FIELD_MESSAGES, Record<string, number>>
> = {
  headersTooMany: { max: LIMITS.headers },
  timeoutMin: { seconds: timeoutMs.min / 1000 },
  timeoutMax: { seconds: timeoutMs.max / 1000 },
  attemptsRange: attempts,
  inFlightRange: maxInFlight,
  rateRange: ratePerSecond,
  nestingTooDeep: { max: LIMITS.depth },
  paramsTooMany: { max: LIMITS.paramsPerRequest },
};
