// The deliveries part of the OpenAPI document (lib/http/openapi.ts merges it). Query parameters
// and the filter body come from the same zod schema the routes validate with.
import { z } from "zod";
import { deliveryFilterSchema, MAX_BULK_IDS, MAX_PAGE_SIZE } from "../delivery-log/filters";
import { errorResponse, idParameter, jsonBody, jsonResponse, ref } from "./openapi-parts";

type JsonSchema = Record<string, unknown>;

const nullable = (type: string, extra: JsonSchema = {}) => ({ type: [type, "null"], ...extra });
const time = { type: "string", format: "date-time" };
const nullableTime = { type: ["string", "null"], format: "date-time" };

function filterJsonSchema(): JsonSchema {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(deliveryFilterSchema, {
    io: "input",
    unrepresentable: "any",
  });
  return schema;
}

function filterParameters() {
  const properties = (filterJsonSchema().properties ?? {}) as Record<string, JsonSchema>;
  const descriptions: Record<string, string> = {
    from: "Created at or after: yyyy-mm-dd (start of that day in the project's time zone) or an ISO date-time",
    to: "Created before: yyyy-mm-dd includes that whole day; an ISO date-time is exclusive",
    eventId: "Webhook event id (422 when the project has no such event)",
    requestId: "Webhook request id (422 when the project has no such request)",
    status: "HTTP status class of the last attempt, or its error kind",
    q: "Text in the request URL, the call id or the caller (% and _ match themselves)",
    includeChecked: "With result=failed: include failures already marked checked (default false)",
    result: "failed (default): failed deliveries; all: every delivery (the per-event log)",
    cursor: "nextCursor of the previous page",
  };
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: "query",
    required: false,
    description: descriptions[name],
    schema,
  }));
}

const FILTER_422 = errorResponse("A bad, unknown or repeated query parameter; `field` names it");

export function deliveryPaths() {
  const filters = filterParameters();
  const limit = {
    name: "limit",
    in: "query",
    required: false,
    description: `Page size, 1–${MAX_PAGE_SIZE} (default 50)`,
    schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE },
  };
  const bulk = (summary: string, response: object, status: string) => ({
    post: {
      summary,
      description:
        "`{ ids }` acts on the given deliveries; `{ filter }` on every delivery matching it (the list's filter, without the cursor).",
      requestBody: jsonBody(ref("BulkTarget")),
      responses: {
        [status]: response,
        "422": errorResponse("Invalid body; `field` names the path"),
      },
    },
  });
  return {
    "/api/v1/deliveries": {
      get: {
        summary: "List deliveries, newest first (failed and unchecked by default)",
        parameters: [...filters, limit],
        responses: { "200": jsonResponse("One page", ref("DeliveryPage")), "422": FILTER_422 },
      },
    },
    "/api/v1/deliveries/{id}": {
      parameters: [idParameter],
      get: {
        summary: "A delivery with its call event and every attempt",
        responses: {
          "200": jsonResponse("The delivery", ref("DeliveryDetail")),
          "404": errorResponse("Not found"),
        },
      },
    },
    "/api/v1/deliveries/{id}/resend": {
      parameters: [idParameter],
      post: {
        summary: "Send a failed delivery again (one more attempt with the same request)",
        responses: {
          "202": jsonResponse("Queued as a batch of one", ref("ResendBatch")),
          "404": errorResponse("Not found"),
          "409": errorResponse("It cannot be sent again; the message says why"),
        },
      },
    },
    "/api/v1/deliveries/{id}/check": {
      parameters: [idParameter],
      post: {
        summary: "Mark a failed delivery checked",
        responses: {
          "200": jsonResponse(
            "The ids changed (empty when it was checked already)",
            ref("DeliveryIds"),
          ),
          "404": errorResponse("Not found"),
          "409": errorResponse("Only failed deliveries can be marked checked"),
        },
      },
    },
    "/api/v1/deliveries/resend": bulk(
      "Send failed deliveries again as one batch",
      jsonResponse("Queued; refusals in `skipped` with the reason", ref("ResendBatch")),
      "202",
    ),
    "/api/v1/deliveries/check": bulk(
      "Mark failed deliveries checked",
      jsonResponse("The ids changed: pass them to uncheck to undo", ref("DeliveryIds")),
      "200",
    ),
    "/api/v1/deliveries/uncheck": {
      post: {
        summary: "Undo a check: the given deliveries are unchecked again",
        requestBody: jsonBody(ref("DeliveryIds")),
        responses: {
          "200": jsonResponse("The ids changed", ref("DeliveryIds")),
          "422": errorResponse("Invalid body"),
        },
      },
    },
    "/api/v1/deliveries/resend-batches/{id}": {
      parameters: [idParameter],
      get: {
        summary: "Progress of a resend batch",
        responses: {
          "200": jsonResponse("Counts by state", ref("ResendBatch")),
          "404": errorResponse("Not found"),
        },
      },
    },
    "/api/v1/deliveries/export.csv": {
      get: {
        summary: "Every delivery matching the filter as CSV (streamed, UTF-8 with BOM)",
        parameters: filters,
        responses: {
          "200": {
            description: "CSV with a header row",
            content: { "text/csv": { schema: { type: "string" } } },
          },
          "422": FILTER_422,
        },
      },
    },
    "/api/v1/deliveries/hourly": {
      get: {
        summary: "Succeeded and failed deliveries per UTC hour (default: the last 7 days)",
        parameters: filters.filter((p) => ["from", "to", "eventId"].includes(p.name)),
        responses: {
          "200": jsonResponse("Every hour of the range, zero-filled", {
            type: "object",
            properties: { buckets: { type: "array", items: ref("HourlyBucket") } },
          }),
          "422": FILTER_422,
        },
      },
    },
    "/api/v1/deliveries/unchecked-count": {
      get: {
        summary: "How many failed deliveries nobody has checked",
        responses: {
          "200": jsonResponse("The count", {
            type: "object",
            properties: { count: { type: "integer" } },
          }),
        },
      },
    },
  };
}

