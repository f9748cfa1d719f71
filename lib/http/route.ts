import type { z } from "zod";
import { AppError } from "../errors";
import { authenticateApiKey } from "../projects/api-keys";
import type { ProjectDto } from "../projects/serializers";
import { toErrorResponse } from "./errors";

export const API_KEY_HEADER = "Auth-key";

type RouteContext<TParams> = {
  request: Request;
  project: ProjectDto;
  params: TParams;
};

type RouteOptions<TParamsSchema extends z.ZodType> = {
  params?: TParamsSchema;
};

export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(body, { status, headers });
}

/**
 * The one wrapper for API route handlers: authenticate by `Auth-key`, parse path params,
 * call the service, map every error to `{ error: { code, message, field? } }`.
 */
export function apiKeyRoute<TParamsSchema extends z.ZodType = z.ZodType<Record<string, never>>>(
  options: RouteOptions<TParamsSchema>,
  handler: (context: RouteContext<z.infer<TParamsSchema>>) => Promise<Response>,
) {
  return async (request: Request, segment: { params: Promise<unknown> }): Promise<Response> => {
    try {
      const auth = await authenticateApiKey(request.headers.get(API_KEY_HEADER));
      if (!auth) {
        throw new AppError(
          "unauthorized",
          `Missing, unknown or revoked API key in the ${API_KEY_HEADER} header`,
        );
      }
      const rawParams = await segment.params;
      const params = (
        options.params ? options.params.parse(rawParams) : {}
      ) as z.infer<TParamsSchema>;
      return await handler({ request, project: auth.project, params });
    } catch (error) {
      const { status, body } = toErrorResponse(error);
      return json(body, status);
    }
  };
}
