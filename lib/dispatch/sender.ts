import type { ClientRequest } from "node:http";
import { STATUS_CODES } from "node:http";
import { performance } from "node:perf_hooks";
import got, { type PlainResponse, type Request } from "got";
import { attemptErrorMessage } from "./attempt-error-text";
import type { AttemptError, AttemptHeader, AttemptResponse, AttemptResult } from "./attempt-result";
import { sharedGuardedAgents } from "./guarded-agents";
import { readCappedBody } from "./response-body";
import { retryAfterMs } from "./retry-after";
import { signingHeaders } from "./signing";
import { describeTransportError, type PhaseLimits } from "./transport-errors";
import {
  headersForGot,
  orderedRequestFunction,
  outgoingHeaders,
  sentHeaders,
} from "./wire-headers";
import type { Withdrawal } from "./withdrawal";

/** The renderer's output (lib/render's RenderedRequest), restated so the sender stands alone. */
export type OutgoingRequest = {
  method: "GET" | "POST" | "PUT";
  url: string;
  headers: ReadonlyArray<{ name: string; value: string }>;
  body: Uint8Array | null;
};

export type SendOptions = {
  /** The whole attempt: connect, send, response headers and body. */
  timeoutMs: number;
  /** Allow loopback/private targets (WEBHOOK_ALLOW_PRIVATE_TARGETS); metadata stays refused. */
  allowPrivate: boolean;
  deliveryId: string;
  /** When set, Standard Webhooks headers are added (message id = delivery id). */
  signingSecret?: string | null;
  /** The secret before a rotation, during its overlap: a second signature. */
  previousSigningSecret?: string | null;
  now?: () => Date;
  /** Lets a stopping worker cancel the request while no socket is connected for it yet. */
  withdrawal?: Withdrawal;
};

/**
 * Connecting (and DNS, and the TLS handshake) gets at most 5 s of the budget: a host that takes
 * longer is down or filtered, and waiting the full request timeout (10 s by default) only holds
 * one of the worker's 32 slots longer before the same failure.
 */
const PHASE_LIMIT_MS = 5_000;

/**
 * Sends one rendered request once and reports what happened. Network and HTTP failures come
 * back as an AttemptResult with `error` set; only programming errors (a malformed signing
 * secret, a bug) throw.
 */
export async function sendRendered(
  rendered: OutgoingRequest,
  options: SendOptions,
): Promise<AttemptResult> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const started = performance.now();
  const headers = outgoingHeaders(rendered.headers, addedHeaders(rendered, options, startedAt));
  const result = (outcome: Outcome, sent: AttemptHeader[] = headers): AttemptResult => ({
    ok: outcome.error === null,
    startedAt,
    durationMs: Math.round(performance.now() - started),
    request: { method: rendered.method, url: rendered.url, headers: sent, body: rendered.body },
    response: outcome.response,
    error: outcome.error,
    retryAfterMs: outcome.retryAfterMs,
  });

  const target = parseTarget(rendered.url);
  if (typeof target === "string") {
    return result({
      response: null,
      error: { kind: "invalid_url", message: target },
      retryAfterMs: null,
    });
  }
  let clientRequest: ClientRequest | undefined;
  const limits = phaseLimits(options.timeoutMs);
  const stream = got.stream(target, {
    method: rendered.method,
    body: requestBody(rendered),
    // The renderer never gives a GET a body; if one ever did, send it rather than fail here.
    // (Only then: with allowGetBody a body-less GET stream waits for a body that never comes.)
    allowGetBody: rendered.method === "GET" && rendered.body !== null,
    headers: headersForGot(headers),
    request: orderedRequestFunction(headers, (request) => {
      clientRequest = request;
      if (options.withdrawal) watchForWire(request, options.withdrawal);
    }),
    agent: sharedGuardedAgents(options.allowPrivate),
    // Retries, with backoff and Retry-After, belong to the delivery's retry policy.
    retry: { limit: 0 },
    followRedirect: false,
    throwHttpErrors: false,
    decompress: true,
    timeout: limits,
  });
  options.withdrawal?.onWithdraw(() => stream.destroy(new Error("withdrawn before it was sent")));
  const outcome = await receive(stream, target, limits, startedAt);
  return result(outcome, clientRequest ? sentHeaders(clientRequest) : headers);
}

