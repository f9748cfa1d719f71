import { z } from "zod";
import { callEventSchema } from "../model/call-event";
import {
  copyRequestSchema,
  paramSchema,
  webhookEventPatchSchema,
  webhookEventSchema,
  webhookRequestSchema,
} from "../model/event-schema";
import { MASK } from "../model/sensitive";
import { DEFAULT_SIGNING_OVERLAP_HOURS } from "../model/signing-rotation";
import { TRIGGER_TYPES } from "../model/trigger-types";
import { MAX_CALL_EVENTS_PER_READ } from "../simulator/call-deliveries";
import { previewInputSchema } from "../webhooks/preview";
import { deliveryPaths, deliverySchemas } from "./openapi-deliveries";
import { memberPaths, memberSchemas } from "./openapi-members";
import { errorResponse, idParameter, jsonBody, jsonResponse, ref } from "./openapi-parts";

// The document is generated from the same zod schemas the routes validate with, so it cannot
// drift from what the API accepts.

type JsonSchema = Record<string, unknown>;

/**
 * Component schemas for the registered zod schemas, with references between them (the
 * parameter tree is recursive) pointing into `#/components/schemas`.
 */
function componentSchemas(
  entries: Record<string, z.ZodType>,
  io: "input" | "output",
): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  registry.add(paramSchema, { id: io === "input" ? "ParamInput" : "Param" });
  for (const [id, schema] of Object.entries(entries)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io,
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _dialect, ...schema }]) => [
      id,
      schema as JsonSchema,
    ]),
  );
}

const COMMON_ERRORS = {
  "401": errorResponse("Missing, unknown or revoked API key"),
  "422": errorResponse(
    "Validation failed; `field` names the path, e.g. requests[1].params[2].name",
  ),
};

type Operation = { security?: unknown; responses?: Record<string, unknown> };

/**
 * Every operation needs the admin scope and may answer 403 without it, except the ones that
 * name their own scope (call-events ingest). OpenAPI 3.1 lets an apiKey requirement list roles.
 */
function withScopes(paths: Record<string, Record<string, unknown>>) {
  const methods = new Set(["get", "post", "put", "patch", "delete"]);
  for (const item of Object.values(paths)) {
    for (const [method, value] of Object.entries(item)) {
      if (!methods.has(method)) continue;
      const operation = value as Operation;
      operation.security ??= [{ apiKey: ["admin"] }];
      operation.responses = {
        ...operation.responses,
        "403": errorResponse(
          "The API key lacks the scope this route needs; `error.requiredScope` names it",
        ),
      };
    }
  }
  return paths;
}

const API_DESCRIPTION = [
  "Configure which telephony moments send which HTTP requests. Authenticate with a project API key in the `Auth-key` header. The account's own pages read (GET only) with their session cookie instead, naming the project in a `projectId` query parameter; that parameter is not part of the API-key requests.",
  "A key has scopes: `ingest` reaches only `POST /api/v1/call-events` (give the telephony platform an ingest-only key), `admin` reaches everything. A key without the scope a route needs gets 403 with `error.requiredScope`. Keys made before scopes existed are admin keys.",
  `Secrets are masked in every read: the values of sensitive headers (Authorization, Cookie, Proxy-Authorization, and names containing token, secret, key, signature or password) read as \`${MASK}\`, and no signing secret is returned. A header's \`secret\` flag (on by default for those names) masks any other header the same way and stores its value encrypted; signing secrets and the GA API secret are always stored encrypted. \`GET /api/v1/webhook-events/{id}/secrets\` reveals them (admins only). Sending \`${MASK}\` back unchanged in a PUT keeps the stored value.`,
].join("\n\n");

