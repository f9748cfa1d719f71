import "../helpers/fresh-database";
import { describe, expect, it } from "vitest";
import { POST as postCallEvent } from "@/app/api/v1/call-events/route";
import { POST as createEvent } from "@/app/api/v1/webhook-events/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db/client";
import { createUserWithProject } from "../helpers/factories";

const KIB = 1024;

async function projectKey() {
  const { project } = await createUserWithProject(`limits-${Math.random()}`);
  return (await createApiKey(project.id, { name: "Telephony" })).key;
}

/** A body that arrives in chunks with no Content-Length, counting how much was pulled from it. */
function chunkedBody(chunkBytes: number, chunks: number) {
  const pulled = { chunks: 0 };
  const chunk = new TextEncoder().encode("x".repeat(chunkBytes));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.chunks >= chunks) return controller.close();
      pulled.chunks += 1;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

async function post(
  handler: typeof postCallEvent,
  key: string,
  body: BodyInit,
): Promise<{ status: number; json: { error: { code: string; message: string } } }> {
  const request = new Request("http://localhost/api/v1/call-events", {
    method: "POST",
    headers: { "Auth-key": key, "Content-Type": "application/json" },
    body,
    duplex: "half",
  } as RequestInit);
  const response = await handler(request, { params: Promise.resolve({}) });
  return { status: response.status, json: await response.json() };
}

describe("request bodies", () => {
  it("refuses a chunked body at the limit without reading the rest of it", async () => {
    const key = await projectKey();
    // 64 MiB offered in 64 KiB chunks; the call-event route's limit is 256 KiB.
    const { stream, pulled } = chunkedBody(64 * KIB, 1024);
    const { status, json } = await post(postCallEvent, key, stream);
    expect(status).toBe(413);
    expect(json.error.message).toBe("The body is larger than 256 KiB");
    expect(pulled.chunks).toBeLessThan(10);
    expect(await db.callEvent.count()).toBe(0);
  });

  it("answers 400, not 500, for 100,000 nested arrays, and stores nothing", async () => {
    const key = await projectKey();
    const deep = `{"type":"incoming.after_call","call":${"[".repeat(100_000)}${"]".repeat(100_000)}}`;
    const { status, json } = await post(postCallEvent, key, deep);
    expect(status).toBe(400);
    expect(json.error.message).toBe("The body nests arrays and objects more than 64 levels deep");
    expect(await db.callEvent.count()).toBe(0);

    const config = `{"name":"x","type":"incoming.after_call","requests":[{"url":"https://a.example.com","method":"POST","params":${"[".repeat(50_000)}${"]".repeat(50_000)}}]}`;
    const created = await post(createEvent, key, config);
    expect(created.status).toBe(400);
    expect(await db.webhookEvent.count({ where: { name: "x" } })).toBe(0);
  });

  it("counts brackets inside strings as text, not as nesting", async () => {
    const key = await projectKey();
    const { status, json } = await post(
      postCallEvent,
      key,
      JSON.stringify({
        type: "incoming.after_call",
        occurredAt: "2026-11-29T10:18:30+02:00",
        call: { uniqueid: "1.2", caller: "380671234567", employee_fio: `[{"${"[".repeat(200)}` },
      }),
    );
    expect(status).toBe(202);
    expect(json).toHaveProperty("callEventId");
  });

  it("refuses a body that is not valid UTF-8", async () => {
    const key = await projectKey();
    const stored = await db.callEvent.count();
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]);
    const { status, json } = await post(postCallEvent, key, bytes);
    expect(status).toBe(400);
    expect(json.error.message).toBe("The body is not valid UTF-8");
    expect(await db.callEvent.count()).toBe(stored);
  });
});
