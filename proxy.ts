import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import {
  pageContentSecurityPolicy,
  requestIsHttps,
  STRICT_TRANSPORT_SECURITY,
} from "@/lib/http/security-headers";

/**
 * Every page response gets a Content-Security-Policy with a fresh script nonce. Next reads the
 * policy from the request headers while rendering and puts the nonce on its own scripts, so
 * only the scripts of this response run. The API and static files are left out (matcher): they
 * carry a fixed policy from next.config.js and never pay for this.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = requestIsHttps({
    forwardedProto: request.headers.get("x-forwarded-proto"),
    trustProxy: env().TRUST_PROXY,
  });
  const policy = pageContentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
    https,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  if (https) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|apple-touch-icon.png).*)",
      // Prefetches are not rendered pages; they reuse the page's policy.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
