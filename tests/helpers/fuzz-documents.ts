// Valid documents of each input the API and the actions take, with what can be wrong with each
// field; tests/helpers/fuzz.ts turns them into bad documents.
import fc from "fast-check";
import { sampleCallFor } from "@/lib/model/sample-calls";
import {
  controlText,
  type FieldSpec,
  hasLineBreakOrControl,
  hugeText,
  JSON_KINDS,
  type Json,
  type PathPart,
  unstorableText,
} from "./fuzz";

const notOneOf = (...extra: string[]) =>
  fc.oneof(
    fc.constantFrom("", " ", "null", "undefined", ...extra),
    fc.string({ minLength: 1, maxLength: 12 }).map((s) => `zz${s}`),
  );

/** A single-line text field of at most `max` characters. */
const lineText = (max: number): fc.Arbitrary<Json> =>
  fc.oneof(hugeText(max), fc.constantFrom("", "   ", "\t"), controlText);

const template = fc.oneof(
  hugeText(64 * 1024),
  unstorableText,
  fc.constantFrom("{{no_such_variable}}", "x {{ uniqueid }} {{nope}}"),
);

/** An object parameter nested `depth` levels deep (the limit is 8). */
function nestedParams(depth: number): unknown {
  let param: unknown = { name: "leaf", type: "text", value: "x" };
  for (let level = 1; level < depth; level += 1) {
    param = { name: `level${level}`, type: "object", fields: [param] };
  }
  return param;
}

export function requestDocument(url = "https://crm.example.com/hooks/calls"): Json {
  return {
    url,
    method: "POST",
    format: "json",
    dateFormat: "standard",
    headers: [{ name: "X-Token", value: "abc {{uniqueid}}" }],
    params: [
      { name: "call_id", type: "text", value: "{{uniqueid}}" },
      {
        name: "client",
        type: "object",
        fields: [{ name: "phone", type: "text", value: "{{caller}}" }],
      },
      { name: "utm", type: "array", items: ["{{utm_source}}", "fixed"] },
    ],
    body: "",
    rpcMethod: "call.finished",
    timeoutMs: 10_000,
    retry: { attempts: 4, schedule: "exponential" },
    delivery: { maxInFlight: 10, ratePerSecond: null },
    signing: { enabled: false },
  };
}

