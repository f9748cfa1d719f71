import type { ApiKey, Project } from "../generated/prisma/client";

export type ProjectDto = {
  id: string;
  name: string;
  timeZone: string;
  gaMeasurementId: string;
  gaApiSecretSet: boolean;
  createdAt: string;
};

export function toProjectDto(project: Project): ProjectDto {
  return {
    id: project.id,
    name: project.name,
    timeZone: project.timeZone,
    gaMeasurementId: project.gaMeasurementId ?? "",
    gaApiSecretSet: Boolean(project.gaApiSecret),
    createdAt: project.createdAt.toISOString(),
  };
}

export type ApiKeyDto = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function toApiKeyDto(key: ApiKey): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}
