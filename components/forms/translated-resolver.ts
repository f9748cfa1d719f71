import { toNestErrors } from "@hookform/resolvers";
import type { FieldError, FieldValues, Resolver } from "react-hook-form";
import type { ZodIssue } from "@/i18n/issue-text";

type Parsed<T> = { success: true; data: T } | { success: false; error: { issues: ZodIssue[] } };

/**
 * A react-hook-form resolver over a zod parse whose messages come out in the interface language.
 * The schemas keep their English (the API's words); translating here, where the issue still
 * carries its kind and values, covers every field of every form, whatever component shows it.
 * `toFieldName` maps an issue's path to the form's field name; the first issue of a field wins.
 */
export function translatedResolver<TValues extends FieldValues, TOutput>(
  parse: (values: TValues) => Promise<Parsed<TOutput>>,
  issueText: (issue: ZodIssue) => string,
  toFieldName: (path: readonly PropertyKey[]) => string = (path) => path.map(String).join("."),
): Resolver<TValues, unknown, TOutput> {
  return async (values, _context, options) => {
    const result = await parse(values);
    if (result.success) return { values: result.data, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const name = toFieldName(issue.path) || "root";
      flat[name] ??= { type: issue.code, message: issueText(issue) };
    }
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}
