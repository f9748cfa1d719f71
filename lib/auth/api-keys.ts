import { db } from "../db/client";
import { notFound } from "../errors";
import type { ApiKey } from "../generated/prisma/client";
import { parseColumn } from "../model/stored";
import { toProjectDto } from "../projects/serializers";
import { findApiKeyByHash } from "./api-key-lookup";
import {
  type ApiKeyCreateInput,
  type ApiKeyDto,
  type ApiKeyScope,
  apiKeyCreateSchema,
  formatStoredScopes,
  storedScopesSchema,
} from "./api-key-scopes";
import { generateToken, sha256Hex } from "./tokens";

const KEY_PREFIX = "whk_";
const VISIBLE_PREFIX_LENGTH = KEY_PREFIX.length + 8;
const LAST_USED_RESOLUTION_MS = 60 * 1000;

export async function createApiKey(projectId: string, input: ApiKeyCreateInput) {
  const { name, scopes } = apiKeyCreateSchema.parse(input);
  const key = `${KEY_PREFIX}${generateToken(30)}`;
  const row = await db.apiKey.create({
    data: {
      projectId,
      name,
      prefix: key.slice(0, VISIBLE_PREFIX_LENGTH),
      keyHash: sha256Hex(key),
      scopes: formatStoredScopes(scopes),
    },
  });
  return { key, apiKey: toApiKeyDto(row) };
}

export async function listApiKeys(projectId: string) {
  const rows = await db.apiKey.findMany({
    where: { projectId },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return rows.map(toApiKeyDto);
}

export async function revokeApiKey(projectId: string, apiKeyId: string) {
  const { count } = await db.apiKey.updateMany({
    where: { id: apiKeyId, projectId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) {
    const exists = await db.apiKey.findFirst({
      where: { id: apiKeyId, projectId },
      select: { id: true },
    });
    if (!exists) throw notFound("API key");
  }
}

/** The project a raw `Auth-key` value belongs to, or null for a missing, unknown or revoked key. */
export async function authenticateApiKey(rawKey: string | null | undefined) {
  if (!rawKey?.startsWith(KEY_PREFIX) || rawKey.length > 200) return null;
  const row = await findApiKeyByHash(sha256Hex(rawKey));
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return { apiKeyId: row.id, scopes: parseScopes(row), project: toProjectDto(row.project) };
}

function parseScopes(row: Pick<ApiKey, "id" | "scopes">): ApiKeyScope[] {
  return parseColumn(storedScopesSchema, row.scopes, { table: "ApiKey", id: row.id }, "scopes");
}

export function toApiKeyDto(row: ApiKey): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: parseScopes(row),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