export function buildOpenApiDocument() {
  const inputs = componentSchemas(
    {
      WebhookEventInput: webhookEventSchema,
      WebhookEventPatch: webhookEventPatchSchema,
      CopyRequest: copyRequestSchema,
      RenderPreviewInput: previewInputSchema,
      CallEventInput: callEventSchema,
    },
    "input",
  );
  const outputs = componentSchemas({ WebhookRequest: webhookRequestSchema }, "output");
  const storedRequest = {
    allOf: [
      ref("WebhookRequest"),
      {
        type: "object",
        required: ["id", "position"],
        properties: { id: { type: "string" }, position: { type: "integer" } },
      },
    ],
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Webhooks API",
      version: "1.0.0",
      description: API_DESCRIPTION,
    },
    security: [{ apiKey: ["admin"] }],
    paths: withScopes({
      "/api/v1/project": {
        get: {
          summary: "The API key's project",
          responses: {
            "200": jsonResponse("The project", { type: "object" }),
            "401": COMMON_ERRORS["401"],
          },
        },
      },
      "/api/v1/webhook-events": {
        get: {
          summary: "List the project's webhook events",
          responses: {
            "200": jsonResponse("Events", {
              type: "object",
              properties: { webhookEvents: { type: "array", items: ref("WebhookEvent") } },
            }),
            "401": COMMON_ERRORS["401"],
          },
        },
        post: {
          summary: "Create a webhook event",
          requestBody: jsonBody(ref("WebhookEventInput")),
          responses: { "201": jsonResponse("Created", ref("WebhookEvent")), ...COMMON_ERRORS },
        },
      },
      "/api/v1/webhook-events/{id}": {
        parameters: [idParameter],
        get: {
          summary: "Read a webhook event",
          responses: {
            "200": jsonResponse("The event", ref("WebhookEvent")),
            "404": errorResponse("Not found"),
          },
        },
        put: {
          summary: "Replace a webhook event; requests that carry their id keep it",
          requestBody: jsonBody(ref("WebhookEventInput")),
          responses: {
            "200": jsonResponse("Updated", ref("WebhookEvent")),
            "404": errorResponse("Not found"),
            "409": errorResponse("The locked default event cannot be edited"),
            ...COMMON_ERRORS,
          },
        },
        patch: {
          summary: "Change name, enabled or conditions",
          requestBody: jsonBody(ref("WebhookEventPatch")),
          responses: {
            "200": jsonResponse("Updated", ref("WebhookEvent")),
            "404": errorResponse("Not found"),
            ...COMMON_ERRORS,
          },
        },
        delete: {
          summary: "Delete a webhook event with its requests (past deliveries stay readable)",
          responses: {
            "204": { description: "Deleted" },
            "404": errorResponse("Not found"),
            "409": errorResponse("The locked default event cannot be deleted"),
          },
        },
      },
      "/api/v1/webhook-events/{id}/rotate-signing-secret": {
        parameters: [idParameter],
        post: {
          summary: "Rotate a request's signing secret, keeping the old one valid for an overlap",
          description:
            "During the overlap every request carries two Standard Webhooks signatures, `webhook-signature: v1,<new> v1,<old>`, so a receiver verifies with either secret and can switch without losing a request. After it only the new secret signs. `overlapHours` 0 drops the old secret at once.",
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["requestId"],
                  additionalProperties: false,
                  properties: {
                    requestId: { type: "string" },
                    overlapHours: {
                      type: "integer",
                      minimum: 0,
                      maximum: 168,
                      default: DEFAULT_SIGNING_OVERLAP_HOURS,
                    },
                  },
                },
              },
            },
          },
          responses: {
            "200": jsonResponse("The new secret, shown once", {
              type: "object",
              required: ["requestId", "signingSecret", "previousValidUntil"],
              properties: {
                requestId: { type: "string" },
                signingSecret: { type: "string" },
                previousValidUntil: { type: ["string", "null"], format: "date-time" },
              },
            }),
            "404": errorResponse("Not found"),
            "409": errorResponse("The locked default event cannot be edited"),
            "422": errorResponse("Signing is off for the request, or overlapHours is out of range"),
          },
        },
      },
      "/api/v1/webhook-events/{id}/secrets": {
        parameters: [idParameter],
        get: {
          summary: "Reveal an event's stored header values and signing secrets",
          description:
            "What every other read masks. An admin key, or a signed-in admin reading with the session cookie; a viewer gets 403.",
          responses: {
            "200": jsonResponse("Each request's stored headers and signing secret", {
              type: "object",
              required: ["eventId", "requests"],
              properties: {
                eventId: { type: "string" },
                requests: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["id", "headers", "signingSecret"],
                    properties: {
                      id: { type: "string" },
                      headers: {
                        type: "array",
                        items: {
                          type: "object",
                          properties: {
                            name: { type: "string" },
                            value: { type: "string" },
                            secret: { type: "boolean" },
                          },
                        },
                      },
                      signingSecret: { type: ["string", "null"] },
                    },
                  },
                },
              },
            }),
            "404": errorResponse("Not found"),
          },
        },
      },
      "/api/v1/webhook-events/{id}/copy": {
        parameters: [idParameter],
        post: {
          summary: "Copy an event to a trigger type",
          description:
            "When the copied requests use variables the new type does not carry, answers 422 with `error.missing` and saves nothing, unless `removeMissing` is true.",
          requestBody: jsonBody(ref("CopyRequest")),
          responses: {
            "201": jsonResponse("The copy", ref("WebhookEvent")),
            "404": errorResponse("Not found"),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/v1/render-preview": {
        post: {
          summary: "Render a webhook request exactly as it would be sent",
          description:
            "Renders with the trigger type's sample call unless `call` is given; `curl` reproduces the request byte for byte. Only admins see the project's GA4 API secret: for anyone else `{{ga_api_secret}}` renders as the mask.",
          requestBody: jsonBody(ref("RenderPreviewInput")),
          responses: {
            "200": jsonResponse("The rendered request", {
              type: "object",
              required: ["method", "url", "headers", "body", "curl"],
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
                body: { type: "string" },
                curl: { type: "string" },
              },
            }),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/v1/call-events": {
        post: {
          summary: "Report a call reaching a moment; queues the matching webhook requests",
          description:
            "Answers 202 with the new deliveries. The optional `id` makes the call idempotent: the same id with the same event (key order and whitespace do not matter) answers 200 with the first answer and stores nothing; the same id with a different event answers 409 with `error.field` `id` and stores nothing. The one route an ingest-only key reaches.",
          security: [{ apiKey: ["ingest"] }],
          requestBody: jsonBody(ref("CallEventInput")),
          responses: {
            "202": jsonResponse("Accepted", ref("CallEventAccepted")),
            "200": jsonResponse("Already accepted with this id", ref("CallEventAccepted")),
            "409": errorResponse("This id was already used for a different event"),
            "413": errorResponse("The body is larger than 256 KiB"),
            ...COMMON_ERRORS,
          },
        },
      },
      "/api/v1/call-events/deliveries": {
        get: {
          summary: "The deliveries of a few call events, in the order asked for",
          description: `Name 1 to ${MAX_CALL_EVENTS_PER_READ} call events with repeated \`callEventId\` parameters; ids of other projects' call events return nothing.`,
          parameters: [
            {
              name: "callEventId",
              in: "query",
              required: true,
              schema: {
                type: "array",
                items: { type: "string" },
                maxItems: MAX_CALL_EVENTS_PER_READ,
              },
              style: "form",
              explode: true,
            },
          ],
          responses: {
            "200": jsonResponse("Each call event with its deliveries", { type: "object" }),
            "401": COMMON_ERRORS["401"],
            "422": errorResponse("No, too many or malformed ids, or an unknown parameter"),
          },
        },
      },
      ...(deliveryPaths() as Record<string, Record<string, unknown>>),
      ...(memberPaths() as Record<string, Record<string, unknown>>),
      "/api/v1/catalog": {
        get: {
          summary: "Trigger types and the variables each carries",
          responses: {
            "200": jsonResponse("The catalog", { type: "object" }),
            "401": COMMON_ERRORS["401"],
          },
        },
      },
    }),
    components: {
      securitySchemes: { apiKey: { type: "apiKey", in: "header", name: "Auth-key" } },
      schemas: {
        ...inputs,
        ...outputs,
        ...deliverySchemas(),
        ...memberSchemas(),
        WebhookEvent: {
          type: "object",
          required: [
            "id",
            "name",
            "type",
            "enabled",
            "locked",
            "conditions",
            "requests",
            "createdAt",
            "updatedAt",
          ],
          properties: {
            id: { type: "string" },
            name: { type: "string" },
            type: { type: "string", enum: [...TRIGGER_TYPES] },
            trigger: {
              type: "object",
              properties: { group: { type: "string" }, label: { type: "string" } },
            },
            enabled: { type: "boolean" },
            locked: {
              type: "boolean",
              description: "The default event: it can be disabled and copied, not edited",
            },
            conditions: { type: "object" },
            requests: {
              type: "array",
              items: storedRequest,
              description: `Sensitive header values read as ${MASK} and signing carries no secret; see /api/v1/webhook-events/{id}/secrets`,
            },
            createdAt: { type: "string", format: "date-time" },
            updatedAt: { type: "string", format: "date-time" },
          },
        },
        CallEventAccepted: {
          type: "object",
          required: ["callEventId", "deliveries"],
          properties: {
            callEventId: { type: "string" },
            deliveries: { type: "array", items: { type: "string" } },
          },
        },
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                field: { type: "string", description: "Path of the offending field" },
                requiredScope: {
                  type: "string",
                  enum: ["ingest", "admin"],
                  description: "On 403: the scope the API key lacks",
                },
              },
            },
          },
        },
      },
    },
  };
}
