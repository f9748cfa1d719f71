/**
 * The client's address for sign-in throttling, or null when it cannot be known. Next fills
 * X-Forwarded-For with the socket's address only when the request has none, so without a
 * proxy of ours in front the header is the client's own claim and any value can be sent: it is
 * used only when the operator says a proxy appends to it (TRUST_PROXY), and then the last entry
 * is the one that proxy wrote.
 */
export function clientAddressFrom(forwardedFor: string | null, trustProxy: boolean): string | null {
  if (!trustProxy) return null;
  return forwardedFor?.split(",").pop()?.trim() || null;
}
