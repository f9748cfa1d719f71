// The members, invites and projects part of the OpenAPI document (lib/http/openapi.ts merges
// it). Request bodies come from the same zod schemas the services parse with.
import { z } from "zod";
import { ROLES } from "../auth/access";
import { INVITE_TTL_DAYS } from "../auth/invites";
import { inviteCreateSchema, memberRoleSchema } from "../auth/schemas";
import { errorResponse, idParameter, jsonBody, jsonResponse, ref } from "./openapi-parts";

type JsonSchema = Record<string, unknown>;

function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input" });
  return rest;
}

const time = { type: "string", format: "date-time" };
const role = { type: "string", enum: [...ROLES] };

const RIGHTS =
  "An API key acts as an admin of its project: it can invite, change and remove admins and viewers, never owners. Only an owner makes or demotes owners, and the last owner can be neither demoted nor removed (409).";

export function memberPaths() {
  const memberId = { ...idParameter, description: "The member's user id" };
  return {
    "/api/v1/projects": {
      get: {
        summary: "The projects the caller may act in",
        description:
          "With an API key: the key's project, with the role admin. With the session cookie (GET, no `projectId`): every project the signed-in user is a member of, with their role.",
        responses: {
          "200": jsonResponse("Projects", {
            type: "object",
            required: ["projects"],
            properties: { projects: { type: "array", items: ref("ProjectSummary") } },
          }),
          "401": errorResponse("No API key and no session"),
        },
      },
    },
    "/api/v1/members": {
      get: {
        summary: "The project's members with their roles and last sign-in",
        description: `${RIGHTS} A session read needs the admin or owner role (403 for a viewer).`,
        responses: {
          "200": jsonResponse("Members", {
            type: "object",
            required: ["members"],
            properties: { members: { type: "array", items: ref("Member") } },
          }),
          "401": errorResponse("Missing, unknown or revoked API key"),
          "403": errorResponse("A viewer's session"),
        },
      },
    },
    "/api/v1/members/{id}": {
      parameters: [memberId],
      patch: {
        summary: "Change a member's role",
        description: RIGHTS,
        requestBody: jsonBody(ref("MemberRoleInput")),
        responses: {
          "200": jsonResponse("The member", ref("Member")),
          "403": errorResponse("Making or demoting an owner without being one"),
          "404": errorResponse("No such member in the project"),
          "409": errorResponse("The project's last owner"),
          "422": errorResponse("An unknown role; `field` is role"),
        },
      },
      delete: {
        summary: "Remove a member from the project",
        description: RIGHTS,
        responses: {
          "204": { description: "Removed" },
          "403": errorResponse("Removing an owner without being one"),
          "404": errorResponse("No such member in the project"),
          "409": errorResponse("The project's last owner"),
        },
      },
    },
    "/api/v1/invites": {
      get: {
        summary: "Invites not yet accepted or revoked (expired ones say so)",
        responses: {
          "200": jsonResponse("Invites", {
            type: "object",
            required: ["invites"],
            properties: { invites: { type: "array", items: ref("Invite") } },
          }),
          "401": errorResponse("Missing, unknown or revoked API key"),
          "403": errorResponse("A viewer's session"),
        },
      },
      post: {
        summary: "Invite an email as admin or viewer",
        description: `Answers the one-time link in \`url\`; it is never shown again (only a hash of its token is stored) and expires after ${INVITE_TTL_DAYS} days. A new invite for the same email replaces the pending one. Whoever opens the link signs in as that email (or, without an account, sets a name and password) and joins with the role.`,
        requestBody: jsonBody(ref("InviteInput")),
        responses: {
          "201": jsonResponse("The invite and its link", {
            type: "object",
            required: ["invite", "url"],
            properties: { invite: ref("Invite"), url: { type: "string", format: "uri" } },
          }),
          "401": errorResponse("Missing, unknown or revoked API key"),
          "409": errorResponse("The email is already a member; `field` is email"),
          "422": errorResponse("A bad email or role; `field` names it"),
        },
      },
    },
    "/api/v1/invites/{id}": {
      parameters: [idParameter],
      delete: {
        summary: "Revoke a pending invite: its link stops working",
        responses: {
          "204": { description: "Revoked" },
          "404": errorResponse("No pending invite with this id"),
        },
      },
    },
  };
}

export function memberSchemas(): Record<string, JsonSchema> {
  return {
    InviteInput: inputSchema(inviteCreateSchema),
    MemberRoleInput: inputSchema(memberRoleSchema),
    ProjectSummary: {
      type: "object",
      required: ["id", "name", "role"],
      properties: { id: { type: "string" }, name: { type: "string" }, role },
    },
    Member: {
      type: "object",
      required: ["userId", "email", "name", "role", "joinedAt", "lastSignInAt"],
      properties: {
        userId: { type: "string" },
        email: { type: "string" },
        name: { type: ["string", "null"] },
        role,
        joinedAt: time,
        lastSignInAt: { type: ["string", "null"], format: "date-time" },
      },
    },
    Invite: {
      type: "object",
      required: ["id", "email", "role", "status", "invitedBy", "createdAt", "expiresAt"],
      properties: {
        id: { type: "string" },
        email: { type: "string" },
        role,
        status: { type: "string", enum: ["pending", "expired"] },
        invitedBy: {
          type: ["string", "null"],
          description: "The inviting member's email; null when an API key invited",
        },
        createdAt: time,
        expiresAt: time,
      },
    },
  };
}
