// Two owners demoting each other at the same moment must not leave the project ownerless. The
// member services take the project's row lock first; this test holds a demotion open in another
// connection and shows that a second demotion waits for it and then counts the owners again.
import "../helpers/fresh-database";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeMemberRole, listMembers } from "@/lib/auth/members";
import { db } from "@/lib/db/client";
import { createUserWithProject } from "../helpers/factories";
import { TEST_DATABASE_URL } from "../helpers/fresh-database";

let other: pg.Client;

beforeAll(async () => {
  other = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await other.connect();
});

afterAll(async () => {
  await other.end();
});

/** Whether some session of this database is waiting for a lock right now. */
async function someoneWaitsForALock(): Promise<boolean> {
  const { rows } = await other.query(
    "SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()",
  );
  return rows[0].waiting > 0;
}

describe("changing roles on PostgreSQL", () => {
  it("makes a concurrent demotion wait for the one in flight, then refuses the last owner's", async () => {
    const first = await createUserWithProject("lock-a");
    const second = await createUserWithProject("lock-b");
    const projectId = first.project.id;
    await db.membership.create({ data: { userId: second.user.id, projectId, role: "owner" } });

    // Another session demotes the second owner the way the service does, and keeps it open.
    await other.query("BEGIN");
    await other.query(`UPDATE "Project" SET "updatedAt" = now() WHERE id = $1`, [projectId]);
    await other.query(
      `UPDATE "Membership" SET role = 'admin' WHERE "projectId" = $1 AND "userId" = $2`,
      [projectId, second.user.id],
    );

    let settled = false;
    const demotion = changeMemberRole(
      projectId,
      { role: "owner", userId: second.user.id },
      first.user.id,
      { role: "viewer" },
    ).finally(() => {
      settled = true;
    });
    demotion.catch(() => {});
    // Either the service waits on the lock (it takes it) or it finishes without waiting (it
    // does not): the loop ends on whichever is seen, with no clock involved.
    while (!settled && !(await someoneWaitsForALock())) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    await other.query("COMMIT");

    await expect(demotion).rejects.toThrow("they are the project's last owner");
    const owners = (await listMembers(projectId)).filter((m) => m.role === "owner");
    expect(owners.map((m) => m.userId)).toEqual([first.user.id]);
  });
});
