import { isStorableText } from "./call-limits";

/**
 * One line of text a person types (a name, a department): no line breaks, tabs or other control
 * characters, which would show up as nothing or break a table cell, and nothing PostgreSQL
 * cannot store (NUL, a lone UTF-16 surrogate).
 */
export function isSingleLineText(value: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  return !/[\x00-\x1f\x7f]/.test(value) && isStorableText(value);
}

export const SINGLE_LINE_MESSAGE = "use one line of text without control characters";
