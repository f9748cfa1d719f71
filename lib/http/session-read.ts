import { type Role, requireProjectRole } from "../auth/access";
import { findSessionUser, SESSION_COOKIE } from "../auth/sessions";
import { AppError } from "../errors";
import type { ProjectDto } from "../projects/serializers";
import { getProject } from "../projects/service";
import { PROJECT_QUERY_PARAM } from "./read-params";

const PROJECT_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** Only these methods may be authenticated by the cookie: they change nothing. */
export function isReadMethod(method: string): boolean {
  return method === "GET" || method === "HEAD";
}

/** One cookie's value from a `Cookie` header, or undefined when it is absent or mangled. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const pair of header.split(";")) {
    const at = pair.indexOf("=");
    if (at < 0 || pair.slice(0, at).trim() !== name) continue;
    const raw = pair.slice(at + 1).trim();
    try {
      return decodeURIComponent(raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Whether the request carries a session cookie at all (valid or not). */
export function hasSessionCookie(request: Request): boolean {
  return readCookie(request.headers.get("cookie"), SESSION_COOKIE) !== undefined;
}

/**
 * The project of a read made by a signed-in member: the session from the cookie, the project
 * from `?projectId=`, any role unless the route asks for more (a viewer may read the
 * configuration, not the member list). A project the user is not a member of is a
 * 404, like one that does not exist. The query handed on has `projectId` removed, so the
 * route's own strict query parsing sees exactly what an API client would send.
 */
export async function authenticateSessionRead(
  request: Request,
  minimum: Role = "viewer",
): Promise<{ project: ProjectDto; query: URLSearchParams; role: Role; userId: string }> {
  const user = await findSessionUser(readCookie(request.headers.get("cookie"), SESSION_COOKIE));
  if (!user) throw new AppError("unauthorized", { key: "sessionEnded" });
  const query = new URL(request.url).searchParams;
  const given = query.getAll(PROJECT_QUERY_PARAM);
  const projectId = given[0] ?? "";
  if (given.length !== 1 || !PROJECT_ID.test(projectId)) {
    throw new AppError(
      "validation_failed",
      `${PROJECT_QUERY_PARAM}: name the project once, as a project id`,
      PROJECT_QUERY_PARAM,
    );
  }
  const role = await requireProjectRole(user.id, projectId, minimum);
  query.delete(PROJECT_QUERY_PARAM);
  return { project: await getProject(projectId), query, role, userId: user.id };
}
