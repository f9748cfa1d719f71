import { randomBytes } from "node:crypto";

// Standard Webhooks secrets: `whsec_` + base64 of the key. The configuration makes them; the
// sender (lib/dispatch/signing.ts) reads them back.
export const SIGNING_SECRET_PREFIX = "whsec_";
/** 32 bytes, SHA-256's output size: a longer HMAC key adds no strength. */
const SECRET_BYTES = 32;

export function generateSigningSecret(): string {
  return `${SIGNING_SECRET_PREFIX}${randomBytes(SECRET_BYTES).toString("base64")}`;
}
