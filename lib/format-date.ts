/**
 * `YYYY-MM-DD HH:mm` (or `…:ss` with seconds) in the given zone; the same string on the server
 * and in the browser, so hydration never disagrees.
 */
export function formatDateTime(
  iso: string,
  timeZone: string,
  options: { seconds?: boolean } = {},
): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    ...(options.seconds ? { second: "2-digit" as const } : {}),
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  const time = `${get("hour")}:${get("minute")}${options.seconds ? `:${get("second")}` : ""}`;
  return `${get("year")}-${get("month")}-${get("day")} ${time}`;
}
