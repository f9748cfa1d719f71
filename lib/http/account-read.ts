import { listUserProjects, type Role } from "../auth/access";
import { authenticateApiKey } from "../auth/api-keys";
import { findSessionUser, SESSION_COOKIE } from "../auth/sessions";
import { AppError } from "../errors";
import { bodyFor, toErrorResponse } from "./errors";
import { API_KEY_HEADER, json, requireScope } from "./route";
import { readCookie } from "./session-read";

export type ProjectSummaryDto = { id: string; name: string; role: Role };

/**
 * The projects the caller may act in. An API key belongs to one project and acts as its admin;
 * a signed-in user (session cookie, GET only) sees every project they are a member of. Unlike
 * the project routes this read names no project: it is how the browser's project switcher
 * learns what to offer.
 */
async function readProjects(request: Request): Promise<ProjectSummaryDto[]> {
  const key = request.headers.get(API_KEY_HEADER);
  if (key === null) {
    const token = readCookie(request.headers.get("cookie"), SESSION_COOKIE);
    const user = token ? await findSessionUser(token) : null;
    if (user) return listUserProjects(user.id);
  }
  const auth = await authenticateApiKey(key);
  if (!auth) {
    throw new AppError("unauthorized", {
      key: "apiKeyMissing",
      values: { header: API_KEY_HEADER },
    });
  }
  // The list is an admin read: an ingest-only key (the telephony platform's) reaches only ingest.
  requireScope({ kind: "api-key", apiKeyId: auth.apiKeyId, scopes: auth.scopes }, "admin");
  return [{ id: auth.project.id, name: auth.project.name, role: "admin" }];
}

export async function handleProjectsRead(request: Request): Promise<Response> {
  try {
    const response = json({ projects: await readProjects(request) });
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  } catch (error) {
    const mapped = toErrorResponse(error, {
      method: request.method,
      path: new URL(request.url).pathname,
    });
    return json(bodyFor(mapped, request.headers.get("accept-language")), mapped.status);
  }
}
