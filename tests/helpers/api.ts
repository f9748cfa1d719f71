type Handler = (request: Request, segment: { params: Promise<unknown> }) => Promise<Response>;

/** Calls a route handler the way Next does, with an `Auth-key` and an optional JSON body. */
export async function callRoute(
  handler: Handler,
  options: {
    key?: string;
    method?: string;
    params?: Record<string, string>;
    body?: unknown;
    rawBody?: string;
  },
) {
  const headers = new Headers();
  if (options.key !== undefined) headers.set("Auth-key", options.key);
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers.set("Content-Type", "application/json");
  const request = new Request("http://localhost/api/v1/test", {
    method: options.method ?? "GET",
    headers,
    body,
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : undefined };
}
