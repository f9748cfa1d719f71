import "../helpers/fresh-database";
import "../helpers/allow-private-targets";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as deliveryRoute from "@/app/api/v1/deliveries/[id]/route";
import * as exportRoute from "@/app/api/v1/deliveries/export.csv/route";
import * as deliveriesRoute from "@/app/api/v1/deliveries/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { resendDeliveries } from "@/lib/delivery-log/actions";
import { ingestCallEvent } from "@/lib/dispatch/ingest";
import { sampleCallFor } from "@/lib/model/sample-calls";
import { MASK } from "@/lib/model/sensitive";
import { updateProjectSettings } from "@/lib/projects/service";
import { createWebhookEvent, revealWebhookEventSecrets } from "@/lib/webhooks/service";
import { captureLog } from "../helpers/capture-log";
import { dumpDatabase } from "../helpers/database-dump";
import { runDueDeliveries } from "../helpers/deliveries";
import { createUserWithProject } from "../helpers/factories";
import { TEST_DATABASE_FILE, TEST_ENGINE } from "../helpers/fresh-database";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";

// Unique markers: found anywhere they should not be, they can only have come from here. The
// literal token in the URL is configuration (stored as written, like the rest of the URL): it
// must not reach the log, but only secret headers, signing secrets and the GA secret are
// encrypted at rest, so the file check leaves it out.
const AUTH = "Bearer authMarker7f3a9c";
const CUSTOM = "customMarker4b8e21";
const QUERY_TOKEN = "queryMarker9d2c55";
const GA_SECRET = "gaMarker1e6f07";
const MARKERS = ["authMarker7f3a9c", CUSTOM, QUERY_TOKEN, GA_SECRET];
const TYPE = "incoming.after_call";

let receiver: LoopbackServer;
let projectId: string;
let eventId: string;
let key: string;
let signingSecret: string;
let deliveryId: string;
let log: ReturnType<typeof captureLog>;

function expectNoMarker(text: string) {
  for (const marker of [...MARKERS, signingSecret]) expect(text).not.toContain(marker);
}

function get(
  handler: typeof deliveriesRoute.GET,
  path: string,
  params: Record<string, string> = {},
) {
  const request = new Request(`http://localhost${path}`, { headers: { "Auth-key": key } });
  return handler(request, { params: Promise.resolve(params) });
}

function arrivedHeaders(index: number): Record<string, string> {
  const seen = receiver.requests[index];
  if (!seen) throw new Error(`request ${index} did not arrive`);
  return Object.fromEntries(seen.rawHeaders.map(([name, value]) => [name.toLowerCase(), value]));
}

beforeAll(async () => {
  log = captureLog();
  // The first send fails (and with one attempt, the delivery fails); the resend succeeds.
  receiver = await startLoopbackServer((_request, response) => {
    response.writeHead(receiver.requests.length === 1 ? 500 : 200).end("ok");
  });
  const { project } = await createUserWithProject("redacted");
  projectId = project.id;
  await updateProjectSettings(projectId, {
    name: "redacted",
    timeZone: "Europe/Kyiv",
    gaMeasurementId: "G-RED123",
    gaApiSecret: GA_SECRET,
  });
  key = (await createApiKey(projectId, { name: "reader", scopes: ["admin"] })).key;
  const event = await createWebhookEvent(projectId, {
    name: "CRM",
    type: TYPE,
    requests: [
      {
        url: `${receiver.origin}/hooks?token=${QUERY_TOKEN}&api_secret={{ga_api_secret}}&call={{uniqueid}}`,
        method: "POST",
        headers: [
          { name: "Authorization", value: AUTH },
          { name: "X-Custom", value: CUSTOM, secret: true },
          { name: "X-Trace", value: "visibleTrace" },
        ],
        params: [{ name: "id", type: "text", value: "{{uniqueid}}" }],
        retry: { attempts: 1, schedule: "exponential" },
        signing: { enabled: true },
      },
    ],
  });
  eventId = event.id;
  signingSecret =
    (await revealWebhookEventSecrets(projectId, eventId)).requests[0]?.signingSecret ?? "";
  expect(signingSecret).toMatch(/^whsec_/);

  const sample = sampleCallFor(TYPE);
  await ingestCallEvent(projectId, { type: TYPE, ...sample });
  // The project's default GA event answers the same trigger; this test follows the CRM's.
  deliveryId = (await db.delivery.findFirstOrThrow({ where: { webhookEventId: eventId } })).id;
  await runDueDeliveries();
  await resendDeliveries(projectId, { ids: [deliveryId] });
  await runDueDeliveries();
});

