export type { CallData } from "../model/call-event";
export { toCurl } from "./curl";
export { headerValueForWire } from "./headers";
export { type RenderableRequest, renderRequest } from "./render-request";
export type { RenderContext, RenderedHeader, RenderedRequest } from "./types";
