// What one demo attempt got back, written the way the real sender records it (status line,
// error kinds and messages, response headers and bodies), so the demo looks like production.
import type { FailureKind } from "./events";

export type DemoOutcome = {
  status: number | null;
  headers: Record<string, string> | null;
  body: string | null;
  errorKind: string | null;
  error: string | null;
  durationMs: number;
};

type Random = () => number;

const between = (random: Random, min: number, max: number) =>
  Math.round(min + random() * (max - min));

function httpDate(at: Date): string {
  return at.toUTCString();
}

const NGINX_502 = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.24.0</center>\r\n</body>\r\n</html>\r\n`;

export function successOutcome(random: Random, at: Date): DemoOutcome {
  return {
    status: 200,
    headers: {
      "content-type": "application/json; charset=utf-8",
      date: httpDate(at),
      server: "nginx",
    },
    body: `{"ok":true,"id":${between(random, 100000, 999999)}}`,
    errorKind: null,
    error: null,
    durationMs: between(random, 60, 700),
  };
}

function http(
  status: number,
  reason: string,
  body: string,
  contentType: string,
  at: Date,
  durationMs: number,
  extra: Record<string, string> = {},
): DemoOutcome {
  return {
    status,
    headers: { "content-type": contentType, date: httpDate(at), server: "nginx", ...extra },
    body,
    errorKind: status >= 300 && status < 400 ? "redirect" : "http_status",
    error: `HTTP ${status} ${reason}`,
    durationMs,
  };
}

export function failureOutcome(
  kind: FailureKind,
  url: URL,
  random: Random,
  at: Date,
  timeoutMs: number,
): DemoOutcome {
  const json = "application/json; charset=utf-8";
  const trace = Math.floor(random() * 0xffffffff)
    .toString(16)
    .padStart(8, "0");
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  const transport = (errorKind: string, error: string, durationMs: number): DemoOutcome => ({
    status: null,
    headers: null,
    body: null,
    errorKind,
    error,
    durationMs,
  });
  switch (kind) {
    case "500":
      return http(
        500,
        "Internal Server Error",
        `{"error":"Internal Server Error","message":"SQLSTATE[40001]: Serialization failure: 1213 Deadlock found when trying to get lock","trace_id":"${trace}"}`,
        json,
        at,
        between(random, 80, 1500),
      );
    case "502":
      return http(502, "Bad Gateway", NGINX_502, "text/html", at, between(random, 20, 300));
    case "503":
      return http(
        503,
        "Service Unavailable",
        "Service Unavailable: maintenance in progress, back soon",
        "text/plain; charset=utf-8",
        at,
        between(random, 10, 200),
        { "retry-after": "120" },
      );
    case "404":
      return http(
        404,
        "Not Found",
        `{"error":"not_found","message":"No route for ${url.pathname}"}`,
        json,
        at,
        between(random, 30, 200),
      );
    case "401":
      return http(
        401,
        "Unauthorized",
        `{"error":"expired_token","error_description":"The access token provided has expired."}`,
        json,
        at,
        between(random, 40, 250),
        { "www-authenticate": 'Bearer error="invalid_token"' },
      );
    case "410":
      return http(
        410,
        "Gone",
        "This endpoint was retired on 2026-11-25. Use /api/v2/calls.",
        "text/plain; charset=utf-8",
        at,
        between(random, 30, 150),
      );
    case "redirect": {
      const location = `https://${url.host}${url.pathname}${url.search}`;
      return {
        ...http(
          301,
          "Moved Permanently",
          `<html><head><title>301 Moved Permanently</title></head><body><h1>Moved Permanently</h1></body></html>`,
          "text/html",
          at,
          between(random, 20, 120),
          { location },
        ),
        error: `HTTP 301 Moved Permanently to ${location} (redirects are not followed)`,
      };
    }
    case "timeout":
      return transport(
        "timeout",
        `timeout: no response within ${timeoutMs} ms`,
        timeoutMs + between(random, 0, 15),
      );
    case "connection":
      return random() < 0.5
        ? transport(
            "connection",
            `connection refused by 203.0.113.${between(random, 2, 250)}:${port}`,
            between(random, 1, 40),
          )
        : transport(
            "connection",
            `connection reset by ${url.host} before a complete response`,
            between(random, 200, 4000),
          );
    case "dns":
      return transport("dns", `DNS: ${url.hostname} does not resolve`, between(random, 5, 80));
    case "tls":
      return transport(
        "tls",
        `TLS: handshake with ${url.hostname}:${port} failed: certificate has expired (CERT_HAS_EXPIRED)`,
        between(random, 30, 200),
      );
  }
}
