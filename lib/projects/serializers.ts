import type { Project } from "../generated/prisma/client";

export type ProjectDto = {
  id: string;
  name: string;
  timeZone: string;
  gaMeasurementId: string;
  gaApiSecretSet: boolean;
  createdAt: string;
};

export function toProjectDto(
  project: Pick<
    Project,
    "id" | "name" | "timeZone" | "gaMeasurementId" | "gaApiSecret" | "createdAt"
  >,
): ProjectDto {
  return {
    id: project.id,
    name: project.name,
    timeZone: project.timeZone,
    gaMeasurementId: project.gaMeasurementId ?? "",
    gaApiSecretSet: Boolean(project.gaApiSecret),
    createdAt: project.createdAt.toISOString(),
  };
}
