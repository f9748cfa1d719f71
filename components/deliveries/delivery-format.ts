import { useFormatter, useTranslations } from "next-intl";
import type { DeliveryListItem } from "@/lib/delivery-log/contract";

/** The worker's error kinds, each with its words in the catalog (deliveries.errorKind). */
const ERROR_KINDS = [
  "timeout",
  "connection",
  "dns",
  "tls",
  "redirect",
  "blocked_target",
  "invalid_url",
  "http_status",
  "other",
] as const;

type ErrorKind = (typeof ERROR_KINDS)[number];

function isErrorKind(kind: string): kind is ErrorKind {
  return (ERROR_KINDS as readonly string[]).includes(kind);
}

export type ResultTone = "red" | "amber" | "green" | "blue" | "neutral";

/** Error kinds in words an admin recognises; an unknown kind shows as it is. */
export function useErrorKindLabel() {
  const t = useTranslations("deliveries.errorKind");
  return (kind: string): string => (isErrorKind(kind) ? t(kind) : kind);
}

/** What the "Result" column says: the HTTP status when there was an answer, else the error kind. */
export function useDescribeResult() {
  const t = useTranslations("deliveries.result");
  const errorKind = useErrorKindLabel();
  return (
    delivery: Pick<DeliveryListItem, "status" | "httpStatus" | "errorKind" | "attempts">,
  ): { label: string; tone: ResultTone } => {
    const status = delivery.httpStatus;
    if (delivery.status === "succeeded") {
      return {
        label: status ? t("deliveredWithStatus", { status }) : t("delivered"),
        tone: "green",
      };
    }
    if (delivery.status === "sending") return { label: t("sending"), tone: "blue" };
    if (delivery.status === "pending") {
      return delivery.attempts > 0
        ? { label: status ? t("retryingWithStatus", { status }) : t("retrying"), tone: "amber" }
        : { label: t("queued"), tone: "blue" };
    }
    if (status && delivery.errorKind !== "redirect") {
      return { label: t("httpStatus", { status }), tone: "red" };
    }
    const kind = delivery.errorKind ? errorKind(delivery.errorKind) : t("failed");
    return { label: status ? `${kind} · ${status}` : kind, tone: "red" };
  };
}

/** "250 ms", "1.25 s" with the language's decimal separator. */
export function useFormatDuration() {
  const t = useTranslations("deliveries.duration");
  const format = useFormatter();
  return (ms: number): string => {
    if (ms < 1000) return t("ms", { value: format.number(ms) });
    const digits = ms < 10_000 ? 2 : 1;
    const value = format.number(ms / 1000, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    return t("s", { value });
  };
}

/** Host, path and query of a URL without the scheme: what fits a table cell. */
export function shortUrl(url: string | null): string {
  if (!url) return "—";
  return url.replace(/^https?:\/\//, "");
}

/** "in 12 s", "in 3 min", "now": when the next scheduled attempt runs. */
export function useDueIn() {
  const t = useTranslations("simulator.table");
  return (iso: string, now = Date.now()): string => {
    const seconds = Math.round((Date.parse(iso) - now) / 1000);
    if (seconds <= 0) return t("now");
    if (seconds < 90) return t("inSeconds", { count: seconds });
    const minutes = Math.round(seconds / 60);
    if (minutes < 90) return t("inMinutes", { count: minutes });
    return t("inHours", { count: Math.round(minutes / 60) });
  };
}
