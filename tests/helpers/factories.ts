import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { createProjectInTx } from "@/lib/projects/service";

let counter = 0;

/** A user with their own project (and its default event), written the way setup writes them. */
export async function createUserWithProject(label = "user") {
  counter += 1;
  const email = `${label}-${counter}@example.com`;
  const password = `correct horse battery ${counter}`;
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, passwordHash } });
    const project = await createProjectInTx(tx, { name: `${label} project`, ownerId: user.id });
    return { user, project, email, password };
  });
}
