import { z } from "zod";
import { METHODS } from "../model/params-schema";
import type { RenderedRequest } from "../render";

/** The exact request stored on the delivery: every attempt and a resend send these bytes. */
export const renderedSnapshotSchema = z.object({
  method: z.enum(METHODS),
  url: z.string(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  /** Base64 of the body bytes, null for GET. */
  body: z.string().nullable(),
});

export type RenderedSnapshot = z.output<typeof renderedSnapshotSchema>;

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
