import type { ParamField, ParamNode } from "./types";

/**
 * JSON text of rendered parameters. Written by hand rather than through a JS object so that the
 * admin's order survives (an object puts integer-like keys such as `"10"` first) and a name like
 * `__proto__` is an ordinary key. A repeated name keeps its first position and its last value,
 * which is how JSON.parse reads a document with duplicate keys.
 */
export function fieldsToJson(fields: readonly ParamField[]): string {
  const byName = new Map<string, ParamNode>();
  for (const field of fields) byName.set(field.name, field.node);
  const members = [...byName].map(([name, node]) => `${JSON.stringify(name)}:${nodeToJson(node)}`);
  return `{${members.join(",")}}`;
}

function nodeToJson(node: ParamNode): string {
  switch (node.kind) {
    case "scalar":
      return JSON.stringify(node.value);
    case "list":
      return `[${node.items.map(nodeToJson).join(",")}]`;
    case "record":
      return fieldsToJson(node.fields);
  }
}
