import { db, type Tx } from "../db/client";
import { env } from "../env";
import { notFound } from "../errors";
import { sealSecret } from "../secrets/cipher";
import {
  buildDefaultEventRequest,
  DEFAULT_EVENT_NAME,
  DEFAULT_EVENT_TRIGGER,
} from "../webhooks/default-event";
import {
  DEFAULT_TIME_ZONE,
  type ProjectCreateInput,
  type ProjectSettingsInput,
  projectCreateSchema,
  projectSettingsSchema,
} from "./schemas";
import { toProjectDto } from "./serializers";

/** Creates a project with its owner and the locked default event, inside the caller's transaction. */
export async function createProjectInTx(tx: Tx, input: { name: string; ownerId: string }) {
  const project = await tx.project.create({
    data: {
      name: input.name,
      timeZone: DEFAULT_TIME_ZONE,
      memberships: { create: { userId: input.ownerId, role: "owner" } },
    },
  });
  await tx.webhookEvent.create({
    data: {
      projectId: project.id,
      name: DEFAULT_EVENT_NAME,
      triggerType: DEFAULT_EVENT_TRIGGER,
      enabled: true,
      locked: true,
      requests: { create: [buildDefaultEventRequest(env().GA_ENDPOINT)] },
    },
  });
  return project;
}

/** Another project for a signed-in user, who becomes its owner. */
export async function createProject(ownerId: string, input: ProjectCreateInput) {
  const { name } = projectCreateSchema.parse(input);
  const project = await db.$transaction((tx) => createProjectInTx(tx, { name, ownerId }));
  return toProjectDto(project);
}

export async function getProject(projectId: string) {
  const project = await db.project.findUnique({ where: { id: projectId } });
  if (!project) throw notFound("Project");
  return toProjectDto(project);
}

export async function updateProjectSettings(projectId: string, input: ProjectSettingsInput) {
  const data = projectSettingsSchema.parse(input);
  const project = await db.project.update({
    where: { id: projectId },
    data: {
      name: data.name,
      timeZone: data.timeZone,
      gaMeasurementId: data.gaMeasurementId || null,
      // An empty secret field keeps the stored secret: the form never shows it back.
      ...(data.gaApiSecret ? { gaApiSecret: sealSecret(data.gaApiSecret) } : {}),
    },
  });
  return toProjectDto(project);
}
