// The bench's seed step, run with tsx on the bench's own temporary database before the app
// starts: the first administrator with the bench project, a second project for the 100k demo
// deliveries, an API key for each and a signed-in session, as setup and sign-in would write
// them. Events are created afterwards through the app's API. Prints one `BENCH_SEED {...}` line.
import { createApiKey } from "../../lib/auth/api-keys";
import { createSession } from "../../lib/auth/sessions";
import { createFirstAdministrator } from "../../lib/auth/setup";
import { db } from "../../lib/db/client";
import { prepareDatabase } from "../../lib/db/startup";
import { createProjectInTx } from "../../lib/projects/service";

await prepareDatabase();
try {
  const admin = await createFirstAdministrator({
    email: "bench@example.com",
    password: "bench password, long enough",
    projectName: "Bench",
  });
  const demo = await db.$transaction((tx) =>
    createProjectInTx(tx, { name: "Bench error check", ownerId: admin.userId }),
  );
  const benchKey = await createApiKey(admin.projectId, { name: "bench" });
  const demoKey = await createApiKey(demo.id, { name: "bench reads" });
  const session = await createSession(admin.userId, "bench");
  const seeded = {
    projectId: admin.projectId,
    apiKey: benchKey.key,
    demoProjectId: demo.id,
    demoApiKey: demoKey.key,
    sessionToken: session.token,
  };
  console.log(`BENCH_SEED ${JSON.stringify(seeded)}`);
} finally {
  await db.$disconnect();
}
