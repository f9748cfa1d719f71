import { buildOpenApiDocument } from "@/lib/http/openapi";

// Public on purpose: the document describes the API, it holds no project data. It is the same
// for the life of the process, so it is built once, on the first request.
let document: string | undefined;

export function GET() {
  document ??= JSON.stringify(buildOpenApiDocument());
  return new Response(document, { headers: { "Content-Type": "application/json" } });
}
