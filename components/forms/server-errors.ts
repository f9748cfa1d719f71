import type { FieldValues, Path, UseFormReturn } from "react-hook-form";

type FailedResult = { message: string; fieldErrors: Record<string, string> };

/**
 * Puts a failed action's field messages on the form fields they name. `toFieldName` turns the
 * server's path (`requests[1].params[2].fields[0].name`) into the form's field name; a path
 * that names no field of the form comes back in `unplaced`, to show above the form.
 */
export function applyServerErrors<T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
  result: FailedResult,
  toFieldName: (path: string) => string,
): { placed: string[]; unplaced: string[] } {
  const values = form.getValues();
  const placed: string[] = [];
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(result.fieldErrors)) {
    const name = toFieldName(path);
    if (name && hasPath(values, name)) {
      form.setError(name as Path<T>, { type: "server", message });
      placed.push(name);
    } else {
      unplaced.push(message);
    }
  }
  if (placed.length === 0 && unplaced.length === 0) unplaced.push(result.message);
  return { placed, unplaced };
}

function hasPath(values: unknown, name: string): boolean {
  let node = values;
  for (const part of name.split(".")) {
    if (node === null || typeof node !== "object" || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}
