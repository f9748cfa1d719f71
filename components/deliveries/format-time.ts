import { formatDateTime, intlLocale } from "@/lib/format-date";

/** To the second in the project's zone, laid out for the language (lib/format-date.ts). */
export function formatTimestamp(iso: string, timeZone: string, locale: string): string {
  return formatDateTime(iso, timeZone, locale, { seconds: true });
}

/** `29 Nov, 14:00` (`29 лист., 14:00`) for the chart and the hour chip. */
export function formatHour(iso: string, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    timeZone,
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(new Date(iso));
}
