/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The schema engine shim and the Prisma CLI are development tools, not part of the server bundle.
  outputFileTracingExcludes: { "*": ["scripts/**", "tests/**"] },
};

export default nextConfig;
