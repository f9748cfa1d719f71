// Dates and times as the interface shows them: in the project's zone, laid out for the language.
// English keeps the unambiguous `2026-12-01 16:31` (en-US reads 12/1/2026 and en-GB 01/12/2026,
// each misread by the other's readers); every other language takes Intl's numeric layout for
// its tag, `01.12.2026, 16:31` in Ukrainian. Only digits and the language's punctuation come
// out, which Node and the browser agree on, so the server's HTML hydrates without a mismatch.

export type DateTimeOptions = { seconds?: boolean };

/** The tag Intl formats a language's dates with: English reads day-first words (`1 Dec`). */
export function intlLocale(locale: string): string {
  return locale === "en" ? "en-GB" : locale;
}

// Building an Intl.DateTimeFormat costs far more than using one, and a list shows hundreds.
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatter(
  locale: string,
  timeZone: string,
  parts: "date" | "time" | "both",
  seconds: boolean,
): Intl.DateTimeFormat {
  const key = [locale, timeZone, parts, seconds].join("|");
  let found = FORMATTERS.get(key);
  if (found === undefined) {
    const date: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };
    const time: Intl.DateTimeFormatOptions = {
      hour: "2-digit",
      minute: "2-digit",
      second: seconds ? "2-digit" : undefined,
      hourCycle: "h23",
    };
    found = new Intl.DateTimeFormat(intlLocale(locale), {
      timeZone,
      ...(parts === "time" ? {} : date),
      ...(parts === "date" ? {} : time),
    });
    FORMATTERS.set(key, found);
  }
  return found;
}

function isoLayout(iso: string, timeZone: string, seconds: boolean) {
  const parts = formatter("en", timeZone, "both", seconds).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  return {
    date: `${get("year")}-${get("month")}-${get("day")}`,
    time: `${get("hour")}:${get("minute")}${seconds ? `:${get("second")}` : ""}`,
  };
}

/** The day and the time apart, for a table cell that shows them on two lines. */
export function formatDateAndTime(
  iso: string,
  timeZone: string,
  locale: string,
  options: DateTimeOptions = {},
): { date: string; time: string } {
  const seconds = options.seconds ?? false;
  if (locale === "en") return isoLayout(iso, timeZone, seconds);
  const at = new Date(iso);
  return {
    date: formatter(locale, timeZone, "date", seconds).format(at),
    time: formatter(locale, timeZone, "time", seconds).format(at),
  };
}

/** `2026-12-01 16:31` in English, `01.12.2026, 16:31` in Ukrainian; `…:ss` with seconds. */
export function formatDateTime(
  iso: string,
  timeZone: string,
  locale: string,
  options: DateTimeOptions = {},
): string {
  const seconds = options.seconds ?? false;
  if (locale === "en") {
    const { date, time } = isoLayout(iso, timeZone, seconds);
    return `${date} ${time}`;
  }
  return formatter(locale, timeZone, "both", seconds).format(new Date(iso));
}