const LIST_ITEM_PROPERTIES = {
  id: { type: "string" },
  createdAt: time,
  completedAt: nullableTime,
  status: { type: "string", enum: ["pending", "sending", "succeeded", "failed"] },
  checkedAt: nullableTime,
  eventId: nullable("string"),
  eventName: { type: "string" },
  triggerType: { type: "string" },
  trigger: {
    type: "object",
    properties: { group: { type: "string" }, label: { type: "string" } },
  },
  requestId: nullable("string"),
  method: nullable("string"),
  url: nullable("string"),
  httpStatus: nullable("integer"),
  errorKind: nullable("string"),
  error: nullable("string"),
  responseExcerpt: nullable("string", {
    description: "The first 300 characters of the last response body",
  }),
  attempts: { type: "integer" },
  maxAttempts: { type: "integer" },
  nextAttemptAt: nullableTime,
  callId: nullable("string"),
  caller: nullable("string"),
};

export function deliverySchemas(): Record<string, JsonSchema> {
  const { attempts: _count, ...detailProperties } = LIST_ITEM_PROPERTIES;
  return {
    DeliveryFilter: filterJsonSchema(),
    BulkTarget: {
      oneOf: [
        {
          type: "object",
          required: ["ids"],
          additionalProperties: false,
          properties: {
            ids: { type: "array", items: { type: "string" }, minItems: 1, maxItems: MAX_BULK_IDS },
          },
        },
        {
          type: "object",
          required: ["filter"],
          additionalProperties: false,
          properties: { filter: ref("DeliveryFilter") },
        },
      ],
    },
    DeliveryIds: {
      type: "object",
      required: ["ids"],
      properties: { ids: { type: "array", items: { type: "string" } } },
    },
    DeliveryListItem: { type: "object", properties: LIST_ITEM_PROPERTIES },
    DeliveryPage: {
      type: "object",
      required: ["items", "nextCursor", "total"],
      properties: {
        items: { type: "array", items: ref("DeliveryListItem") },
        nextCursor: nullable("string"),
        total: { type: "integer" },
      },
    },
    DeliveryDetail: {
      type: "object",
      properties: {
        ...detailProperties,
        attemptCount: { type: "integer" },
        callEvent: {
          type: "object",
          properties: {
            id: { type: "string" },
            type: { type: "string" },
            occurredAt: time,
            call: { type: "object" },
          },
        },
        attempts: { type: "array", items: ref("AttemptDetail") },
        curl: nullable("string"),
        resendBlockedReason: nullable("string"),
        resendBlockedText: {
          ...ref("MessageText"),
          description:
            "The same reason as a message key (resendRefusal namespace) and its values, for a client that words it in its own language; null when Send again is possible",
        },
      },
    },
    AttemptDetail: {
      type: "object",
      properties: {
        number: { type: "integer" },
        startedAt: time,
        durationMs: { type: "integer" },
        request: {
          type: "object",
          properties: {
            method: { type: "string" },
            url: { type: "string" },
            headers: {
              type: "array",
              items: {
                type: "object",
                properties: { name: { type: "string" }, value: { type: "string" } },
              },
            },
            body: nullable("string"),
          },
        },
        response: {
          type: ["object", "null"],
          properties: {
            status: { type: "integer" },
            headers: { type: "object" },
            body: nullable("string"),
            truncated: { type: "boolean" },
          },
        },
        errorKind: nullable("string"),
        error: nullable("string"),
      },
    },
    MessageText: {
      type: ["object", "null"],
      description:
        "A sentence as data: `key` names it in a namespace of the interface's message catalogs, `values` fill its placeholders (a value may itself be a message text with its `namespace`)",
      properties: { key: { type: "string" }, values: { type: "object" } },
      required: ["key"],
    },
    ResendBatch: {
      type: "object",
      properties: {
        id: { type: "string" },
        total: { type: "integer" },
        pending: { type: "integer" },
        succeeded: { type: "integer" },
        failed: { type: "integer" },
        skipped: {
          type: "array",
          description: "Only in the answer to a resend: at most 100, with the reason",
          items: {
            type: "object",
            properties: {
              id: { type: "string" },
              reason: { type: "string" },
              reasonText: ref("MessageText"),
            },
          },
        },
        skippedCount: { type: "integer" },
      },
    },
    HourlyBucket: {
      type: "object",
      properties: {
        hour: time,
        succeeded: { type: "integer" },
        failed: { type: "integer" },
      },
    },
  };
}
