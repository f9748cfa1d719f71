import { createHash } from "node:crypto";
import type { CallEvent } from "../model/call-event";

/** JSON with every object's keys sorted, so key order and whitespace do not change it. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The sha256 of a parsed call event in canonical form (dates are already normalised by the
 * schema): two posts of one event hash alike however their JSON was written, so a repeated
 * idempotency id can be told apart from a different event reusing it.
 */
export function callEventHash(event: CallEvent): string {
  return createHash("sha256").update(canonicalJson(event)).digest("hex");
}
