import type { ClientRequest, OutgoingHttpHeaders } from "node:http";
import http from "node:http";
import https from "node:https";
import type { NativeRequestOptions, RequestFunction } from "got";
import type { AttemptHeader } from "./attempt-result";

/** Names the product, so receivers can recognise (and allow-list) our calls in their logs. */
export const USER_AGENT = "Webhooks/1.0 (+call tracking)";

/**
 * Framing is computed from the exact body bytes; an admin's Content-Length or
 * Transfer-Encoding could only disagree with them and corrupt the request on the wire.
 */
const FRAMING_HEADERS = new Set(["content-length", "transfer-encoding"]);

/**
 * The headers to send, in order: the rendered ones as the admin wrote them, then the ones every
 * delivery carries. Our own names replace same-named rendered ones (a stale signature or
 * delivery id would mislead the receiver); a rendered User-Agent is the admin's choice and stays.
 */
export function outgoingHeaders(
  rendered: readonly AttemptHeader[],
  added: readonly AttemptHeader[],
): AttemptHeader[] {
  const ours = new Set(added.map((header) => header.name.toLowerCase()));
  const kept = rendered.filter((header) => {
    const name = header.name.toLowerCase();
    return !ours.has(name) && !FRAMING_HEADERS.has(name);
  });
  const hasUserAgent = kept.some((header) => header.name.toLowerCase() === "user-agent");
  return [...kept, ...added, ...(hasUserAgent ? [] : [{ name: "User-Agent", value: USER_AGENT }])];
}

/** got's `headers` option: duplicates become one array value, which Node sends as repeated lines. */
export function headersForGot(
  headers: readonly AttemptHeader[],
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const { name, value } of headers) {
    const key = name.toLowerCase();
    const wire = headerValueForWire(value);
    const existing = out[key];
    if (existing === undefined) out[key] = wire;
    else out[key] = Array.isArray(existing) ? [...existing, wire] : [existing, wire];
  }
  return out;
}

/**
 * Node writes header strings as Latin-1 and refuses characters above U+00FF, so a value with a
 * Cyrillic name goes as its UTF-8 bytes, one character per byte (as lib/render's preview
 * assumes). ASCII is unchanged.
 */
function headerValueForWire(value: string): string {
  return Buffer.from(value, "utf8").toString("latin1");
}

/**
 * got lower-cases every header name and puts its own (User-Agent, Accept-Encoding) first. This
 * request function hands Node the headers in the admin's order and spelling instead, followed
 * by what got added (Accept-Encoding, Content-Length), and reports the request it created so
 * the attempt can record what was really sent.
 */
export function orderedRequestFunction(
  order: readonly AttemptHeader[],
  onRequest: (request: ClientRequest) => void,
): RequestFunction {
  const spelling = new Map<string, string>();
  for (const { name } of order) {
    if (!spelling.has(name.toLowerCase())) spelling.set(name.toLowerCase(), name);
  }
  return (url: URL, options: NativeRequestOptions) => {
    const fromGot = (options.headers ?? {}) as OutgoingHttpHeaders;
    const headers: OutgoingHttpHeaders = {};
    for (const [lower, name] of spelling) {
      if (fromGot[lower] !== undefined) headers[name] = fromGot[lower];
    }
    for (const [lower, value] of Object.entries(fromGot)) {
      if (!spelling.has(lower) && value !== undefined) headers[lower] = value;
    }
    const send = url.protocol === "https:" ? https.request : http.request;
    const request = send(url, { ...options, headers });
    onRequest(request);
    return request;
  };
}

/** The header lines Node will write (Host included), decoded back from their wire bytes. */
export function sentHeaders(request: ClientRequest): AttemptHeader[] {
  const sent: AttemptHeader[] = [];
  for (const name of request.getRawHeaderNames()) {
    const value = request.getHeader(name);
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [String(value)]) {
      sent.push({ name, value: Buffer.from(item, "latin1").toString("utf8") });
    }
  }
  return sent;
}
