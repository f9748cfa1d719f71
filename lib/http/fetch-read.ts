// The browser's side of the reads: GET an /api/v1 route with the session cookie, parse the
// answer with the route's schema, and turn `{ error }` answers into thrown errors for
// react-query. Imports only zod, so client components can use it.
import { z } from "zod";
import { PROJECT_QUERY_PARAM } from "./read-params";

const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

/** An `{ error }` answer (or an answer that is not what the route promises). */
export class ReadError extends Error {
  override name = "ReadError";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

type QueryValue = string | readonly string[] | undefined;

/** `/api/v1/...?projectId=…&…`: the project and the query of one read. */
export function readUrl(
  path: string,
  projectId: string,
  query: URLSearchParams | Record<string, QueryValue> = {},
): string {
  const params = new URLSearchParams();
  params.set(PROJECT_QUERY_PARAM, projectId);
  const entries: Array<[string, QueryValue]> =
    query instanceof URLSearchParams ? [...query.entries()] : Object.entries(query);
  for (const [key, value] of entries) {
    for (const one of typeof value === "string" ? [value] : (value ?? [])) params.append(key, one);
  }
  return `${path}?${params.toString()}`;
}

/** GETs a read route and returns its answer parsed by `schema`, or throws a `ReadError`. */
export async function fetchRead<TSchema extends z.ZodType>(
  url: string,
  schema: TSchema,
  signal?: AbortSignal,
): Promise<z.output<TSchema>> {
  const response = await fetch(url, {
    headers: { Accept: "application/json" },
    credentials: "same-origin",
    cache: "no-store",
    signal,
  });
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new ReadError(response.status, "bad_response", `The server answered ${response.status}`);
  }
  if (!response.ok) {
    const failure = errorBodySchema.safeParse(body);
    if (failure.success) {
      const { code, message, field } = failure.data.error;
      throw new ReadError(response.status, code, message, field);
    }
    throw new ReadError(response.status, "bad_response", `The server answered ${response.status}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ReadError(response.status, "bad_response", "The server's answer was not understood");
  }
  return parsed.data;
}
