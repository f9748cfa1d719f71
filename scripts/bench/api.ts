// What the bench asks of the app's public API: events to send, call events to ingest.
import { z } from "zod";
import { type Answer, type Call, send } from "./http-load";

/** The moment a call-center CRM pops the caller's card: the latency rows send this one. */
export const LATENCY_TRIGGER = "incoming.answered";
/** The drain's trigger: an event with four requests, so a call event queues four deliveries. */
export const DRAIN_TRIGGER = "outgoing.after_call";
export const DRAIN_REQUESTS = 4;

export type Api = {
  baseUrl: string;
  key: string;
  get: (path: string) => Promise<Answer>;
  post: (path: string, body: unknown) => Promise<Answer>;
  patch: (path: string, body: unknown) => Promise<Answer>;
};

export function apiFor(baseUrl: string, key: string): Api {
  const call = (method: string, path: string, body?: unknown) =>
    send(baseUrl, {
      method,
      path,
      headers: { "Auth-key": key },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    baseUrl,
    key,
    get: (path) => call("GET", path),
    post: (path, body) => call("POST", path, body),
    patch: (path, body) => call("PATCH", path, body),
  };
}

function expectStatus(answer: Answer, status: number, what: string): unknown {
  if (answer.status !== status) {
    throw new Error(
      `${what}: expected ${status}, got ${answer.status}: ${answer.body.slice(0, 500)}`,
    );
  }
  return answer.body === "" ? undefined : JSON.parse(answer.body);
}

const eventListSchema = z.object({
  webhookEvents: z.array(z.object({ id: z.string(), enabled: z.boolean() })),
});
const ingestAnswerSchema = z.object({ deliveries: z.array(z.string()) });

const request = (url: string, n: number) => ({
  url: `${url}?n=${n}`,
  method: "POST",
  params: [
    { name: "call_id", type: "text", value: "{{uniqueid}}" },
    { name: "caller", type: "text", value: "{{caller}}" },
    { name: "event", type: "text", value: "{{event_type}}" },
  ],
});

/**
 * The bench project's events, through the API: the default event off (it would send to the
 * analytics endpoint), one event with one request on the latency trigger, one with four on the
 * drain's.
 */
export async function configureEvents(api: Api, receiverUrl: string): Promise<void> {
  const listed = expectStatus(await api.get("/api/v1/webhook-events"), 200, "list events");
  for (const event of eventListSchema.parse(listed).webhookEvents) {
    if (!event.enabled) continue;
    expectStatus(
      await api.patch(`/api/v1/webhook-events/${event.id}`, { enabled: false }),
      200,
      "switch the default event off",
    );
  }
  expectStatus(
    await api.post("/api/v1/webhook-events", {
      name: "CRM card on pick-up",
      type: LATENCY_TRIGGER,
      requests: [request(receiverUrl, 1)],
    }),
    201,
    "create the latency event",
  );
  expectStatus(
    await api.post("/api/v1/webhook-events", {
      name: "Outgoing call to four systems",
      type: DRAIN_TRIGGER,
      requests: Array.from({ length: DRAIN_REQUESTS }, (_, i) => request(receiverUrl, i + 1)),
    }),
    201,
    "create the drain event",
  );
}

/** `POST /api/v1/call-events` with a unique call id. */
export function callEventCall(key: string, type: string, id: string): Call {
  return {
    method: "POST",
    path: "/api/v1/call-events",
    headers: { "Auth-key": key },
    body: JSON.stringify({
      type,
      occurredAt: new Date().toISOString(),
      call: {
        uniqueid: `bench-${id}`,
        calldate: "2026-11-27T10:15:04+02:00",
        caller: "380671234567",
        dst: "380441112233",
        call_type: type.startsWith("outgoing") ? "out" : "in",
        employee_number: "101",
        employee_fio: "Olena Kovalenko",
        waittime: 22,
      },
    }),
  };
}

/** The delivery ids a 202 answer of call-events names. */
export function deliveryIds(answer: Answer): string[] {
  if (answer.status !== 202) return [];
  return ingestAnswerSchema.parse(JSON.parse(answer.body)).deliveries;
}
