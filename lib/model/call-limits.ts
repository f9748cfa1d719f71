import type { z } from "zod";

export const CALL_LIMITS = {
  /** Fields in the whole call: nested fields of extra values and their list items count too. */
  entries: 200,
  stringBytes: 8 * 1024,
  idLength: 200,
} as const;

// NUL and lone UTF-16 surrogates survive JSON.parse but PostgreSQL's jsonb refuses them, and a
// lone surrogate would be sent as U+FFFD: refusing them here keeps "accepted" meaning "stored".
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_MESSAGE = "contains a NUL character or a broken UTF-16 pair";

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

const encoder = new TextEncoder();
export function fitsStringLimit(text: string): boolean {
  // A UTF-16 unit encodes to at most 3 bytes, so most values need no encoding to decide.
  if (text.length * 3 <= CALL_LIMITS.stringBytes) return true;
  return encoder.encode(text).length <= CALL_LIMITS.stringBytes;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Counts fields and list items at every depth, stopping once past `budget`. */
function countEntries(value: unknown, budget: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && count <= budget) {
    const next = stack.pop();
    const children = Array.isArray(next) ? next : isPlainObject(next) ? Object.values(next) : [];
    count += children.length;
    stack.push(...children);
  }
  return count;
}

type Path = Array<string | number>;

function checkStrings(value: unknown, path: Path, ctx: z.RefinementCtx) {
  if (typeof value === "string") {
    if (!fitsStringLimit(value)) {
      ctx.addIssue({
        code: "custom",
        path,
        message: `use at most ${CALL_LIMITS.stringBytes / 1024} KiB`,
      });
    } else if (!isStorableText(value)) {
      ctx.addIssue({
        code: "custom",
        path,
        message: UNSTORABLE_MESSAGE,
      });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => {
      checkStrings(item, [...path, index], ctx);
    });
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (!fitsStringLimit(key) || !isStorableText(key)) {
        const message =
          "use a field name of at most 8 KiB without NUL characters or broken UTF-16 pairs";
        ctx.addIssue({ code: "custom", path: [...path, key], message });
      }
      checkStrings(item, [...path, key], ctx);
    }
  }
}

/** Size and storability of the raw call, before any variable is type-checked. */
export function checkCallLimits(call: Record<string, unknown>, ctx: z.RefinementCtx) {
  if (countEntries(call, CALL_LIMITS.entries) > CALL_LIMITS.entries) {
    ctx.addIssue({
      code: "custom",
      message: `use at most ${CALL_LIMITS.entries} fields (nested fields and list items count too)`,
    });
    return;
  }
  checkStrings(call, [], ctx);
}
