// The security headers that depend on the request: the pages' per-request nonce policy and
// HSTS, set by proxy.ts. Headers that never change (nosniff, framing, referrer, the API's
// policy) are in next.config.js, for every response.

/**
 * Whether the browser reached us over https. Only a proxy of ours can say so: without
 * TRUST_PROXY an X-Forwarded-Proto header is the client's own claim (Next passes it through),
 * and a Secure cookie set over plain http would never come back.
 */
export function requestIsHttps(input: {
  forwardedProto: string | null;
  trustProxy: boolean;
}): boolean {
  // `next start` speaks plain http: https ends at a proxy in front of it.
  if (!input.trustProxy) return false;
  // The proxy nearest to us appends last.
  return input.forwardedProto?.split(",").pop()?.trim().toLowerCase() === "https";
}

/**
 * The pages' policy. Scripts run only with this response's nonce ('strict-dynamic' lets them
 * load the app's chunks); inline style attributes stay allowed because React, the chart and the
 * toasts set them. Development adds 'unsafe-eval' for React's debugging tools.
 */
export function pageContentSecurityPolicy(input: {
  nonce: string;
  development: boolean;
  https: boolean;
}): string {
  const script = [`'self'`, `'nonce-${input.nonce}'`, `'strict-dynamic'`];
  if (input.development) script.push(`'unsafe-eval'`);
  const directives = [
    `default-src 'self'`,
    `script-src ${script.join(" ")}`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ];
  if (input.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Sent only over https: a browser that saw it refuses plain http to this host for a year. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";
