import { describe, expect, it } from "vitest";
import { type BudgetLimits, takeFromBudget } from "@/lib/http/rate-limit";

const LIMITS: BudgetLimits = {
  ingest: { perSecond: 10, burst: 20 },
  api: { perSecond: 2, burst: 4 },
};

describe("request budgets per API key", () => {
  it("lets a burst through, then refuses with the seconds until a request is allowed again", () => {
    const at = 1_000_000;
    const answers = Array.from({ length: 6 }, () => takeFromBudget("key-a", "api", LIMITS, at));
    expect(answers).toEqual([0, 0, 0, 0, 1, 1]);
    // Half a second later one token is back (2 per second).
    expect(takeFromBudget("key-a", "api", LIMITS, at + 500)).toBe(0);
    expect(takeFromBudget("key-a", "api", LIMITS, at + 500)).toBe(1);
  });

  it("keeps keys and budgets apart", () => {
    const at = 2_000_000;
    for (let i = 0; i < 4; i += 1) takeFromBudget("key-b", "api", LIMITS, at);
    expect(takeFromBudget("key-b", "api", LIMITS, at)).toBe(1);
    expect(takeFromBudget("key-b", "ingest", LIMITS, at)).toBe(0);
    expect(takeFromBudget("key-c", "api", LIMITS, at)).toBe(0);
  });
});
