export { toCurl } from "./curl";
export { headerValueForWire } from "./headers";
export { type RenderableRequest, renderRequest } from "./render-request";
export type { CallData, RenderContext, RenderedHeader, RenderedRequest } from "./types";
