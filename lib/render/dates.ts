import type { DateFormat } from "../model/event-schema";

type WallTime = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
};

// ISO-8601 as telephony platforms write it: `T` or a space between date and time, seconds and
// fractions optional, `Z`, `±HH`, `±HHMM` or `±HH:MM` (or nothing: local to the project).
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const OFFSET = /^([+-])(\d{2}):?(\d{2})?$/;

/** Epoch milliseconds of a date variable's value, or null when it is not a readable date. */
export function parseInstant(value: string | Date, timeZone: string): number | null {
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? null : time;
  }
  const match = ISO_DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second, fraction, offset] = match;
  const wall: WallTime = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour ?? 0),
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    millisecond: Number((fraction ?? "").padEnd(3, "0").slice(0, 3)),
  };
  if (!isValidWallTime(wall)) return null;
  // Without an offset the platform wrote the project's local time (Asterisk's CDR does).
  if (offset === undefined) return zonedWallTimeToEpoch(wall, timeZone);
  const offsetMinutes = parseOffsetMinutes(offset);
  return offsetMinutes === null ? null : wallTimeToEpoch(wall) - offsetMinutes * 60_000;
}

/** A date in the request's date format, seen in the project's zone; unix formats are numbers. */
export function formatInstant(
  epochMs: number,
  format: DateFormat,
  timeZone: string,
): string | number {
  if (format === "unix") return Math.floor(epochMs / 1000);
  if (format === "unix_ms") return Math.trunc(epochMs);
  const wall = zonedWallTime(epochMs, timeZone);
  const date = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
  const time = `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
  switch (format) {
    case "standard":
      return `${date} ${time}`;
    case "iso8601":
      // Always ±HH:MM, even for UTC: receivers that split on the sign get one shape.
      return `${date}T${time}${formatOffset(offsetMinutesAt(epochMs, timeZone))}`;
    case "dmy":
      return `${pad(wall.day)}.${pad(wall.month)}.${pad(wall.year, 4)} ${time}`;
  }
}

function isValidWallTime(wall: WallTime): boolean {
  if (wall.month < 1 || wall.month > 12 || wall.day < 1) return false;
  if (wall.day > daysInMonth(wall.year, wall.month)) return false;
  // Second 60 is a leap second; it rolls over into the next minute.
  return wall.hour <= 23 && wall.minute <= 59 && wall.second <= 60;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is this month's last day.
  const last = { year, month: month + 1, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 };
  return new Date(wallTimeToEpoch(last)).getUTCDate();
}

/** The instant at which a UTC clock shows this wall time. */
function wallTimeToEpoch(wall: WallTime): number {
  // setUTCFullYear, because Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  return date.getTime();
}

function zonedWallTimeToEpoch(wall: WallTime, timeZone: string): number {
  const asUtc = wallTimeToEpoch(wall);
  // Zones change offset at most once in a few days, so the offsets a day either side are the
  // only candidates. Like JS Date and Temporal's "compatible": a wall time that happens twice
  // (clocks going back) is its earlier occurrence; one skipped (clocks going forward) is read
  // with the offset before the jump, landing as far past it as it was meant to be.
  const before = offsetMinutesAt(asUtc - DAY_MS, timeZone);
  const after = offsetMinutesAt(asUtc + DAY_MS, timeZone);
  const fits = [before, after]
    .map((offset) => asUtc - offset * 60_000)
    .filter(
      (epochMs) => wallTimeToEpoch(zonedWallTime(epochMs, timeZone)) === floorToSecond(asUtc),
    );
  return fits.length > 0 ? Math.min(...fits) : asUtc - before * 60_000;
}

const DAY_MS = 86_400_000;

function floorToSecond(epochMs: number): number {
  return Math.floor(epochMs / 1000) * 1000;
}

function parseOffsetMinutes(offset: string): number | null {
  if (offset.toUpperCase() === "Z") return 0;
  const match = OFFSET.exec(offset);
  if (!match) return null;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (hours > 23 || minutes > 59) return null;
  return (match[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function offsetMinutesAt(epochMs: number, timeZone: string): number {
  const wall = wallTimeToEpoch(zonedWallTime(epochMs, timeZone));
  return Math.round((wall - floorToSecond(epochMs)) / 60_000);
}

// Building an Intl.DateTimeFormat costs far more than using one; a project has one zone.
const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = FORMATTERS.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    FORMATTERS.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in the zone at that instant, to the whole second. */
function zonedWallTime(epochMs: number, timeZone: string): WallTime {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    millisecond: 0,
  };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}
