import "../helpers/fresh-database";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { DeliveryFilter } from "@/lib/delivery-log/contract";
import { deliveryCountSql, deliveryPageSql, deliveryWhere } from "@/lib/delivery-log/query";
import type { Prisma } from "@/lib/generated/prisma/client";
import { createFixture, type Fixture } from "./deliveries-fixtures";

// SQLite's EXPLAIN QUERY PLAN wording (this file runs on SQLite only); PostgreSQL's planner picks
// by statistics, so its plans are not asserted.
describe("query plans", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture("plans");
  });

  async function plan(query: Prisma.Sql): Promise<string> {
    const rows = await db.$queryRawUnsafe<Array<{ detail: string }>>(
      `EXPLAIN QUERY PLAN ${query.sql}`,
      ...query.values,
    );
    return rows.map((row) => row.detail).join("\n");
  }

  it.each<[string, DeliveryFilter, string]>([
    ["the first page", {}, "Delivery_errorCheck_idx"],
    ["a page by event", { eventId: "cmevent" }, "Delivery_errorCheck_idx"],
    ["a page by status class", { status: "5xx" }, "Delivery_errorCheck_idx"],
    ["a page by error kind", { status: "timeout" }, "Delivery_errorCheck_idx"],
    [
      "a page of the delivery log",
      { result: "all", eventId: "cmevent" },
      "Delivery_projectId_webhookEventId_createdAt_idx",
    ],
  ])(
    "%s reads an index in order and counts from the index alone",
    async (_label, filter, index) => {
      const where = deliveryWhere(f.projectId, filter, { from: null, to: null });
      const page = await plan(deliveryPageSql(where, 51));
      expect(page).toContain(`SEARCH d USING INDEX ${index} (projectId=?`);
      // Only rows with equal createdAt are sorted by id, never the whole result.
      expect(page).not.toMatch(/TEMP B-TREE FOR ORDER BY|SCAN d\b/);
      expect(await plan(deliveryCountSql(where))).toContain(
        `SEARCH d USING COVERING INDEX ${index}`,
      );
    },
  );
});
