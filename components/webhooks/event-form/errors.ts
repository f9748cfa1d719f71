import type { FieldErrors } from "react-hook-form";

/** The message react-hook-form holds at a dotted path of its nested errors object. */
export function errorAt(errors: unknown, path: string): string | undefined {
  let node = errors as Record<string, unknown> | undefined;
  for (const part of path.split(".")) node = node?.[part] as Record<string, unknown> | undefined;
  if (typeof node?.message === "string") return node.message;
  const root = node?.root as { message?: unknown } | undefined;
  return typeof root?.message === "string" ? root.message : undefined;
}

/** The first field with a message, in the order the errors object holds them. */
export function firstErrorPath(errors: FieldErrors, prefix = ""): string | null {
  for (const [key, value] of Object.entries(errors)) {
    if (!value || typeof value !== "object") continue;
    const path = key === "root" ? prefix : prefix ? `${prefix}.${key}` : key;
    if (typeof (value as { message?: unknown }).message === "string") return path || null;
    if (key === "ref") continue;
    const nested = firstErrorPath(value as FieldErrors, path);
    if (nested) return nested;
  }
  return null;
}
