import type { Lookup, RenderedHeader } from "./types";
import { renderText } from "./values";

/** The stored headers, in order and with duplicates, each value rendered as text. */
export function renderHeaders(
  headers: readonly RenderedHeader[],
  lookup: Lookup,
): RenderedHeader[] {
  return headers.map(({ name, value }) => ({
    name,
    value: cleanHeaderValue(renderText(value, lookup)),
  }));
}

/**
 * A variable's value can carry a line break; written into a header it would end that header and
 * start one the admin never configured. Control characters become spaces, and the ends are
 * trimmed as every HTTP parser trims them, so the preview shows what the receiver reads.
 */
function cleanHeaderValue(value: string): string {
  return Array.from(value, (char) => (isControl(char) ? " " : char))
    .join("")
    .replace(/^[\t ]+|[\t ]+$/g, "");
}

function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code < 0x20 && char !== "\t") || code === 0x7f;
}

/**
 * A header value as Node's http client must be given it to put UTF-8 on the wire: one character
 * per byte. Node writes header strings as Latin-1 and refuses characters above U+00FF, so a
 * Cyrillic employee name has to be handed over this way.
 */
export function headerValueForWire(value: string): string {
  return Buffer.from(value, "utf8").toString("latin1");
}
