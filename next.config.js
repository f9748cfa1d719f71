import createNextIntlPlugin from "next-intl/plugin";

// Headers every response carries. Pages also get a per-request Content-Security-Policy with a
// script nonce, and HSTS over https, from proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The schema engine shim and the Prisma CLI are development tools, not part of the server bundle.
  outputFileTracingExcludes: { "*": ["scripts/**", "tests/**"] },
  // The languages are read from messages/ at run time (lib/i18n/catalogs.ts), which the tracer
  // cannot see through a folder listing: every route ships the catalogs.
  outputFileTracingIncludes: { "*": ["messages/*.json"] },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // JSON, CSV and the OpenAPI document: nothing may load from them, nothing may frame them.
      {
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
        ],
      },
    ];
  },
};

// Wires i18n/request.ts, which picks each request's language (no locale in the URL).
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

export default withNextIntl(nextConfig);
