import { z } from "zod";
import { METHODS } from "../model/params-schema";
import { redactRequest } from "../model/sensitive";
import { parseColumn } from "../model/stored";
import type { RenderedRequest } from "../render";
import { openSecret, sealSecret } from "../secrets/cipher";

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

/**
 * The rendered request as the delivery keeps it: redacted for every reader of the log, and the
 * real one sealed, opened only by the worker for the next attempt or a resend.
 */
export function toStoredRendered(
  rendered: RenderedRequest,
  secretNames: ReadonlySet<string>,
): { redacted: RenderedSnapshot; sealed: string } {
  const snapshot = toSnapshot(rendered);
  return {
    redacted: redactRequest(snapshot, secretNames),
    sealed: sealSecret(JSON.stringify(snapshot)),
  };
}

/** The real request a delivery sends again: the sealed one, or a row's from before redaction. */
export function openStoredRendered(delivery: {
  id: string;
  rendered: RenderedSnapshot | null;
  renderedSealed: string | null;
}): RenderedRequest | null {
  if (delivery.renderedSealed !== null) {
    const json: unknown = JSON.parse(openSecret(delivery.renderedSealed));
    return fromSnapshot(parseRenderedSnapshot(json, delivery.id));
  }
  return delivery.rendered ? fromSnapshot(delivery.rendered) : null;
}

export function fromSnapshot(snapshot: RenderedSnapshot): RenderedRequest {
  return {
    method: snapshot.method,
    url: snapshot.url,
    headers: snapshot.headers,
    body: snapshot.body === null ? null : new Uint8Array(Buffer.from(snapshot.body, "base64")),
  };
}
