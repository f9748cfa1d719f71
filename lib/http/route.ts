import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Role } from "../auth/access";
import { type ApiKeyScope, scopesAllow } from "../auth/api-key-scopes";
import { authenticateApiKey } from "../auth/api-keys";
import { API_KEY_ACTOR, type MemberActor } from "../auth/members";
import { env } from "../env";
import { AppError, type NotFoundSubject, notFound } from "../errors";
import { recordIdSchema } from "../model/ids";
import type { ProjectDto } from "../projects/serializers";
import { bodyFor, toErrorResponse } from "./errors";
import { readJsonBody } from "./json-body";
import { type Budget, takeFromBudget } from "./rate-limit";
import { authenticateSessionRead, hasSessionCookie, isReadMethod } from "./session-read";

export const API_KEY_HEADER = "Auth-key";

/** Who is asking: an API key with its scopes, or a signed-in member (reads only) with a role. */
export type Caller =
  | { kind: "api-key"; apiKeyId: string; scopes: ApiKeyScope[] }
  | { kind: "session"; role: Role; userId: string };

/** Admin keys and signed-in admins may see secrets; viewers and ingest keys may not. */
export function callerSeesSecrets(caller: Caller): boolean {
  return caller.kind === "api-key" ? scopesAllow(caller.scopes, "admin") : caller.role !== "viewer";
}

type RouteContext<TParams> = {
  request: Request;
  project: ProjectDto;
  /** Who asks: an API key with its scopes, or a signed-in member with their role. */
  caller: Caller;
  /** The same, as the member services see it (an API key acts as an admin). */
  actor: MemberActor;
  params: TParams;
  /** The query string to parse: a session read's `projectId` is already taken out. */
  query: URLSearchParams;
  /** The request body parsed as JSON (undefined for an empty body); services validate it. */
  readJson: () => Promise<unknown>;
};

export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(body, { status, headers });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

const idParams = z.object({ id: recordIdSchema }).strict();
export const ID_PARAMS = idParams;

/**
 * Who is asking, and for which project.
 *
 * The rule for the session cookie: it authenticates only reads (GET, HEAD) that carry no
 * `Auth-key` header, and the project is named by `?projectId=`; the member needs any role
 * unless the route names a `sessionRole`. A write with only a cookie is answered as a request without a key (401), so no route that
 * changes anything can be reached from another site by a forged form: the browser's changes
 * go through server actions, which Next guards itself. A cross-site read cannot see the answer
 * (no CORS headers), and the cookie is SameSite=Lax. An `Auth-key` header always wins, so API
 * clients see exactly what they saw before.
 */
async function authenticate(
  request: Request,
  minimumRole: Role,
): Promise<{ project: ProjectDto; query: URLSearchParams; caller: Caller }> {
  const key = request.headers.get(API_KEY_HEADER);
  if (key === null && isReadMethod(request.method) && hasSessionCookie(request)) {
    const { project, query, role, userId } = await authenticateSessionRead(request, minimumRole);
    return { project, query, caller: { kind: "session", role, userId } };
  }
  const auth = await authenticateApiKey(key);
  if (!auth) {
    throw new AppError("unauthorized", {
      key: "apiKeyMissing",
      values: { header: API_KEY_HEADER },
    });
  }
  return {
    project: auth.project,
    query: new URL(request.url).searchParams,
    caller: { kind: "api-key", apiKeyId: auth.apiKeyId, scopes: auth.scopes },
  };
}

/** A key without the route's scope is refused before the route does anything. */
export function requireScope(caller: Caller, scope: ApiKeyScope): void {
  if (caller.kind !== "api-key" || scopesAllow(caller.scopes, scope)) return;
  throw new AppError("forbidden", { key: "scopeMissing", values: { scope } }, undefined, {
    requiredScope: scope,
  });
}

/**
 * The one wrapper for API route handlers: authenticate (by `Auth-key`, or for reads by the
 * session cookie), parse path params, call the service, map every error to
 * `{ error: { code, message, field? } }`.
 */
export function apiKeyRoute<TParamsSchema extends z.ZodType = z.ZodType<Record<string, never>>>(
  options: {
    params?: TParamsSchema;
    /**
     * What the path id names ("Webhook event"): a malformed id gets the same 404 as an unknown
     * one, which names it.
     */
    resource?: NotFoundSubject;
    /** Which of the key's request budgets the route spends (default "api"). */
    budget?: Budget;
    /**
     * The scope an API key needs (default admin). Only the call-events ingest takes `ingest`:
     * a key handed to the telephony platform reaches nothing else.
     */
    scope?: ApiKeyScope;
    /** The role a member reading with the session cookie needs (default viewer: any member). */
    sessionRole?: Role;
  },
  handler: (context: RouteContext<z.infer<TParamsSchema>>) => Promise<Response>,
) {
  return async (request: Request, segment: { params: Promise<unknown> }): Promise<Response> => {
    const requestId = requestIdOf(request);
    const response = await handle(request, segment, requestId);
    response.headers.set(REQUEST_ID_HEADER, requestId);
    return response;
  };

  async function handle(
    request: Request,
    segment: { params: Promise<unknown> },
    requestId: string,
  ): Promise<Response> {
    try {
      const { project, query, caller } = await authenticate(
        request,
        options.sessionRole ?? "viewer",
      );
      requireScope(caller, options.scope ?? "admin");
      if (caller.kind === "api-key") spendBudget(caller.apiKeyId, options.budget ?? "api");
      const rawParams = await segment.params;
      const params = options.params
        ? options.params.safeParse(rawParams)
        : { success: true, data: {} };
      // A malformed id in the path is a resource that does not exist, not a validation error.
      if (!params.success) throw notFound(options.resource ?? "Resource");
      const response = await handler({
        request,
        project,
        caller,
        actor:
          caller.kind === "session" ? { role: caller.role, userId: caller.userId } : API_KEY_ACTOR,
        params: params.data as z.infer<TParamsSchema>,
        query,
        readJson: () => readJsonBody(request),
      });
      // What one member may read is never kept by a shared cache or shown to the next user.
      if (caller.kind === "session" && !response.headers.has("Cache-Control")) {
        response.headers.set("Cache-Control", "private, no-store");
      }
      return response;
    } catch (error) {
      const { pathname } = new URL(request.url);
      const mapped = toErrorResponse(error, { requestId, method: request.method, path: pathname });
      const body = bodyFor(mapped, request.headers.get("accept-language"));
      const status = mapped.status;
      const retryAfter = error instanceof AppError ? error.details?.retryAfter : undefined;
      return json(
        body,
        status,
        typeof retryAfter === "number" ? { "Retry-After": String(retryAfter) } : undefined,
      );
    }
  }
}

export const REQUEST_ID_HEADER = "X-Request-Id";

function spendBudget(apiKeyId: string, budget: Budget): void {
  const { API_INGEST_PER_SECOND, API_REQUESTS_PER_SECOND } = env();
  const retryAfter = takeFromBudget(apiKeyId, budget, {
    ingest: { perSecond: API_INGEST_PER_SECOND, burst: 2 * API_INGEST_PER_SECOND },
    api: { perSecond: API_REQUESTS_PER_SECOND, burst: 2 * API_REQUESTS_PER_SECOND },
  });
  if (retryAfter > 0) {
    throw new AppError(
      "too_many_requests",
      { key: "apiBudget", values: { budget, seconds: retryAfter } },
      undefined,
      { retryAfter },
    );
  }
}

/** The caller's (or proxy's) request id when it is a plain token, else a new one. */
function requestIdOf(request: Request): string {
  const given = request.headers.get(REQUEST_ID_HEADER);
  return given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
}
