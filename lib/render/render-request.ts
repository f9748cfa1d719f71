import type { CallData } from "../model/call-event";
import type { WebhookRequestConfig } from "../model/event-schema";
import { renderBodyText } from "./body";
import { encodeFormPairs, flattenFields } from "./encode";
import { renderHeaders } from "./headers";
import { renderParamFields } from "./params";
import type { RenderContext, RenderedRequest } from "./types";
import { renderUrl } from "./url";
import { createLookup } from "./values";

/** The parts of a stored webhook request that decide what is sent. */
export type RenderableRequest = Pick<
  WebhookRequestConfig,
  "url" | "method" | "format" | "dateFormat" | "headers" | "params" | "body" | "rpcMethod"
>;

const UTF8 = new TextEncoder();

/**
 * The HTTP request one webhook request makes for one call. Pure and synchronous: the preview,
 * the test send, the worker and the curl command all start from this, so what the admin sees is
 * byte for byte what is sent.
 */
export function renderRequest(
  request: RenderableRequest,
  // Partial: a preview, a test or a stored call may lack any variable, uniqueid included.
  call: Partial<CallData>,
  context: RenderContext,
): RenderedRequest {
  const lookup = createLookup(call, context, request.dateFormat);
  const isGet = request.method === "GET";
  // A raw body is its own template; its parameters (and their hashes) would go nowhere.
  const fields = isGet || request.format !== "raw" ? renderParamFields(request.params, lookup) : [];
  const query = isGet ? encodeFormPairs(flattenFields(fields)) : "";
  return {
    method: request.method,
    url: renderUrl(request.url, lookup, query),
    headers: renderHeaders(request.headers, lookup),
    body: isGet ? null : UTF8.encode(renderBodyText(request, fields, lookup, context.deliveryId)),
  };
}
