// Bad HTTP requests for route handlers: broken authentication, broken bodies (bytes, content
// types, sizes, nesting) and broken query strings, plus the check every answer must pass.
import fc from "fast-check";
import { expect } from "vitest";
import { SESSION_COOKIE } from "@/lib/auth/sessions";
import { type BadInput, controlText, hugeText, type Json, nestedText, preview } from "./fuzz";
import type { FuzzWorld } from "./fuzz-fixture";

export type Handler = (
  request: Request,
  segment: { params: Promise<unknown> },
) => Promise<Response>;

/** One request to a route handler, described so fast-check can print it. */
export type HttpInput = {
  method: string;
  /** Query string without the "?". */
  query?: string;
  headers?: Record<string, string>;
  /** A JSON document sent as application/json. */
  json?: Json;
  /** Raw body bytes or text; `chunked` sends them as a stream of this many chunks. */
  raw?: { bytes: Uint8Array | string; chunks?: number };
  params?: Record<string, unknown>;
  /** Leave out the project's API key (the headers may bring another). */
  noKey?: boolean;
};

export type Answer = { status: number; text: string; json: unknown };

function streamOf(bytes: Uint8Array, chunks: number): ReadableStream<Uint8Array> {
  const size = Math.ceil(bytes.byteLength / chunks);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

/** Calls a handler the way Next does; `key` is the project's API key unless `noKey`. */
export async function send(handler: Handler, input: HttpInput, key?: string): Promise<Answer> {
  const headers = new Headers();
  if (key !== undefined && !input.noKey) headers.set("Auth-key", key);
  let body: BodyInit | undefined;
  if (input.json !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(input.json);
  } else if (input.raw) {
    const bytes =
      typeof input.raw.bytes === "string"
        ? new TextEncoder().encode(input.raw.bytes)
        : input.raw.bytes;
    body = input.raw.chunks
      ? streamOf(bytes, input.raw.chunks)
      : (bytes as Uint8Array<ArrayBuffer>);
  }
  for (const [name, value] of Object.entries(input.headers ?? {})) headers.set(name, value);
  const request = new Request(
    `http://localhost/api/v1/fuzz${input.query ? `?${input.query}` : ""}`,
    {
      method: input.method,
      headers,
      body,
      duplex: "half",
    } as RequestInit,
  );
  const response = await handler(request, { params: Promise.resolve(input.params ?? {}) });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

/**
 * A query-string value, percent-encoded; a lone UTF-16 surrogate (which encodeURIComponent
 * refuses) is sent as the UTF-8 bytes it would have, which no decoder accepts.
 */
export function encodeQueryValue(value: string): string {
  return value
    .split(/([\uD800-\uDFFF])/)
    .map((part) => (/^[\uD800-\uDFFF]$/.test(part) ? "%ED%A0%80" : encodeURIComponent(part)))
    .join("");
}

/** The error of a 4xx answer names `names`: in its message, or as its `field`. */
export function expectRefusal(answer: Answer, bad: BadInput<unknown>): void {
  const context = `${bad.why} → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, context).toBeGreaterThanOrEqual(400);
  expect(answer.status, context).toBeLessThan(500);
  const error = (answer.json as { error?: { message?: unknown; field?: unknown } } | undefined)
    ?.error;
  expect(typeof error?.message, context).toBe("string");
  const message = String(error?.message).toLowerCase();
  const named = message.includes(bad.names.toLowerCase()) || error?.field === bad.names;
  expect(named, `the error should name ${JSON.stringify(bad.names)}: ${context}`).toBe(true);
}

const printableKey = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map(String.fromCharCode),
  maxLength: 60,
});

/**
 * Requests whose credentials are missing, unknown, revoked, lack the route's scope, or are
 * another project's session. `scope: "ingest"` is a route an ingest-only key may call;
 * `sessionRole: "admin"` a read a viewer's session may not make.
 */
export function badAuth(
  world: FuzzWorld,
  good: HttpInput,
  options: { sessionReads?: boolean; scope?: "ingest" | "admin"; sessionRole?: "admin" } = {},
): fc.Arbitrary<BadInput<HttpInput>> {
  const withKey = (key: string | undefined, why: string): BadInput<HttpInput> => ({
    input: {
      ...good,
      noKey: true,
      headers: { ...good.headers, ...(key === undefined ? {} : { "Auth-key": key }) },
    },
    names: "Auth-key",
    why,
  });
  const anyKeys = fc.oneof(
    fc.constant(withKey(undefined, "no Auth-key")),
    fc.constant(withKey(world.a.revokedKey, "a revoked key")),
    printableKey.map((k) => withKey(`whk_${k}`, `unknown key whk_${k}`)),
    printableKey.map((k) => withKey(k, `unknown key ${k}`)),
    fc.constant(withKey(`whk_${"x".repeat(500)}`, "a 500-character key")),
    fc.constant(withKey(world.a.key.toUpperCase(), "the key in upper case")),
  );
  const ingestOnly = fc.constant({
    ...withKey(world.a.ingestKey, "an ingest-only key"),
    names: "admin scope",
  });
  const keys = options.scope === "ingest" ? anyKeys : fc.oneof(anyKeys, ingestOnly);
  const read = good.method === "GET" && options.sessionReads !== false;
  if (!read) return keys;
  const withCookie = (cookie: string, query: string, names: string, why: string) => ({
    input: { ...good, noKey: true, query, headers: { ...good.headers, Cookie: cookie } },
    names,
    why,
  });
  const own = `${SESSION_COOKIE}=${world.a.sessionToken}`;
  const rest = good.query ? `&${good.query}` : "";
  const cookies = fc.oneof(
    printableKey
      .filter((k) => !k.includes(";"))
      .map((k) =>
        // A cookie that does not decode is no session cookie: the request has no credentials.
        withCookie(
          `${SESSION_COOKIE}=${k}`,
          `projectId=${world.a.projectId}${rest}`,
          decodes(k) ? "session" : "Auth-key",
          `unknown session ${k}`,
        ),
      ),
    fc.constant(withCookie(own, good.query ?? "", "projectId", "session read without projectId")),
    fc.constant(
      withCookie(
        own,
        `projectId=${world.a.projectId}&projectId=${world.a.projectId}${rest}`,
        "projectId",
        "projectId twice",
      ),
    ),
    fc
      .oneof(controlText, hugeText(100), fc.constantFrom("", "a b", "../x", "%00"))
      .map((id) =>
        withCookie(
          own,
          `projectId=${encodeQueryValue(id)}${rest}`,
          "projectId",
          `projectId=${preview(id)}`,
        ),
      ),
    fc.constant(
      withCookie(
        own,
        `projectId=${world.b.projectId}${rest}`,
        "project",
        "another project's projectId",
      ),
    ),
    ...(options.sessionRole === "admin"
      ? [
          fc.constant(
            withCookie(
              `${SESSION_COOKIE}=${world.viewer.sessionToken}`,
              `projectId=${world.a.projectId}${rest}`,
              "admin role",
              "a viewer's session",
            ),
          ),
        ]
      : []),
  );
  return fc.oneof(keys, cookies);
}

const NOT_JSON_TYPES = [
  "text/plain",
  "text/plain; charset=utf-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/jsonx",
  "application/octet-stream",
  "image/png",
];

const INVALID_UTF8 = [
  [0xff],
  [0xc3, 0x28],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xc0, 0xaf],
  [0x80],
];

/**
 * Bodies that never reach the service: bytes that are not UTF-8, a content type that is not
 * JSON, more than `maxBytes` (declared or streamed in chunks), nesting past the depth limit,
 * text that is not JSON. Every answer names the body.
 */
export function badBodies(
  good: HttpInput,
  document: Json,
  options: { maxBytes?: number; nullIsEmpty?: boolean } = {},
): fc.Arbitrary<BadInput<HttpInput>> {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const text = JSON.stringify(document);
  const at = (input: Partial<HttpInput>, why: string): BadInput<HttpInput> => ({
    input: { ...good, json: undefined, ...input },
    names: "body",
    why,
  });
  const jsonType = { "Content-Type": "application/json" };
  return fc.oneof(
    fc.tuple(fc.constantFrom(...INVALID_UTF8), fc.nat(text.length)).map(([bytes, cut]) => {
      const encoder = new TextEncoder();
      const raw = new Uint8Array([
        ...encoder.encode(text.slice(0, cut)),
        ...bytes,
        ...encoder.encode(text.slice(cut)),
      ]);
      return at(
        { raw: { bytes: raw }, headers: { ...good.headers, ...jsonType } },
        `invalid UTF-8 ${bytes} at ${cut}`,
      );
    }),
    fc
      .constantFrom(...NOT_JSON_TYPES)
      .map((type) =>
        at(
          { raw: { bytes: text }, headers: { ...good.headers, "Content-Type": type } },
          `Content-Type ${type}`,
        ),
      ),
    fc.integer({ min: maxBytes + 1, max: 2 ** 40 }).map((size) =>
      at(
        {
          raw: { bytes: text },
          headers: { ...good.headers, ...jsonType, "Content-Length": String(size) },
        },
        `Content-Length ${size}`,
      ),
    ),
    fc
      .tuple(fc.integer({ min: 1, max: 64 * 1024 }), fc.integer({ min: 2, max: 64 }))
      .map(([extra, chunks]) => {
        const filler = `{"x":"${"a".repeat(maxBytes + extra)}"}`;
        return at(
          { raw: { bytes: filler, chunks }, headers: { ...good.headers, ...jsonType } },
          `${filler.length} bytes in ${chunks} chunks`,
        );
      }),
    fc.integer({ min: 65, max: 100_000 }).map((depth) =>
      at(
        {
          raw: { bytes: nestedText(depth) },
          headers: { ...good.headers, ...jsonType },
        },
        `nested ${depth} deep`,
      ),
    ),
    fc
      .oneof(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.constantFrom(
          "{",
          "{]",
          "[1,]",
          "NaN",
          "'x'",
          '{"a":1,}',
          "undefined",
          `${text}}`,
          text.slice(0, -1),
        ),
      )
      .filter((candidate) => candidate.trim() !== "" && !parses(candidate))
      .map((candidate) =>
        at(
          { raw: { bytes: candidate }, headers: { ...good.headers, ...jsonType } },
          `not JSON: ${preview(candidate)}`,
        ),
      ),
    // JSON.parse makes "__proto__" an own key; a strict schema must refuse it like any other.
    fc
      .constantFrom("__proto__", "constructor", "prototype")
      .filter(() => text.startsWith("{") && text !== "{}")
      .map((key) => ({
        input: {
          ...good,
          json: undefined,
          raw: { bytes: `{"${key}":{"admin":true},${text.slice(1)}` },
          headers: { ...good.headers, ...jsonType },
        },
        names: key,
        why: `a "${key}" key`,
      })),
    fc
      .oneof(
        fc.constantFrom(null, true, 0, "x", [], [document]),
        fc.integer(),
        fc.string({ maxLength: 10 }),
      )
      // A route whose body is all optional may read `null` as no body at all.
      .filter((value) => !(options.nullIsEmpty && value === null))
      .map((value) => at({ json: value }, `a body of ${preview(value)}`)),
  );
}

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Path ids that name nothing of this project: malformed, unknown, or another project's. */
export function badIds(
  foreign: string[],
  unknown: string[],
): fc.Arbitrary<{ id: unknown; why: string }> {
  return fc.oneof(
    fc.constantFrom(...foreign).map((id) => ({ id, why: `another project's id ${id}` })),
    fc.constantFrom(...unknown).map((id) => ({ id, why: `unknown id ${id}` })),
    fc
      .oneof(controlText, hugeText(100), fc.constantFrom("", " ", "..", "%2F", "null", "a\u0000b"))
      .map((id) => ({
        id,
        why: `malformed id ${preview(id)}`,
      })),
    fc
      .string({ minLength: 1, maxLength: 30 })
      .map((id) => ({ id, why: `random id ${preview(id)}` })),
  );
}
