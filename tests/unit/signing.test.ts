import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { signingHeaders } from "@/lib/dispatch/signing";
import { generateSigningSecret } from "@/lib/webhooks/signing-secret";

function asRecord(headers: Array<{ name: string; value: string }>): Record<string, string> {
  return Object.fromEntries(headers.map(({ name, value }) => [name, value]));
}

describe("generateSigningSecret", () => {
  it("is whsec_ and 32 random bytes in base64", () => {
    const secret = generateSigningSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice("whsec_".length), "base64")).toHaveLength(32);
    expect(generateSigningSecret()).not.toBe(secret);
  });
});

describe("signingHeaders", () => {
  const body = new TextEncoder().encode('{"call_id":"c-1","employee":"Іван Петренко"}');

  it("produces headers the standardwebhooks library accepts", () => {
    const secret = generateSigningSecret();
    const headers = signingHeaders({ secret, messageId: "dlv_1", timestamp: new Date(), body });
    expect(headers.map((header) => header.name)).toEqual([
      "webhook-id",
      "webhook-timestamp",
      "webhook-signature",
    ]);
    expect(() => new Webhook(secret).verify(Buffer.from(body), asRecord(headers))).not.toThrow();
  });

  it("matches the library's own signature byte for byte", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const timestamp = new Date("2026-03-01T10:00:00.750Z");
    const headers = asRecord(signingHeaders({ secret, messageId: "dlv_42", timestamp, body }));
    expect(headers["webhook-timestamp"]).toBe("1772359200");
    expect(headers["webhook-signature"]).toBe(
      new Webhook(secret).sign("dlv_42", timestamp, Buffer.from(body)),
    );
  });

  it("fails verification when the body, the id or the secret differ", () => {
    const secret = generateSigningSecret();
    const headers = asRecord(
      signingHeaders({ secret, messageId: "dlv_1", timestamp: new Date(), body }),
    );
    const tampered = Buffer.from(body);
    tampered[2] = "C".charCodeAt(0);
    expect(() => new Webhook(secret).verify(tampered, headers)).toThrow(WebhookVerificationError);
    expect(() =>
      new Webhook(secret).verify(Buffer.from(body), { ...headers, "webhook-id": "dlv_2" }),
    ).toThrow(WebhookVerificationError);
    expect(() => new Webhook(generateSigningSecret()).verify(Buffer.from(body), headers)).toThrow(
      WebhookVerificationError,
    );
  });

  it("signs an empty body for a GET", () => {
    const secret = generateSigningSecret();
    const headers = signingHeaders({
      secret,
      messageId: "dlv_1",
      timestamp: new Date(),
      body: null,
    });
    expect(() => new Webhook(secret).verify("", asRecord(headers))).not.toThrow();
  });

  it("refuses a secret that decodes to nothing", () => {
    expect(() =>
      signingHeaders({ secret: "whsec_", messageId: "x", timestamp: new Date(), body: null }),
    ).toThrow(TypeError);
  });
});