/** What can be wrong in a webhook request at `at` (e.g. ["requests", 0]). */
export function requestFields(at: PathPart[]): FieldSpec[] {
  const p = (...rest: PathPart[]) => [...at, ...rest];
  return [
    { path: at, kinds: ["object"], required: true },
    {
      path: p("id"),
      kinds: ["string"],
      bad: fc.oneof(fc.constant(""), hugeText(100), unstorableText),
    },
    {
      path: p("url"),
      kinds: ["string"],
      required: true,
      bad: fc.oneof(
        fc.constantFrom(
          "",
          "crm.example.com/hooks",
          "ftp://crm.example.com/x",
          "javascript:alert(1)",
          "http://{{caller}}/x",
          "https://user:secret@crm.example.com/",
          "http://",
          "https://crm.example.com/a b\u0000",
        ),
        hugeText(4096).map((s) => `https://crm.example.com/${s}`),
        controlText.map((s) => `https://crm.example.com/${s}`),
        unstorableText.map((s) => `https://crm.example.com/?q=${s}`),
      ),
    },
    {
      path: p("method"),
      kinds: ["string"],
      required: true,
      bad: notOneOf("get", "DELETE", "PATCH", "post "),
    },
    { path: p("format"), kinds: ["string"], bad: notOneOf("JSON", "xml", "form-data") },
    { path: p("dateFormat"), kinds: ["string"], bad: notOneOf("iso", "ISO8601", "unix_s") },
    {
      path: p("headers"),
      kinds: ["array"],
      bad: fc.constant(Array.from({ length: 51 }, () => ({ name: "X-A", value: "b" }))),
    },
    { path: p("headers", 0), kinds: ["object"] },
    {
      path: p("headers", 0, "name"),
      kinds: ["string"],
      required: true,
      bad: fc.oneof(
        fc.constantFrom("", "Host", "host", "X Token", "Имя", "X:Y"),
        hugeText(200),
        controlText,
      ),
    },
    {
      path: p("headers", 0, "value"),
      kinds: ["string"],
      required: true,
      bad: fc.oneof(controlText.filter(hasLineBreakOrControl), unstorableText, hugeText(64 * 1024)),
    },
    {
      path: p("params"),
      kinds: ["array"],
      bad: fc.oneof(
        fc.constant(
          Array.from({ length: 201 }, (_, i) => ({ name: `p${i}`, type: "text", value: "x" })),
        ),
        // Past 8 levels, and short of the body limit of 64 JSON levels.
        fc.integer({ min: 9, max: 25 }).map((depth) => [nestedParams(depth)]),
      ),
    },
    { path: p("params", 0), kinds: ["object"] },
    {
      path: p("params", 0, "name"),
      kinds: ["string"],
      required: true,
      bad: fc.oneof(
        fc.constantFrom(
          "",
          "имя",
          "a b",
          "{{}}",
          "{{ }}",
          "{{a[b]}}",
          "a[b]",
          "{{a}",
          "{{a\u0000}}",
          "{{a\nb}}",
          "{{\ud800}}",
        ),
        hugeText(200),
        controlText,
      ),
    },
    {
      path: p("params", 0, "type"),
      kinds: ["string"],
      required: true,
      bad: notOneOf("TEXT", "string", "sha512"),
    },
    { path: p("params", 0, "value"), kinds: ["string"], required: true, bad: template },
    { path: p("params", 1, "fields"), kinds: ["array"], required: true },
    {
      path: p("params", 1, "fields", 0, "value"),
      kinds: ["string"],
      required: true,
      bad: template,
    },
    {
      path: p("params", 2, "items"),
      kinds: ["array"],
      required: true,
      bad: fc.constantFrom([1], [null], [[]], [{}]),
    },
    { path: p("params", 2, "items", 0), kinds: ["string", "object"], bad: template },
    { path: p("body"), kinds: ["string"], bad: template },
    { path: p("rpcMethod"), kinds: ["string"], bad: hugeText(200) },
    {
      path: p("timeoutMs"),
      kinds: ["number"],
      bad: fc.constantFrom(0, 999, 30_001, 1500.5, -1, 1e12),
    },
    { path: p("retry"), kinds: ["object"] },
    { path: p("retry", "attempts"), kinds: ["number"], bad: fc.constantFrom(0, 11, 2.5, -4) },
    { path: p("retry", "schedule"), kinds: ["string"], bad: notOneOf("linear", "Exponential") },
    { path: p("delivery"), kinds: ["object"] },
    {
      path: p("delivery", "maxInFlight"),
      kinds: ["number"],
      bad: fc.constantFrom(0, 101, 1.5, -1),
    },
    {
      path: p("delivery", "ratePerSecond"),
      kinds: ["number", "null"],
      bad: fc.constantFrom(0, 1001, 0.5),
    },
    { path: p("signing"), kinds: ["object"] },
    { path: p("signing", "enabled"), kinds: ["boolean"], required: true },
  ];
}

export function requestStrictPaths(at: PathPart[]): PathPart[][] {
  return [
    at,
    [...at, "retry"],
    [...at, "delivery"],
    [...at, "signing"],
    [...at, "headers", 0],
    [...at, "params", 0],
    [...at, "params", 1],
    [...at, "params", 1, "fields", 0],
  ];
}

export const EVENT_TYPE = "incoming.after_call";

export function eventDocument(): Json {
  return {
    name: "Fuzzed event",
    type: EVENT_TYPE,
    enabled: true,
    conditions: {
      employeeNumbers: ["104"],
      departments: [],
      dispositions: [],
      minDurationSec: null,
    },
    requests: [requestDocument()],
  };
}

const conditionFields: FieldSpec[] = [
  { path: ["conditions"], kinds: ["object"] },
  {
    path: ["conditions", "employeeNumbers"],
    kinds: ["array"],
    bad: fc.constantFrom([""], ["x".repeat(51)], [1]),
  },
  { path: ["conditions", "employeeNumbers", 0], kinds: ["string"], bad: lineText(50) },
  {
    path: ["conditions", "departments"],
    kinds: ["array"],
    bad: fc.constant(Array.from({ length: 501 }, () => "d")),
  },
  { path: ["conditions", "dispositions"], kinds: ["array"], bad: fc.constantFrom([""], [null]) },
  {
    path: ["conditions", "minDurationSec"],
    kinds: ["number", "null"],
    bad: fc.constantFrom(-1, 1.5, 86_401),
  },
];

const eventTypeBad = notOneOf(
  "incoming",
  "incoming.after_call ",
  "INCOMING.AFTER_CALL",
  "outgoing.answered",
);

export const eventFields: FieldSpec[] = [
  { path: ["name"], kinds: ["string"], required: true, bad: lineText(100) },
  { path: ["type"], kinds: ["string"], required: true, bad: eventTypeBad },
  { path: ["enabled"], kinds: ["boolean"] },
  ...conditionFields,
  { path: ["requests"], kinds: ["array"], required: true, bad: fc.constant([]) },
  ...requestFields(["requests", 0]),
];

