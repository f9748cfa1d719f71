import { createHmac } from "node:crypto";
import { SIGNING_SECRET_PREFIX } from "../webhooks/signing-secret";

// Standard Webhooks (https://www.standardwebhooks.com): the receiver recomputes an HMAC-SHA256
// over "{id}.{timestamp}.{body}" with the shared secret and compares it with webhook-signature.

export type SigningHeader = { name: string; value: string };

export type SigningInput = {
  /** `whsec_` + base64, as generateSigningSecret makes it (a bare base64 secret works too). */
  secret: string;
  /**
   * The secret before a rotation, while its overlap lasts: a second signature, so receivers
   * still holding it verify too (Standard Webhooks lists signatures space-separated).
   */
  previousSecret?: string | null;
  /** Unique per message and the same on every resend of it; we use the delivery id. */
  messageId: string;
  timestamp: Date;
  /** The exact bytes sent; null (a GET) signs the empty string. */
  body: Uint8Array | string | null;
};

/** The three Standard Webhooks headers, in the order the spec lists them. */
export function signingHeaders({
  secret,
  previousSecret,
  messageId,
  timestamp,
  body,
}: SigningInput): SigningHeader[] {
  const seconds = String(Math.floor(timestamp.getTime() / 1000));
  const sign = (key: string) => {
    const hmac = createHmac("sha256", decodeSecret(key));
    hmac.update(`${messageId}.${seconds}.`);
    // Bytes, not text: the signature must cover exactly what goes on the wire.
    if (body !== null) hmac.update(body);
    return `v1,${hmac.digest("base64")}`;
  };
  // The new secret's signature first: receivers that check only the first see the new one.
  const signatures = [secret, ...(previousSecret ? [previousSecret] : [])].map(sign);
  return [
    { name: "webhook-id", value: messageId },
    { name: "webhook-timestamp", value: seconds },
    { name: "webhook-signature", value: signatures.join(" ") },
  ];
}

function decodeSecret(secret: string): Buffer {
  const encoded = secret.startsWith(SIGNING_SECRET_PREFIX)
    ? secret.slice(SIGNING_SECRET_PREFIX.length)
    : secret;
  const key = Buffer.from(encoded, "base64");
  // A secret that decodes to nothing would sign with an empty key: a bug, not a network fault.
  if (key.length === 0) throw new TypeError("signing secret is empty or not base64");
  return key;
}
