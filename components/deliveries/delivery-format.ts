import type { DeliveryListItem } from "@/lib/delivery-log/contract";

/** Error kinds in words an admin recognises; the worker's kinds and the filter's values. */
export const ERROR_KIND_LABELS: Record<string, string> = {
  timeout: "Timeout",
  connection: "Connection refused",
  dns: "DNS error",
  tls: "TLS error",
  redirect: "Redirect",
  blocked_target: "Blocked target",
  invalid_url: "Invalid URL",
  http_status: "HTTP error",
  other: "Other error",
};

export type ResultTone = "red" | "amber" | "green" | "blue" | "neutral";

/** What the "Result" column says: the HTTP status when there was an answer, else the error kind. */
export function describeResult(
  delivery: Pick<DeliveryListItem, "status" | "httpStatus" | "errorKind" | "attempts">,
): { label: string; tone: ResultTone } {
  if (delivery.status === "succeeded") {
    return {
      label: delivery.httpStatus ? `${delivery.httpStatus} Delivered` : "Delivered",
      tone: "green",
    };
  }
  if (delivery.status === "sending") return { label: "Sending", tone: "blue" };
  if (delivery.status === "pending") {
    return delivery.attempts > 0
      ? {
          label: `Retrying${delivery.httpStatus ? ` · ${delivery.httpStatus}` : ""}`,
          tone: "amber",
        }
      : { label: "Queued", tone: "blue" };
  }
  if (delivery.httpStatus && delivery.errorKind !== "redirect") {
    return { label: `HTTP ${delivery.httpStatus}`, tone: "red" };
  }
  const kind = delivery.errorKind
    ? (ERROR_KIND_LABELS[delivery.errorKind] ?? delivery.errorKind)
    : "Failed";
  return {
    label: delivery.httpStatus ? `${kind} · ${delivery.httpStatus}` : kind,
    tone: "red",
  };
}

/** Host, path and query of a URL without the scheme: what fits a table cell. */
export function shortUrl(url: string | null): string {
  if (!url) return "—";
  return url.replace(/^https?:\/\//, "");
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}
