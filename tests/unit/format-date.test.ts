import { describe, expect, it } from "vitest";
import { formatDateTime } from "@/lib/format-date";

describe("formatDateTime", () => {
  it("shows the instant in the project's zone, with or without seconds", () => {
    expect(formatDateTime("2026-11-29T08:15:04Z", "Europe/Kyiv")).toBe("2026-11-29 10:15");
    expect(formatDateTime("2026-07-01T23:59:59Z", "Europe/Kyiv", { seconds: true })).toBe(
      "2026-07-02 02:59:59",
    );
    expect(formatDateTime("2026-11-29T00:00:00Z", "America/New_York", { seconds: true })).toBe(
      "2026-11-28 19:00:00",
    );
  });
});
