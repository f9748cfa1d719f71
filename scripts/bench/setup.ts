import { hashPassword } from "../../lib/auth/password";
import { db } from "../../lib/db/client";
import { sampleCallFor } from "../../lib/model/sample-calls";
import { createProjectInTx } from "../../lib/projects/service";
import { createWebhookEvent } from "../../lib/webhooks/service";

export const BENCH_TRIGGER = "incoming.after_call" as const;

/** A user with their own project, written the way setup writes them (tests' factory does the same). */
export async function createBenchProject(label: string): Promise<string> {
  const passwordHash = await hashPassword(`bench password ${label}`);
  const project = await db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { email: `${label}@bench.example.com`, passwordHash },
    });
    return createProjectInTx(tx, { name: `Bench ${label}`, ownerId: user.id });
  });
  return project.id;
}

/** Two enabled events × two requests to the receiver on the bench trigger; the default GA event off. */
export async function configureEvents(projectId: string, url: string): Promise<void> {
  await db.webhookEvent.updateMany({
    where: { projectId, locked: true },
    data: { enabled: false },
  });
  const request = (n: number) => ({
    url: `${url}?n=${n}`,
    method: "POST" as const,
    params: [
      { name: "id", type: "text" as const, value: "{{uniqueid}}" },
      { name: "caller", type: "text" as const, value: "{{caller}}" },
    ],
  });
  for (const name of ["Bench A", "Bench B"]) {
    await createWebhookEvent(projectId, {
      name,
      type: BENCH_TRIGGER,
      requests: [request(1), request(2)],
    });
  }
}

/** A call event body of the bench trigger with a unique call id. */
export function callBody(key: string) {
  const sample = sampleCallFor(BENCH_TRIGGER);
  return {
    type: BENCH_TRIGGER,
    occurredAt: sample.occurredAt,
    call: { ...sample.call, uniqueid: `bench-${key}` },
  };
}
