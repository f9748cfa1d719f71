import { buildOpenApiDocument } from "@/lib/http/openapi";

// Public on purpose: the document describes the API, it holds no project data.
export function GET() {
  return Response.json(buildOpenApiDocument());
}
