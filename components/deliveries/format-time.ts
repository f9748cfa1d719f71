import { formatDateTime } from "@/lib/format-date";

/** `YYYY-MM-DD HH:mm:ss` in the project's zone: the same string on the server and in the browser. */
export function formatTimestamp(iso: string, timeZone: string): string {
  return formatDateTime(iso, timeZone, { seconds: true });
}

/** `29 Nov, 14:00` (`29 лист., 14:00`) for the chart and the hour chip. */
export function formatHour(iso: string, timeZone: string, locale = "en-GB"): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    timeZone,
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}
