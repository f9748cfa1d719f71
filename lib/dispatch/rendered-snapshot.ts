import { z } from "zod";
import { METHODS } from "../model/params-schema";
import { parseColumn } from "../model/stored";
import type { RenderedRequest } from "../render";

/** The rendered request as stored on the delivery: every attempt and a resend send these bytes. */
export const renderedSnapshotSchema = z
  .object({
    method: z.enum(METHODS),
    url: z.string().min(1),
    headers: z.array(z.object({ name: z.string(), value: z.string() }).strict()),
    /** Base64 of the body bytes, null for GET. */
    body: z.base64().nullable(),
  })
  .strict();

export type RenderedSnapshot = z.output<typeof renderedSnapshotSchema>;

/**
 * `Delivery.rendered` read back: every reader goes through here, so a corrupt snapshot is
 * reported as such (naming the delivery) instead of sending or showing a wrong request.
 */
export function parseRenderedSnapshot(
  json: unknown,
  deliveryId = "(unknown id)",
): RenderedSnapshot {
  return parseColumn(
    renderedSnapshotSchema,
    json,
    { table: "Delivery", id: deliveryId },
    "rendered",
  );
}

export function toSnapshot(rendered: RenderedRequest): RenderedSnapshot {
  return {
    method: rendered.method,
    url: rendered.url,
    headers: rendered.headers,
    body: rendered.body === null ? null : Buffer.from(rendered.body).toString("base64"),
  };
}

export function fromSnapshot(snapshot: RenderedSnapshot): RenderedRequest {
  return {
    method: snapshot.method,
    url: snapshot.url,
    headers: snapshot.headers,
    body: snapshot.body === null ? null : new Uint8Array(Buffer.from(snapshot.body, "base64")),
  };
}
