import { createHash } from "node:crypto";
import type { CallEvent } from "../model/call-event";

/**
 * JSON with every object's keys sorted, so key order and whitespace do not change it. Built in
 * one pass with plain loops: it runs on every call event ingested. `sort()` without a comparator
 * orders by UTF-16 code units, as `<` does: the text (and so every stored hash) is unchanged.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let text = "[";
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) text += ",";
      text += canonicalJson(value[i]);
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  let text = "{";
  for (const key of Object.keys(record).sort()) {
    const field = record[key];
    if (field === undefined) continue;
    if (text.length > 1) text += ",";
    text += `${JSON.stringify(key)}:${canonicalJson(field)}`;
  }
  return `${text}}`;
}

/**
 * The sha256 of a parsed call event in canonical form (dates are already normalised by the
 * schema): two posts of one event hash alike however their JSON was written, so a repeated
 * idempotency id can be told apart from a different event reusing it.
 */
export function callEventHash(event: CallEvent): string {
  return createHash("sha256").update(canonicalJson(event)).digest("hex");
}
