import { attemptErrorMessage as say } from "./attempt-error-text";
import type { AttemptError } from "./attempt-result";
import { BlockedTargetError } from "./url-guard";

/** The time limits of a send's phases, as given to got's `timeout` option (ms). */
export type PhaseLimits = {
  lookup: number;
  connect: number;
  secureConnect: number;
  request: number;
};

/** The fields Node's socket/DNS errors and got's wrappers carry; all optional. */
type ErrorFields = {
  code?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  event?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
};

const DNS_CODES = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "EAI_FAIL",
  "ENODATA",
  "ESERVFAIL",
  "ENONAME",
]);
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_|EPROTO$)/;

/**
 * Names a failed send in words a project admin can act on. got wraps the socket's error in a
 * RequestError (the original is its `cause`), so the whole cause chain is searched for the
 * first error that says what happened.
 */
export function describeTransportError(
  error: unknown,
  target: URL,
  limits: PhaseLimits,
): AttemptError {
  const chain = causeChain(error);
  const blocked = chain.find((item) => item instanceof BlockedTargetError);
  if (blocked instanceof BlockedTargetError) {
    return { kind: "blocked_target", message: blocked.message };
  }
  const timeout = chain.find(
    (item) => item.name === "TimeoutError" && typeof item.event === "string",
  );
  if (timeout) return describeTimeout(String(timeout.event), target, limits);

  const coded = chain.find(
    (item) => typeof item.code === "string" && item.code !== "ERR_GOT_REQUEST_ERROR",
  );
  const code = coded ? String(coded.code) : "";
  const where = endpoint(coded, target);
  if (DNS_CODES.has(code)) return { kind: "dns", message: describeDns(code, target.hostname) };
  if (TLS_CODE.test(code)) {
    return {
      kind: "tls",
      message: say("tlsFailed", { endpoint: where, reason: tlsReason(coded), code }),
    };
  }
  switch (code) {
    case "ECONNREFUSED":
      return { kind: "connection", message: say("refused", { endpoint: where }) };
    case "ECONNRESET":
    case "EPIPE":
      return {
        kind: "connection",
        message: say("reset", { endpoint: where }),
      };
    case "ETIMEDOUT":
      return { kind: "timeout", message: say("connectTimedOut", { endpoint: where }) };
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "EADDRNOTAVAIL":
      return { kind: "connection", message: say("unreachable", { endpoint: where, code }) };
  }
  const first = chain.at(-1);
  return { kind: "other", message: first ? messageOf(first) : String(error) };
}

function describeTimeout(event: string, target: URL, limits: PhaseLimits): AttemptError {
  const host = target.host;
  const phases: Record<string, () => string> = {
    lookup: () => say("lookupTimeout", { host: target.hostname, ms: limits.lookup }),
    connect: () => say("connectTimeout", { host, ms: limits.connect }),
    secureConnect: () => say("tlsTimeout", { host, ms: limits.secureConnect }),
  };
  const message = phases[event]?.() ?? say("responseTimeout", { ms: limits.request });
  return { kind: "timeout", message };
}

function describeDns(code: string, hostname: string): string {
  if (code === "EAI_AGAIN") return say("dnsTemporary", { host: hostname });
  if (code === "ENODATA") return say("dnsNoRecords", { host: hostname });
  if (code === "ENOTFOUND" || code === "ENONAME") return say("dnsNotResolving", { host: hostname });
  return say("dnsFailed", { host: hostname, code });
}

/** "127.0.0.1:9" from the socket error when it says where it tried, else the URL's host. */
function endpoint(item: ErrorFields | undefined, target: URL): string {
  if (item && typeof item.address === "string" && item.address !== "") {
    const address = item.address.includes(":") ? `[${item.address}]` : item.address;
    return typeof item.port === "number" ? `${address}:${item.port}` : address;
  }
  return target.host;
}

/** OpenSSL's "80FC…:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:…" → its reason. */
function tlsReason(item: ErrorFields | undefined): string {
  const message = item ? messageOf(item) : "";
  const openssl = /SSL routines:[^:]*:([^:]+)/.exec(message);
  return (openssl?.[1] ?? message.split("\n")[0] ?? message).trim();
}

function messageOf(item: ErrorFields): string {
  return typeof item.message === "string" && item.message !== "" ? item.message : String(item.name);
}

function causeChain(error: unknown): ErrorFields[] {
  const chain: ErrorFields[] = [];
  let current: unknown = error;
  // Bounded: a cause cycle must not hang the worker.
  while (current !== null && typeof current === "object" && chain.length < 8) {
    const item = current as ErrorFields;
    chain.push(item);
    current = item.cause;
  }
  return chain;
}
