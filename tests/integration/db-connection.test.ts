import "../helpers/fresh-database";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";

describe("the app's database connection", () => {
  it("runs SQLite in WAL mode with synchronous=NORMAL", async () => {
    const [journal] =
      await db.$queryRawUnsafe<Array<{ journal_mode: string }>>("PRAGMA journal_mode");
    const [sync] =
      await db.$queryRawUnsafe<Array<{ synchronous: bigint | number }>>("PRAGMA synchronous");
    expect(journal?.journal_mode).toBe("wal");
    // 1 = NORMAL (2 would be FULL, the default).
    expect(Number(sync?.synchronous)).toBe(1);
  });
});