afterAll(async () => {
  log.release();
  await receiver.close();
});

describe("secrets in the delivery log", () => {
  it("the receiver gets the real values, on the first send and on the resend", async () => {
    expect(receiver.requests).toHaveLength(2);
    for (const index of [0, 1]) {
      const headers = arrivedHeaders(index);
      expect(headers.authorization).toBe(AUTH);
      expect(headers["x-custom"]).toBe(CUSTOM);
      expect(receiver.requests[index]?.target).toContain(`token=${QUERY_TOKEN}`);
      expect(receiver.requests[index]?.target).toContain(`api_secret=${GA_SECRET}`);
    }
    // The resend sent the same bytes.
    expect(receiver.requests[1]?.body.equals(receiver.requests[0]?.body ?? Buffer.alloc(0))).toBe(
      true,
    );
    const delivery = await db.delivery.findUniqueOrThrow({ where: { id: deliveryId } });
    expect(delivery.status).toBe("succeeded");
  });

  it("the delivery detail, its curl and the list show every secret masked", async () => {
    const detail = await get(deliveryRoute.GET, `/api/v1/deliveries/${deliveryId}`, {
      id: deliveryId,
    });
    expect(detail.status).toBe(200);
    const body = await detail.json();
    expectNoMarker(JSON.stringify(body));
    expect(body.attempts).toHaveLength(2);
    for (const attempt of body.attempts) {
      const headers = Object.fromEntries(
        attempt.request.headers.map((h: { name: string; value: string }) => [
          h.name.toLowerCase(),
          h.value,
        ]),
      );
      expect(headers.authorization).toBe(MASK);
      expect(headers["x-custom"]).toBe(MASK);
      expect(headers["webhook-signature"]).toBe(MASK);
      expect(headers["x-trace"]).toBe("visibleTrace");
      expect(attempt.request.url).toContain(`token=${MASK}&api_secret=${MASK}&call=`);
    }
    expect(body.curl).toContain(`Authorization: ${MASK}`);
    expect(body.curl).toContain(`token=${MASK}`);

    // The error check page's list and the per-event delivery log.
    for (const path of [
      "/api/v1/deliveries?result=all",
      `/api/v1/deliveries?result=all&eventId=${eventId}`,
    ]) {
      const list = await get(deliveriesRoute.GET, path);
      expect(list.status).toBe(200);
      const text = await list.text();
      expectNoMarker(text);
      expect(text, path).toContain(`token=${MASK}`);
    }
  });

  it("the CSV and the logs carry no secret", async () => {
    const csv = await get(exportRoute.GET, "/api/v1/deliveries/export.csv?result=all");
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain(deliveryId);
    expectNoMarker(text);
    const lines = log.entries();
    expectNoMarker(JSON.stringify(lines));
  });

  it("no table holds a secret in plain text, nor on SQLite the file and its WAL", async () => {
    const secretsAtRest = [...MARKERS.filter((m) => m !== QUERY_TOKEN), signingSecret];
    // Every row of every table as the database renders it to text, on either engine.
    const rows = Object.values(await dumpDatabase()).join("\n");
    for (const marker of secretsAtRest) expect(rows.includes(marker), marker).toBe(false);
    // The check can fail: what is stored in plain text is found.
    expect(rows.includes("visibleTrace")).toBe(true);
    if (TEST_ENGINE !== "sqlite") return;

    const readOrEmpty = (file: string) => {
      try {
        return readFileSync(file);
      } catch {
        return Buffer.alloc(0);
      }
    };
    for (const file of [TEST_DATABASE_FILE, `${TEST_DATABASE_FILE}-wal`]) {
      const bytes = readOrEmpty(file);
      for (const marker of secretsAtRest)
        expect(bytes.includes(Buffer.from(marker)), `${marker} in ${file}`).toBe(false);
    }
    const files = Buffer.concat([
      readOrEmpty(TEST_DATABASE_FILE),
      readOrEmpty(`${TEST_DATABASE_FILE}-wal`),
    ]);
    expect(files.includes(Buffer.from("visibleTrace"))).toBe(true);
  });
});
