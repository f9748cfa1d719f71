import type { RenderedRequest } from "../render";

/** The rendered request as stored on the delivery: every attempt and a resend send these bytes. */
export type RenderedSnapshot = {
  method: RenderedRequest["method"];
  url: string;
  headers: RenderedRequest["headers"];
  /** Base64 of the body bytes, null for GET. */
  body: string | null;
};

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
