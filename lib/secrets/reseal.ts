import { z } from "zod";
import { db } from "../db/client";
import { isSecretHeader } from "../model/sensitive";
import { isSealed, needsSealing, openSecret, sealSecret } from "./cipher";
import { encryptionKeys } from "./keys";

// Seals stored secrets again. Two uses:
//  - "plain" at every start: values stored before encryption existed (or by an older version)
//    are sealed once; until then they are read as they are, so nothing breaks in between.
//  - "all" from `npm run secrets:rotate`: every value not sealed under APP_ENCRYPTION_KEY
//    (plain, or sealed under APP_ENCRYPTION_KEY_PREVIOUS) is sealed under it.
// Idempotent: a second run finds nothing to do. Each row is written only if it is unchanged
// since it was read (its updatedAt), so an admin's save in between is never overwritten.

export type ResealMode = "plain" | "all";
export type ResealCounts = { webhookRequests: number; projects: number; deliveries: number };

const DELIVERY_PAGE = 500;

const storedHeaders = z.array(
  z.object({ name: z.string(), value: z.string(), secret: z.boolean().optional() }).strict(),
);

function wants(mode: ResealMode, value: string): boolean {
  return mode === "plain" ? !isSealed(value) : needsSealing(value, encryptionKeys());
}

function reseal(mode: ResealMode, value: string): string {
  return wants(mode, value) ? sealSecret(openSecret(value)) : value;
}

export async function resealSecrets(mode: ResealMode): Promise<ResealCounts> {
  const counts: ResealCounts = { webhookRequests: 0, projects: 0, deliveries: 0 };
  const requests = await db.webhookRequest.findMany({
    select: {
      id: true,
      signingSecret: true,
      previousSigningSecret: true,
      headers: true,
      updatedAt: true,
    },
  });
  for (const row of requests) {
    const parsed = storedHeaders.safeParse(row.headers);
    const headers = parsed.success ? parsed.data : null;
    const changedHeaders = headers?.some(
      (header) => header.value !== "" && isSecretHeader(header) && wants(mode, header.value),
    );
    const changedSecret = row.signingSecret !== null && wants(mode, row.signingSecret);
    const changedPrevious =
      row.previousSigningSecret !== null && wants(mode, row.previousSigningSecret);
    if (!changedHeaders && !changedSecret && !changedPrevious) continue;
    const { count } = await db.webhookRequest.updateMany({
      where: { id: row.id, updatedAt: row.updatedAt },
      data: {
        ...(changedSecret && row.signingSecret
          ? { signingSecret: reseal(mode, row.signingSecret) }
          : {}),
        ...(changedPrevious && row.previousSigningSecret
          ? { previousSigningSecret: reseal(mode, row.previousSigningSecret) }
          : {}),
        ...(changedHeaders && headers
          ? {
              headers: headers.map((header) =>
                header.value !== "" && isSecretHeader(header)
                  ? { ...header, value: reseal(mode, header.value) }
                  : header,
              ),
            }
          : {}),
      },
    });
    counts.webhookRequests += count;
  }
  const projects = await db.project.findMany({
    where: { gaApiSecret: { not: null } },
    select: { id: true, gaApiSecret: true, updatedAt: true },
  });
  for (const project of projects) {
    if (project.gaApiSecret === null || !wants(mode, project.gaApiSecret)) continue;
    const { count } = await db.project.updateMany({
      where: { id: project.id, updatedAt: project.updatedAt },
      data: { gaApiSecret: reseal(mode, project.gaApiSecret) },
    });
    counts.projects += count;
  }
  // The sealed rendered requests were never stored in plain text: only a key change concerns them.
  if (mode === "all") counts.deliveries = await resealRenderedRequests();
  return counts;
}

async function resealRenderedRequests(): Promise<number> {
  let resealed = 0;
  let after = "";
  for (;;) {
    const rows = await db.delivery.findMany({
      where: { renderedSealed: { not: null }, id: { gt: after } },
      select: { id: true, renderedSealed: true },
      orderBy: { id: "asc" },
      take: DELIVERY_PAGE,
    });
    for (const row of rows) {
      if (row.renderedSealed === null || !wants("all", row.renderedSealed)) continue;
      const { count } = await db.delivery.updateMany({
        where: { id: row.id, renderedSealed: row.renderedSealed },
        data: { renderedSealed: reseal("all", row.renderedSealed) },
      });
      resealed += count;
    }
    const last = rows.at(-1);
    if (!last || rows.length < DELIVERY_PAGE) return resealed;
    after = last.id;
  }
}
