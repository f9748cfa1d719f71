import { type ArrayItem, type Param, sentParamName } from "../model/event-schema";
import { hashText } from "./hashes";
import type { Lookup, ParamField, ParamNode } from "./types";
import { renderText, renderTyped } from "./values";

/** Renders every parameter value, keeping names as they are sent and the admin's order. */
export function renderParamFields(params: readonly Param[], lookup: Lookup): ParamField[] {
  return params.map((param) => ({
    name: sentParamName(param.name),
    node: renderParam(param, lookup),
  }));
}

function renderParam(param: Param, lookup: Lookup): ParamNode {
  switch (param.type) {
    case "text":
      return { kind: "scalar", value: renderTyped(param.value, lookup) };
    case "array":
      return { kind: "list", items: param.items.map((item) => renderItem(item, lookup)) };
    case "object":
      return { kind: "record", fields: renderParamFields(param.fields, lookup) };
    default:
      // The remaining kinds are the hashes: a digest of the value's text, never typed.
      return { kind: "scalar", value: hashText(param.type, renderText(param.value, lookup)) };
  }
}

function renderItem(item: ArrayItem, lookup: Lookup): ParamNode {
  if (typeof item === "string") return { kind: "scalar", value: renderTyped(item, lookup) };
  return { kind: "record", fields: renderParamFields(item.fields, lookup) };
}
