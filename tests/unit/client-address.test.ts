import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "@/lib/auth/client-address";

describe("the client address for sign-in throttling", () => {
  it("ignores X-Forwarded-For unless a trusted proxy writes it", () => {
    expect(clientAddressFrom("203.0.113.9", false)).toBeNull();
    expect(clientAddressFrom("1.2.3.4, 203.0.113.9", false)).toBeNull();
  });

  it("behind a trusted proxy takes the last entry, the one the proxy appended", () => {
    expect(clientAddressFrom("6.6.6.6, 203.0.113.9", true)).toBe("203.0.113.9");
    expect(clientAddressFrom("203.0.113.9", true)).toBe("203.0.113.9");
    expect(clientAddressFrom(null, true)).toBeNull();
    expect(clientAddressFrom(" , ", true)).toBeNull();
  });
});