type Outcome = Pick<AttemptResult, "response" | "error" | "retryAfterMs">;

/**
 * The request is on the wire once its socket is connected: Node writes a request only to a
 * connected socket, so before that the receiver cannot have seen a byte of it. A kept-alive
 * socket is connected when it is handed over.
 */
function watchForWire(request: ClientRequest, withdrawal: Withdrawal): void {
  request.once("socket", (socket) => {
    if (socket.connecting) socket.once("connect", () => withdrawal.markOnWire());
    else withdrawal.markOnWire();
  });
}

async function receive(
  stream: Request,
  target: URL,
  limits: PhaseLimits,
  startedAt: Date,
): Promise<Outcome> {
  // A late error (a timer firing after the body was cut off) must not become an unhandled event.
  stream.on("error", () => {});
  let response: PlainResponse;
  try {
    response = await new Promise<PlainResponse>((resolve, reject) => {
      stream.once("response", resolve);
      stream.once("error", reject);
    });
  } catch (error) {
    return {
      response: null,
      error: describeTransportError(error, target, limits),
      retryAfterMs: null,
    };
  }
  const body = await readCappedBody(stream);
  const status = response.statusCode;
  return {
    response: { status, headers: responseHeaders(response), ...body } satisfies AttemptResponse,
    error: statusError(response, target),
    retryAfterMs: retryAfterMs(status, response.headers["retry-after"], startedAt),
  };
}

function statusError(response: PlainResponse, target: URL): AttemptError | null {
  const status = response.statusCode;
  if (status >= 200 && status < 300) return null;
  const reason = response.statusMessage || STATUS_CODES[status] || "";
  const line = `HTTP ${status}${reason ? ` ${reason}` : ""}`;
  if (status < 300 || status >= 400) return { kind: "http_status", message: line };
  const location = response.headers.location;
  if (!location) {
    return {
      kind: "redirect",
      message: attemptErrorMessage("redirectNoLocation", { status: line }),
    };
  }
  return {
    kind: "redirect",
    message: attemptErrorMessage("redirect", {
      status: line,
      location: absolute(location, target),
    }),
  };
}

function addedHeaders(
  rendered: OutgoingRequest,
  options: SendOptions,
  startedAt: Date,
): AttemptHeader[] {
  const added: AttemptHeader[] = [{ name: "X-Webhook-Delivery", value: options.deliveryId }];
  if (options.signingSecret) {
    added.push(
      ...signingHeaders({
        secret: options.signingSecret,
        previousSecret: options.previousSigningSecret ?? null,
        messageId: options.deliveryId,
        timestamp: startedAt,
        body: rendered.body,
      }),
    );
  }
  return added;
}

function phaseLimits(timeoutMs: number): PhaseLimits {
  const phase = Math.min(timeoutMs, PHASE_LIMIT_MS);
  return { lookup: phase, connect: phase, secureConnect: phase, request: timeoutMs };
}

/** The exact bytes, without a copy; POST/PUT without a body still send an empty one. */
function requestBody(rendered: OutgoingRequest): Buffer | undefined {
  const { body } = rendered;
  if (body) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return rendered.method === "GET" ? undefined : Buffer.alloc(0);
}

function parseTarget(url: string): URL | string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `invalid URL: ${url}`;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return `invalid URL: only http and https are supported, not ${parsed.protocol.slice(0, -1)}`;
  }
  return parsed;
}

function responseHeaders(response: PlainResponse): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function absolute(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}
