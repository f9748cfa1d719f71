import { gzipSync } from "node:zlib";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RESPONSE_BODY_LIMIT } from "@/lib/dispatch/attempt-result";
import { type OutgoingRequest, type SendOptions, sendRendered } from "@/lib/dispatch/sender";
import { generateSigningSecret } from "@/lib/webhooks/signing-secret";
import { closedPort, type LoopbackServer, startLoopbackServer } from "../helpers/loopback-server";

const options: SendOptions = { timeoutMs: 2_000, allowPrivate: true, deliveryId: "dlv_test_1" };

let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer();
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  server.requests.length = 0;
  server.respondWith((_request, response) => {
    response.writeHead(200, { "Content-Type": "application/json" }).end('{"received":true}');
  });
});

function post(
  path: string,
  body: string,
  headers: OutgoingRequest["headers"] = [],
): OutgoingRequest {
  return {
    method: "POST",
    url: `${server.origin}${path}`,
    headers,
    body: new TextEncoder().encode(body),
  };
}

function get(path: string): OutgoingRequest {
  return { method: "GET", url: `${server.origin}${path}`, headers: [], body: null };
}

describe("sendRendered against a loopback receiver", () => {
  it("delivers a JSON POST byte-exact, headers in order, plus the delivery headers", async () => {
    const body = '{"call_id":"c-1","employee":"Іван","duration":42}';
    const result = await sendRendered(
      post("/hook?x=1", body, [
        { name: "Content-Type", value: "application/json; charset=utf-8" },
        { name: "X-Employee", value: "Іван" },
        { name: "Authorization", value: "Bearer t0ken" },
        { name: "X-Trace", value: "a" },
        { name: "x-trace", value: "b" },
      ]),
      options,
    );

    expect(result.error).toBeNull();
    expect(result.ok).toBe(true);
    expect(result.response).toMatchObject({
      status: 200,
      body: '{"received":true}',
      truncated: false,
    });
    expect(result.response?.headers["content-type"]).toBe("application/json");

    const [seen] = server.requests;
    expect(seen?.method).toBe("POST");
    expect(seen?.target).toBe("/hook?x=1");
    expect(seen?.body.equals(Buffer.from(body, "utf8"))).toBe(true);
    const names = seen?.rawHeaders.map(([name]) => name);
    expect(names?.slice(0, 7)).toEqual([
      "Content-Type",
      "X-Employee",
      "Authorization",
      "X-Trace",
      "X-Trace",
      "X-Webhook-Delivery",
      "User-Agent",
    ]);
    const header = (name: string) =>
      seen?.rawHeaders.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
    // Node's server reads header bytes as Latin-1; the UTF-8 bytes of "Іван" are what was sent.
    expect(Buffer.from(header("x-employee")?.[0] ?? "", "latin1").toString("utf8")).toBe("Іван");
    expect(header("x-trace")).toEqual(["a", "b"]);
    expect(header("x-webhook-delivery")).toEqual(["dlv_test_1"]);
    expect(header("user-agent")).toEqual(["Webhooks/1.0 (+call tracking)"]);
    expect(header("content-length")).toEqual([String(Buffer.byteLength(body))]);

    // The attempt records what the receiver saw (Node adds only its Connection line).
    const recorded = result.request.headers.map(({ name, value }) => [
      name,
      Buffer.from(value, "utf8").toString("latin1"),
    ]);
    expect(recorded).toEqual(seen?.rawHeaders.filter(([name]) => name !== "Connection"));
    expect(result.request).toMatchObject({ method: "POST", url: `${server.origin}/hook?x=1` });
    expect(result.durationMs).toBeGreaterThanOrEqual(0);
  }, 10_000);

  it("keeps the rendered User-Agent and sends GET without a body", async () => {
    const request: OutgoingRequest = {
      ...get("/ping"),
      headers: [{ name: "User-Agent", value: "MyCRM-Hook/2" }],
    };
    const result = await sendRendered(request, options);
    expect(result.ok).toBe(true);
    const [seen] = server.requests;
    expect(seen?.method).toBe("GET");
    expect(seen?.body).toHaveLength(0);
    expect(seen?.rawHeaders.filter(([name]) => name.toLowerCase() === "user-agent")).toEqual([
      ["User-Agent", "MyCRM-Hook/2"],
    ]);
  }, 10_000);

  it("reuses one kept-alive connection for consecutive sends", async () => {
    for (let i = 0; i < 3; i += 1)
      expect((await sendRendered(get(`/k${i}`), options)).ok).toBe(true);
    const ports = new Set(server.requests.map((request) => request.remotePort));
    expect(server.requests).toHaveLength(3);
    expect(ports.size).toBe(1);
  }, 10_000);

  it("reports a 500 as an http_status error and keeps its body", async () => {
    server.respondWith((_request, response) => {
      response.writeHead(500, { "Content-Type": "text/plain" }).end("database is down");
    });
    const result = await sendRendered(post("/", "{}"), options);
    expect(result.ok).toBe(false);
    expect(result.error).toEqual({
      kind: "http_status",
      message: "HTTP 500 Internal Server Error",
    });
    expect(result.response).toMatchObject({
      status: 500,
      body: "database is down",
      truncated: false,
    });
    expect(result.retryAfterMs).toBeNull();
  }, 10_000);

  it("does not follow a 302 and names its Location", async () => {
    server.respondWith((_request, response) => {
      response.writeHead(302, { Location: "/moved/here" }).end();
    });
    const result = await sendRendered(post("/", "{}"), options);
    expect(result.ok).toBe(false);
    expect(result.error).toEqual({
      kind: "redirect",
      message: `HTTP 302 Found to ${server.origin}/moved/here (redirects are not followed)`,
    });
    expect(result.response?.status).toBe(302);
    expect(server.requests.map((request) => request.target)).toEqual(["/"]);
  }, 10_000);

  it("gives up on a receiver that never answers after timeoutMs", async () => {
    server.respondWith(() => {});
    const result = await sendRendered(post("/", "{}"), { ...options, timeoutMs: 300 });
    expect(result.ok).toBe(false);
    expect(result.response).toBeNull();
    expect(result.error).toEqual({
      kind: "timeout",
      message: "timeout: no response within 300 ms",
    });
    expect(result.durationMs).toBeGreaterThanOrEqual(280);
    expect(result.durationMs).toBeLessThan(2_000);
  }, 10_000);

  it("reports a refused connection", async () => {
    const port = await closedPort();
    const result = await sendRendered(
      { method: "POST", url: `http://127.0.0.1:${port}/`, headers: [], body: null },
      options,
    );
    expect(result.error).toEqual({
      kind: "connection",
      message: `connection refused by 127.0.0.1:${port}`,
    });
  }, 10_000);

  it("reports a connection the receiver resets", async () => {
    server.respondWith((_request, response) => {
      response.socket?.destroy();
    });
    const result = await sendRendered(post("/", "{}"), options);
    expect(result.ok).toBe(false);
    expect(result.error?.kind).toBe("connection");
    expect(result.error?.message).toMatch(/^connection reset by 127\.0\.0\.1:\d+/);
  }, 10_000);

  it("reports a host that does not resolve", async () => {
    const result = await sendRendered(
      { method: "GET", url: "http://nothing.invalid/", headers: [], body: null },
      options,
    );
    expect(result.error?.kind).toBe("dns");
    // ENOTFOUND normally; a resolver without network may answer EAI_AGAIN instead.
    expect(result.error?.message).toMatch(
      /^DNS: (nothing\.invalid does not resolve|lookup of nothing\.invalid failed)/,
    );
  }, 10_000);

  it("reports TLS failures (https to a plain http port)", async () => {
    const result = await sendRendered(
      { method: "GET", url: `https://127.0.0.1:${server.port}/`, headers: [], body: null },
      options,
    );
    expect(result.error?.kind).toBe("tls");
    expect(result.error?.message).toMatch(/^TLS: handshake with 127\.0\.0\.1:\d+ failed: /);
  }, 10_000);

  it("refuses a loopback target when private targets are not allowed, without connecting", async () => {
    const before = server.connections();
    const result = await sendRendered(post("/", "{}"), { ...options, allowPrivate: false });
    expect(result.ok).toBe(false);
    expect(result.response).toBeNull();
    expect(result.error).toEqual({
      kind: "blocked_target",
      message: "blocked target: 127.0.0.1, a loopback address",
    });
    expect(server.connections()).toBe(before);
    expect(server.requests).toHaveLength(0);
  }, 10_000);

  it("refuses localhost by its resolved address when private targets are not allowed", async () => {
    const result = await sendRendered(
      { method: "GET", url: `http://localhost:${server.port}/`, headers: [], body: null },
      { ...options, allowPrivate: false },
    );
    expect(result.error?.kind).toBe("blocked_target");
    expect(result.error?.message).toMatch(/^blocked target: localhost resolves to /);
    expect(server.requests).toHaveLength(0);
  }, 10_000);

  it("reports URLs it cannot send to", async () => {
    const ftp = await sendRendered({ ...get("/"), url: "ftp://example.com/x" }, options);
    expect(ftp.error).toEqual({
      kind: "invalid_url",
      message: "invalid URL: only http and https are supported, not ftp",
    });
    const junk = await sendRendered({ ...get("/"), url: "not a url" }, options);
    expect(junk.error).toEqual({ kind: "invalid_url", message: "invalid URL: not a url" });
  }, 10_000);

  it("keeps 64 KiB of a 1 MiB response and marks it truncated", async () => {
    server.respondWith((_request, response) => {
      response.writeHead(200, { "Content-Type": "text/plain" }).end(Buffer.alloc(1024 * 1024, "a"));
    });
    const result = await sendRendered(get("/big"), options);
    expect(result.ok).toBe(true);
    expect(result.response?.truncated).toBe(true);
    expect(result.response?.body).toHaveLength(RESPONSE_BODY_LIMIT);
    expect(RESPONSE_BODY_LIMIT).toBe(64 * 1024);
  }, 10_000);

  it("decompresses a gzip response before keeping it", async () => {
    server.respondWith((_request, response) => {
      response
        .writeHead(200, { "Content-Type": "application/json", "Content-Encoding": "gzip" })
        .end(gzipSync('{"zipped":true}'));
    });
    const result = await sendRendered(get("/gz"), options);
    expect(result.response?.body).toBe('{"zipped":true}');
  }, 10_000);

  it("reads Retry-After seconds on a 429", async () => {
    server.respondWith((_request, response) => {
      response.writeHead(429, { "Retry-After": "7" }).end();
    });
    const result = await sendRendered(get("/"), options);
    expect(result.error).toEqual({ kind: "http_status", message: "HTTP 429 Too Many Requests" });
    expect(result.retryAfterMs).toBe(7_000);
  }, 10_000);

  it("reads a Retry-After HTTP date on a 503", async () => {
    server.respondWith((_request, response) => {
      response.writeHead(503, { "Retry-After": "Sun, 01 Mar 2026 10:02:00 GMT" }).end();
    });
    const now = () => new Date("2026-03-01T10:00:00Z");
    const result = await sendRendered(get("/"), { ...options, now });
    expect(result.error?.message).toBe("HTTP 503 Service Unavailable");
    expect(result.retryAfterMs).toBe(120_000);
    expect(result.startedAt).toEqual(now());
  }, 10_000);

  it("ignores Retry-After on other statuses", async () => {
    server.respondWith((_request, response) => {
      response.writeHead(500, { "Retry-After": "7" }).end();
    });
    expect((await sendRendered(get("/"), options)).retryAfterMs).toBeNull();
  }, 10_000);

  it("signs with Standard Webhooks headers the receiver can verify", async () => {
    const secret = generateSigningSecret();
    const body = '{"call_id":"c-2"}';
    const result = await sendRendered(
      post("/signed", body, [{ name: "webhook-id", value: "forged" }]),
      {
        ...options,
        deliveryId: "dlv_signed",
        signingSecret: secret,
      },
    );
    expect(result.ok).toBe(true);
    const [seen] = server.requests;
    const received = Object.fromEntries(
      (seen?.rawHeaders ?? []).filter(([name]) => name.startsWith("webhook-")),
    );
    expect(Object.keys(received)).toEqual(["webhook-id", "webhook-timestamp", "webhook-signature"]);
    expect(received["webhook-id"]).toBe("dlv_signed");
    expect(() => new Webhook(secret).verify(seen?.body ?? Buffer.alloc(0), received)).not.toThrow();
    expect(() => new Webhook(secret).verify(`${body} `, received)).toThrow();
  }, 10_000);
});
