import type { WebhookRequestConfig } from "../model/event-schema";
import { encodeFormPairs, flattenFields } from "./encode";
import { fieldsToJson } from "./json";
import type { Lookup, ParamField } from "./types";
import { renderText } from "./values";

type BodySource = Pick<WebhookRequestConfig, "format" | "body" | "rpcMethod">;

/** The body text of a POST or PUT in the request's format. */
export function renderBodyText(
  request: BodySource,
  fields: readonly ParamField[],
  lookup: Lookup,
  deliveryId: string,
): string {
  switch (request.format) {
    case "json":
      return fieldsToJson(fields);
    case "json-rpc": {
      // The delivery id is the same on every attempt, so a receiver can match retries to it.
      const method = JSON.stringify(request.rpcMethod ?? "");
      return `{"jsonrpc":"2.0","method":${method},"params":${fieldsToJson(fields)},"id":${JSON.stringify(deliveryId)}}`;
    }
    case "form":
      return encodeFormPairs(flattenFields(fields));
    case "raw":
      // The admin wrote the exact body; values go in as text with no escaping of any kind.
      return renderText(request.body ?? "", lookup);
  }
}
