import { createHash, timingSafeEqual } from "node:crypto";

export type MetricsAccess = "allowed" | "disabled" | "unauthorized";

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/**
 * Who may scrape: nobody without METRICS_TOKEN (the endpoint then does not exist, 404), and
 * with it only `Authorization: Bearer <token>`. Digests keep the comparison constant-time
 * whatever the length of what was sent.
 */
export function checkMetricsAccess(
  configuredToken: string | undefined,
  authorization: string | null,
): MetricsAccess {
  if (!configuredToken) return "disabled";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match?.[1]) return "unauthorized";
  return timingSafeEqual(digest(match[1]), digest(configuredToken)) ? "allowed" : "unauthorized";
}
