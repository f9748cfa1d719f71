import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, REDACTED } from "@/lib/observability/logger";
import { checkMetricsAccess } from "@/lib/observability/metrics-access";

function captureLines() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination }) };
}

describe("structured logs", () => {
  it("write one JSON object a line with the ids, and never a credential or secret", () => {
    const { lines, logger } = captureLines();
    logger.info(
      {
        deliveryId: "cmdelivery1",
        requestId: "req-42",
        headers: {
          Authorization: "Bearer live-token-1",
          "Auth-key": "wh_live_key",
          Cookie: "session=s3cr3t",
        },
        attempt: {
          request: { headers: { authorization: "Basic dXNlcjpwYXNz", "set-cookie": "a=b" } },
          signingSecret: "whsec_abcdef",
        },
        user: { email: "admin@example.com", password: "hunter22" },
      },
      "attempt sent",
    );

    expect(lines).toHaveLength(1);
    const line = lines[0] ?? "";
    for (const secret of [
      "live-token-1",
      "wh_live_key",
      "s3cr3t",
      "dXNlcjpwYXNz",
      "whsec_abcdef",
      "hunter22",
      "a=b",
    ]) {
      expect(line).not.toContain(secret);
    }
    const entry = JSON.parse(line);
    expect(entry).toMatchObject({
      level: "info",
      msg: "attempt sent",
      deliveryId: "cmdelivery1",
      requestId: "req-42",
      headers: { Authorization: REDACTED, "Auth-key": REDACTED, Cookie: REDACTED },
      attempt: { request: { headers: { authorization: REDACTED } }, signingSecret: REDACTED },
      user: { email: "admin@example.com", password: REDACTED },
    });
    expect(typeof entry.time).toBe("string");
  });
});

describe("metrics access", () => {
  const token = "metrics-token-0123456789";

  it("does not exist without METRICS_TOKEN", () => {
    expect(checkMetricsAccess(undefined, `Bearer ${token}`)).toBe("disabled");
  });

  it("wants exactly Bearer <token>", () => {
    expect(checkMetricsAccess(token, `Bearer ${token}`)).toBe("allowed");
    expect(checkMetricsAccess(token, `bearer ${token}`)).toBe("allowed");
    expect(checkMetricsAccess(token, null)).toBe("unauthorized");
    expect(checkMetricsAccess(token, token)).toBe("unauthorized");
    expect(checkMetricsAccess(token, `Bearer ${token}x`)).toBe("unauthorized");
    expect(checkMetricsAccess(token, `Basic ${token}`)).toBe("unauthorized");
  });
});
