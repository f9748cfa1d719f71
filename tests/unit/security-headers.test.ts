import { describe, expect, it } from "vitest";
import { pageContentSecurityPolicy, requestIsHttps } from "@/lib/http/security-headers";

describe("requestIsHttps", () => {
  it("ignores X-Forwarded-Proto unless a proxy of ours writes it", () => {
    expect(requestIsHttps({ forwardedProto: "https", trustProxy: false })).toBe(false);
    expect(requestIsHttps({ forwardedProto: "https", trustProxy: true })).toBe(true);
    expect(requestIsHttps({ forwardedProto: null, trustProxy: true })).toBe(false);
  });

  it("believes the entry the nearest proxy appended", () => {
    expect(requestIsHttps({ forwardedProto: "https, http", trustProxy: true })).toBe(false);
    expect(requestIsHttps({ forwardedProto: "http, HTTPS", trustProxy: true })).toBe(true);
  });
});

describe("pageContentSecurityPolicy", () => {
  const directives = (policy: string) =>
    new Map(
      policy.split(";").map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );

  it("lets only this response's scripts run and nobody frame the page", () => {
    const policy = directives(
      pageContentSecurityPolicy({ nonce: "abc123", development: false, https: false }),
    );
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval only in development and upgrades requests only over https", () => {
    const dev = directives(
      pageContentSecurityPolicy({ nonce: "n", development: true, https: true }),
    );
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.has("upgrade-insecure-requests")).toBe(true);
  });
});