export const eventStrictPaths: PathPart[][] = [
  [],
  ["conditions"],
  ...requestStrictPaths(["requests", 0]),
];

export function patchDocument(): Json {
  return {
    name: "Renamed",
    enabled: false,
    conditions: {
      employeeNumbers: [],
      departments: ["Sales"],
      dispositions: [],
      minDurationSec: 5,
    },
  };
}

export const patchFields: FieldSpec[] = [
  { path: ["name"], kinds: ["string"], bad: lineText(100) },
  { path: ["enabled"], kinds: ["boolean"] },
  ...conditionFields,
];

export function copyDocument(): Json {
  return { type: "incoming.answered", name: "Copy", removeMissing: true };
}

export const copyFields: FieldSpec[] = [
  { path: ["type"], kinds: ["string"], required: true, bad: eventTypeBad },
  { path: ["name"], kinds: ["string"], bad: lineText(100) },
  { path: ["removeMissing"], kinds: ["boolean"] },
];

export function previewDocument(): Json {
  return { type: EVENT_TYPE, request: requestDocument() };
}

export const previewFields: FieldSpec[] = [
  { path: ["type"], kinds: ["string"], required: true, bad: eventTypeBad },
  {
    path: ["call"],
    kinds: ["object"],
    bad: fc.constantFrom({}, { uniqueid: 5 }, { uniqueid: "1", duration: -1 }),
  },
  ...requestFields(["request"]),
];

export const previewStrictPaths: PathPart[][] = [[], ...requestStrictPaths(["request"])];

export function callEventDocument(): Json {
  const sample = sampleCallFor(EVENT_TYPE);
  return {
    id: "fuzz-call-1",
    type: EVENT_TYPE,
    occurredAt: sample.occurredAt,
    call: sample.call as Json,
  };
}

export const callEventFields: FieldSpec[] = [
  {
    path: ["id"],
    kinds: ["string"],
    bad: fc.oneof(fc.constant(""), hugeText(200), unstorableText),
  },
  { path: ["type"], kinds: ["string"], required: true, bad: eventTypeBad },
  {
    path: ["occurredAt"],
    kinds: ["string"],
    required: true,
    bad: fc.constantFrom(
      "",
      "2026-11-27T10:18:08",
      "2026-11-27",
      "yesterday",
      "2026-13-40T10:00:00Z",
      "1795767304",
    ),
  },
  { path: ["call"], kinds: ["object"], required: true },
  {
    path: ["call", "uniqueid"],
    kinds: ["string"],
    required: true,
    bad: fc.oneof(fc.constant(""), hugeText(8 * 1024), unstorableText),
  },
  { path: ["call", "duration"], kinds: ["number", "null"], bad: fc.constantFrom(-1, -0.5) },
  { path: ["call", "has_recording"], kinds: ["boolean", "null"] },
  {
    path: ["call", "recording"],
    kinds: ["string", "null"],
    bad: fc.constantFrom("", "ftp://x/y", "http://a b/c", "rec.mp3", "http://x/\t"),
  },
  {
    path: ["call", "disposition"],
    kinds: ["string", "null"],
    bad: notOneOf("answered", "ANSWERED "),
  },
  { path: ["call", "call_type"], kinds: ["string", "null"], bad: notOneOf("IN", "incoming") },
  {
    path: ["call", "calldate"],
    kinds: ["string", "null"],
    bad: fc.constantFrom("2026-11-27 10:00:00", "", "now"),
  },
  { path: ["call", "project_id"], kinds: [], bad: fc.constantFrom("p", 1, null) },
  { path: ["call", "forward_destination"], kinds: [], bad: fc.constantFrom("104", 1) },
  {
    path: ["call", "extra"],
    kinds: [...JSON_KINDS],
    bad: fc.oneof(hugeText(8 * 1024), unstorableText),
  },
];

export const bulkIdsFields = (ids: string[]): { document: Json; fields: FieldSpec[] } => ({
  document: { ids },
  fields: [
    {
      path: ["ids"],
      kinds: ["array"],
      required: true,
      bad: fc.oneof(fc.constant([]), fc.constant(Array.from({ length: 1001 }, (_, i) => `id${i}`))),
    },
    {
      path: ["ids", 0],
      kinds: ["string"],
      bad: fc.oneof(fc.constantFrom("", "a b", "a/b", "ü"), hugeText(100), controlText),
    },
  ],
});

