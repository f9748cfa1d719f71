import "server-only";
import { ZodError } from "zod";
import { toFieldErrors } from "@/lib/http/errors";
import { catalogs } from "@/lib/i18n/catalogs";
import { catalogTranslators } from "./catalog-translators";
import { issueText } from "./issue-text";
import { requestLocale } from "./request-locale";

/**
 * A failed parse as the form shows it, in the language of whoever sent the action: the locale
 * i18n/request.ts picks for the page, the words the form's own validation uses.
 */
export async function zodErrorResult(
  error: ZodError,
): Promise<{ message: string; fieldErrors: Record<string, string> }> {
  const locale = await requestLocale();
  const translators = catalogTranslators(locale, catalogs().messages(locale));
  const translated = error.issues.map((issue) => ({
    ...issue,
    message: issueText(issue, translators),
  }));
  return {
    message: translators.validation("checkFields"),
    fieldErrors: toFieldErrors(new ZodError(translated)),
  };
}
