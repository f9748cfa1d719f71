import "server-only";
import { ZodError, type z } from "zod";
import { requestLocale } from "@/i18n/request-locale";
import { zodErrorResult } from "@/i18n/zod-error-result";
import { toErrorResponse } from "@/lib/http/errors";
import { wordsOf } from "@/lib/i18n/catalog-words";
import { recordIdSchema } from "@/lib/model/ids";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors: Record<string, string> };

/** Runs an action body and maps every failure to a result the form can show next to its fields. */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    if (error instanceof ZodError) return { ok: false, ...(await zodErrorResult(error)) };
    const { body: errorBody, text } = toErrorResponse(error);
    const { field } = errorBody.error;
    // The API answers in English; the person who ran the action reads their own language.
    const message = text
      ? wordsOf(await requestLocale(), "serverErrors", text)
      : errorBody.error.message;
    return { ok: false, message, fieldErrors: field ? { [field]: message } : {} };
  }
}

// redirect() and notFound() work by throwing; they must pass through untouched.
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return (
    typeof digest === "string" &&
    (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR"))
  );
}

/** The id an action takes as an argument (a project, an event, a key): the shape the app makes. */
export const actionIdSchema = recordIdSchema;

/**
 * Parses one argument of an action. An action is a public endpoint that takes any values, so
 * each argument is checked, and its issues are named after it ("projectId: not a valid id").
 */
export function parseArgument<T extends z.ZodType>(
  name: string,
  schema: T,
  value: unknown,
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ZodError(
    result.error.issues.map((issue) => ({ ...issue, path: [name, ...issue.path] })),
  );
}