const filterValue = (key: string): fc.Arbitrary<Json> => {
  switch (key) {
    case "from":
    case "to":
      return fc.constantFrom(
        "",
        "2026-13-01",
        "yesterday",
        "2026-11-27T10:00:00",
        "27.11.2026",
        "2026-11-27T25:00:00Z",
      );
    case "eventId":
    case "requestId":
      return fc.oneof(
        fc.constantFrom("", "a b", "a/b", "cm0000000000000000000000"),
        hugeText(100),
        controlText,
      );
    case "status":
      return notOneOf("500", "5XX", "failed");
    case "q":
      return fc.oneof(fc.constantFrom("", "   "), hugeText(200), unstorableText);
    case "includeChecked":
      return fc.constantFrom("yes", "TRUE", "2", "", "on", 2, null);
    case "result":
      return notOneOf("Failed", "succeeded");
    default:
      return fc.oneof(fc.constantFrom("not-a-cursor", "", "eyJ4IjoxfQ"), unstorableText);
  }
};

export const FILTER_KEYS = [
  "from",
  "to",
  "eventId",
  "requestId",
  "status",
  "q",
  "includeChecked",
  "result",
  "cursor",
];

function idValue(options: { unknownIdsRefused?: boolean }): fc.Arbitrary<unknown> {
  const all = filterValue("eventId");
  return options.unknownIdsRefused === false
    ? all.filter((id) => typeof id !== "string" || !/^[A-Za-z0-9_-]{1,100}$/.test(id))
    : all;
}

/**
 * The `{ filter }` body of a bulk action. The API refuses a filter naming an event or request
 * the project does not have; the page's actions just match nothing, so for them
 * (`unknownIdsRefused: false`) only malformed ids are bad.
 */
export function bulkFilterFields(options: { unknownIdsRefused?: boolean } = {}): {
  document: Json;
  fields: FieldSpec[];
  strict: PathPart[][];
} {
  return {
    document: {
      filter: {
        from: "2026-11-01",
        to: "2026-11-30",
        status: "5xx",
        q: "crm",
        includeChecked: false,
        result: "failed",
      },
    },
    fields: [
      // Without `filter` the body is read as `{ ids }`: the ids document covers that.
      { path: ["filter"], kinds: ["object"] },
      ...FILTER_KEYS.filter((key) => key !== "eventId" && key !== "requestId").map(
        (key): FieldSpec => ({
          path: ["filter", key],
          kinds: key === "includeChecked" ? ["boolean", "string"] : ["string"],
          bad: filterValue(key),
        }),
      ),
      { path: ["filter", "eventId"], kinds: ["string"], bad: idValue(options) },
      { path: ["filter", "requestId"], kinds: ["string"], bad: idValue(options) },
    ],
    strict: [[], ["filter"]],
  };
}

/** Bad values of one query parameter of the deliveries list, export and chart. */
export function badQueryValue(key: string): fc.Arbitrary<string> {
  if (key === "limit") return fc.constantFrom("0", "201", "-1", "1.5", "ten", "1e2", "0x10", " 5");
  // A lone surrogate cannot travel in a URL: it arrives as U+FFFD, a plain character.
  return filterValue(key)
    .map((value) => (typeof value === "string" ? value : JSON.stringify(value)))
    .filter((value) => !/[\uD800-\uDFFF]/.test(value))
    .filter((value) => value.trim() !== "");
}

/** A member's role: `choices` are roles that exist but this input does not take. */
export const roleFields = (choices: string[]): FieldSpec[] => [
  {
    path: ["role"],
    kinds: ["string"],
    required: true,
    bad: fc.oneof(
      fc.constantFrom(...choices, "", "Admin", "admin ", "superadmin", "member"),
      controlText,
      hugeText(20),
    ),
  },
];

export const inviteDocument = () => ({ email: "someone@example.com", role: "viewer" });

export const inviteFields: FieldSpec[] = [
  {
    path: ["email"],
    kinds: ["string"],
    required: true,
    bad: fc.oneof(
      fc.constantFrom("", " ", "admin", "a@", "@b.c", "a b@c.d", "a@b@c.d"),
      hugeText(254),
      controlText,
    ),
  },
  ...roleFields(["owner"]),
];

export const rotateDocument = (requestId: string) => ({ requestId, overlapHours: 24 });

export const rotateFields: FieldSpec[] = [
  {
    path: ["requestId"],
    kinds: ["string"],
    required: true,
    bad: fc.oneof(fc.constantFrom("", "a\u0000", "x".repeat(101), "a b", "../x"), controlText),
  },
  {
    path: ["overlapHours"],
    kinds: ["number"],
    bad: fc.constantFrom(-1, 169, 2.5, 1e12, Number.MIN_SAFE_INTEGER),
  },
];
