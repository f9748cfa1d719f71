import type { ParamField, ParamNode } from "./types";
import { scalarToText } from "./values";

export type FormPair = [key: string, value: string];

/**
 * Flattens rendered parameters into form pairs with bracketed keys, the convention PHP, Rails,
 * qs and body-parser read back into the same tree: `client[phone]`, `utm[]` for a list of
 * values, and indices (`events[0][name]`) once a list holds an object, because `[]` cannot say
 * which object a field belongs to. Every pair is kept, so a repeated name is sent twice. An
 * empty list or object sends nothing: no key reads back as empty.
 */
export function flattenFields(
  fields: readonly ParamField[],
  prefix: string | null = null,
): FormPair[] {
  return fields.flatMap(({ name, node }) =>
    flattenNode(node, prefix === null ? name : `${prefix}[${name}]`),
  );
}

function flattenNode(node: ParamNode, key: string): FormPair[] {
  switch (node.kind) {
    case "scalar":
      return [[key, scalarToText(node.value)]];
    case "record":
      return flattenFields(node.fields, key);
    case "list": {
      const indexed = node.items.some((item) => item.kind !== "scalar");
      return node.items.flatMap((item, index) =>
        flattenNode(item, indexed ? `${key}[${index}]` : `${key}[]`),
      );
    }
  }
}

/**
 * application/x-www-form-urlencoded as the WHATWG URL standard serializes it (what browsers
 * send): UTF-8, space as `+`, everything but `*-._` and alphanumerics percent-encoded.
 */
export function encodeFormPairs(pairs: readonly FormPair[]): string {
  return new URLSearchParams(pairs.map(([key, value]) => [key, value])).toString();
}

/**
 * A value standing in a URL's path, query or fragment. encodeURIComponent escapes every
 * delimiter of all three (`/ ? # & = +` and spaces), so a value cannot end its segment or add
 * a parameter; a lone surrogate, which it would throw on, becomes U+FFFD as in any UTF-8 text.
 */
export function encodeUrlValue(text: string): string {
  return encodeURIComponent(toWellFormed(text));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}
