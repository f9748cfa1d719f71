import { db } from "../db/client";
import { AppError } from "../errors";
import { createProjectInTx } from "../projects/service";
import { hashPassword } from "./password";
import { type SetupInput, setupSchema } from "./schemas";

export async function needsSetup(): Promise<boolean> {
  return (await db.user.count()) === 0;
}

/** The first administrator, their project and its default event: all written, or none. */
export async function createFirstAdministrator(input: SetupInput) {
  const data = setupSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    if ((await tx.user.count()) > 0) {
      throw new AppError("conflict", { key: "setupDone" });
    }
    const user = await tx.user.create({ data: { email: data.email, passwordHash } });
    const project = await createProjectInTx(tx, { name: data.projectName, ownerId: user.id });
    return { userId: user.id, projectId: project.id };
  });
}
