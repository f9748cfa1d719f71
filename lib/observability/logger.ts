// Structured JSON logs, one object a line on stdout, for whatever collects them. Secrets never
// reach a line: credentials in headers (ours and the receivers'), cookies, signing secrets and
// passwords are replaced wherever they sit in the logged object, up to three levels deep
// (e.g. `attempt.request.headers.Authorization`).
import pino, { type Logger } from "pino";
import { env } from "../env";

const SECRET_KEYS = [
  "authorization",
  "Authorization",
  "proxy-authorization",
  "Proxy-Authorization",
  "auth-key",
  "Auth-key",
  "Auth-Key",
  "cookie",
  "Cookie",
  "set-cookie",
  "Set-Cookie",
  "signingSecret",
  "secret",
  "gaApiSecret",
  "password",
  "passwordHash",
  "token",
  "apiKey",
];

function pathsFor(key: string): string[] {
  const accessor = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  const top = accessor.startsWith(".") ? accessor.slice(1) : accessor;
  return [top, `*${accessor}`, `*.*${accessor}`, `*.*.*${accessor}`];
}

export const REDACTED_PATHS = SECRET_KEYS.flatMap(pathsFor);
export const REDACTED = "[Redacted]";

export function createLogger(
  options: { level?: string; destination?: pino.DestinationStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? env().LOG_LEVEL,
      base: { pid: process.pid, service: "webhooks" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
    },
    options.destination,
  );
}

// One logger per process whichever bundle asks (see lib/observability/metrics.ts).
declare global {
  var webhooksLogger: Logger | undefined;
}

export function logger(): Logger {
  globalThis.webhooksLogger ??= createLogger();
  return globalThis.webhooksLogger;
}
