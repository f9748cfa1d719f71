// Runs the generated curl commands against a loopback receiver: what arrives must be the
// rendered request, byte for byte. Traffic never leaves 127.0.0.1.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type WebhookRequestInput, webhookRequestSchema } from "@/lib/model/event-schema";
import {
  type CallData,
  type RenderContext,
  type RenderedRequest,
  renderRequest,
  toCurl,
} from "@/lib/render";
import { type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";

const run = promisify(execFile);

const CALL: Partial<CallData> = {
  uniqueid: "1732871234.10452",
  calldate: "2026-11-29T08:15:04Z",
  caller: "380671234567",
  duration: 184,
  has_recording: true,
  utm_source: "google",
  utm_term: "buy phone & 'quoted' $HOME `id`",
  employee_fio: "Олена Коваленко",
};

const CONTEXT: RenderContext = {
  projectId: "cm3x1project",
  timeZone: "Europe/Kyiv",
  eventType: "incoming.after_call",
  eventTime: "2026-11-29T08:18:30Z",
  deliveryId: "cm3x1delivery",
};

// Headers every HTTP/1.1 client adds from the URL and body; the rest must be exactly the request's.
const TRANSPORT_HEADERS = new Set(["host", "content-length"]);

let receiver: LoopbackServer;

beforeAll(async () => {
  receiver = await startLoopbackServer();
});

afterAll(async () => {
  await receiver.close();
});

function render(input: Omit<WebhookRequestInput, "url"> & { path: string }, call = CALL) {
  const { path, ...rest } = input;
  return renderRequest(
    webhookRequestSchema.parse({ ...rest, url: `${receiver.origin}${path}` }),
    call,
    CONTEXT,
  );
}

/** Runs the command in a POSIX shell with no proxy settings or curlrc in reach. */
async function send(rendered: RenderedRequest) {
  const before = receiver.requests.length;
  await run("sh", ["-c", toCurl(rendered)], {
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", NODE_ENV: "test" },
    timeout: 10_000,
  });
  expect(receiver.requests).toHaveLength(before + 1);
  const received = receiver.requests[before];
  if (!received) throw new Error("the receiver saw no request");
  return { ...received, headers: received.rawHeaders.map(([name, value]) => ({ name, value })) };
}

async function expectSentExactly(rendered: RenderedRequest) {
  const received = await send(rendered);
  const url = new URL(rendered.url);
  expect(received.method).toBe(rendered.method);
  expect(received.target).toBe(`${url.pathname}${url.search}`);
  expect(received.body).toEqual(Buffer.from(rendered.body ?? new Uint8Array()));
  const headers = received.headers
    .filter((header) => !TRANSPORT_HEADERS.has(header.name.toLowerCase()))
    // curl sends argument bytes as they are, UTF-8; Node reads header bytes as Latin-1.
    .map(({ name, value }) => ({ name, value: Buffer.from(value, "latin1").toString("utf8") }));
  expect(headers).toEqual(rendered.headers);
  return received;
}

describe("toCurl reproduces the rendered request", { timeout: 30_000 }, () => {
  it("json POST with Cyrillic names, values and header values, duplicate and empty headers", async () => {
    const rendered = render({
      path: "/hooks/{{uniqueid}}?src=calls",
      method: "POST",
      format: "json",
      headers: [
        { name: "Content-Type", value: "application/json; charset=utf-8" },
        { name: "X-Employee", value: "{{employee_fio}}" },
        { name: "X-Tag", value: "a" },
        { name: "X-Tag", value: "b" },
        { name: "X-Recording", value: "{{recording}}" },
        { name: "X-Term", value: "{{utm_term}}" },
      ],
      params: [
        { name: "call_id", type: "text", value: "{{uniqueid}}" },
        { name: "{{Имя сотрудника}}", type: "text", value: "{{employee_fio}}" },
        { name: "term", type: "text", value: "{{utm_term}}" },
        {
          name: "client",
          type: "object",
          fields: [{ name: "phone", type: "text", value: "{{caller}}" }],
        },
      ],
    });
    const received = await expectSentExactly(rendered);
    expect(received.headers.some((h) => h.name === "X-Recording" && h.value === "")).toBe(true);
    expect(JSON.parse(received.body.toString("utf8"))["Имя сотрудника"]).toBe("Олена Коваленко");
  });

  it("form PUT", async () => {
    const rendered = render({
      path: "/api/calls/{{uniqueid}}",
      method: "PUT",
      format: "form",
      params: [
        { name: "utm", type: "array", items: ["{{utm_source}}", "{{utm_term}}"] },
        { name: "{{Имя сотрудника}}", type: "text", value: "{{employee_fio}}" },
        { name: "sign", type: "md5", value: "{{uniqueid}}" },
      ],
    });
    await expectSentExactly(rendered);
  });

  it("GET with its parameters merged after the URL's query, brackets unglobbed", async () => {
    const rendered = render({
      path: "/hooks/{{employee_fio}}?src=calls&x[]=1",
      method: "GET",
      params: [
        { name: "call_id", type: "text", value: "{{uniqueid}}" },
        {
          name: "client",
          type: "object",
          fields: [{ name: "term", type: "text", value: "{{utm_term}}" }],
        },
        { name: "{{Имя сотрудника}}", type: "text", value: "{{employee_fio}}" },
      ],
    });
    expect(rendered.url).toContain("?src=calls&x[]=1&call_id=1732871234.10452&client%5Bterm%5D=");
    const received = await expectSentExactly(rendered);
    expect(received.body).toHaveLength(0);
  });

  it("raw without Content-Type: curl adds none, and sends quotes, @, $, newlines and CRLF as they are", async () => {
    const rendered = render({
      path: "/raw",
      method: "POST",
      format: "raw",
      headers: [],
      body: "@{{caller}} it's {{utm_term}}\\n\r\nline 2\n\ttab $(id) $x %s \\\\ end\n",
    });
    expect(rendered.headers).toEqual([]);
    const received = await expectSentExactly(rendered);
    expect(received.headers.some((h) => h.name.toLowerCase() === "content-type")).toBe(false);
  });

  it("a body too long for curl's silent Expect: 100-continue, and one with a NUL byte", async () => {
    await expectSentExactly(
      render({
        path: "/big",
        method: "PUT",
        format: "raw",
        body: `${"Привіт ".repeat(800)}{{caller}}`,
      }),
    );
    await expectSentExactly(
      render(
        { path: "/nul", method: "POST", format: "raw", body: "a{{employee_fio}}b" },
        { employee_fio: "\u0000Олена\u0000" },
      ),
    );
  });
});
