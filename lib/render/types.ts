import type { TriggerType } from "../model/trigger-types";

/** What a delivery knows beyond the call: the source of the catalog's context variables. */
export type RenderContext = {
  projectId: string;
  /** IANA zone that date variables are shown in, e.g. `Europe/Kyiv`. */
  timeZone: string;
  eventType: TriggerType;
  eventTime: string | Date;
  deliveryId: string;
  gaMeasurementId?: string | null;
  gaApiSecret?: string | null;
};

export type RenderedHeader = { name: string; value: string };

export type RenderedRequest = {
  method: "GET" | "POST" | "PUT";
  url: string;
  /** In the admin's order, duplicates kept. */
  headers: RenderedHeader[];
  /** UTF-8 bytes; null for GET. */
  body: Uint8Array | null;
};

/** A rendered variable: the JSON value it keeps when it stands alone in a json value. */
export type Scalar = string | number | boolean | null;

/** Resolves a catalog variable to its rendered value. */
export type Lookup = (name: string) => Scalar;

/**
 * Rendered parameters before they are written in a format. Records keep every field in order,
 * duplicates included, because json and form treat a repeated name differently.
 */
export type ParamNode =
  | { kind: "scalar"; value: Scalar }
  | { kind: "list"; items: ParamNode[] }
  | { kind: "record"; fields: ParamField[] };

export type ParamField = { name: string; node: ParamNode };
