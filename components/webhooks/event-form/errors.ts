/** The message react-hook-form holds at a dotted path of its nested errors object. */
export function errorAt(errors: unknown, path: string): string | undefined {
  let node = errors as Record<string, unknown> | undefined;
  for (const part of path.split(".")) node = node?.[part] as Record<string, unknown> | undefined;
  if (typeof node?.message === "string") return node.message;
  const root = node?.root as { message?: unknown } | undefined;
  return typeof root?.message === "string" ? root.message : undefined;
}
